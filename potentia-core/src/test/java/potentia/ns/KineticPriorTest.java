package potentia.ns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import potentia.units.Units;

/**
 * The momenta's prior: draws are uniform on the zero-momentum ball under the cap, and the
 * capped kinetic integral the analysis divides out matches direct quadrature on both sides of
 * the switch between its series and its continued fraction.
 */
class KineticPriorTest {

    /**
     * ∫₀^c K^{a−1} e^{−βK} K^p dK relative to c^{a+p}, by Simpson's rule in w with K/c = w²
     * (smooth at 0 for half-integer a: 2 w^{2a−1+2p} e^{−x w²}).
     */
    private static double moment(double a, double x, int p) {
        int n = 200_000;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double w = (double) i / n;
            double f = w == 0 ? 0 : 2 * Math.pow(w, 2 * a - 1 + 2 * p) * Math.exp(-x * w * w);
            sum += f * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return sum / (3.0 * n);
    }

    @Test
    void cappedKineticIntegralMatchesQuadrature() {
        for (double a : new double[] {1.5, 4.5, 94.5}) {
            for (double x : new double[] {0.3, 0.5 * a, a + 0.5, a + 1.5, 2 * a, 10 * a + 20}) {
                double m0 = moment(a, x, 0);
                double m1 = moment(a, x, 1);
                double m2 = moment(a, x, 2);
                // z = ∫ e^{−βK} dμ / ∫ dμ with dμ = K^{a−1} dK on (0, c]: the prior's normalisation is 1/a
                double logZ = Math.log(a * m0);
                double beta = x; // c = 1
                double mean = m1 / m0;
                double var = m2 / m0 - mean * mean;
                String at = "a = " + a + ", x = " + x;
                assertEquals(logZ, KineticPrior.logFraction(a, x), 1e-7 * Math.max(1, Math.abs(logZ)), "ln z, " + at);
                assertEquals(beta * mean, KineticPrior.meanKinetic(a, x), 1e-7 * a, "β⟨K⟩, " + at);
                assertEquals(beta * beta * var, KineticPrior.heatCapacity(a, x), 1e-6 * a, "β²Var K, " + at);
            }
        }
        assertEquals(Math.log(24), KineticPrior.logGamma(5), 1e-13);
        assertEquals(0.5 * Math.log(Math.PI), KineticPrior.logGamma(0.5), 1e-13);
        // far below the cap the momenta are Maxwell–Boltzmann: β⟨K⟩ = C = a
        assertEquals(94.5, KineticPrior.meanKinetic(94.5, 5000), 1e-9);
        assertEquals(94.5, KineticPrior.heatCapacity(94.5, 5000), 1e-9);
    }

    @Test
    void drawsAreUniformOnTheZeroMomentumBall() {
        double[] masses = {1.008, 39.95, 39.95, 12.011};
        KineticPrior prior = new KineticPrior(masses, 2.0);
        double a = prior.shape();
        assertEquals(4.5, a);
        SplittableRandom rng = new SplittableRandom(4);
        int n = 20_000;
        double[] u = new double[n];
        double[] v = new double[12];
        double limit = 1.5;
        for (int s = 0; s < n; s++) {
            double k = prior.draw(v, limit, rng);
            assertEquals(prior.kinetic(v), k, 1e-12);
            assertTrue(k <= limit);
            for (int c = 0; c < 3; c++) {
                double p = 0;
                for (int i = 0; i < 4; i++) {
                    p += masses[i] * v[3 * i + c];
                }
                assertEquals(0, p, 1e-12, "total momentum");
            }
            u[s] = Math.pow(k / limit, a); // uniform on (0, 1) for a uniform draw from the ball
        }
        double[] uniform = new double[n];
        for (int s = 0; s < n; s++) {
            uniform[s] = (s + 0.5) / n;
        }
        double chi2 = DetailedBalanceTest.chiSquared(uniform, u);
        assertTrue(chi2 < 35, "K^a is not uniform: χ² = " + chi2);
        // the direction is isotropic in mass-weighted coordinates: ⟨m v_x²⟩ is the same for every atom
        double[] mv2 = new double[4];
        for (int s = 0; s < n; s++) {
            prior.draw(v, 1e9, rng);
            for (int i = 0; i < 4; i++) {
                mv2[i] += masses[i] * v[3 * i] * v[3 * i] * Units.MASS_VELOCITY2_TO_EV / n;
            }
        }
        // projecting out the total momentum takes 1 − m_i/M of each atom's share
        double total = 1.008 + 39.95 + 39.95 + 12.011;
        double scale = mv2[1] / (1 - 39.95 / total);
        for (int i = 0; i < 4; i++) {
            assertEquals(scale * (1 - masses[i] / total), mv2[i], 0.05 * scale, "atom " + i);
        }
    }
}
