package potentia.cmaes;

/**
 * Why a CMA-ES run stopped: Hansen's termination criteria (tutorial arXiv:1604.00772, Appendix
 * B.3, and pycma's {@code tolupsigma}), the budget and the target. Thresholds are in
 * {@link CmaesStopping}.
 */
public enum StopReason {
    /** The best fitness reached the target value. */
    TARGET_FITNESS("target"),
    /** The evaluation budget is spent. */
    MAX_EVALUATIONS("maxfevals"),
    /**
     * The range of the best fitness values of the last 10 + ⌈30n/λ⌉ generations and of all values
     * of the latest generation is below TolFun.
     */
    TOL_FUN("tolfun"),
    /** σ·√C_ii &lt; TolX for every coordinate and σ·|p_c,i| &lt; TolX for every component. */
    TOL_X("tolx"),
    /** Adding 0.1 standard deviations along a principal axis of C (axis g mod n) does not change the mean. */
    NO_EFFECT_AXIS("noeffectaxis"),
    /** Adding 0.2 standard deviations in some single coordinate does not change the mean. */
    NO_EFFECT_COORD("noeffectcoord"),
    /** The condition number of C exceeds its limit (10¹⁴). */
    CONDITION_COV("conditioncov"),
    /** The best fitness values of the last 10 + ⌈30n/λ⌉ generations are all equal. */
    EQUAL_FUN_VALUES("equalfunvals"),
    /**
     * The medians of the most recent 30 % of the best and of the median fitness history (last
     * 20 % of generations, at least 120 + 30n/λ, at most 20 000) are not better than those of the
     * oldest 30 %.
     */
    STAGNATION("stagnation"),
    /** σ/σ₀ exceeds its limit (10²⁰) times √(largest eigenvalue of C): divergence. */
    TOL_UP_SIGMA("tolupsigma"),
    /** σ·max √eig(C) grew by more than its limit (10⁴) over σ₀: far too small σ₀, or divergence. */
    TOL_X_UP("tolxup"),
    /** A restart strategy used up its restarts (the last run's own reasons are reported too). */
    MAX_RESTARTS("maxrestarts");

    private final String label;

    StopReason(String label) {
        this.label = label;
    }

    /** The short lower-case name used in files (pycma's names where there is one). */
    public String label() {
        return label;
    }

    /** Whether this reason is a success or the budget rather than convergence or failure of one run. */
    public boolean endsSearch() {
        return this == TARGET_FITNESS || this == MAX_EVALUATIONS || this == MAX_RESTARTS;
    }

    /** The reason with this label. */
    public static StopReason ofLabel(String label) {
        for (StopReason r : values()) {
            if (r.label.equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown stop reason '" + label + "'");
    }
}
