package potentia.ehp;

import java.util.function.Consumer;
import org.ejml.data.DMatrixRMaj;
import potentia.md.CounterRandom;
import potentia.structure.Cell;

/**
 * Minimises the variational free energy of an effective harmonic potential,
 * F[Φ, R₀] = F_harm[Φ, T] + ⟨V − ½uᵀΦu⟩_ρ(Φ,R₀) ≥ F (Gibbs–Bogoliubov; Hooton 1955; the
 * stochastic self-consistent harmonic approximation of Errea, Calandra and Mauri, PRL 111 (2013)
 * 177002, and Monacelli et al., J. Phys.: Condens. Matter 33 (2021) 363001), over the force
 * constants Φ, the centroids R₀ and optionally the cell.
 *
 * <p>Each step estimates, from an ensemble drawn from some earlier state and reweighted to the
 * current one ({@link Estimator}), F with its error, the mean force ⟨f⟩ = −∂F/∂R₀ and the
 * effective force constants ⟨∂²V⟩, at which ∂F/∂Φ vanishes (dF = ½Tr[(⟨∂²V⟩ − Φ)dΣ]). It then
 * moves Φ ← Φ + λ(⟨∂²V⟩ − Φ) and R₀ ← R₀ + λΦ⁺⟨f⟩ — the self-consistent iteration, a
 * preconditioned gradient step — after projecting the estimates onto the crystal's symmetry.
 * The ensemble is redrawn when its effective sample size falls below the threshold, when the
 * cell changes, or at every step without reweighting. Convergence is judged by the free-energy
 * gap, the second-order estimate of how much further F would fall,
 * −¼Σ_μν X_μν² (g(λ_μ) − g(λ_ν))/(λ_μ − λ_ν) + ½⟨f⟩ᵀΦ⁺⟨f⟩ with X the Φ step in the mode basis,
 * together with F's statistical error and, with the cell relaxing, the stress. The cell moves by
 * Newton steps ε = −(σ_F + p·1)/3B with a bulk-modulus guess B, once Φ is near its optimum.
 *
 * <p>Mutable engine, one thread drives it (configurations are evaluated on the settings'
 * threads). Deterministic: every random number is a function of (seed, stream, ensemble index,
 * number), so a run resumed from a {@link #snapshot()} continues bit for bit.
 */
public final class EhpMinimiser {
    private static final int MAX_GROWTH = 16;
    private static final double MAX_STRAIN = 0.03;
    private static final int FRESH_BEFORE_GROWTH = 6;
    private static final double MIN_MIXING = 1.0 / 16;

    private final EhpProblem problem;
    private final EhpSettings settings;
    private final CounterRandom random;
    private final long stream;
    private GaussianState state;
    private Cell cell;
    private Ensemble ensemble;
    private long nextEnsemble;
    private int steps;
    private long evaluations;
    private int pairs;
    private boolean needFresh;
    private int freshAtThisSize;
    private double mixing;
    private double[] previousDelta;
    private boolean done;
    private boolean converged;
    private EhpResult result;
    private Consumer<EhpStep> observer = s -> { };

    /**
     * A minimisation from the problem's starting state.
     *
     * @param stream the random-number stream of this minimisation (distinct per temperature and
     *     structure in a run)
     */
    public EhpMinimiser(EhpProblem problem, EhpSettings settings, CounterRandom random, long stream) {
        this.problem = problem;
        this.settings = settings;
        this.random = random;
        this.stream = stream;
        this.state = problem.start();
        this.cell = problem.cell();
        this.pairs = settings.pairs();
        this.needFresh = true;
        this.mixing = settings.step();
    }

    /** Continues a minimisation from its snapshot (same problem, settings, seed and stream). */
    public static EhpMinimiser resume(EhpProblem problem, EhpSettings settings, CounterRandom random, long stream,
            EhpSnapshot s) {
        EhpMinimiser m = new EhpMinimiser(problem, settings, random, stream);
        m.cell = isZero(s.cell()) ? Cell.NONE : Cell.of(s.cell(), problem.cell().pbc());
        m.state = problem.start().with(s.centroid(), s.forceConstants());
        m.nextEnsemble = s.nextEnsemble();
        m.steps = s.steps();
        m.evaluations = s.evaluations();
        m.pairs = s.pairs();
        m.needFresh = s.needFresh();
        m.freshAtThisSize = s.freshAtThisSize();
        m.mixing = s.mixing();
        m.previousDelta = s.previousDelta();
        m.done = s.done();
        m.converged = s.converged();
        if (s.ensemble() != null) {
            EhpSnapshot.EnsembleData d = s.ensemble();
            GaussianState source = problem.start().with(d.sourceCentroid(), d.sourceForceConstants());
            m.ensemble = new Ensemble(source, m.cell, d.index(), DMatrixRMaj.wrap(d.rows(), d.columns(), d.positions()),
                    d.energies(), DMatrixRMaj.wrap(d.rows(), d.columns(), d.forces()), d.virials(), d.logSource());
        }
        if (m.done) {
            throw new IllegalArgumentException("this minimisation has already ended; nothing to resume");
        }
        return m;
    }

