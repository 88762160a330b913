package potentia.cmaes;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * One run of the (μ/μ_w, λ)-CMA-ES (N. Hansen, "The CMA Evolution Strategy: A Tutorial",
 * arXiv:1604.00772), minimising a fitness through an ask/tell interface: {@link #ask()} hands
 * out λ candidates x_k = m + σ B D z_k, z_k ~ N(0, I); the caller evaluates them anywhere it
 * likes and hands the fitness values back through {@link #tell(double[])}, which
 * <ul>
 *   <li>moves the mean to the weighted average of the μ best (m ← m + c_m σ Σ w_i y_i:λ);</li>
 *   <li>updates the cumulative step-size path p_σ and σ ← σ exp((c_σ/d_σ)(‖p_σ‖/E‖N‖ − 1));</li>
 *   <li>updates the covariance path p_c (stalled by h_σ) and C by the rank-one term c_1 p_c p_cᵀ
 *       and the rank-μ term c_μ Σ w°_i y_i yᵢᵀ, where negative weights are rescaled by
 *       n/‖C^−½ y_i‖² (tutorial eq. 46–47);</li>
 *   <li>re-decomposes C = B D² Bᵀ (EJML's symmetric eigensolver) only every
 *       {@link CmaesParameters#eigenInterval()} generations, which keeps a generation O(n²);</li>
 *   <li>checks the termination criteria ({@link StopReason}).</li>
 * </ul>
 * Parameters are Hansen's defaults ({@link CmaesParameters}). Fitness values that are NaN count
 * as +∞ (worst). Ties keep the order of the candidates.
 *
 * <p>Deterministic: the only randomness comes from a {@link Xoshiro256StarStar} seeded by the
 * caller, whose state is part of {@link #state()}; a run resumed from a state continues bit for
 * bit as the uninterrupted one. Not thread-safe (evaluate the candidates in parallel, not the
 * engine).
 */
public final class Cmaes {
    private final CmaesParameters p;
    private final int n;
    private final int lambda;
    private final boolean activeWeights;
    private final double sigma0;
    private final CmaesStopping stopping;
    private final Xoshiro256StarStar rng;
    private final double[] mean;
    private final double[] c;
    private final double[] b;
    private final double[] d;
    /** B·diag(D), n×n row-major: y = BD z. */
    private final double[] bd;
    private final double[] ps;
    private final double[] pc;
    private double sigma;
    private long generation;
    private long evaluations;
    private long eigenGeneration;
    private double[] bestX;
    private double bestFitness;
    private final FitnessHistory bestHistory;
    private final FitnessHistory medianHistory;
    private final EnumSet<StopReason> stop = EnumSet.noneOf(StopReason.class);
    /** The population handed out by ask(): z and y = BD z, λ×n each. */
    private final double[] z;
    private final double[] y;
    private boolean pending;

    private Cmaes(CmaesState s) {
        this.n = s.dimension();
        this.lambda = s.lambda();
        this.activeWeights = s.activeWeights();
        this.p = CmaesParameters.of(n, lambda, activeWeights);
        this.sigma0 = s.sigma0();
        this.stopping = s.stopping();
        this.rng = Xoshiro256StarStar.ofState(s.rng());
        this.mean = s.mean();
        this.c = s.covariance();
        this.b = s.axes();
        this.d = s.scales();
        this.bd = new double[n * n];
        updateBd();
        this.ps = s.pathSigma();
        this.pc = s.pathC();
        this.sigma = s.sigma();
        this.generation = s.generation();
        this.evaluations = s.evaluations();
        this.eigenGeneration = s.eigenGeneration();
        this.bestX = s.bestX();
        this.bestFitness = s.bestFitness();
        int capacity = historyCapacity(n, lambda);
        this.bestHistory = FitnessHistory.of(capacity, s.bestHistory());
        this.medianHistory = FitnessHistory.of(capacity, s.medianHistory());
        this.stop.addAll(s.stopReasons());
        this.z = new double[lambda * n];
        this.y = new double[lambda * n];
    }

    /**
     * Starts a run with C = I.
     *
     * @param mean the initial mean m⁽⁰⁾, n (not modified)
     * @param sigma0 the initial step size σ⁽⁰⁾ &gt; 0, in the units of x
     * @param lambda population size (≥ 2; {@link CmaesParameters#defaultLambda} is the default)
     * @param activeWeights negative weights for the worst λ − μ (the tutorial's default: true)
     * @param seed seeds the generator (any long)
     */
    public static Cmaes start(double[] mean, double sigma0, int lambda, boolean activeWeights, CmaesStopping stopping,
            long seed) {
        return start(mean, sigma0, lambda, activeWeights, stopping, Xoshiro256StarStar.seeded(seed).state());
    }

    /** Starts a run with Hansen's default population and negative weights. */
    public static Cmaes start(double[] mean, double sigma0, CmaesStopping stopping, long seed) {
        return start(mean, sigma0, CmaesParameters.defaultLambda(mean.length), true, stopping, seed);
    }

    /** Starts a run whose generator is in the given state (4 longs, not modified): restarts continue one stream. */
    public static Cmaes start(double[] mean, double sigma0, int lambda, boolean activeWeights, CmaesStopping stopping,
            long[] rngState) {
        int n = mean.length;
        if (n < 1) {
            throw new IllegalArgumentException("CMA-ES needs at least one variable");
        }
        if (!(sigma0 > 0) || Double.isInfinite(sigma0)) {
            throw new IllegalArgumentException("CMA-ES initial step size σ₀ must be positive, got " + sigma0);
        }
        for (double v : mean) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("CMA-ES initial mean must be finite, got " + Arrays.toString(mean));
            }
        }
        double[] identity = new double[n * n];
        for (int i = 0; i < n; i++) {
            identity[i * n + i] = 1;
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        CmaesState s = new CmaesState(lambda, activeWeights, sigma0, stopping, mean, sigma0, identity, identity, ones,
                new double[n], new double[n], 0, 0, 0, rngState, new double[0], Double.POSITIVE_INFINITY,
                new double[0], new double[0], Set.of());
        return new Cmaes(s);
    }

    /** A run continuing from a saved state exactly as the original would have. */
    public static Cmaes resume(CmaesState state) {
        return new Cmaes(state);
    }

    /** The strategy parameters. */
    public CmaesParameters parameters() {
        return p;
    }

    /** Dimension n. */
    public int dimension() {
        return n;
    }

    /** Population size λ. */
    public int lambda() {
        return lambda;
    }

    /** Current step size σ. */
    public double sigma() {
        return sigma;
    }

    /** Current mean m, n, a fresh copy. */
    public double[] mean() {
        return mean.clone();
    }

    /** Generations completed. */
    public long generation() {
        return generation;
    }

    /** Fitness evaluations told so far. */
    public long evaluations() {
        return evaluations;
    }

    /** The best fitness told so far (+∞ before the first generation). */
    public double bestFitness() {
        return bestFitness;
    }

    /** The candidate with the best fitness so far, n, a fresh copy (empty before the first generation). */
    public double[] bestX() {
        return bestX.clone();
    }

    /** Whether a termination criterion has fired. */
    public boolean stopped() {
        return !stop.isEmpty();
    }

    /** Why the run stopped (empty while it goes on). */
    public Set<StopReason> stopReasons() {
        return stop.isEmpty() ? Set.of() : Set.copyOf(stop);
    }

    /** The generator's current state (for a restart that continues the same stream). */
    public long[] rngState() {
        return rng.state();
    }

    /** The condition number of C as of the last eigendecomposition (max D / min D)². */
    public double condition() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : d) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi / lo * (hi / lo);
    }

    /**
     * Samples the next population.
     *
     * @return λ candidates of length n (fresh arrays the caller may keep or change)
     * @throws IllegalStateException when the run has stopped or the previous population was not told
     */
    public double[][] ask() {
        if (pending) {
            throw new IllegalStateException("ask() called again before tell() of the previous population");
        }
        if (stopped()) {
            throw new IllegalStateException("the CMA-ES run has stopped: " + stop);
        }
        rng.fillGaussian(z, 0, z.length);
        double[][] x = new double[lambda][n];
        for (int k = 0; k < lambda; k++) {
            int off = k * n;
            for (int i = 0; i < n; i++) {
                double s = 0;
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    s += bd[row + j] * z[off + j];
                }
                y[off + i] = s;
                x[k][i] = mean[i] + sigma * s;
            }
        }
        pending = true;
        return x;
    }

    /**
     * Updates the distribution with the fitness of the population from {@link #ask()} and checks
     * the termination criteria.
     *
     * @param fitness λ values, smaller is better, in the order of the candidates (not modified);
     *     NaN counts as +∞
     */
    public void tell(double[] fitness) {
        if (!pending) {
            throw new IllegalStateException("tell() without a population from ask()");
        }
        if (fitness.length != lambda) {
            throw new IllegalArgumentException("tell() needs " + lambda + " fitness values, got " + fitness.length);
        }
        pending = false;
        double[] f = new double[lambda];
        for (int k = 0; k < lambda; k++) {
            f[k] = Double.isNaN(fitness[k]) ? Double.POSITIVE_INFINITY : fitness[k];
        }
        int[] order = ranking(f);
        evaluations += lambda;
        if (f[order[0]] < bestFitness || bestX.length == 0) {
            bestFitness = f[order[0]];
            bestX = new double[n];
            for (int i = 0; i < n; i++) {
                bestX[i] = mean[i] + sigma * y[order[0] * n + i];
            }
        }
        update(order);
        generation++;
        if (generation - eigenGeneration >= p.eigenInterval()) {
            decompose();
        }
        double[] sorted = new double[lambda];
        for (int r = 0; r < lambda; r++) {
            sorted[r] = f[order[r]];
        }
        bestHistory.add(sorted[0]);
        medianHistory.add(sorted[lambda / 2]);
        checkTermination(sorted);
    }

    /** Indices of the candidates from best to worst (stable for ties). */
    static int[] ranking(double[] f) {
        Integer[] idx = new Integer[f.length];
        for (int k = 0; k < f.length; k++) {
            idx[k] = k;
        }
        Arrays.sort(idx, (a, bb) -> Double.compare(f[a], f[bb]));
        int[] out = new int[f.length];
        for (int k = 0; k < f.length; k++) {
            out[k] = idx[k];
        }
        return out;
    }

    /** Mean, paths, step size and covariance (tutorial eq. 41–47, Table 1 parameters). */
    private void update(int[] order) {
        int mu = p.mu();
        double[] yw = new double[n];
        double[] zw = new double[n];
        for (int r = 0; r < mu; r++) {
            double w = p.weight(r);
            int off = order[r] * n;
            for (int i = 0; i < n; i++) {
                yw[i] += w * y[off + i];
                zw[i] += w * z[off + i];
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] += p.cM() * sigma * yw[i];
        }
        // C^-1/2 y_w = B D^-1 Bᵀ B D z_w = B z_w with the B, D the population was sampled from
        double csn = Math.sqrt(p.cSigma() * (2 - p.cSigma()) * p.muEff());
        double psNormSq = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += b[row + j] * zw[j];
            }
            ps[i] = (1 - p.cSigma()) * ps[i] + csn * s;
            psNormSq += ps[i] * ps[i];
        }
        double psNorm = Math.sqrt(psNormSq);
        double decay = 1 - Math.pow(1 - p.cSigma(), 2.0 * (generation + 1));
        boolean hSigma = psNorm / Math.sqrt(decay) < (1.4 + 2.0 / (n + 1)) * p.chiN();
        double ccn = hSigma ? Math.sqrt(p.cC() * (2 - p.cC()) * p.muEff()) : 0;
        for (int i = 0; i < n; i++) {
            pc[i] = (1 - p.cC()) * pc[i] + ccn * yw[i];
        }
        double deltaH = hSigma ? 0 : p.cC() * (2 - p.cC());
        double[] wc = new double[lambda];
        for (int r = 0; r < lambda; r++) {
            double w = p.weight(r);
            if (w < 0) {
                // ‖C^-1/2 y‖ = ‖B z‖ = ‖z‖
                int off = order[r] * n;
                double zz = 0;
                for (int i = 0; i < n; i++) {
                    zz += z[off + i] * z[off + i];
                }
                w *= zz > 0 ? n / zz : 0;
            }
            wc[r] = w;
        }
        double keep = 1 + p.c1() * deltaH - p.c1() - p.cMu() * p.weightSum();
        rankUpdate(c, n, keep, p.c1(), pc, p.cMu(), wc, order, y);
        sigma *= Math.exp(p.cSigma() / p.dSigma() * (psNorm / p.chiN() - 1));
    }

    /**
     * C ← keep·C + c1 p_c p_cᵀ + cμ Σ_r wc_r y_{order r} y_{order r}ᵀ on the upper triangle, mirrored.
     *
     * @param c n×n, modified
     * @param pc n, not modified
     * @param wc λ weights by rank, not modified
     * @param order candidate index of each rank, not modified
     * @param y λ×n steps, not modified
     */
    static void rankUpdate(double[] c, int n, double keep, double c1, double[] pc, double cMu, double[] wc,
            int[] order, double[] y) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double pci = c1 * pc[i];
            for (int j = i; j < n; j++) {
                c[row + j] = keep * c[row + j] + pci * pc[j];
            }
        }
        for (int r = 0; r < wc.length; r++) {
            double w = cMu * wc[r];
            if (w == 0) {
                continue;
            }
            int off = order[r] * n;
            for (int i = 0; i < n; i++) {
                double wyi = w * y[off + i];
                int row = i * n;
                for (int j = i; j < n; j++) {
                    c[row + j] += wyi * y[off + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                c[i * n + j] = c[j * n + i];
            }
        }
    }

    /** B and D from the current C (symmetric eigensolver); eigenvalues are floored to stay positive. */
    private void decompose() {
        eigenGeneration = generation;
        for (double v : c) {
            if (!Double.isFinite(v)) {
                stop.add(StopReason.CONDITION_COV);
                return;
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        System.arraycopy(c, 0, m.data, 0, n * n);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m)) {
            stop.add(StopReason.CONDITION_COV);
            return;
        }
        double max = 0;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, eig.getEigenvalue(k).real);
        }
        double floor = max * 1e-20;
        for (int k = 0; k < n; k++) {
            d[k] = Math.sqrt(Math.max(eig.getEigenvalue(k).real, floor));
            DMatrixRMaj v = eig.getEigenVector(k);
            for (int i = 0; i < n; i++) {
                b[i * n + k] = v.data[i];
            }
        }
        updateBd();
    }

    private void updateBd() {
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                bd[i * n + k] = b[i * n + k] * d[k];
            }
        }
    }

    private void checkTermination(double[] sorted) {
        if (sorted[0] <= stopping.targetFitness()) {
            stop.add(StopReason.TARGET_FITNESS);
        }
        if (evaluations >= stopping.maxEvaluations()) {
            stop.add(StopReason.MAX_EVALUATIONS);
        }
        int window = 10 + (int) Math.ceil(30.0 * n / lambda);
        if (bestHistory.size() >= window) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int k = bestHistory.size() - window; k < bestHistory.size(); k++) {
                lo = Math.min(lo, bestHistory.get(k));
                hi = Math.max(hi, bestHistory.get(k));
            }
            if (stopping.equalFunValues() && lo == hi) {
                stop.add(StopReason.EQUAL_FUN_VALUES);
            }
            double range = Math.max(hi, sorted[lambda - 1]) - Math.min(lo, sorted[0]);
            if (stopping.tolFun() > 0 && range < stopping.tolFun()) {
                stop.add(StopReason.TOL_FUN);
            }
        }
        double dMax = 0;
        double dMin = Double.POSITIVE_INFINITY;
        for (double v : d) {
            dMax = Math.max(dMax, v);
            dMin = Math.min(dMin, v);
        }
        double tolX = stopping.tolXFactor() * sigma0;
        if (tolX > 0) {
            boolean small = true;
            for (int i = 0; i < n && small; i++) {
                small = sigma * Math.sqrt(c[i * n + i]) < tolX && sigma * Math.abs(pc[i]) < tolX;
            }
            if (small) {
                stop.add(StopReason.TOL_X);
            }
        }
        if (stopping.noEffect()) {
            int axis = (int) (generation % n);
            boolean unchanged = true;
            for (int i = 0; i < n && unchanged; i++) {
                unchanged = mean[i] + 0.1 * sigma * bd[i * n + axis] == mean[i];
            }
            if (unchanged) {
                stop.add(StopReason.NO_EFFECT_AXIS);
            }
            for (int i = 0; i < n; i++) {
                if (mean[i] + 0.2 * sigma * Math.sqrt(c[i * n + i]) == mean[i]) {
                    stop.add(StopReason.NO_EFFECT_COORD);
                    break;
                }
            }
        }
        if ((dMax / dMin) * (dMax / dMin) > stopping.maxCondition()) {
            stop.add(StopReason.CONDITION_COV);
        }
        if (sigma / sigma0 > stopping.tolUpSigma() * dMax) {
            stop.add(StopReason.TOL_UP_SIGMA);
        }
        if (sigma * dMax / sigma0 > stopping.tolXUp()) {
            stop.add(StopReason.TOL_X_UP);
        }
        if (!Double.isFinite(sigma) || sigma <= 0) {
            stop.add(StopReason.TOL_UP_SIGMA);
        }
        if (stopping.stagnation() && stagnated()) {
            stop.add(StopReason.STAGNATION);
        }
    }

    /** Hansen's Stagnation test on the best and median histories. */
    private boolean stagnated() {
        double minLength = 120 + 30.0 * n / lambda;
        if (generation < minLength) {
            return false;
        }
        int length = (int) Math.min(Math.min(20000, bestHistory.size()), Math.max(Math.ceil(minLength),
                Math.ceil(0.2 * generation)));
        int part = Math.max(1, (int) Math.floor(0.3 * length));
        return notImproved(bestHistory, length, part) && notImproved(medianHistory, length, part);
    }

    private static boolean notImproved(FitnessHistory h, int length, int part) {
        int first = h.size() - length;
        double[] old = new double[part];
        double[] recent = new double[part];
        for (int k = 0; k < part; k++) {
            old[k] = h.get(first + k);
            recent[k] = h.get(h.size() - part + k);
        }
        return median(recent) >= median(old);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    static int historyCapacity(int n, int lambda) {
        return Math.max(20000, 10 + (int) Math.ceil(30.0 * n / lambda));
    }

    /**
     * The complete state, for a checkpoint.
     *
     * @throws IllegalStateException between ask() and tell() (a population is out)
     */
    public CmaesState state() {
        if (pending) {
            throw new IllegalStateException("cannot save a CMA-ES state between ask() and tell()");
        }
        return new CmaesState(lambda, activeWeights, sigma0, stopping, mean, sigma, c, b, d, ps, pc, generation,
                evaluations, eigenGeneration, rng.state(), bestX, bestFitness, bestHistory.toArray(),
                medianHistory.toArray(), stop);
    }

    /** The covariance matrix C, n×n row-major, a fresh copy. */
    public double[] covariance() {
        return c.clone();
    }

    /** The step-size path p_σ, n, a fresh copy. */
    public double[] pathSigma() {
        return ps.clone();
    }

    /** The covariance path p_c, n, a fresh copy. */
    public double[] pathC() {
        return pc.clone();
    }

    /** Stops the run from outside (e.g. a budget shared by several runs). */
    public void stop(StopReason reason) {
        pending = false;
        stop.add(reason);
    }
}
