package potentia.ehp;

/**
 * Force constants with an unstable (negative-curvature) mode: the harmonic density matrix they
 * would define is not normalisable, so configurations cannot be sampled from it.
 */
public final class UnstableModesException extends IllegalArgumentException {
    private final int count;
    private final double lowestFrequency;

    UnstableModesException(int count, double lowestFrequency) {
        this(count, lowestFrequency, "");
    }

    /** The same, its message starting with {@code context} (e.g. which phase). */
    UnstableModesException(int count, double lowestFrequency, String context) {
        super(String.format(java.util.Locale.ROOT,
                "%s%d unstable (imaginary) mode%s, the lowest at %.4g THz: the harmonic density matrix is not defined",
                context, count, count == 1 ? "" : "s", lowestFrequency));
        this.count = count;
        this.lowestFrequency = lowestFrequency;
    }

    /** How many modes are unstable. */
    public int count() {
        return count;
    }

    /** The lowest frequency, THz (negative: imaginary). */
    public double lowestFrequency() {
        return lowestFrequency;
    }
}
