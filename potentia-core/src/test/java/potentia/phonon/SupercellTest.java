package potentia.phonon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import potentia.structure.Cell;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

class SupercellTest {

    @Test
    void diamondConventionalCellHasATwoAtomFccPrimitiveCell() {
        double a = 5.431;
        Supercell sc = Supercell.of(Crystals.diamond(Element.Si, a), 2, 2, 2);
        assertEquals(2, sc.primitiveSize());
        assertEquals(64, sc.size());
        assertEquals(32, sc.cells());
        assertEquals(a * a * a / 4, sc.primitive().cell().volume(), 1e-9);
        // the standard fcc basis (a/2)(0,1,1), (1,0,1), (1,1,0) in some order
        double[] h = sc.primitive().cell().matrix();
        for (int r = 0; r < 3; r++) {
            int zeros = 0;
            for (int c = 0; c < 3; c++) {
                double v = h[3 * r + c];
                assertTrue(Math.abs(v) < 1e-12 || Math.abs(v - a / 2) < 1e-12, "component " + v);
                zeros += Math.abs(v) < 1e-12 ? 1 : 0;
            }
            assertEquals(1, zeros);
        }
        assertEquals(BandPath.Cubic.FCC, BandPath.cubicLattice(sc.primitive()).orElseThrow().type());
        assertEquals(a, BandPath.cubicLattice(sc.primitive()).orElseThrow().a(), 1e-9);
    }

    @Test
    void everySupercellAtomIsAPrimitiveAtomPlusALatticeVector() {
        Supercell sc = Supercell.of(Crystals.diamond(Element.Si, 5.43), 2, 3, 2);
        double[] x = sc.structure().positions();
        double[] xp = sc.primitive().positions();
        double[] hp = sc.primitive().cell().matrix();
        double[] hs = sc.structure().cell().matrix();
        for (int t = 0; t < sc.size(); t++) {
            int p = sc.primitiveAtom(t);
            int[] n = sc.latticeCoordinates(t);
            double[] d = new double[3];
            for (int c = 0; c < 3; c++) {
                d[c] = x[3 * t + c] - xp[3 * p + c] - (n[0] * hp[c] + n[1] * hp[3 + c] + n[2] * hp[6 + c]);
            }
            // equal modulo the supercell lattice
            double[] f = Lattice3.rowTimes(d, Lattice3.inverse(hs));
            for (int k = 0; k < 3; k++) {
                assertEquals(0, f[k] - Math.rint(f[k]), 1e-9, "atom " + t);
            }
            assertEquals(t, sc.atom(p, n));
        }
        for (int p = 0; p < sc.primitiveSize(); p++) {
            assertEquals(p, sc.primitiveAtom(sc.representative(p)));
            assertEquals(0, Lattice3.norm(new double[] {
                x[3 * sc.representative(p)] - xp[3 * p], x[3 * sc.representative(p) + 1] - xp[3 * p + 1],
                x[3 * sc.representative(p) + 2] - xp[3 * p + 2]}), 1e-12);
        }
        int[][] perms = sc.translationPermutations();
        assertEquals(sc.cells(), perms.length);
        for (int[] perm : perms) {
            Set<Integer> seen = new HashSet<>();
            for (int t = 0; t < sc.size(); t++) {
                seen.add(perm[t]);
                assertEquals(sc.primitiveAtom(t), sc.primitiveAtom(perm[t]));
            }
            assertEquals(sc.size(), seen.size(), "a translation permutes the atoms");
        }
    }

    @Test
    void bccAndRandomCellsArePrimitiveAsExpected() {
        Supercell bcc = Supercell.of(Crystals.bcc(Element.Fe, 2.87), 2, 2, 2);
        assertEquals(1, bcc.primitiveSize());
        assertEquals(BandPath.Cubic.BCC, BandPath.cubicLattice(bcc.primitive()).orElseThrow().type());
        var rng = new SplittableRandom(4);
        Cell cell = RandomStructures.randomCell(rng, 4, 6, 0.2, new boolean[] {true, true, true});
        Structure s = RandomStructures.randomAtoms(rng, cell, 5, java.util.List.of(Element.Si, Element.C), 1.5);
        Supercell random = Supercell.of(s, 1, 2, 1);
        assertEquals(5, random.primitiveSize());
        assertTrue(BandPath.cubicLattice(random.primitive()).isEmpty());
        // a 2×1×1 repeat of that structure, given as the unit, is found to be primitive of size 5 again
        Supercell doubled = Supercell.of(s.repeat(2, 1, 1), 1, 1, 1);
        assertEquals(5, doubled.primitiveSize());
        assertEquals(s.cell().volume(), doubled.primitive().cell().volume(), 1e-9);
    }

    @Test
    void spaceGroupsHaveTheirOrders() {
        assertEquals(48, SpaceGroup.find(Supercell.of(Crystals.diamond(Element.Si, 5.43), 1, 1, 1).primitive(), 1e-5).size());
        assertEquals(48, SpaceGroup.find(Supercell.of(Crystals.fcc(Element.Cu, 3.6), 1, 1, 1).primitive(), 1e-5).size());
        assertEquals(48, SpaceGroup.find(Supercell.of(Crystals.bcc(Element.Fe, 2.87), 1, 1, 1).primitive(), 1e-5).size());
        var rng = new SplittableRandom(5);
        Cell cell = RandomStructures.randomCell(rng, 4, 6, 0.2, new boolean[] {true, true, true});
        Structure s = RandomStructures.randomAtoms(rng, cell, 4, java.util.List.of(Element.Si), 1.5);
        assertEquals(1, SpaceGroup.find(Supercell.of(s, 1, 1, 1).primitive(), 1e-5).size());
        // a tetragonal strain of the cubic cell leaves 16 operations of 48
        Structure si = Crystals.diamond(Element.Si, 5.43);
        Structure tetragonal = si.withCell(si.cell().strained(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0.02}), true);
        assertEquals(16, SpaceGroup.find(Supercell.of(tetragonal, 1, 1, 1).primitive(), 1e-5).size());
    }

    @Test
    void operationsMapTheCrystalOntoItself() {
        Supercell sc = Supercell.of(Crystals.diamond(Element.Si, 5.43), 1, 1, 1);
        Structure p = sc.primitive();
        double[] x = p.positions();
        double[] h = p.cell().matrix();
        for (SymmetryOperation op : SpaceGroup.find(p, 1e-5).operations()) {
            double[] q = op.cartesianRotation();
            // orthogonal
            double[] qqt = Lattice3.multiply(q, Lattice3.transpose(q));
            for (int k = 0; k < 9; k++) {
                assertEquals(k % 4 == 0 ? 1 : 0, qqt[k], 1e-12);
            }
            for (int a = 0; a < p.size(); a++) {
                double[] y = Lattice3.times(q, new double[] {x[3 * a], x[3 * a + 1], x[3 * a + 2]});
                int b = op.atomImage()[a];
                for (int c = 0; c < 3; c++) {
                    double lv = op.latticeOffset()[3 * a] * h[c] + op.latticeOffset()[3 * a + 1] * h[3 + c]
                            + op.latticeOffset()[3 * a + 2] * h[6 + c];
                    assertEquals(x[3 * b + c] + lv, y[c] + op.cartesianTranslation()[c], 1e-9);
                }
            }
        }
    }
}
