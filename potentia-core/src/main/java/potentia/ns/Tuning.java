package potentia.ns;

/**
 * How step sizes follow acceptance rates: every {@code every} iterations, each move kind with
 * at least {@code minAttempts} attempts since the last adjustment whose acceptance rate fell
 * below {@code lowRate} has its step divided by {@code factor}, above {@code highRate}
 * multiplied by it (within sensible bounds). Adjustments happen at fixed iterations from
 * counts summed over all walks, so they do not depend on the thread count.
 */
public record Tuning(double lowRate, double highRate, double factor, int every, int minAttempts) {
    public Tuning {
        if (!(lowRate > 0 && lowRate < highRate && highRate < 1)) {
            throw new IllegalArgumentException("target acceptance range must satisfy 0 < low < high < 1, got "
                    + lowRate + "–" + highRate);
        }
        if (!(factor > 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("step adjustment factor must be > 1, got " + factor);
        }
        if (every < 1 || minAttempts < 1) {
            throw new IllegalArgumentException("tuning interval and minimum attempts must be ≥ 1");
        }
    }

    /** Target 25–50 % acceptance, factor 1.25, checked every 10 iterations with at least 20 attempts. */
    public static Tuning defaults() {
        return new Tuning(0.25, 0.5, 1.25, 10, 20);
    }
}
