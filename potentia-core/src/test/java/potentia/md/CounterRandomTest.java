package potentia.md;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CounterRandomTest {

    @Test
    void numbersArePureFunctionsOfTheirCounters() {
        CounterRandom a = new CounterRandom(42);
        CounterRandom b = new CounterRandom(42);
        assertEquals(a.normal(3, 17, 5), b.normal(3, 17, 5));
        assertEquals(a.uniform(3, 17, 5), b.uniform(3, 17, 5));
        // asking in another order changes nothing
        double later = a.normal(1, 1000, 99);
        a.normal(1, 999, 0);
        assertEquals(later, a.normal(1, 1000, 99));
        // every counter matters
        Set<Double> distinct = new HashSet<>();
        distinct.add(a.normal(3, 17, 5));
        distinct.add(new CounterRandom(43).normal(3, 17, 5));
        distinct.add(a.normal(4, 17, 5));
        distinct.add(a.normal(3, 18, 5));
        distinct.add(a.normal(3, 17, 4));
        distinct.add(a.normal(3, 17, 6));
        assertEquals(6, distinct.size());
    }

    @Test
    void bulkFillAgreesWithSingleDrawsWhateverTheChunks() {
        CounterRandom r = new CounterRandom(7);
        int n = 1001;
        double[] single = new double[n];
        for (int k = 0; k < n; k++) {
            single[k] = r.normal(2, 33, k);
        }
        double[] whole = new double[n];
        r.normals(2, 33, whole, 0, n);
        assertArrayEquals(single, whole, 0.0);
        double[] pieces = new double[n];
        int[] cuts = {0, 1, 2, 5, 500, 501, 999, n};
        for (int c = 0; c + 1 < cuts.length; c++) {
            r.normals(2, 33, pieces, cuts[c], cuts[c + 1]);
        }
        assertArrayEquals(single, pieces, 0.0);
    }

    /**
     * One million normals: mean 0 ± 0.001 (σ/√n), variance 1 ± 0.0014·4, excess kurtosis 0 ± 0.005·4,
     * and no correlation between neighbouring indices or steps beyond 4/√n.
     */
    @Test
    void normalsHaveTheMomentsOfAStandardNormalAndAreUncorrelated() {
        CounterRandom r = new CounterRandom(2024);
        int n = 1_000_000;
        double[] z = new double[n];
        r.normals(1, 0, z, 0, n);
        double m = Stats.mean(z);
        double var = Stats.variance(z);
        double m4 = 0;
        double lag = 0;
        double acrossSteps = 0;
        double[] next = new double[n];
        r.normals(1, 1, next, 0, n);
        for (int k = 0; k < n; k++) {
            m4 += Math.pow(z[k] - m, 4) / n;
            lag += k + 1 < n ? z[k] * z[k + 1] / n : 0;
            acrossSteps += z[k] * next[k] / n;
        }
        double bound = 4 / Math.sqrt(n);
        assertEquals(0, m, bound);
        assertEquals(1, var, 4 * Math.sqrt(2.0 / n));
        assertEquals(0, m4 / (var * var) - 3, 4 * Math.sqrt(24.0 / n));
        assertEquals(0, lag, bound);
        assertEquals(0, acrossSteps, bound);
        double tail = 0;
        for (double x : z) {
            tail += Math.abs(x) > 3 ? 1 : 0;
        }
        // P(|z| > 3) = 0.0026998; binomial standard deviation √(np(1−p)) ≈ 52
        assertEquals(2699.8, tail, 4 * 52);
    }

    @Test
    void uniformsLieInTheOpenUnitIntervalWithTheRightMoments() {
        CounterRandom r = new CounterRandom(-5);
        int n = 200_000;
        double s = 0;
        double s2 = 0;
        for (int k = 0; k < n; k++) {
            double u = r.uniform(9, k % 7, k);
            assertTrue(u > 0 && u < 1);
            s += u;
            s2 += u * u;
        }
        assertEquals(0.5, s / n, 4 * Math.sqrt(1.0 / 12 / n));
        assertEquals(1.0 / 3, s2 / n, 4 * Math.sqrt(4.0 / 45 / n));
    }

    /** Gamma(a) has mean a and variance a; the O(1) χ² draw agrees in law with an explicit sum of squares. */
    @Test
    void gammaAndChiSquaredHaveTheirExactMeanAndVariance() {
        CounterRandom r = new CounterRandom(11);
        for (double shape : new double[] {0.3, 1, 2.5, 46.5}) {
            int n = 50_000;
            double[] g = new double[n];
            for (int k = 0; k < n; k++) {
                g[k] = r.sequence(5, k).gamma(shape);
            }
            assertEquals(shape, Stats.mean(g), 4 * Math.sqrt(shape / n), "mean of Gamma(" + shape + ")");
            // Var of the sample variance of a Gamma: (μ4 − σ⁴)/n with μ4 = 3a² + 6a
            assertEquals(shape, Stats.variance(g), 4 * Math.sqrt((3 * shape * shape + 6 * shape - shape * shape) / n),
                    "variance of Gamma(" + shape + ")");
        }
        int dof = 92;
        int n = 20_000;
        double[] fast = new double[n];
        double[] slow = new double[n];
        for (int k = 0; k < n; k++) {
            fast[k] = r.sequence(6, k).sumOfSquaredNormals(dof);
            CounterRandom.Sequence s = r.sequence(7, k);
            for (int j = 0; j < dof; j++) {
                double z = s.normal();
                slow[k] += z * z;
            }
        }
        for (double[] chi : new double[][] {fast, slow}) {
            assertEquals(dof, Stats.mean(chi), 4 * Math.sqrt(2.0 * dof / n));
            assertEquals(2 * dof, Stats.variance(chi), 4 * Math.sqrt((48.0 * dof + 8.0 * dof * dof) / n));
        }
        assertNotEquals(fast[0], slow[0]);
    }

    @Test
    void sequencesRepeat() {
        CounterRandom r = new CounterRandom(3);
        CounterRandom.Sequence a = r.sequence(1, 2);
        CounterRandom.Sequence b = r.sequence(1, 2);
        for (int k = 0; k < 10; k++) {
            assertEquals(a.gamma(3.5), b.gamma(3.5));
        }
    }
}
