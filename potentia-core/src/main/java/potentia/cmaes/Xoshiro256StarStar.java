package potentia.cmaes;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The xoshiro256** generator (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47 (2021) 36), written out here because its whole state — four longs —
 * must be saved with an optimiser's checkpoint so that a resumed run draws exactly the numbers an
 * uninterrupted one would. The JDK's generators keep their state private.
 *
 * <p>Seeded from one long through SplitMix64, as its authors recommend. Not thread-safe: one
 * generator per engine.
 */
public final class Xoshiro256StarStar implements RandomGenerator {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    private Xoshiro256StarStar(long s0, long s1, long s2, long s3) {
        if ((s0 | s1 | s2 | s3) == 0) {
            throw new IllegalArgumentException("xoshiro256** state must not be all zero");
        }
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /** A generator seeded from {@code seed} (any value) through SplitMix64. */
    public static Xoshiro256StarStar seeded(long seed) {
        long[] x = {seed};
        return new Xoshiro256StarStar(splitMix(x), splitMix(x), splitMix(x), splitMix(x));
    }

    /**
     * A generator in a saved state.
     *
     * @param state four longs as returned by {@link #state()} (not modified); not all zero
     */
    public static Xoshiro256StarStar ofState(long[] state) {
        if (state.length != 4) {
            throw new IllegalArgumentException("xoshiro256** state needs 4 longs, got " + state.length);
        }
        return new Xoshiro256StarStar(state[0], state[1], state[2], state[3]);
    }

    /** The current state: four longs, a fresh copy. */
    public long[] state() {
        return new long[] {s0, s1, s2, s3};
    }

    /** An independent copy in the same state. */
    public Xoshiro256StarStar copy() {
        return new Xoshiro256StarStar(s0, s1, s2, s3);
    }

    @Override
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1) from the top 53 bits (fixed here, not left to the JDK's default). */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Fills {@code out[from, to)} with standard normal deviates by the Box–Muller transform, two
     * deviates per pair of uniforms (an odd last slot uses one of a pair and drops the other).
     * Written here rather than taken from {@link RandomGenerator#nextGaussian()} so that the
     * sequence is fixed by this class alone, not by the JDK version.
     *
     * @param out modified in [from, to)
     */
    public void fillGaussian(double[] out, int from, int to) {
        for (int k = from; k < to; k += 2) {
            double u1 = 1.0 - nextDouble(); // (0, 1]: the logarithm stays finite
            double u2 = nextDouble();
            double r = Math.sqrt(-2.0 * Math.log(u1));
            double theta = 2.0 * Math.PI * u2;
            out[k] = r * Math.cos(theta);
            if (k + 1 < to) {
                out[k + 1] = r * Math.sin(theta);
            }
        }
    }

    /** SplitMix64 (Steele, Lea, Flood 2014): the seed expander xoshiro's authors recommend. */
    static long splitMix(long[] x) {
        long z = (x[0] += 0x9e3779b97f4a7c15L);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "Xoshiro256StarStar" + Arrays.toString(state());
    }
}
