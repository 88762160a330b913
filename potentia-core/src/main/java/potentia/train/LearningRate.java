package potentia.train;

/**
 * The learning-rate schedule η(step): a linear warm-up from η0/W to η0 over the first W steps,
 * then
 * <ul>
 * <li>{@link Kind#CONSTANT}: η0;</li>
 * <li>{@link Kind#COSINE}: η_min + (η0 − η_min)(1 + cos πp)/2, p the fraction of post-warm-up
 *     steps done (Loshchilov &amp; Hutter's SGDR without restarts);</li>
 * <li>{@link Kind#PLATEAU}: η0 times the factor once for every {@code patience} epochs in a row
 *     without a relative improvement of the validation loss by 1e-4, never below η_min
 *     ({@link Plateau} carries that state from epoch to epoch);</li>
 * <li>{@link Kind#ONE_CYCLE}: Smith and Topin's one-cycle policy, which NeuralIL trains with: η
 *     rises from η0/{@value #ONE_CYCLE_DIVISOR} to η0 along a half cosine over the first
 *     {@value #ONE_CYCLE_RISE} of all steps, then falls along a half cosine to η_min. The rise is
 *     the warm-up, so {@code warmupEpochs} does not apply.</li>
 * </ul>
 *
 * @param kind the shape after warm-up
 * @param initial η0 &gt; 0
 * @param minimum η_min ≥ 0 (end of the cosine; floor of the plateau schedule)
 * @param warmupEpochs epochs of linear warm-up, ≥ 0
 * @param plateauPatience epochs without improvement before a reduction (plateau only), ≥ 1
 * @param plateauFactor factor of each reduction (plateau only), in (0, 1)
 */
public record LearningRate(Kind kind, double initial, double minimum, int warmupEpochs, int plateauPatience,
        double plateauFactor) {

    /** What the rate does after warm-up. */
    public enum Kind {
        CONSTANT, COSINE, PLATEAU, ONE_CYCLE
    }

    /** Relative improvement of the validation loss that counts for the plateau schedule. */
    static final double PLATEAU_THRESHOLD = 1e-4;

    /** One-cycle: η0 over the starting rate. */
    static final double ONE_CYCLE_DIVISOR = 25;

    /** One-cycle: the fraction of all steps spent rising. */
    static final double ONE_CYCLE_RISE = 0.3;

    public LearningRate {
        if (!(initial > 0) || !Double.isFinite(initial)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + initial);
        }
        if (!(minimum >= 0) || minimum > initial) {
            throw new IllegalArgumentException("minimum learning rate must be in [0, " + initial + "], got " + minimum);
        }
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException("warm-up epochs must be ≥ 0, got " + warmupEpochs);
        }
        if (plateauPatience < 1 || !(plateauFactor > 0 && plateauFactor < 1)) {
            throw new IllegalArgumentException("plateau patience must be ≥ 1 and its factor in (0, 1), got "
                    + plateauPatience + " and " + plateauFactor);
        }
    }

    /**
     * η at a step (0-based).
     *
     * @param stepsPerEpoch optimiser steps per epoch
     * @param epochs the run's planned epochs
     * @param plateau the plateau state (ignored by other kinds)
     */
    public double at(long step, int stepsPerEpoch, int epochs, Plateau plateau) {
        if (kind == Kind.ONE_CYCLE) {
            return oneCycle(step, (long) epochs * stepsPerEpoch);
        }
        long warm = (long) warmupEpochs * stepsPerEpoch;
        if (step < warm) {
            return initial * (step + 1) / warm;
        }
        return switch (kind) {
            case CONSTANT -> initial;
            case COSINE -> {
                long rest = Math.max(1, (long) epochs * stepsPerEpoch - warm);
                double p = Math.min(1, (double) (step - warm) / rest);
                yield minimum + (initial - minimum) * 0.5 * (1 + Math.cos(Math.PI * p));
            }
            case PLATEAU -> Math.max(minimum, initial * plateau.scale());
            case ONE_CYCLE -> throw new AssertionError("handled above");
        };
    }

    private double oneCycle(long step, long total) {
        long rise = Math.max(1, Math.round(ONE_CYCLE_RISE * total));
        double start = initial / ONE_CYCLE_DIVISOR;
        if (step < rise) {
            double p = (double) step / rise;
            return initial + (start - initial) * 0.5 * (1 + Math.cos(Math.PI * p));
        }
        double p = Math.min(1, (double) (step - rise) / Math.max(1, total - rise));
        return minimum + (initial - minimum) * 0.5 * (1 + Math.cos(Math.PI * p));
    }

    /**
     * The plateau schedule's state: the current factor on η0, the best validation loss seen and
     * the epochs since it improved.
     */
    public record Plateau(double scale, double best, int badEpochs) {
        public static final Plateau START = new Plateau(1, Double.POSITIVE_INFINITY, 0);

        /** The state after an epoch with validation loss {@code loss}, under schedule {@code rate}. */
        public Plateau after(double loss, LearningRate rate) {
            if (loss < best * (1 - PLATEAU_THRESHOLD)) {
                return new Plateau(scale, loss, 0);
            }
            int bad = badEpochs + 1;
            if (bad >= rate.plateauPatience()) {
                return new Plateau(scale * rate.plateauFactor(), best, 0);
            }
            return new Plateau(scale, best, bad);
        }
    }
}
