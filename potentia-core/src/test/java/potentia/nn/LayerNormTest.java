package potentia.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LayerNorm's value, Jacobian and second-order term against their definitions and central differences. */
class LayerNormTest {

    private static double[] random(SplittableRandom rng, int n, double scale) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = scale * rng.nextGaussian() + 0.4;
        }
        return v;
    }

    /** n units, scale of u (small scales make ε matter), ε. */
    @ParameterizedTest
    @CsvSource({"5, 1.0, 1e-6", "9, 0.01, 1e-3", "2, 3.0, 1e-6", "16, 0.5, 0.1"})
    void valueIsCentredAndScaledByTheVarianceWithEpsilon(int n, double scale, double eps) {
        double[] u = random(new SplittableRandom(n), n, scale);
        double[] x = new double[n];
        double r = LayerNorm.normalise(u, eps, x);
        double m = 0;
        for (double v : u) {
            m += v;
        }
        m /= n;
        double var = 0;
        for (double v : u) {
            var += (v - m) * (v - m) / n;
        }
        assertEquals(1 / Math.sqrt(var + eps), r, 1e-12 * r);
        double sum = 0;
        double sq = 0;
        for (int k = 0; k < n; k++) {
            assertEquals((u[k] - m) / Math.sqrt(var + eps), x[k], 1e-12);
            sum += x[k];
            sq += x[k] * x[k];
        }
        assertEquals(0, sum, 1e-12);
        assertEquals(var / (var + eps), sq / n, 1e-12, "mean square of x̂");
    }

    @ParameterizedTest
    @CsvSource({"5, 1.0, 1e-6", "9, 0.05, 1e-3", "2, 3.0, 1e-6", "16, 0.5, 0.1"})
    void jacobianAndCurvatureMatchCentralDifferences(int n, double scale, double eps) {
        SplittableRandom rng = new SplittableRandom(100 + n);
        double[] u = random(rng, n, scale);
        double[] ud = random(rng, n, 1);
        double[] w = random(rng, n, 1);
        double[] x = new double[n];
        double r = LayerNorm.normalise(u, eps, x);
        double[] xd = LayerNorm.jacobianTimes(x, r, ud);
        double h = 1e-6 * scale;
        // J u̇ against the difference quotient of x̂ along u̇
        double[] xp = new double[n];
        double[] xm = new double[n];
        LayerNorm.normalise(shift(u, ud, h), eps, xp);
        LayerNorm.normalise(shift(u, ud, -h), eps, xm);
        for (int k = 0; k < n; k++) {
            double fd = (xp[k] - xm[k]) / (2 * h);
            assertEquals(fd, xd[k], 1e-7 * Math.max(1, Math.abs(fd)), "J u̇ component " + k);
        }
        // Jᵀ = J: w·(J u̇) = (J w)·u̇
        double[] jw = LayerNorm.jacobianTimes(x, r, w);
        assertEquals(dot(w, xd), dot(jw, ud), 1e-12 * Math.max(1, Math.abs(dot(w, xd))), "J is symmetric");
        // ∇_u (w·J(u) u̇) against central differences in each u_k
        double[] grad = LayerNorm.curvature(x, r, ud, xd, w);
        for (int k = 0; k < n; k++) {
            double[] e = new double[n];
            e[k] = 1;
            double fd = (q(shift(u, e, h), eps, ud, w) - q(shift(u, e, -h), eps, ud, w)) / (2 * h);
            assertEquals(fd, grad[k], 1e-6 * Math.max(1, Math.abs(fd)), "curvature component " + k);
        }
    }

    /** q(u) = w·J(u)u̇. */
    private static double q(double[] u, double eps, double[] ud, double[] w) {
        double[] x = new double[u.length];
        double r = LayerNorm.normalise(u, eps, x);
        return dot(w, LayerNorm.jacobianTimes(x, r, ud));
    }

    private static double[] shift(double[] u, double[] d, double h) {
        double[] out = u.clone();
        for (int k = 0; k < u.length; k++) {
            out[k] += h * d[k];
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
