package potentia.ehp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseStabilityTest {

    @Test
    void aLinearCrossingIsFoundWithItsErrorBar() {
        // G_A = 0, G_B = 0.02 − 2·10⁻⁵ T eV/atom: equal at exactly 1000 K, slope 2·10⁻⁵ eV/(atom·K)
        double[] t = {600, 800, 1200, 1400};
        double[] a = new double[t.length];
        double[] b = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            b[k] = 0.02 - 2e-5 * t[k];
        }
        double[] d = PhaseStability.difference(a, b);
        double[] e = PhaseStability.differenceError(new double[] {3e-4, 3e-4, 3e-4, 3e-4},
                new double[] {4e-4, 4e-4, 4e-4, 4e-4});
        assertEquals(5e-4, e[0], 1e-15);
        List<PhaseStability.Crossing> c = PhaseStability.crossings(t, d, e);
        assertEquals(1, c.size());
        assertEquals(1000, c.get(0).temperature(), 1e-9);
        assertEquals(5e-4 / 2e-5, c.get(0).error(), 1e-9);
        assertEquals(0, c.get(0).below(), "A is stable below (ΔG = G_B − G_A > 0)");
    }

    @Test
    void noSignChangeMeansNoCrossing() {
        double[] t = {100, 200, 300};
        assertTrue(PhaseStability.crossings(t, new double[] {1e-3, 2e-3, 5e-4}, new double[3]).isEmpty());
        List<PhaseStability.Crossing> two = PhaseStability.crossings(t, new double[] {1e-3, -1e-3, 1e-3},
                new double[] {1e-4, 1e-4, 1e-4});
        assertEquals(2, two.size());
        assertEquals(150, two.get(0).temperature(), 1e-9);
        assertEquals(1, two.get(1).below());
    }
}
