package potentia.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RealSphericalHarmonicsTest {
    private static final int L = 7;
    private final RealSphericalHarmonics sh = new RealSphericalHarmonics(L);
    private final double[] scratch = new double[sh.scratchLength()];

    private static double[] randomUnit(SplittableRandom rng) {
        double x = rng.nextGaussian();
        double y = rng.nextGaussian();
        double z = rng.nextGaussian();
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / n, y / n, z / n};
    }

    private static double legendre(int l, double x) {
        double p0 = 1;
        double p1 = x;
        if (l == 0) {
            return 1;
        }
        for (int k = 2; k <= l; k++) {
            double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
            p0 = p1;
            p1 = p2;
        }
        return p1;
    }

    @Test
    void lowOrdersHaveTheTextbookForm() {
        double[] u = randomUnit(new SplittableRandom(3));
        double[] y = new double[sh.count()];
        sh.evaluate(u[0], u[1], u[2], y, 0, scratch);
        double c0 = 1 / (2 * Math.sqrt(Math.PI));
        double c1 = Math.sqrt(3 / (4 * Math.PI));
        assertEquals(c0, y[0], 1e-15);
        assertEquals(c1 * u[1], y[1], 1e-15); // m = −1 ~ y
        assertEquals(c1 * u[2], y[2], 1e-15); // m = 0 ~ z
        assertEquals(c1 * u[0], y[3], 1e-15); // m = 1 ~ x
        double c2 = 0.25 * Math.sqrt(5 / Math.PI);
        assertEquals(c2 * (3 * u[2] * u[2] - 1), y[6], 1e-15);
        assertEquals(0.5 * Math.sqrt(15 / Math.PI) * u[0] * u[1], y[4], 1e-15);
    }

    @Test
    void additionTheoremHolds() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] yu = new double[sh.count()];
        double[] yv = new double[sh.count()];
        for (int trial = 0; trial < 200; trial++) {
            double[] u = randomUnit(rng);
            double[] v = randomUnit(rng);
            if (trial == 0) {
                v = u.clone();
            }
            sh.evaluate(u[0], u[1], u[2], yu, 0, scratch);
            sh.evaluate(v[0], v[1], v[2], yv, 0, scratch);
            double cos = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
            for (int l = 0; l <= L; l++) {
                double sum = 0;
                for (int m = -l; m <= l; m++) {
                    sum += yu[l * l + l + m] * yv[l * l + l + m];
                }
                assertEquals((2 * l + 1) / (4 * Math.PI) * legendre(l, cos), sum, 1e-13, "l = " + l);
            }
        }
    }

    @Test
    void harmonicsAreOrthonormalOnTheSphere() {
        // Gauss–Legendre in cos θ × uniform φ integrates products of degree ≤ 2L exactly
        GaussLegendre gl = new GaussLegendre(L + 2);
        int nphi = 2 * L + 3;
        int n = sh.count();
        double[] gram = new double[n * n];
        double[] y = new double[n];
        for (int a = 0; a < gl.nodes.length; a++) {
            double z = gl.nodes[a];
            double st = Math.sqrt(1 - z * z);
            for (int b = 0; b < nphi; b++) {
                double phi = 2 * Math.PI * b / nphi;
                sh.evaluate(st * Math.cos(phi), st * Math.sin(phi), z, y, 0, scratch);
                double w = gl.weights[a] * 2 * Math.PI / nphi;
                for (int p = 0; p < n; p++) {
                    for (int q = 0; q < n; q++) {
                        gram[p * n + q] += w * y[p] * y[q];
                    }
                }
            }
        }
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                assertEquals(p == q ? 1 : 0, gram[p * n + q], 1e-13, "⟨Y_" + p + ", Y_" + q + "⟩");
            }
        }
    }

    @Test
    void projectedGradientMatchesCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = sh.count();
        double[] y = new double[n];
        double[] gx = new double[n];
        double[] gy = new double[n];
        double[] gz = new double[n];
        double[] yp = new double[n];
        double[] ym = new double[n];
        double[] plain = new double[n];
        double h = 1e-6;
        for (int trial = 0; trial < 50; trial++) {
            double r = 0.5 + 3 * rng.nextDouble();
            double[] u = randomUnit(rng);
            double[] d = {r * u[0], r * u[1], r * u[2]};
            sh.evaluateWithGradient(u[0], u[1], u[2], y, gx, gy, gz, 0, scratch);
            sh.evaluate(u[0], u[1], u[2], plain, 0, scratch);
            for (int k = 0; k < 3; k++) {
                double[] dp = d.clone();
                double[] dm = d.clone();
                dp[k] += h;
                dm[k] -= h;
                evalAt(dp, yp);
                evalAt(dm, ym);
                for (int lm = 0; lm < n; lm++) {
                    assertEquals(plain[lm], y[lm], 0.0, "evaluate and evaluateWithGradient disagree");
                    double gu = gx[lm] * u[0] + gy[lm] * u[1] + gz[lm] * u[2];
                    double gk = (k == 0 ? gx[lm] : k == 1 ? gy[lm] : gz[lm]);
                    double analytic = (gk - gu * u[k]) / r;
                    double fd = (yp[lm] - ym[lm]) / (2 * h);
                    assertEquals(fd, analytic, 1e-7, "∂Y_" + lm + "/∂d_" + k);
                }
            }
        }
    }

    private void evalAt(double[] d, double[] out) {
        double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        sh.evaluate(d[0] / r, d[1] / r, d[2] / r, out, 0, scratch);
    }
}
