package potentia.cmaes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CmaesParametersTest {

    /** Table 1 of the tutorial worked out by hand (in double precision) for n = 10. */
    @Test
    void defaultsForTenDimensionsMatchTheTutorialTable() {
        CmaesParameters p = CmaesParameters.defaults(10);
        assertEquals(10, p.lambda());
        assertEquals(5, p.mu());
        assertEquals(3.1672992814107026, p.muEff(), 1e-13);
        assertEquals(0.015283824524751714, p.c1(), 1e-15);
        assertEquals(0.023551776650417484, p.cMu(), 1e-15);
        assertEquals(0.2844285879463675, p.cSigma(), 1e-14);
        assertEquals(1.2844285879463675, p.dSigma(), 1e-14);
        assertEquals(0.29499038303562225, p.cC(), 1e-14);
        assertEquals(0.45627264690340597, p.weight(0), 1e-14);
        // negative weights scaled by min(α_μ⁻ = 1.649, α_μeff⁻ = 2.544, α_posdef⁻ = 4.081)
        assertEquals(-0.5497499176973852, p.weight(9), 1e-14);
        assertEquals(1.0, p.cM());
        assertEquals(Math.sqrt(10) * (1 - 1 / 40.0 + 1 / 2100.0), p.chiN(), 1e-14);
    }

    @Test
    void positiveWeightsSumToOneAndDecrease() {
        for (int n : new int[] {1, 2, 5, 30, 126, 474}) {
            CmaesParameters p = CmaesParameters.defaults(n);
            double sum = 0;
            for (int i = 0; i < p.mu(); i++) {
                sum += p.weight(i);
                assertTrue(p.weight(i) > 0);
                if (i > 0) {
                    assertTrue(p.weight(i) < p.weight(i - 1));
                }
            }
            assertEquals(1, sum, 1e-12);
            for (int i = p.mu(); i < p.lambda(); i++) {
                assertTrue(p.weight(i) <= 0);
            }
            assertTrue(p.c1() + p.cMu() <= 1);
            assertTrue(p.eigenInterval() >= 1);
        }
    }

    @Test
    void withoutActiveWeightsTheWorstHalfGetsNothing() {
        CmaesParameters p = CmaesParameters.of(10, 10, false);
        for (int i = p.mu(); i < p.lambda(); i++) {
            assertEquals(0, p.weight(i));
        }
        assertEquals(1, p.weightSum(), 1e-12);
    }

    @Test
    void eigendecompositionIsLazierInHighDimension() {
        assertEquals(1, CmaesParameters.defaults(10).eigenInterval());
        CmaesParameters big = CmaesParameters.defaults(474);
        // Hansen's rule: decompose once the evaluations since the last decomposition exceed λ/(c1+cμ)/n/10
        double evaluations = big.lambda() / (big.c1() + big.cMu()) / 474 / 10;
        assertTrue(big.eigenInterval() * big.lambda() > evaluations);
        assertTrue((big.eigenInterval() - 1) * big.lambda() <= evaluations);
        assertTrue(big.eigenInterval() > 1);
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> CmaesParameters.defaults(0));
        assertThrows(IllegalArgumentException.class, () -> CmaesParameters.of(3, 1, true));
    }
}
