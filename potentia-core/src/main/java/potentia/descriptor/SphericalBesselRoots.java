package potentia.descriptor;

import java.util.Arrays;

/**
 * Positive roots u_{l,n} (n = 0, 1, …) of the spherical Bessel functions j_l, computed once and
 * cached for the whole process.
 *
 * <p>The roots of j_0 are (n+1)π. Those of j_l and j_{l+1} interlace,
 * u_{l,n} &lt; u_{l+1,n} &lt; u_{l,n+1}, so each root of j_{l+1} is bracketed by two consecutive
 * roots of j_l, where j_{l+1} changes sign exactly once; bisection in that bracket, finished by
 * Newton steps, converges to the last bit without ever leaving it.
 */
public final class SphericalBesselRoots {
    /** cache[l] holds the first cache[l].length roots of j_l; grown under the class lock. */
    private static volatile double[][] cache = {new double[0]};

    private SphericalBesselRoots() {
    }

    /**
     * The first {@code count} positive roots of j_l, increasing.
     *
     * @param l order, ≥ 0
     * @param count number of roots, ≥ 0
     * @return a fresh array of {@code count} roots
     */
    public static double[] roots(int l, int count) {
        if (l < 0 || count < 0) {
            throw new IllegalArgumentException("roots of j_l need l ≥ 0 and count ≥ 0, got l = " + l + ", count = " + count);
        }
        double[][] c = cache;
        if (l < c.length && c[l].length >= count) {
            return Arrays.copyOf(c[l], count);
        }
        return Arrays.copyOf(grow(l, count), count);
    }

    /** The (n+1)-th positive root of j_l. */
    public static double root(int l, int n) {
        return roots(l, n + 1)[n];
    }

    private static synchronized double[] grow(int l, int count) {
        double[][] c = cache;
        if (l < c.length && c[l].length >= count) {
            return c[l];
        }
        // order l − k needs count + k roots to bracket the ones above it
        double[][] next = Arrays.copyOf(c, Math.max(c.length, l + 1));
        for (int k = 0; k <= l; k++) {
            if (next[k] == null) {
                next[k] = new double[0];
            }
        }
        for (int order = 0; order <= l; order++) {
            int need = count + (l - order);
            if (next[order].length >= need) {
                continue;
            }
            double[] r = new double[need];
            if (order == 0) {
                for (int n = 0; n < need; n++) {
                    r[n] = (n + 1) * Math.PI;
                }
            } else {
                double[] below = next[order - 1];
                for (int n = 0; n < need; n++) {
                    r[n] = bracketed(order, below[n], below[n + 1]);
                }
            }
            next[order] = r;
        }
        cache = next;
        return next[l];
    }

    /** The single root of j_l strictly inside (a, b), where j_l(a) and j_l(b) have opposite signs. */
    private static double bracketed(int l, double a, double b) {
        double fa = SphericalBessel.j(l, a);
        double lo = a;
        double hi = b;
        for (int it = 0; it < 200 && hi - lo > 4 * Math.ulp(hi); it++) {
            double mid = 0.5 * (lo + hi);
            double fm = SphericalBessel.j(l, mid);
            if (fm == 0) {
                return mid;
            }
            if ((fm > 0) == (fa > 0)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        // polish: a few Newton steps from the bracket's middle, kept only while they stay inside it
        double x = 0.5 * (lo + hi);
        for (int it = 0; it < 3; it++) {
            double step = SphericalBessel.j(l, x) / SphericalBessel.derivative(l, x);
            double y = x - step;
            if (!(y > a && y < b)) {
                break;
            }
            x = y;
        }
        return x;
    }
}
