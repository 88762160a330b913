package potentia.neighbour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

/**
 * Independent physical checks: the neighbour shells of perfect lattices are known in closed
 * form. Diamond (lattice constant a): 4 neighbours at a√3/4, 12 at a/√2, 12 at a√11/4; simple
 * cubic (a): 6 at a, 12 at a√2.
 */
class DiamondNeighboursTest {
    private static final double A = 5.43;

    @Test
    void diamondSupercellHasFourFirstNeighboursPerAtom() {
        Structure s = RandomStructures.diamond(A, 3);
        NeighbourList full = NeighbourList.build(s, 2.6, true);
        Map<Double, Integer> shells = shells(s, full, 1e-9);
        assertEquals(Map.of(round(A * Math.sqrt(3) / 4, 1e-9), 4 * s.size()), shells);
        for (int i = 0; i < s.size(); i++) {
            assertEquals(4, full.end(i) - full.start(i), "atom " + i);
        }
        assertEquals(2 * s.size(), NeighbourList.build(s, 2.6, false).pairCount());
    }

    @Test
    void diamondSupercellHasThreeShellsWithinFiveAngstrom() {
        Structure s = RandomStructures.diamond(A, 3);
        NeighbourList full = NeighbourList.build(s, 5.0, true);
        assertEquals(expectedShells(s.size()), shells(s, full, 1e-9));
        assertEquals(28, full.maxNeighbours());
        assertEquals(14 * s.size(), NeighbourList.build(s, 5.0, false).pairCount());
    }

    /**
     * The 2-atom primitive cell (a strongly triclinic cell, 60° between its vectors, rotated and
     * displaced, one atom outside it): with a 5 Å cutoff, longer than the cell's width of a/√3,
     * each atom meets many images of both atoms, including its own.
     */
    @Test
    void primitiveDiamondCellNeedsManyImages() {
        double[] h = {0, A / 2, A / 2, A / 2, 0, A / 2, A / 2, A / 2, 0};
        double[] x = {0, 0, 0, A / 4, A / 4, A / 4};
        double[] rotation = rotation(0.3, -1.1, 0.7);
        double[] hr = times(h, rotation);
        double[] xr = times(x, rotation);
        for (int c = 0; c < 3; c++) {
            xr[c] += 17.5; // the crystal translated well outside the cell,
            xr[3 + c] += 17.5 - 2 * hr[3 + c]; // and atom 1 unwrapped by −2b
        }
        Structure s = Structure.of(List.of(Element.Si, Element.Si), xr, Cell.periodic(hr));
        NeighbourList full = NeighbourList.build(s, 5.0, true);
        assertEquals(expectedShells(2), shells(s, full, 1e-9));
        assertEquals(28, full.end(0) - full.start(0));
        assertEquals(28, full.end(1) - full.start(1));
        assertEquals(28, NeighbourList.build(s, 5.0, false).pairCount());
    }

    /** A 1-atom simple cubic cell: every neighbour is an image of the atom itself. */
    @Test
    void oneAtomSimpleCubicCell() {
        Structure s = Structure.of(List.of(Element.Po), new double[] {0.3, -7.2, 11.0}, Cell.orthorhombic(1, 1, 1));
        NeighbourList full = NeighbourList.build(s, 1.5, true);
        assertEquals(Map.of(round(1, 1e-9), 6, round(Math.sqrt(2), 1e-9), 12), shells(s, full, 1e-9));
        NeighbourList half = NeighbourList.build(s, 1.5, false);
        assertEquals(9, half.pairCount());
        for (int p = 0; p < half.pairCount(); p++) {
            assertEquals(0, half.neighbour(p));
            assertEquals(true, BruteForceNeighbours.positive(half.shiftA(p), half.shiftB(p), half.shiftC(p)));
        }
    }

    private static Map<Double, Integer> expectedShells(int atoms) {
        return Map.of(round(A * Math.sqrt(3) / 4, 1e-9), 4 * atoms,
                round(A / Math.sqrt(2), 1e-9), 12 * atoms,
                round(A * Math.sqrt(11) / 4, 1e-9), 12 * atoms);
    }

    /** Pair count per distance (rounded to {@code tol}) of a list. */
    private static Map<Double, Integer> shells(Structure s, NeighbourList list, double tol) {
        double[] x = s.positions();
        double[] h = s.cell().matrix();
        double[] d = new double[3];
        Map<Double, Integer> m = new TreeMap<>();
        for (int i = 0; i < list.atoms(); i++) {
            for (int p = list.start(i); p < list.end(i); p++) {
                list.separation(p, i, x, h, d);
                m.merge(round(Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]), tol), 1, Integer::sum);
            }
        }
        return m;
    }

    private static double round(double r, double tol) {
        return Math.round(r / tol) * tol;
    }

    private static double[] rotation(double alpha, double beta, double gamma) {
        double[] rx = {1, 0, 0, 0, Math.cos(alpha), -Math.sin(alpha), 0, Math.sin(alpha), Math.cos(alpha)};
        double[] ry = {Math.cos(beta), 0, Math.sin(beta), 0, 1, 0, -Math.sin(beta), 0, Math.cos(beta)};
        double[] rz = {Math.cos(gamma), -Math.sin(gamma), 0, Math.sin(gamma), Math.cos(gamma), 0, 0, 0, 1};
        return times(times(rx, ry), rz);
    }

    /** Rows of {@code a} (3 per row) times the 3×3 matrix {@code m}. */
    private static double[] times(double[] a, double[] m) {
        double[] r = new double[a.length];
        for (int row = 0; row < a.length / 3; row++) {
            for (int c = 0; c < 3; c++) {
                r[3 * row + c] = a[3 * row] * m[c] + a[3 * row + 1] * m[3 + c] + a[3 * row + 2] * m[6 + c];
            }
        }
        return r;
    }
}
