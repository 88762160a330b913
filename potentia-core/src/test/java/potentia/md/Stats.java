package potentia.md;

/** Test statistics: means, variances, block-averaged standard errors, least-squares slopes. */
final class Stats {
    private Stats() {
    }

    static double mean(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s / a.length;
    }

    static double variance(double[] a) {
        double m = mean(a);
        double s = 0;
        for (double x : a) {
            s += (x - m) * (x - m);
        }
        return s / (a.length - 1);
    }

    /** Slope of the least-squares line through (x, y). */
    static double slope(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        for (int k = 0; k < x.length; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
        }
        return sxy / sxx;
    }

    /**
     * Standard error of the mean of a correlated series by block averaging: the series is cut
     * into {@code blocks} contiguous blocks (each much longer than the correlation time) whose
     * means are treated as independent.
     */
    static double blockError(double[] a, int blocks) {
        double[] means = blockMeans(a, blocks);
        return Math.sqrt(variance(means) / blocks);
    }

    static double[] blockMeans(double[] a, int blocks) {
        int size = a.length / blocks;
        double[] means = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            double s = 0;
            for (int k = b * size; k < (b + 1) * size; k++) {
                s += a[k];
            }
            means[b] = s / size;
        }
        return means;
    }

    /** Per-block sample variances of {@code a}: their mean estimates the variance, their spread its error. */
    static double[] blockVariances(double[] a, int blocks) {
        int size = a.length / blocks;
        double[] vars = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            double[] part = java.util.Arrays.copyOfRange(a, b * size, (b + 1) * size);
            vars[b] = variance(part);
        }
        return vars;
    }
}
