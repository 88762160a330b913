package potentia.descriptor;

/** Gauss–Legendre quadrature nodes and weights on [−1, 1] (Newton on P_n), for exact integrals in tests. */
final class GaussLegendre {
    final double[] nodes;
    final double[] weights;

    GaussLegendre(int n) {
        nodes = new double[n];
        weights = new double[n];
        for (int i = 0; i < n; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1;
                double p1 = x;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                dp = n * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / dp;
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            nodes[i] = x;
            weights[i] = 2 / ((1 - x * x) * dp * dp);
        }
    }

    /** ∫_a^b f by composite quadrature over {@code panels} equal panels. */
    double integrate(java.util.function.DoubleUnaryOperator f, double a, double b, int panels) {
        double sum = 0;
        double w = (b - a) / panels;
        for (int p = 0; p < panels; p++) {
            double mid = a + (p + 0.5) * w;
            for (int i = 0; i < nodes.length; i++) {
                sum += weights[i] * 0.5 * w * f.applyAsDouble(mid + 0.5 * w * nodes[i]);
            }
        }
        return sum;
    }
}
