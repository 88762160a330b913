package potentia.train;

/**
 * An exponential moving average of the parameters over optimiser steps (Polyak averaging, as
 * MACE and NequIP train by default): after step t,
 * <pre>
 * θ̄ ← d_t θ̄ + (1 − d_t) θ,   d_t = min(d, (1 + t)/(10 + t)),
 * </pre>
 * starting from the initial θ. The ramp keeps the first steps from being dominated by the random
 * initial weights. The average smooths the minibatch noise of the last steps, so it usually
 * validates better than the last θ; the trainer validates, keeps and writes the average.
 * Components that are not trained are copied, not averaged, so they keep every bit.
 */
final class WeightAverage {
    private WeightAverage() {
    }

    /** The decay used after optimiser step {@code step} (≥ 1) for the nominal decay {@code decay}. */
    static double decayAt(double decay, long step) {
        return Math.min(decay, (1.0 + step) / (10.0 + step));
    }

    /**
     * Folds θ into the average, in place.
     *
     * @param average θ̄ (modified)
     * @param theta the parameters after optimiser step {@code step}
     * @param trainable which components are trained; the others are copied from θ
     */
    static void update(double[] average, double[] theta, boolean[] trainable, double decay, long step) {
        if (average.length != theta.length || trainable.length != theta.length) {
            throw new IllegalArgumentException("average, θ and mask lengths differ: " + average.length + ", "
                    + theta.length + ", " + trainable.length);
        }
        double d = decayAt(decay, step);
        for (int k = 0; k < theta.length; k++) {
            average[k] = trainable[k] ? d * average[k] + (1 - d) * theta[k] : theta[k];
        }
    }
}
