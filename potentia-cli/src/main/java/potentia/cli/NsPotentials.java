package potentia.cli;

import potentia.potential.Potential;

/**
 * The potential of a nested-sampling run from the text stored with it: a {@code --potential}
 * specification, or {@code model:FILE} for a trained model. Serial (one thread per
 * evaluation): the sampler runs walks in parallel instead, which keeps results independent of
 * the thread count.
 */
final class NsPotentials {
    private NsPotentials() {
    }

    static Potential of(String spec) {
        return PotentialSpec.parse(spec, 1);
    }
}
