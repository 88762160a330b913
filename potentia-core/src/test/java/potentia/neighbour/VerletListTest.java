package potentia.neighbour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

/**
 * A reused Verlet list must hold every pair within the bare cutoff (checked against the brute
 * force at every step of random walks, with and without cell changes), and must actually be
 * reused.
 */
class VerletListTest {
    private static final double CUTOFF = 3.5;
    private static final double SKIN = 0.6;
    private static final int STEPS = 60;

    /** Random walks (and, for strained ones, a small random strain per step) of several kinds of system. */
    @ParameterizedTest(name = "system {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void reusedListHoldsEveryPairWithinTheCutoff(int system) {
        SplittableRandom rng = new SplittableRandom(31 + system);
        boolean strained = system >= 4;
        Structure s = switch (system % 4) {
            case 0 -> RandomStructures.rattle(RandomStructures.diamond(5.43, 2), rng, 0.05);
            case 1 -> RandomStructures.randomAtoms(rng, RandomStructures.randomCell(rng, 9, 11, 0.35,
                    new boolean[] {true, true, true}), 50, List.of(Element.Si), 1.8);
            case 2 -> RandomStructures.randomAtoms(rng, RandomStructures.randomCell(rng, 9, 11, 0.2,
                    new boolean[] {true, false, true}), 45, List.of(Element.Si), 1.8);
            default -> strained
                    ? RandomStructures.randomAtoms(rng, Cell.orthorhombic(7, 7, 7).withPbc(new boolean[] {false, true, false}),
                            40, List.of(Element.Si), 1.8)
                    : RandomStructures.randomAtoms(rng, Cell.orthorhombic(9, 9, 9), 50, List.of(Element.Si), 1.8)
                            .withCell(Cell.NONE, false);
        };
        boolean full = system % 2 == 1;
        VerletList verlet = new VerletList(CUTOFF, SKIN, full);
        for (int step = 0; step < STEPS; step++) {
            verlet.update(s);
            NeighbourList list = verlet.list();
            assertEquals(CUTOFF + SKIN, list.cutoff());
            long[] have = PairKeys.of(list);
            long[] need = PairKeys.of(BruteForceNeighbours.build(s, CUTOFF, full));
            String missing = PairKeys.firstMissing(need, have);
            assertNull(missing, "step " + step + ": pair " + missing + " within the cutoff is missing from the reused list");
            s = walk(s, rng, 0.035, strained ? 2e-3 : 0);
        }
        assertTrue(verlet.builds() > 1, "the walk never moved far enough to rebuild: the test proves nothing");
        assertTrue(verlet.builds() < STEPS / 3, "rebuilt " + verlet.builds() + " times in " + STEPS + " steps");
        assertEquals(STEPS, verlet.updates());
    }

    /**
     * A uniform compression moves no atom in fractional coordinates, yet brings far pairs inside
     * the cutoff: the cell-change term alone must force rebuilds.
     */
    @Test
    void uniformCompressionForcesRebuilds() {
        Structure s = RandomStructures.rattle(RandomStructures.diamond(5.43, 2), new SplittableRandom(8), 0.05);
        VerletList verlet = new VerletList(CUTOFF, SKIN, true);
        double[] shrink = {-0.01, 0, 0, 0, -0.01, 0, 0, 0, -0.01};
        for (int step = 0; step < 25; step++) {
            verlet.update(s);
            String missing = PairKeys.firstMissing(PairKeys.of(BruteForceNeighbours.build(s, CUTOFF, true)),
                    PairKeys.of(verlet.list()));
            assertNull(missing, "step " + step + ": missing " + missing);
            s = s.withCell(s.cell().strained(shrink), true);
        }
        assertTrue(verlet.builds() >= 3, "only " + verlet.builds() + " builds while the cell shrank by a fifth");
    }

    @Test
    void rebuildsWhenAtomsSpeciesPeriodicityOrWrappingChange() {
        Structure s = RandomStructures.diamond(5.43, 1);
        VerletList verlet = new VerletList(CUTOFF, SKIN, false);
        assertTrue(verlet.update(s));
        assertFalse(verlet.update(s));
        assertEquals(1, verlet.builds());

        int[] z = s.atomicNumbers();
        z[3] = Element.Ge.number();
        assertTrue(verlet.update(Structure.of(z, s.positions(), s.cell())), "species changed");
        assertTrue(verlet.update(s));

        Structure fewer = Structure.of(new int[] {14, 14}, new double[] {0, 0, 0, 1.3, 1.3, 1.3}, s.cell());
        assertTrue(verlet.update(fewer), "atom count changed");
        assertTrue(verlet.update(s));

        assertTrue(verlet.update(s.withCell(s.cell().withPbc(new boolean[] {true, true, false}), false)),
                "periodicity changed");
        assertTrue(verlet.update(s));

        double[] x = s.positions();
        x[0] += 5.43; // the same configuration, atom 0 unwrapped by one lattice vector
        assertTrue(verlet.update(s.withPositions(x)), "a position jumped by a lattice vector");
        assertEquals(8, verlet.builds());
        assertEquals(9, verlet.updates());
    }

    @Test
    void keepsTheListForSmallMovesAndRebuildsPastHalfTheSkin() {
        Structure s = RandomStructures.diamond(5.43, 1);
        VerletList verlet = new VerletList(CUTOFF, SKIN, true);
        verlet.update(s);
        NeighbourList first = verlet.list();
        double[] x = s.positions();
        x[4] += 0.29;
        assertFalse(verlet.update(s.withPositions(x)));
        assertSame(first, verlet.list());
        x[4] += 0.02;
        assertTrue(verlet.update(s.withPositions(x)));
    }

    @Test
    void refusesBadArgumentsAndUseBeforeBuild() {
        assertThrows(IllegalArgumentException.class, () -> new VerletList(3, -0.1, true));
        assertThrows(IllegalArgumentException.class, () -> new VerletList(3, Double.NaN, true));
        assertThrows(IllegalArgumentException.class, () -> new VerletList(3, 0.5, true, 0));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new VerletList(3, 0.5, true).list());
        assertTrue(e.getMessage().contains("update"));
    }

    /** Each coordinate moved by a normal deviate of width sigma; the cell (and atoms) strained by up to ±strain. */
    private static Structure walk(Structure s, SplittableRandom rng, double sigma, double strain) {
        Structure moved = RandomStructures.rattle(s, rng, sigma);
        if (strain == 0) {
            return moved;
        }
        double[] e = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = r; c < 3; c++) {
                e[3 * r + c] = strain * (2 * rng.nextDouble() - 1);
                e[3 * c + r] = e[3 * r + c];
            }
        }
        return moved.withCell(moved.cell().strained(e), true);
    }
}
