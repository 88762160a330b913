package potentia.cmaes;

/** Standard test functions for the optimiser's tests (minimum 0 unless said otherwise). */
final class TestFunctions {
    private TestFunctions() {
    }

    static double sphere(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }

    /** Σ 10^(6 i/(n−1)) x_i²: condition number 10⁶. */
    static double ellipsoid(double[] x) {
        int n = x.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.pow(10, 6.0 * i / Math.max(1, n - 1)) * x[i] * x[i];
        }
        return s;
    }

    static double rastrigin(double[] x) {
        double s = 10 * x.length;
        for (double v : x) {
            s += v * v - 10 * Math.cos(2 * Math.PI * v);
        }
        return s;
    }
}
