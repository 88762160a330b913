package potentia.cmaes;

/**
 * Thresholds of the termination criteria ({@link StopReason}); a criterion is off when its
 * threshold is 0 (tolerances) or infinite (limits). The defaults are Hansen's.
 *
 * @param targetFitness stop when the best fitness is ≤ this (−∞: never)
 * @param maxEvaluations evaluation budget (Long.MAX_VALUE: none)
 * @param tolFun TolFun, in fitness units (default 10⁻¹²)
 * @param tolXFactor TolX as a multiple of σ₀ (default 10⁻¹²)
 * @param tolUpSigma limit of σ/σ₀ / √max eig(C) (default 10²⁰)
 * @param tolXUp limit of σ·max √eig(C) / σ₀ (default 10⁴)
 * @param maxCondition limit of the condition number of C (default 10¹⁴)
 * @param equalFunValues whether EqualFunValues is checked
 * @param stagnation whether Stagnation is checked
 * @param noEffect whether NoEffectAxis and NoEffectCoord are checked
 */
public record CmaesStopping(double targetFitness, long maxEvaluations, double tolFun, double tolXFactor,
        double tolUpSigma, double tolXUp, double maxCondition, boolean equalFunValues, boolean stagnation,
        boolean noEffect) {

    public CmaesStopping {
        if (Double.isNaN(targetFitness) || maxEvaluations < 1 || !(tolFun >= 0) || !(tolXFactor >= 0)
                || !(tolUpSigma > 0) || !(tolXUp > 0) || !(maxCondition > 1)) {
            throw new IllegalArgumentException("bad CMA-ES stopping thresholds: target " + targetFitness
                    + ", max evaluations " + maxEvaluations + ", tolFun " + tolFun + ", tolX " + tolXFactor
                    + "·σ₀, tolUpSigma " + tolUpSigma + ", tolXUp " + tolXUp + ", max condition " + maxCondition);
        }
    }

    /** Hansen's defaults, no target, no budget. */
    public static CmaesStopping defaults() {
        return new CmaesStopping(Double.NEGATIVE_INFINITY, Long.MAX_VALUE, 1e-12, 1e-12, 1e20, 1e4, 1e14, true, true,
                true);
    }

    /** These thresholds with a target fitness. */
    public CmaesStopping withTarget(double target) {
        return new CmaesStopping(target, maxEvaluations, tolFun, tolXFactor, tolUpSigma, tolXUp, maxCondition,
                equalFunValues, stagnation, noEffect);
    }

    /** These thresholds with an evaluation budget. */
    public CmaesStopping withMaxEvaluations(long max) {
        return new CmaesStopping(targetFitness, max, tolFun, tolXFactor, tolUpSigma, tolXUp, maxCondition,
                equalFunValues, stagnation, noEffect);
    }

    /** These thresholds with another TolFun (0 switches it off). */
    public CmaesStopping withTolFun(double tol) {
        return new CmaesStopping(targetFitness, maxEvaluations, tol, tolXFactor, tolUpSigma, tolXUp, maxCondition,
                equalFunValues, stagnation, noEffect);
    }

    /** These thresholds with another TolX factor (0 switches it off). */
    public CmaesStopping withTolXFactor(double factor) {
        return new CmaesStopping(targetFitness, maxEvaluations, tolFun, factor, tolUpSigma, tolXUp, maxCondition,
                equalFunValues, stagnation, noEffect);
    }

    /** These thresholds with another TolXUp limit. */
    public CmaesStopping withTolXUp(double limit) {
        return new CmaesStopping(targetFitness, maxEvaluations, tolFun, tolXFactor, tolUpSigma, limit, maxCondition,
                equalFunValues, stagnation, noEffect);
    }

    /** These thresholds with another condition-number limit. */
    public CmaesStopping withMaxCondition(double limit) {
        return new CmaesStopping(targetFitness, maxEvaluations, tolFun, tolXFactor, tolUpSigma, tolXUp, limit,
                equalFunValues, stagnation, noEffect);
    }
}
