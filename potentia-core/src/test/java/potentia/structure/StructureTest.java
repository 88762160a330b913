package potentia.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import potentia.testing.RandomStructures;

class StructureTest {

    @Test
    void immutableAgainstCallerArrays() {
        double[] x = {0, 0, 0, 1, 1, 1};
        Structure s = Structure.of(List.of(Element.Si, Element.O), x, Cell.orthorhombic(5, 5, 5));
        x[0] = 42;
        assertEquals(0.0, s.position(0, 0));
        double[] copy = s.positions();
        copy[1] = 7;
        assertEquals(0.0, s.position(0, 1));
    }

    @Test
    void refusesBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> Structure.of(List.of(Element.Si), new double[] {0, 0}, Cell.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> Structure.of(List.of(Element.Si), new double[] {0, Double.NaN, 0}, Cell.NONE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Element.of("Xx"));
        assertTrue(e.getMessage().contains("Xx"));
        assertThrows(IllegalArgumentException.class,
                () -> Cell.periodic(new double[] {1, 0, 0, 2, 0, 0, 0, 0, 1}));
    }

    @Test
    void fractionalRoundTripOnTriclinicCell() {
        var rng = new SplittableRandom(3);
        Cell c = RandomStructures.randomCell(rng, 3, 9, 0.4, new boolean[] {true, true, true});
        double[] x = {0.3, -1.2, 4.4, 7.1, 2.0, -0.5};
        double[] back = c.toCartesian(c.toFractional(x));
        assertArrayEquals(x, back, 1e-12);
        double[] inv = c.inverse();
        double[] h = c.matrix();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double v = 0;
                for (int k = 0; k < 3; k++) {
                    v += h[3 * i + k] * inv[3 * k + j];
                }
                assertEquals(i == j ? 1 : 0, v, 1e-12);
            }
        }
    }

    @Test
    void perpendicularWidthsOfATiltedCell() {
        // a = (4,0,0), b = (2,3,0), c = (0,0,5): planes spanned by b,c are 4·3/|b×c|... widths by hand
        Cell c = Cell.periodic(new double[] {4, 0, 0, 2, 3, 0, 0, 0, 5});
        double[] w = c.perpendicularWidths();
        assertEquals(60.0 / (5 * Math.sqrt(13)), w[0], 1e-12);
        assertEquals(3.0, w[1], 1e-12);
        assertEquals(5.0, w[2], 1e-12);
    }

    @Test
    void repeatAndWrap() {
        Structure d = RandomStructures.diamond(5.43, 2);
        assertEquals(64, d.size());
        assertEquals(8 * 5.43 * 5.43 * 5.43, d.cell().volume(), 1e-9);
        Structure shifted = d.withPositions(shift(d.positions(), 11.0));
        Structure w = shifted.wrapped();
        for (int i = 0; i < w.size(); i++) {
            for (int k = 0; k < 3; k++) {
                assertTrue(w.position(i, k) >= 0 && w.position(i, k) < 10.86 + 1e-9);
            }
        }
        assertEquals("Si64", d.formula());
    }

    private static double[] shift(double[] x, double by) {
        for (int k = 0; k < x.length; k++) {
            x[k] += by;
        }
        return x;
    }
}
