package potentia.relax;

/**
 * FIRE, the fast inertial relaxation engine (Bitzek, Koskinen, Gähler, Moseler, Gumbsch,
 * Phys. Rev. Lett. 97 (2006) 170201): damped dynamics with unit masses whose velocity is mixed
 * towards the force direction, v ← (1 − α)v + α|v|F̂, while the power P = F·v stays positive;
 * after more than N_min such steps the time step grows (× f_inc, up to Δt_max) and α shrinks
 * (× f_α). When P ≤ 0 the system is going uphill: stop (v = 0), halve the time step (× f_dec)
 * and reset α. Parameters are the paper's (N_min 5, f_inc 1.1, f_dec 0.5, α_start 0.1,
 * f_α 0.99) with ASE's Δt = 0.1 and Δt_max = 1.0 (in ASE's time unit with unit masses, i.e.
 * a step Δt·v with v accumulating Δt·F in eV/Å). Integration is the semi-implicit Euler step
 * v ← v + Δt F, Δx = Δt v, as in ASE; the step is then capped so no atom moves more than the
 * maximum step.
 */
final class Fire implements StepRule {
    private static final double DT_START = 0.1;
    private static final double DT_MAX = 1.0;
    private static final int N_MIN = 5;
    private static final double F_INC = 1.1;
    private static final double F_DEC = 0.5;
    private static final double ALPHA_START = 0.1;
    private static final double F_ALPHA = 0.99;

    private final double maxStep;
    private double[] v;
    private double dt = DT_START;
    private double alpha = ALPHA_START;
    private int positiveSteps;

    Fire(double maxStep) {
        this.maxStep = maxStep;
    }

    @Override
    public double[] propose(Evaluation current) {
        double[] f = current.force();
        if (v == null) {
            v = new double[f.length];
        } else {
            double power = StepRule.dot(f, v);
            if (power > 0) {
                double vNorm = Math.sqrt(StepRule.dot(v, v));
                double fNorm = Math.sqrt(StepRule.dot(f, f));
                double mix = fNorm > 0 ? alpha * vNorm / fNorm : 0;
                for (int k = 0; k < v.length; k++) {
                    v[k] = (1 - alpha) * v[k] + mix * f[k];
                }
                if (positiveSteps > N_MIN) {
                    dt = Math.min(dt * F_INC, DT_MAX);
                    alpha *= F_ALPHA;
                }
                positiveSteps++;
            } else {
                java.util.Arrays.fill(v, 0);
                alpha = ALPHA_START;
                dt *= F_DEC;
                positiveSteps = 0;
            }
        }
        double[] dx = new double[f.length];
        for (int k = 0; k < v.length; k++) {
            v[k] += dt * f[k];
            dx[k] = dt * v[k];
        }
        return dx;
    }

    @Override
    public double stepLimit() {
        return maxStep;
    }

    @Override
    public boolean accept(Evaluation from, Evaluation to, double[] dx) {
        return true;
    }
}
