package potentia.md;

import potentia.units.Units;

/**
 * One step of stochastic cell rescaling ({@link Barostat.CellRescaling}) inside velocity Verlet,
 * after the first half kick and in place of the drift, as in the "T" scheme of Bernetti and
 * Bussi's reference code: with λ = √V and mobility M = β_T/(4τ_p),
 * <pre>
 *   F_λ = −2λ (P₀ − P_int − k_BT/(2V))          (force on λ, including the Jacobian term)
 *   Δλ  = M F_λ Δt + √(2 k_BT M Δt) R
 *   s   = ((λ + Δλ)/λ)^{2/3}                       (V' = (λ + Δλ)²)
 * </pre>
 * and, for the anisotropic variant, a symmetric traceless strain e with
 * Δe_ab = (β_T/(3τ_p)) dev(P_int)_ab Δt + noise of variance 2k_BTβ_TΔt/(3τ_pV) on the diagonal
 * (made traceless) and half that off it — the per-component mobility that makes the trace part
 * exactly the isotropic equation above. Then μ = s·exp(e) and, for row vectors,
 * <pre>  x ← x·μ + v·(μ + μ⁻¹)/2 Δt,   v ← v·μ⁻¹,   h ← h·μ.</pre>
 *
 * <p>Energy book-keeping: the effective energy K + U + P₀V + reservoir is conserved up to the
 * integration error when each move adds to the reservoir the heat it exchanged, estimated from
 * the forward/backward proposal probabilities of the overdamped step,
 * Q = ½Δq·(F + F') + (MΔt/4)(|F'|² − |F|²), less the Jacobian's ½k_BT ln(V'/V).
 * Mutable: {@link #before} and {@link #after} bracket one force evaluation.
 */
final class CellRescalingMove {
    static final long STREAM = 20;

    private final Barostat.CellRescaling parameters;
    private final double kt;
    private final CounterRandom random;
    private final MdSystem system;

    private double dLambda;
    private double[] strain;
    private double diagonalMobility;
    private double offDiagonalMobility;

    CellRescalingMove(Barostat.CellRescaling parameters, double temperature, CounterRandom random, MdSystem system) {
        this.parameters = parameters;
        this.kt = Units.BOLTZMANN * temperature;
        this.random = random;
        this.system = system;
    }

