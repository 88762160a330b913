package potentia.descriptor;

/**
 * Spherical Bessel functions of the first kind j_l(x) for x ≥ 0, accurate to a few ulps of the
 * function's scale for every argument, with the derivative j_l'(x).
 *
 * <p>j_0 = sin x / x directly. For l ≥ 1: where x &gt; l the upward recurrence
 * j_{l+1} = (2l+1)/x · j_l − j_{l−1} from j_0 and j_1 is stable; where x ≤ l it is not (errors
 * grow like the irregular solution y_l), so the power series
 * j_l(x) = x^l/(2l+1)!! · Σ_k (−x²/2)^k / (k! (2l+3)(2l+5)…(2l+2k+1)) is summed instead, whose
 * terms grow by at most about e^{l/4} before they decay, so little accuracy is lost for the
 * orders a descriptor uses (l ≲ 20).
 */
public final class SphericalBessel {
    private SphericalBessel() {
    }

    /**
     * j_l(x).
     *
     * @param l order, ≥ 0
     * @param x argument, ≥ 0
     */
    public static double j(int l, double x) {
        if (l < 0 || !(x >= 0)) {
            throw new IllegalArgumentException("j_l(x) needs l ≥ 0 and x ≥ 0, got l = " + l + ", x = " + x);
        }
        if (l == 0) {
            return x == 0 ? 1 : Math.sin(x) / x;
        }
        if (x > l) {
            return upward(l, x);
        }
        return series(l, x);
    }

    /**
     * j_l'(x) = (l·j_{l−1}(x) − (l+1)·j_{l+1}(x)) / (2l+1), a form without 1/x, so it holds at 0.
     *
     * @param l order, ≥ 0
     * @param x argument, ≥ 0
     */
    public static double derivative(int l, double x) {
        if (l == 0) {
            return -j(1, x);
        }
        return (l * j(l - 1, x) - (l + 1) * j(l + 1, x)) / (2 * l + 1);
    }

    private static double upward(int l, double x) {
        double s = Math.sin(x);
        double c = Math.cos(x);
        double jm = s / x;
        double jl = (s / x - c) / x;
        for (int k = 1; k < l; k++) {
            double next = (2 * k + 1) / x * jl - jm;
            jm = jl;
            jl = next;
        }
        return jl;
    }

    private static double series(int l, double x) {
        double lead = 1;
        for (int k = 1; k <= l; k++) {
            lead *= x / (2 * k + 1);
        }
        double h = -0.5 * x * x;
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 200; k++) {
            term *= h / (k * (2.0 * l + 2 * k + 1));
            sum += term;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return lead * sum;
    }
}
