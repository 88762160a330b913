package potentia.analysis;

import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-place iterative radix-2 complex fast Fourier transform (Cooley–Tukey), the hot kernel of
 * the correlation functions: hand-written because the library has no FFT and the correlations
 * of a long trajectory need O(T log T) rather than O(T²) per atom coordinate. Twiddle factors
 * are tabulated once per length (computing them per butterfly costs more than the transform).
 * Checked against the direct DFT and the direct correlation sums in the tests.
 */
final class Fft {
    private static final ConcurrentHashMap<Integer, Fft> PLANS = new ConcurrentHashMap<>();

    private final int n;
    /** cos(2πk/n) and sin(2πk/n), k &lt; n/2. */
    private final double[] cos;
    private final double[] sin;

    private Fft(int n) {
        this.n = n;
        this.cos = new double[Math.max(1, n / 2)];
        this.sin = new double[Math.max(1, n / 2)];
        for (int k = 0; k < n / 2; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / n);
            sin[k] = Math.sin(2 * Math.PI * k / n);
        }
    }

    /** The (shared, immutable) transform of length n, a power of two. */
    static Fft of(int n) {
        if (n < 1 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
        }
        return PLANS.computeIfAbsent(n, Fft::new);
    }

    /** The smallest power of two ≥ n. */
    static int powerOfTwoAtLeast(int n) {
        int p = 1;
        while (p < n) {
            p <<= 1;
        }
        return p;
    }

    /**
     * Transforms (re, im) in place: X_k = Σ_t x_t e^{∓2πikt/n}, the minus sign forwards; the
     * inverse is not divided by n.
     *
     * @param re real parts, length n (modified)
     * @param im imaginary parts, length n (modified)
     */
    void transform(double[] re, double[] im, boolean inverse) {
        if (re.length != n || im.length != n) {
            throw new IllegalArgumentException("this FFT has length " + n + ", got " + re.length + " and " + im.length);
        }
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double sign = inverse ? 1 : -1;
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            int stride = n / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * stride];
                    double wi = sign * sin[k * stride];
                    int a = start + k;
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
