package potentia.analysis;

/** Small statistics helpers. */
final class Statistics {
    private Statistics() {
    }

    /** Standard error of the mean, sd/√n with the n − 1 sample deviation (NaN for n &lt; 2). */
    static double standardError(double[] v) {
        int n = v.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= n;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (n - 1) / n);
    }
}
