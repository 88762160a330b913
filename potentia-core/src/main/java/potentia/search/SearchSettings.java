package potentia.search;

import potentia.cmaes.CmaesStopping;
import potentia.cmaes.RestartStrategy;

/**
 * How each run of a structure search is driven.
 *
 * @param sigma0 initial step size σ₀, Å: the typical displacement of the first candidates
 * @param restarts what to do when a run converges: none, IPOP or BIPOP
 * @param maxEvaluations energy-evaluation budget of one run over all its restarts, local
 *     relaxation steps included (Long.MAX_VALUE: none; see {@link SearchRun})
 * @param lambda population of the first run (0: Hansen's default 4 + ⌊3 ln n⌋)
 * @param targetEnergy stop a run when its fitness reaches this, eV (−∞: never)
 */
public record SearchSettings(double sigma0, RestartStrategy restarts, long maxEvaluations, int lambda,
        double targetEnergy) {

    public SearchSettings {
        if (!(sigma0 > 0) || Double.isInfinite(sigma0)) {
            throw new IllegalArgumentException("σ₀ must be a positive number of Å, got " + sigma0);
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("the evaluation budget must be ≥ 1, got " + maxEvaluations);
        }
        if (lambda != 0 && lambda < 2) {
            throw new IllegalArgumentException("the population must be ≥ 2 (or 0 for the default), got " + lambda);
        }
        if (Double.isNaN(targetEnergy)) {
            throw new IllegalArgumentException("the target energy must be a number");
        }
    }

    /** σ₀ with no restarts, no budget and no target. */
    public static SearchSettings of(double sigma0) {
        return new SearchSettings(sigma0, RestartStrategy.none(), Long.MAX_VALUE, 0, Double.NEGATIVE_INFINITY);
    }

    /** These settings with another restart strategy. */
    public SearchSettings withRestarts(RestartStrategy r) {
        return new SearchSettings(sigma0, r, maxEvaluations, lambda, targetEnergy);
    }

    /** These settings with an evaluation budget per run. */
    public SearchSettings withMaxEvaluations(long max) {
        return new SearchSettings(sigma0, restarts, max, lambda, targetEnergy);
    }

    /** These settings with a target energy. */
    public SearchSettings withTargetEnergy(double target) {
        return new SearchSettings(sigma0, restarts, maxEvaluations, lambda, target);
    }

    /** These settings with another first population. */
    public SearchSettings withLambda(int l) {
        return new SearchSettings(sigma0, restarts, maxEvaluations, l, targetEnergy);
    }

    /**
     * The CMA-ES thresholds: Hansen's defaults with the target and budget, and TolFun at 10⁻⁹ eV
     * (energies are meaningful to ~µeV, well above 10⁻¹²).
     */
    public CmaesStopping stopping() {
        return CmaesStopping.defaults().withTarget(targetEnergy).withMaxEvaluations(maxEvaluations).withTolFun(1e-9);
    }
}
