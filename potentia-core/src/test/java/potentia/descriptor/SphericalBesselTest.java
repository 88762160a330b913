package potentia.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SphericalBesselTest {

    /** Closed forms (Abramowitz & Stegun 10.1.11), valid away from 0 where they cancel. */
    private static double closedForm(int l, double x) {
        double s = Math.sin(x);
        double c = Math.cos(x);
        return switch (l) {
            case 0 -> s / x;
            case 1 -> s / (x * x) - c / x;
            case 2 -> (3 / (x * x) - 1) * s / x - 3 * c / (x * x);
            case 3 -> (15 / (x * x * x) - 6 / x) * s / x - (15 / (x * x) - 1) * c / x;
            default -> throw new IllegalArgumentException();
        };
    }

    @Test
    void matchesClosedFormsAcrossTheSeriesAndRecurrenceBranches() {
        for (int l = 0; l <= 3; l++) {
            for (double x = 0.5; x < 40; x += 0.173) {
                double expected = closedForm(l, x);
                assertEquals(expected, SphericalBessel.j(l, x), 1e-14 * (1 + 1 / x), "j_" + l + "(" + x + ")");
            }
        }
    }

    @Test
    void smallArgumentsFollowTheLeadingPower() {
        // j_l(x) = x^l / (2l+1)!! (1 − x²/(2(2l+3)) + x⁴/(8(2l+3)(2l+5)) − O(x⁶))
        for (int l = 0; l <= 8; l++) {
            double df = 1;
            for (int k = 3; k <= 2 * l + 1; k += 2) {
                df *= k;
            }
            for (double x : new double[] {1e-8, 1e-4, 1e-2}) {
                double x2 = x * x;
                double expected = Math.pow(x, l) / df * (1 - x2 / (2 * (2 * l + 3)) + x2 * x2 / (8 * (2 * l + 3) * (2 * l + 5)));
                assertEquals(expected, SphericalBessel.j(l, x), 1e-12 * Math.abs(expected), "j_" + l + "(" + x + ")");
            }
        }
        assertEquals(1.0, SphericalBessel.j(0, 0));
        assertEquals(0.0, SphericalBessel.j(3, 0));
    }

    @Test
    void highOrdersObeyTheRecurrenceOnBothSidesOfTheBranchPoint() {
        // j_{l−1} + j_{l+1} = (2l+1)/x j_l holds for the exact functions; the branches (series for
        // x ≤ l, upward recurrence above) are independent, so agreement checks both near x = l
        for (int l = 1; l <= 12; l++) {
            for (double x = 0.3; x < 30; x += 0.0917) {
                double lhs = SphericalBessel.j(l - 1, x) + SphericalBessel.j(l + 1, x);
                double rhs = (2 * l + 1) / x * SphericalBessel.j(l, x);
                double scale = Math.abs(SphericalBessel.j(l - 1, x)) + Math.abs(SphericalBessel.j(l + 1, x)) + 1e-300;
                assertEquals(rhs, lhs, 1e-12 * scale + 1e-300, "recurrence at l = " + l + ", x = " + x);
            }
        }
    }

    @Test
    void derivativeMatchesCentralDifferences() {
        double h = 1e-5;
        for (int l = 0; l <= 7; l++) {
            for (double x = 0.01; x < 25; x += 0.37) {
                double fd = (SphericalBessel.j(l, x + h) - SphericalBessel.j(l, x - h)) / (2 * h);
                assertEquals(fd, SphericalBessel.derivative(l, x), 1e-9, "j_" + l + "'(" + x + ")");
            }
        }
        assertEquals(1.0 / 3, SphericalBessel.derivative(1, 0), 1e-16);
        assertEquals(0.0, SphericalBessel.derivative(0, 0), 1e-16);
    }

    @Test
    void rootsMatchTabulatedZeros() {
        // zeros of j_n, Abramowitz & Stegun Table 10.6 (to 10 digits there; these are 15-digit values)
        double[][] known = {
            {Math.PI, 2 * Math.PI, 3 * Math.PI, 4 * Math.PI},
            {4.493409457909064, 7.725251836937707, 10.904121659428899, 14.066193912831473},
            {5.763459196894550, 9.095011330476355, 12.322940970566583, 15.514603010886749},
            {6.987932000500519, 10.417118547379365, 13.698023153249249, 16.923621285213841},
            {8.182561452571242, 11.704907154570391, 15.039664707616520, 18.301255959541990},
            {9.355812111042747, 12.966530172774345, 16.354709639350464, 19.653152101821185},
            {10.512835408093999, 14.207392458842460, 17.647974870165896, 20.983463068944769},
        };
        for (int l = 0; l < known.length; l++) {
            double[] roots = SphericalBesselRoots.roots(l, 4);
            for (int n = 0; n < 4; n++) {
                assertEquals(known[l][n], roots[n], 2e-14 * known[l][n], "root " + n + " of j_" + l);
                assertEquals(0, SphericalBessel.j(l, roots[n]), 1e-15, "j_" + l + " at its root " + n);
            }
        }
    }

    @Test
    void rootsInterlaceAndAreCachedConsistently() {
        double[] low = SphericalBesselRoots.roots(9, 12);
        double[] high = SphericalBesselRoots.roots(10, 11);
        for (int n = 0; n < 11; n++) {
            assertTrue(low[n] < high[n] && high[n] < low[n + 1], "roots of j_9 and j_10 do not interlace at " + n);
        }
        // asking for fewer returns the same numbers
        double[] again = SphericalBesselRoots.roots(9, 3);
        for (int n = 0; n < 3; n++) {
            assertEquals(low[n], again[n]);
        }
        assertEquals(low[5], SphericalBesselRoots.root(9, 5));
        assertThrows(IllegalArgumentException.class, () -> SphericalBesselRoots.roots(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> SphericalBessel.j(2, -1));
    }
}
