package potentia.ipi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import potentia.units.Units;

class IpiWireTest {

    @Test
    void cellTravelsAsColumnsInBohr() {
        double[] h = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        double b = Units.BOHR;
        double[] expected = {1 / b, 4 / b, 7 / b, 2 / b, 5 / b, 8 / b, 3 / b, 6 / b, 9 / b};
        assertArrayEquals(expected, IpiWire.cellToWire(h), 1e-15);
        assertArrayEquals(h, IpiWire.cellFromWire(expected), 1e-14);
    }

    @Test
    void roundTripsChangeAtMostTheLastBits() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int t = 0; t < 100; t++) {
            double[] h = new double[9];
            for (int k = 0; k < 9; k++) {
                h[k] = rng.nextDouble(-20, 20);
            }
            double[] back = IpiWire.cellFromWire(IpiWire.cellToWire(h));
            for (int k = 0; k < 9; k++) {
                assertEquals(h[k], back[k], 2 * Math.ulp(h[k]));
            }
        }
    }

    @Test
    void virialIsTransposedAndInHartree() {
        double[] w = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        double ha = Units.HARTREE;
        assertArrayEquals(new double[] {1 / ha, 4 / ha, 7 / ha, 2 / ha, 5 / ha, 8 / ha, 3 / ha, 6 / ha, 9 / ha},
                IpiWire.virialToWire(w), 1e-16);
    }

    @Test
    void forcesAndEnergyInAtomicUnits() {
        // 1 Hartree/Bohr = 51.422067090480645 eV/Å with ASE's CODATA 2014 values (units.Ha / units.Bohr)
        assertEquals(1.0, IpiWire.forcesToWire(new double[] {51.422067090480645})[0], 1e-15);
        assertEquals(1.0, IpiWire.energyToWire(27.211386024367243), 0);
        double[] x = {1.0 / Units.BOHR};
        IpiWire.positionsFromWire(x);
        assertEquals(1.0, x[0], 1e-16);
    }
}
