package potentia.cmaes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * The engine's update against the tutorial's equations written out plainly for n = 2, where
 * C^−½ has a closed form: sqrt(M) = (M + √det M · I) / √(tr M + 2√det M).
 */
class CmaesUpdateTest {

    /** One generation of the tutorial's update, from the candidates the engine sampled. */
    private static final class Reference {
        double[] m;
        double sigma;
        double[] c; // 2×2 row-major
        double[] ps = new double[2];
        double[] pc = new double[2];
        int g;

        void step(CmaesParameters p, double[][] x, double[] f) {
            int lambda = x.length;
            Integer[] order = new Integer[lambda];
            for (int k = 0; k < lambda; k++) {
                order[k] = k;
            }
            Arrays.sort(order, Comparator.comparingDouble(k -> f[k]));
            double[][] y = new double[lambda][2];
            for (int r = 0; r < lambda; r++) {
                for (int i = 0; i < 2; i++) {
                    y[r][i] = (x[order[r]][i] - m[i]) / sigma;
                }
            }
            double[] yw = new double[2];
            for (int r = 0; r < p.mu(); r++) {
                yw[0] += p.weight(r) * y[r][0];
                yw[1] += p.weight(r) * y[r][1];
            }
            double[] inv = inverseSqrt(c);
            double[] cy = mul(inv, yw);
            double a = Math.sqrt(p.cSigma() * (2 - p.cSigma()) * p.muEff());
            for (int i = 0; i < 2; i++) {
                m[i] += sigma * yw[i];
                ps[i] = (1 - p.cSigma()) * ps[i] + a * cy[i];
            }
            double psNorm = Math.hypot(ps[0], ps[1]);
            boolean h = psNorm / Math.sqrt(1 - Math.pow(1 - p.cSigma(), 2 * (g + 1))) < (1.4 + 2.0 / 3) * p.chiN();
            double b = h ? Math.sqrt(p.cC() * (2 - p.cC()) * p.muEff()) : 0;
            for (int i = 0; i < 2; i++) {
                pc[i] = (1 - p.cC()) * pc[i] + b * yw[i];
            }
            double delta = h ? 0 : p.cC() * (2 - p.cC());
            double sumW = 0;
            for (int r = 0; r < lambda; r++) {
                sumW += p.weight(r);
            }
            double[] next = new double[4];
            for (int k = 0; k < 4; k++) {
                next[k] = (1 + p.c1() * delta - p.c1() - p.cMu() * sumW) * c[k];
            }
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    next[2 * i + j] += p.c1() * pc[i] * pc[j];
                }
            }
            for (int r = 0; r < lambda; r++) {
                double w = p.weight(r);
                if (w < 0) {
                    double[] u = mul(inv, y[r]);
                    w *= 2 / (u[0] * u[0] + u[1] * u[1]);
                }
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 2; j++) {
                        next[2 * i + j] += p.cMu() * w * y[r][i] * y[r][j];
                    }
                }
            }
            c = next;
            sigma *= Math.exp(p.cSigma() / p.dSigma() * (psNorm / p.chiN() - 1));
            g++;
        }

        static double[] mul(double[] a, double[] v) {
            return new double[] {a[0] * v[0] + a[1] * v[1], a[2] * v[0] + a[3] * v[1]};
        }

        static double[] inverseSqrt(double[] mm) {
            double s = Math.sqrt(mm[0] * mm[3] - mm[1] * mm[2]);
            double t = Math.sqrt(mm[0] + mm[3] + 2 * s);
            double[] r = {(mm[0] + s) / t, mm[1] / t, mm[2] / t, (mm[3] + s) / t};
            double det = r[0] * r[3] - r[1] * r[2];
            return new double[] {r[3] / det, -r[1] / det, -r[2] / det, r[0] / det};
        }
    }

    @Test
    void threeGenerationsMatchTheTutorialEquations() {
        double[] m0 = {1.0, 2.0};
        Cmaes cmaes = Cmaes.start(m0, 0.5, 6, true, CmaesStopping.defaults(), 11);
        CmaesParameters p = cmaes.parameters();
        assertEquals(1, p.eigenInterval()); // so generation 2 and 3 sample from the updated C
        Reference ref = new Reference();
        ref.m = m0.clone();
        ref.sigma = 0.5;
        ref.c = new double[] {1, 0, 0, 1};
        for (int gen = 0; gen < 3; gen++) {
            double[][] x = cmaes.ask();
            double[] f = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                // an anisotropic quadratic, so that C moves away from I
                f[k] = x[k][0] * x[k][0] + 30 * (x[k][1] - 0.5 * x[k][0]) * (x[k][1] - 0.5 * x[k][0]);
            }
            cmaes.tell(f);
            ref.step(p, x, f);
            assertArrayEquals(ref.m, cmaes.mean(), 1e-12, "mean after generation " + (gen + 1));
            assertArrayEquals(ref.ps, cmaes.pathSigma(), 1e-10, "p_σ after generation " + (gen + 1));
            assertArrayEquals(ref.pc, cmaes.pathC(), 1e-10, "p_c after generation " + (gen + 1));
            assertArrayEquals(ref.c, cmaes.covariance(), 1e-10, "C after generation " + (gen + 1));
            assertEquals(ref.sigma, cmaes.sigma(), 1e-12, "σ after generation " + (gen + 1));
        }
    }

    @Test
    void rankOneTermAloneIsTheOuterProductOfThePath() {
        // C = I, keep 0.5, c1 0.2, p_c = (1, 2), no rank-μ term
        double[] c = {1, 0, 0, 1};
        Cmaes.rankUpdate(c, 2, 0.5, 0.2, new double[] {1, 2}, 0.3, new double[] {0, 0}, new int[] {0, 1},
                new double[4]);
        assertArrayEquals(new double[] {0.5 + 0.2, 0.4, 0.4, 0.5 + 0.8}, c, 1e-15);
    }

    @Test
    void rankMuTermWeighsEachStepByRank() {
        // C = 0, keep 1, c_μ = 0.5, weights (0.6, −0.2) by rank; ranks: candidate 1 first, then 0
        double[] c = new double[4];
        double[] y = {1, 0, /* candidate 1: */ 1, 1};
        Cmaes.rankUpdate(c, 2, 1, 0, new double[2], 0.5, new double[] {0.6, -0.2}, new int[] {1, 0}, y);
        // 0.5·0.6·(1,1)(1,1)ᵀ + 0.5·(−0.2)·(1,0)(1,0)ᵀ
        assertArrayEquals(new double[] {0.3 - 0.1, 0.3, 0.3, 0.3}, c, 1e-15);
    }
}