    /** Instantaneous pressure tensor (virial + Σ m v v)/V, eV/Å³, symmetrised. */
    private double[] pressureTensor(double[] v, double[] virial, double volume) {
        double[] kin = Velocities.kineticTensor(system, v);
        double[] p = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                p[3 * a + b] = (0.5 * (virial[3 * a + b] + virial[3 * b + a]) + kin[3 * a + b]) / volume;
            }
        }
        return p;
    }

    private double lambdaForce(double[] pressure, double volume) {
        double lambda = Math.sqrt(volume);
        return -2 * lambda * (parameters.pressure() - Mat3.trace(pressure) / 3 - kt / (2 * volume));
    }

    /**
     * Draws the move for step {@code step}, applies it and returns the reservoir's share before the
     * force evaluation.
     *
     * @param x 3N positions, Å, modified (scaled and drifted by Δt)
     * @param v 3N velocities after the first half kick, Å/fs, modified (scaled)
     * @param virial the virial at the current positions, eV, 3×3 (not modified)
     * @param h the cell matrix, rows = lattice vectors, modified
     */
    double before(long step, double dt, double[] x, double[] v, double[] virial, double[] h) {
        double volume = Math.abs(Mat3.determinant(h));
        double[] p = pressureTensor(v, virial, volume);
        CounterRandom.Sequence noise = random.sequence(STREAM, step);
        double mobility = parameters.compressibility() / (4 * parameters.tau());
        double force = lambdaForce(p, volume);
        double lambda = Math.sqrt(volume);
        dLambda = mobility * force * dt + Math.sqrt(2 * kt * mobility * dt) * noise.normal();
        double heat = 0.5 * dLambda * force - 0.25 * mobility * dt * force * force + 0.5 * kt * StrictMath.log(volume);
        if (lambda + dLambda <= 0) {
            throw new IllegalStateException("barostat step would make the volume vanish (time step or compressibility too large)");
        }
        double s = StrictMath.cbrt((lambda + dLambda) / lambda);
        s = s * s;
        double[] mu = Mat3.scaled(Mat3.identity(), s);
        if (parameters.anisotropic()) {
            strain = deviatoricStrain(p, volume, dt, noise);
            heat += deviatoricHeat(p, volume, dt, -1);
            mu = Mat3.multiply(mu, Mat3.exp(strain));
        }
        apply(mu, dt, x, v, h);
        return heat;
    }

    /**
     * The reservoir's share after the force evaluation at the moved positions.
     *
     * @param v 3N velocities, Å/fs, as scaled by {@link #before} (not modified)
     * @param virial the virial at the new positions, eV (not modified)
     * @param h the new cell matrix (not modified)
     */
    double after(double dt, double[] v, double[] virial, double[] h) {
        double volume = Math.abs(Mat3.determinant(h));
        double[] p = pressureTensor(v, virial, volume);
        double mobility = parameters.compressibility() / (4 * parameters.tau());
        double force = lambdaForce(p, volume);
        double heat = 0.5 * dLambda * force + 0.25 * mobility * dt * force * force - 0.5 * kt * StrictMath.log(volume);
        if (parameters.anisotropic()) {
            heat += deviatoricHeat(p, volume, dt, +1);
        }
        return heat;
    }

    /** The symmetric traceless strain of one step; also fixes the mobilities used for its heat. */
    private double[] deviatoricStrain(double[] p, double volume, double dt, CounterRandom.Sequence noise) {
        double tau = parameters.tau();
        double beta = parameters.compressibility();
        diagonalMobility = beta / (3 * tau * volume);
        offDiagonalMobility = beta / (6 * tau * volume);
        double[] dev = deviatoric(p);
        double[] e = new double[9];
        double[] xi = new double[3];
        double mean = 0;
        for (int a = 0; a < 3; a++) {
            xi[a] = noise.normal();
            mean += xi[a] / 3;
        }
        double diagonalNoise = Math.sqrt(2 * kt * diagonalMobility * dt);
        for (int a = 0; a < 3; a++) {
            e[4 * a] = diagonalMobility * volume * dev[4 * a] * dt + diagonalNoise * (xi[a] - mean);
        }
        double offNoise = Math.sqrt(2 * kt * offDiagonalMobility * dt);
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                double eab = offDiagonalMobility * 2 * volume * dev[3 * a + b] * dt + offNoise * noise.normal();
                e[3 * a + b] = eab;
                e[3 * b + a] = eab;
            }
        }
        return e;
    }

    /**
     * ½Δq·F ∓ (MΔt/4)|F|² over the deviatoric components (sign −1 before the move, +1 after),
     * with generalised forces V·dev(P) on the diagonal and 2V·dev(P) on each off-diagonal pair.
     */
    private double deviatoricHeat(double[] p, double volume, double dt, int sign) {
        double[] dev = deviatoric(p);
        double heat = 0;
        for (int a = 0; a < 3; a++) {
            double f = volume * dev[4 * a];
            heat += 0.5 * strain[4 * a] * f + sign * 0.25 * diagonalMobility * dt * f * f;
            for (int b = a + 1; b < 3; b++) {
                double g = 2 * volume * dev[3 * a + b];
                heat += 0.5 * strain[3 * a + b] * g + sign * 0.25 * offDiagonalMobility * dt * g * g;
            }
        }
        return heat;
    }

    private static double[] deviatoric(double[] p) {
        double[] d = p.clone();
        double mean = Mat3.trace(p) / 3;
        for (int a = 0; a < 3; a++) {
            d[4 * a] -= mean;
        }
        return d;
    }

    /** x ← x·μ + v·(μ + μ⁻¹)/2 Δt, v ← v·μ⁻¹, h ← h·μ, for row vectors. */
    private static void apply(double[] mu, double dt, double[] x, double[] v, double[] h) {
        double[] inv = Mat3.inverse(mu);
        double[] flight = new double[9];
        for (int k = 0; k < 9; k++) {
            flight[k] = 0.5 * (mu[k] + inv[k]) * dt;
        }
        for (int a = 0; a < x.length; a += 3) {
            double x0 = x[a];
            double x1 = x[a + 1];
            double x2 = x[a + 2];
            double v0 = v[a];
            double v1 = v[a + 1];
            double v2 = v[a + 2];
            for (int c = 0; c < 3; c++) {
                x[a + c] = x0 * mu[c] + x1 * mu[3 + c] + x2 * mu[6 + c]
                        + v0 * flight[c] + v1 * flight[3 + c] + v2 * flight[6 + c];
                v[a + c] = v0 * inv[c] + v1 * inv[3 + c] + v2 * inv[6 + c];
            }
        }
        double[] moved = Mat3.multiply(h, mu);
        System.arraycopy(moved, 0, h, 0, 9);
    }
}
