package potentia.cli;

import potentia.potential.Potential;

/**
 * The potential of a nested-sampling run from the text stored with it: a {@code --potential}
 * specification, or {@code model:FILE} for a trained model. Serial (one thread per
 * evaluation): the sampler runs walks in parallel instead, which keeps results independent of
 * the thread count.
 */
final class NsPotentials {
    static final String MODEL_PREFIX = "model:";

    private NsPotentials() {
    }

    static Potential of(String spec) {
        if (spec.startsWith(MODEL_PREFIX)) {
            throw new IllegalArgumentException("--model " + spec.substring(MODEL_PREFIX.length())
                    + ": trained models are not part of this build yet; use --potential");
        }
        return PotentialSpec.parse(spec, 1);
    }
}
