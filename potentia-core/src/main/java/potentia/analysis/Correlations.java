package potentia.analysis;

/**
 * Time correlations of one series averaged over all time origins, by FFT (Kneller, Keiner,
 * Kneller, Schmidt, Comput. Phys. Commun. 91 (1995) 191, the nMoldyn algorithm), with the direct
 * O(T²) sums kept as references.
 */
final class Correlations {
    private Correlations() {
    }

    /**
     * Lag sums A(m) = Σ_{t=0}^{T−1−m} x(t)·x(t+m) for m = 0..T−1 (not yet divided by the number
     * of origins T − m), via the Wiener–Khinchin theorem on a zero-padded transform.
     *
     * @param x the series, length T (not modified)
     */
    static double[] lagSums(double[] x) {
        int t = x.length;
        int n = Fft.powerOfTwoAtLeast(2 * t);
        double[] re = new double[n];
        double[] im = new double[n];
        System.arraycopy(x, 0, re, 0, t);
        Fft fft = Fft.of(n);
        fft.transform(re, im, false);
        for (int k = 0; k < n; k++) {
            re[k] = re[k] * re[k] + im[k] * im[k];
            im[k] = 0;
        }
        fft.transform(re, im, true);
        double[] a = new double[t];
        for (int m = 0; m < t; m++) {
            a[m] = re[m] / n;
        }
        return a;
    }

    /** The direct sums Σ_t x(t)x(t+m), the slow reference for {@link #lagSums}. */
    static double[] lagSumsDirect(double[] x) {
        int t = x.length;
        double[] a = new double[t];
        for (int m = 0; m < t; m++) {
            double s = 0;
            for (int i = 0; i + m < t; i++) {
                s += x[i] * x[i + m];
            }
            a[m] = s;
        }
        return a;
    }

    /**
     * Displacement sums Σ_{t=0}^{T−1−m} (x(t+m) − x(t))² for m = 0..T−1, as
     * Σ x(t)² + Σ x(t+m)² − 2A(m): the square sums run over a sliding window, A by FFT.
     *
     * @param x the series, length T (not modified); subtracting x(0) beforehand limits round-off
     */
    static double[] squaredDisplacementSums(double[] x) {
        int t = x.length;
        double[] a = lagSums(x);
        double[] out = new double[t];
        // head(m) = Σ_{t<T−m} x(t)², tail(m) = Σ_{t≥m} x(t)²
        double head = 0;
        for (double v : x) {
            head += v * v;
        }
        double tail = head;
        for (int m = 0; m < t; m++) {
            if (m > 0) {
                head -= x[t - m] * x[t - m];
                tail -= x[m - 1] * x[m - 1];
            }
            out[m] = Math.max(0, head + tail - 2 * a[m]);
        }
        return out;
    }

    /** The direct sums Σ_t (x(t+m) − x(t))², the slow reference. */
    static double[] squaredDisplacementSumsDirect(double[] x) {
        int t = x.length;
        double[] out = new double[t];
        for (int m = 0; m < t; m++) {
            double s = 0;
            for (int i = 0; i + m < t; i++) {
                double d = x[i + m] - x[i];
                s += d * d;
            }
            out[m] = s;
        }
        return out;
    }
}