    private static boolean isZero(double[] h) {
        for (double v : h) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** Called with every step. */
    public void observe(Consumer<EhpStep> stepObserver) {
        this.observer = stepObserver;
    }

    /** Steps until the minimisation ends, then its result. */
    public EhpResult run() {
        while (!done) {
            step();
        }
        return result;
    }

    /** Whether the minimisation has ended (converged or out of steps). */
    public boolean done() {
        return done;
    }

    /** The result, once {@link #done()}. */
    public EhpResult result() {
        if (!done) {
            throw new IllegalStateException("the minimisation has not ended");
        }
        return result;
    }

    /** The current state. */
    public GaussianState state() {
        return state;
    }

    /** The current cell. */
    public Cell cell() {
        return cell;
    }

    /** Force evaluations so far. */
    public long evaluations() {
        return evaluations;
    }

    /** One step: estimate at the current state, then move it (unless converged). */
    public EhpStep step() {
        if (done) {
            throw new IllegalStateException("the minimisation has ended");
        }
        boolean fresh = false;
        if (ensemble == null || needFresh) {
            draw();
            fresh = true;
        }
        Estimate est = Estimator.estimate(ensemble, state, true);
        if (!fresh && (!settings.reweighting() || est.effectiveSamples() < settings.essThreshold() * ensemble.size())) {
            draw();
            fresh = true;
            est = Estimator.estimate(ensemble, state, true);
        }
        needFresh = false;
        Symmetriser sym = problem.symmetriser();
        int n = state.dimension();
        double[] phi = state.phiArray();
        double[] phiEff = sym.forceConstants(est.effectiveForceConstants());
        double[] delta = new double[n * n];
        for (int k = 0; k < delta.length; k++) {
            delta[k] = phiEff[k] - phi[k];
        }
        double[] force = sym.vector(est.meanForce());
        double[] dr = state.solve(force);
        double gap = 0.5 * dot(force, dr) + phiGap(state, delta);
        int atoms = problem.atoms();
        double volume = cell.anyPeriodic() ? cell.volume() : Double.NaN;
        double pressure = Double.NaN;
        double[] mismatch = null;
        if (est.stress() != null) {
            double[] s = sym.tensor(est.stress());
            pressure = -(s[0] + s[4] + s[8]) / 3;
            mismatch = s.clone();
            for (int k = 0; k < 3; k++) {
                mismatch[4 * k] += problem.pressure();
            }
        }
        boolean cellOk = !problem.relaxCell() || maxAbs(mismatch) <= Math.max(settings.pressureTolerance(),
                2 * est.pressureError());
        double f = settings.frequencyTolerance();
        double gapTol = Math.min(0.1 * settings.tolerance() * atoms, f * f * state.gapScale());
        boolean gapOk = gap <= gapTol;
        boolean errOk = est.freeEnergyError() <= settings.tolerance() * atoms || pairs >= MAX_GROWTH * settings.pairs();
        EhpStep record = new EhpStep(steps, ensemble.index(), fresh, est.freeEnergy() / atoms,
                est.freeEnergyError() / atoms, est.effectiveSamples() / ensemble.size(), gap / atoms, pressure,
                est.pressureError(), volume / atoms, evaluations);
        steps++;
        // converged only on an ensemble drawn at this very state: its estimate of F is then
        // unbiased, free of the optimism of a state tuned to the samples that judge it
        boolean finished = fresh && gapOk && cellOk && errOk;
        if (finished || steps >= settings.maxSteps()) {
            done = true;
            converged = finished;
            double gibbs = (est.freeEnergy() + (cell.anyPeriodic() ? problem.pressure() * cell.volume() : 0)) / atoms;
            result = new EhpResult(converged, state, cell, est.freeEnergy() / atoms, est.freeEnergyError() / atoms, gibbs,
                    pressure, est.pressureError(), volume / atoms, steps, nextEnsemble, evaluations, gap / atoms);
        } else if (gapOk && cellOk && !fresh) {
            needFresh = true;
        } else if (gapOk && cellOk) {
            grow();
        } else {
            if (fresh && freshAtThisSize > FRESH_BEFORE_GROWTH) {
                // many ensembles without reaching the tolerance: the noise floor is above it
                grow();
            }
            if (!gapOk) {
                move(phi, delta, dr);
            }
            if (!cellOk && gap <= 10 * 0.1 * settings.tolerance() * atoms) {
                strain(mismatch);
            }
        }
        observer.accept(record);
        return record;
    }

    private void draw() {
        ensemble = Ensemble.draw(state, cell, problem.landscape(), random, stream, nextEnsemble++, pairs,
                settings.threads());
        freshAtThisSize++;
        evaluations += ensemble.size();
    }

    /** A larger ensemble (up to 16× the configured size), drawn next step. */
    private void grow() {
        pairs = Math.min(2 * pairs, MAX_GROWTH * settings.pairs());
        freshAtThisSize = 0;
        needFresh = true;
    }

    /**
     * Φ ← Φ + λΔ, R₀ ← R₀ + λ·dr. The mixing λ adapts: halved when this direction turns back on
     * the last one (the self-consistent iteration oscillates where ⟨∂²V⟩ depends strongly on Φ,
     * near a soft mode), grown by a quarter up to the configured step when they agree. A trial λ
     * is halved further while a mode would become unstable or, with reweighting, while the
     * ensemble would keep fewer effective samples than the threshold (a trust region); the
     * centroids move at most half a standard deviation of the fluctuations per step.
     */
    private void move(double[] phi, double[] delta, double[] dr) {
        if (previousDelta != null) {
            double cos = cosine(previousDelta, delta);
            if (cos < 0) {
                mixing = Math.max(MIN_MIXING, 0.5 * mixing);
            } else if (cos > 0.5) {
                mixing = Math.min(settings.step(), 1.25 * mixing);
            }
        }
        previousDelta = delta;
        double[] sd = state.variances();
        double cap = 1;
        for (int k = 0; k < dr.length; k++) {
            double limit = 0.5 * Math.sqrt(sd[k]);
            if (Math.abs(dr[k]) > limit) {
                cap = Math.min(cap, limit / Math.abs(dr[k]));
            }
        }
        double lambda = mixing;
        double[] r0 = state.centroidArray();
        for (int attempt = 0; ; attempt++) {
            double[] p = new double[phi.length];
            for (int k = 0; k < p.length; k++) {
                p[k] = phi[k] + lambda * delta[k];
            }
            double[] r = new double[r0.length];
            for (int k = 0; k < r.length; k++) {
                r[k] = r0[k] + lambda * cap * dr[k];
            }
            GaussianState trial;
            try {
                trial = state.with(r, p);
            } catch (UnstableModesException e) {
                if (attempt >= 12) {
                    throw new UnstableModesException(e.count(), e.lowestFrequency());
                }
                lambda *= 0.5;
                continue;
            }
            if (settings.reweighting() && lambda > MIN_MIXING * settings.step()
                    && Estimator.effectiveSamples(ensemble, trial) < settings.essThreshold() * ensemble.size()) {
                lambda *= 0.5;
                continue;
            }
            state = trial;
            return;
        }
    }

    private static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < a.length; k++) {
            ab += a[k] * b[k];
            aa += a[k] * a[k];
            bb += b[k] * b[k];
        }
        return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 1;
    }

    /** A Newton step of the cell towards the target pressure; positions follow the strain. */
    private void strain(double[] mismatch) {
        double[] eps = new double[9];
        for (int k = 0; k < 9; k++) {
            eps[k] = Math.max(-MAX_STRAIN, Math.min(MAX_STRAIN, -mismatch[k] / (3 * problem.bulkModulus())));
        }
        cell = cell.strained(eps);
        double[] r0 = state.centroidArray();
        double[] r = new double[r0.length];
        for (int i = 0; i < r0.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                r[i + c] = r0[i + c] + r0[i] * eps[c] + r0[i + 1] * eps[3 + c] + r0[i + 2] * eps[6 + c];
            }
        }
        state = state.with(r, state.phiArray());
        needFresh = true;
    }

    /**
     * The second-order free-energy gap of moving Φ by Δ: −¼ Σ X² G with X = Δ in the mode basis
     * and G the divided differences of the mode variance (≥ 0).
     */
    static double phiGap(GaussianState s, double[] delta) {
        DMatrixRMaj x = s.inModes(delta);
        double[] lam = s.lambdaArray();
        ModeFunctions f = s.functions();
        double gap = 0;
        for (int a = 0; a < lam.length; a++) {
            for (int b = 0; b < lam.length; b++) {
                double v = x.unsafe_get(a, b);
                gap -= 0.25 * v * v * f.varianceDifference(lam[a], lam[b]);
            }
        }
        return gap;
    }

    /** The snapshot to resume from. */
    public EhpSnapshot snapshot() {
        EhpSnapshot.EnsembleData data = null;
        if (ensemble != null && !needFresh) {
            data = new EhpSnapshot.EnsembleData(ensemble.source().centroid(), ensemble.source().forceConstants(),
                    ensemble.index(), ensemble.positions().numRows, ensemble.positions().numCols,
                    ensemble.positions().data.clone(), ensemble.energies().clone(), ensemble.forces().data.clone(),
                    ensemble.virials(), ensemble.logSource().clone());
        }
        return new EhpSnapshot(state.centroid(), state.forceConstants(), cell.matrix(), data, nextEnsemble, steps,
                evaluations, pairs, needFresh || ensemble == null, freshAtThisSize, mixing,
                previousDelta == null ? null : previousDelta.clone(), done, converged);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
