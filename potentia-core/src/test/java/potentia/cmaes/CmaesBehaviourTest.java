package potentia.cmaes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CmaesBehaviourTest {
    private static final CmaesStopping TO_TARGET = CmaesStopping.defaults().withTarget(1e-10).withTolFun(0);

    private static long evaluationsToTarget(Objective f, double[] x0, long seed) {
        Cmaes c = Cmaes.start(x0, 1.0, TO_TARGET.withMaxEvaluations(200_000), seed);
        while (!c.stopped()) {
            c.tell(PopulationEvaluator.evaluate(f, c.ask(), 1));
        }
        assertTrue(c.stopReasons().contains(StopReason.TARGET_FITNESS), "stopped by " + c.stopReasons());
        return c.evaluations();
    }

    @Test
    void convergesOnTheSphere() {
        Cmaes c = Cmaes.start(new double[] {3, -2, 1, 0.5}, 1.0, TO_TARGET, 1);
        while (!c.stopped()) {
            c.tell(PopulationEvaluator.evaluate(TestFunctions::sphere, c.ask(), 1));
        }
        assertTrue(c.bestFitness() <= 1e-10);
        assertEquals(c.bestFitness(), TestFunctions.sphere(c.bestX()), 0);
        assertEquals(0, c.evaluations() % c.lambda());
    }

    /**
     * CMA-ES only compares fitness values and adapts a full covariance matrix, so a rotated
     * ellipsoid needs as many evaluations as the axis-parallel one (within sampling noise).
     */
    @Test
    void evaluationsAreRotationInvariantOnTheEllipsoid() {
        int n = 6;
        double[] rotation = randomRotation(n, new SplittableRandom(5));
        Objective rotated = x -> {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    r[i] += rotation[i * n + j] * x[j];
                }
            }
            return TestFunctions.ellipsoid(r);
        };
        double[] x0 = {1, 1, 1, 1, 1, 1};
        double[] x0Rotated = new double[n]; // Rᵀ x0: the same start seen through the rotation
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x0Rotated[i] += rotation[j * n + i] * x0[j];
            }
        }
        int seeds = 24;
        double plain = 0;
        double turned = 0;
        for (int s = 0; s < seeds; s++) {
            plain += evaluationsToTarget(TestFunctions::ellipsoid, x0, s);
            turned += evaluationsToTarget(rotated, x0Rotated, 1000 + s);
        }
        plain /= seeds;
        turned /= seeds;
        assertEquals(1, turned / plain, 0.08, "mean evaluations " + plain + " (axis-parallel) vs " + turned
                + " (rotated)");
    }

    @Test
    void aSeedDeterminesTheRun() {
        double[] x0 = {0.3, -1, 2};
        Cmaes a = Cmaes.start(x0, 0.7, CmaesStopping.defaults(), 99);
        Cmaes b = Cmaes.start(x0, 0.7, CmaesStopping.defaults(), 99);
        Cmaes other = Cmaes.start(x0, 0.7, CmaesStopping.defaults(), 100);
        for (int g = 0; g < 40; g++) {
            double[][] xa = a.ask();
            double[][] xb = b.ask();
            for (int k = 0; k < xa.length; k++) {
                assertArrayEquals(xa[k], xb[k], 0);
            }
            a.tell(PopulationEvaluator.evaluate(TestFunctions::rastrigin, xa, 1));
            b.tell(PopulationEvaluator.evaluate(TestFunctions::rastrigin, xb, 3));
            other.tell(PopulationEvaluator.evaluate(TestFunctions::rastrigin, other.ask(), 1));
        }
        assertEquals(a.state(), b.state());
        assertNotEquals(a.state(), other.state());
    }

    @Test
    void nanFitnessRanksLast() {
        Cmaes c = Cmaes.start(new double[] {0, 0}, 1, CmaesStopping.defaults(), 3);
        for (int g = 0; g < 30; g++) {
            double[][] x = c.ask();
            double[] f = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                f[k] = x[k][0] > 0 ? Double.NaN : TestFunctions.sphere(x[k]);
            }
            c.tell(f);
        }
        assertTrue(c.mean()[0] <= 0.5, "the mean avoids the NaN half-plane: " + c.mean()[0]);
        assertTrue(c.bestX()[0] <= 0);
    }

    @Test
    void askAndTellMustAlternate() {
        Cmaes c = Cmaes.start(new double[] {0, 0}, 1, CmaesStopping.defaults(), 3);
        assertThrows(IllegalStateException.class, () -> c.tell(new double[c.lambda()]));
        c.ask();
        assertThrows(IllegalStateException.class, c::ask);
        assertThrows(IllegalStateException.class, c::state);
        assertThrows(IllegalArgumentException.class, () -> c.tell(new double[1]));
    }

    @Test
    void refusesABadStart() {
        assertThrows(IllegalArgumentException.class, () -> Cmaes.start(new double[] {0}, 0, CmaesStopping.defaults(), 1));
        assertThrows(IllegalArgumentException.class,
                () -> Cmaes.start(new double[] {Double.NaN}, 1, CmaesStopping.defaults(), 1));
        assertThrows(IllegalArgumentException.class, () -> Cmaes.start(new double[0], 1, CmaesStopping.defaults(), 1));
    }

    /** A random orthogonal matrix (Gram–Schmidt on Gaussian columns), n×n row-major. */
    static double[] randomRotation(int n, SplittableRandom rng) {
        double[][] q = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                q[k][i] = rng.nextDouble(-1, 1);
            }
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q[k][i] * q[j][i];
                }
                for (int i = 0; i < n; i++) {
                    q[k][i] -= dot * q[j][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += q[k][i] * q[k][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                q[k][i] /= norm;
            }
        }
        double[] r = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(q[i], 0, r, i * n, n);
        }
        return r;
    }
}
