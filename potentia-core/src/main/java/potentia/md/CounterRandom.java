package potentia.md;

/**
 * Counter-based random numbers: every number is a pure function of (seed, stream, step, index),
 * so a restarted run draws exactly the numbers the uninterrupted run would have drawn, and the
 * numbers do not depend on how many threads draw them or in which order.
 *
 * <p>The hash chains SplitMix64's finaliser (Steele, Lea, Flood, OOPSLA 2014; the "variant 13"
 * mixer of Stafford), absorbing one 64-bit word per stage: h ← mix(h + word·φ) with φ the golden
 * ratio constant. Each stage is a bijection of the word for a fixed h, so distinct inputs collide
 * only by chance (2⁻⁶⁴). Uniform deviates take the top 53 bits. Normal deviates use Marsaglia's
 * polar method on pairs: index 2p and 2p+1 are the two normals of pair p, and a rejected attempt
 * moves to the next attempt counter — still a pure function of the inputs. Logarithms are
 * {@link StrictMath#log}, so the numbers are the same on every JVM and CPU.
 *
 * <p>Immutable and thread-safe.
 */
public final class CounterRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private final long seed;
    private final long key;

    /** A generator for one seed (any long). */
    public CounterRandom(long seed) {
        this.seed = seed;
        this.key = mix(seed ^ 0x6A09E667F3BCC909L);
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** SplitMix64's finaliser: a bijection of 64-bit words with full avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64 random bits for (stream, step, index, attempt). */
    long bits(long stream, long step, long index, long attempt) {
        long h = mix(key + stream * GOLDEN);
        h = mix(h + step * GOLDEN);
        h = mix(h + index * GOLDEN);
        return mix(h + attempt * GOLDEN);
    }

    /** A uniform deviate in (0, 1) (never 0 or 1) for (stream, step, index). */
    public double uniform(long stream, long step, long index) {
        return toOpenUnit(bits(stream, step, index, 0));
    }

    private static double toOpenUnit(long bits) {
        return ((bits >>> 11) + 0.5) * TWO_POW_MINUS_53;
    }

    /** A standard normal deviate for (stream, step, index). */
    public double normal(long stream, long step, long index) {
        double[] pair = new double[2];
        normalPair(stream, step, index >>> 1, pair);
        return pair[(int) (index & 1)];
    }

    /**
     * Fills {@code out[from … to)} with the normals of indices {@code from … to−1} for (stream,
     * step): out[k] = normal(stream, step, k). Pairs are computed once each.
     *
     * @param out modified in [from, to)
     */
    public void normals(long stream, long step, double[] out, int from, int to) {
        double[] pair = new double[2];
        int k = from;
        while (k < to) {
            normalPair(stream, step, k >>> 1, pair);
            if ((k & 1) == 0) {
                out[k] = pair[0];
                if (k + 1 < to) {
                    out[k + 1] = pair[1];
                }
                k += 2;
            } else {
                out[k] = pair[1];
                k++;
            }
        }
    }

    /** Marsaglia's polar method for pair {@code p}: two independent standard normals into {@code out}. */
    private void normalPair(long stream, long step, long p, double[] out) {
        for (long attempt = 0; ; attempt++) {
            double u = 2 * toOpenUnit(bits(stream, step, 2 * p, attempt)) - 1;
            double v = 2 * toOpenUnit(bits(stream, step, 2 * p + 1, attempt)) - 1;
            double s = u * u + v * v;
            if (s < 1 && s > 0) {
                double f = Math.sqrt(-2 * StrictMath.log(s) / s);
                out[0] = u * f;
                out[1] = v * f;
                return;
            }
        }
    }

    /**
     * A sequence of numbers for one (stream, step): successive calls use indices 0, 1, 2, …, for
     * algorithms that consume a variable count (rejection sampling). Two sequences for the same
     * (seed, stream, step) produce the same numbers.
     */
    public Sequence sequence(long stream, long step) {
        return new Sequence(this, stream, step);
    }

    /** Successive deviates of one (stream, step); mutable, for one thread. */
    public static final class Sequence {
        private final CounterRandom random;
        private final long stream;
        private final long step;
        private long next;

        private Sequence(CounterRandom random, long stream, long step) {
            this.random = random;
            this.stream = stream;
            this.step = step;
        }

        /** The next uniform deviate in (0, 1). */
        public double uniform() {
            return toOpenUnit(random.bits(stream, step, next++, 0));
        }

        /** The next standard normal deviate (polar method, one of each pair used). */
        public double normal() {
            while (true) {
                double u = 2 * uniform() - 1;
                double v = 2 * uniform() - 1;
                double s = u * u + v * v;
                if (s < 1 && s > 0) {
                    return u * Math.sqrt(-2 * StrictMath.log(s) / s);
                }
            }
        }

        /**
         * A Gamma(shape, 1) deviate by Marsaglia and Tsang (ACM TOMS 26 (2000) 363), with
         * Gamma(a) = Gamma(a + 1)·U^{1/a} for shape &lt; 1.
         *
         * @param shape &gt; 0
         */
        public double gamma(double shape) {
            if (!(shape > 0)) {
                throw new IllegalArgumentException("gamma shape must be > 0, got " + shape);
            }
            if (shape < 1) {
                double g = gamma(shape + 1);
                return g * StrictMath.pow(uniform(), 1 / shape);
            }
            double d = shape - 1.0 / 3;
            double c = 1 / Math.sqrt(9 * d);
            while (true) {
                double x = normal();
                double t = 1 + c * x;
                if (t <= 0) {
                    continue;
                }
                double v = t * t * t;
                double u = uniform();
                double x2 = x * x;
                if (u < 1 - 0.0331 * x2 * x2 || StrictMath.log(u) < 0.5 * x2 + d * (1 - v + StrictMath.log(v))) {
                    return d * v;
                }
            }
        }

        /**
         * The sum of the squares of {@code n} independent standard normals (a χ²_n deviate), drawn
         * as 2·Gamma(n/2) in O(1) rather than from n normals.
         */
        public double sumOfSquaredNormals(long n) {
            if (n < 0) {
                throw new IllegalArgumentException("need n ≥ 0 normals, got " + n);
            }
            if (n == 0) {
                return 0;
            }
            if (n == 1) {
                double r = normal();
                return r * r;
            }
            return 2 * gamma(n / 2.0);
        }
    }
}
