package potentia.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RadialBasisTest {
    private static final GaussLegendre QUADRATURE = new GaussLegendre(24);

    @ParameterizedTest
    @CsvSource({"4.0, 4", "5.0, 5", "3.7711, 4", "5.5, 7", "2.0, 2"})
    void gramMatrixWithWeightRSquaredIsTheIdentity(double cutoff, int nMax) {
        RadialBasis basis = new RadialBasis(cutoff, nMax);
        for (int l = 0; l <= nMax; l++) {
            for (int n1 = l; n1 <= nMax; n1++) {
                for (int n2 = n1; n2 <= nMax; n2++) {
                    final int ll = l;
                    final int a = n1;
                    final int b = n2;
                    double overlap = QUADRATURE.integrate(r -> basis.value(ll, a, r) * basis.value(ll, b, r) * r * r,
                            0, cutoff, 32);
                    assertEquals(a == b ? 1 : 0, overlap, 1e-10,
                            "∫ g_{" + (a - l) + "," + l + "} g_{" + (b - l) + "," + l + "} r² dr, r_c " + cutoff);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"4.0, 4", "5.0, 5", "3.5, 8"})
    void valueAndSlopeVanishAtTheCutoff(double cutoff, int nMax) {
        RadialBasis basis = new RadialBasis(cutoff, nMax);
        for (int l = 0; l <= nMax; l++) {
            for (int n = l; n <= nMax; n++) {
                // scale: the function's size inside, so "zero" means zero relative to it
                double scale = Math.abs(basis.value(l, n, 0.5 * cutoff)) + Math.abs(basis.derivative(l, n, 0.5 * cutoff));
                assertEquals(0, basis.value(l, n, cutoff), 1e-14 * (1 + scale), "g(r_c) at l " + l + " n " + n);
                assertEquals(0, basis.derivative(l, n, cutoff), 1e-13 * (1 + scale), "g'(r_c) at l " + l + " n " + n);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"5.0, 5, 1", "3.7711, 4, 2"})
    void derivativeMatchesCentralDifferences(double cutoff, int nMax, long seed) {
        RadialBasis basis = new RadialBasis(cutoff, nMax);
        SplittableRandom rng = new SplittableRandom(seed);
        double h = 1e-5;
        for (int trial = 0; trial < 40; trial++) {
            double r = h + (cutoff - 2 * h) * rng.nextDouble();
            for (int l = 0; l <= nMax; l++) {
                for (int n = l; n <= nMax; n++) {
                    double fd = (basis.value(l, n, r + h) - basis.value(l, n, r - h)) / (2 * h);
                    assertEquals(fd, basis.derivative(l, n, r), 1e-8, "g' at l " + l + " n " + n + " r " + r);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"5.0, 5", "3.7711, 4", "5.5, 7", "3.5, 2"})
    void tableMatchesTheExactFunctions(double cutoff, int nMax) {
        RadialBasis basis = new RadialBasis(cutoff, nMax);
        RadialTable table = RadialTable.accurate(basis, 1e-13);
        double scale = RadialTable.largestValue(basis);
        assertTrue(table.valueError() <= 1e-13 * scale, "table's own value error " + table.valueError());
        // independent check on random points (the table measured itself on a grid)
        SplittableRandom rng = new SplittableRandom(7);
        double[] ge = new double[basis.count()];
        double[] dge = new double[basis.count()];
        double[] gt = new double[basis.count()];
        double[] dgt = new double[basis.count()];
        double[] gv = new double[basis.count()];
        double worstValue = 0;
        double worstSlope = 0;
        for (int trial = 0; trial < 3000; trial++) {
            double r = cutoff * rng.nextDouble();
            basis.valuesAndDerivatives(r, ge, dge, 0);
            table.valuesAndDerivatives(r, gt, dgt, 0);
            table.values(r, gv, 0);
            for (int f = 0; f < basis.count(); f++) {
                worstValue = Math.max(worstValue, Math.abs(gt[f] - ge[f]));
                worstSlope = Math.max(worstSlope, Math.abs(dgt[f] - dge[f]));
                assertEquals(gt[f], gv[f], 0.0, "values() and valuesAndDerivatives() disagree");
            }
        }
        assertTrue(worstValue <= 2e-13 * scale, "table value error " + worstValue + " (scale " + scale + ")");
        assertTrue(worstSlope <= 1e-10 * scale, "table slope error " + worstSlope + " (scale " + scale + ")");
        System.out.printf("radial table r_c %.4f n_max %d: %d intervals × degree %d; max |g| %.3f, value error %.2e, "
                + "slope error %.2e%n", cutoff, nMax, table.intervals(), table.degree(), scale, worstValue, worstSlope);
    }

    @ParameterizedTest
    @CsvSource({"5.0, 5"})
    void coarseTablesAreWorse(double cutoff, int nMax) {
        // the accuracy check above could pass vacuously if errors were not measured: a visibly
        // coarse table must report a visibly larger error
        RadialBasis basis = new RadialBasis(cutoff, nMax);
        RadialTable coarse = new RadialTable(basis, 2, 3);
        assertTrue(coarse.valueError() > 1e-4, "coarse table error " + coarse.valueError());
        assertThrows(IllegalArgumentException.class, () -> new RadialBasis(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> new RadialBasis(5, -1));
    }
}
