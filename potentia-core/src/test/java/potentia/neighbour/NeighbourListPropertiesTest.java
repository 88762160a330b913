package potentia.neighbour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

/** Properties of the cell-list output that hold whatever the reference says. */
class NeighbourListPropertiesTest {

    static IntStream seeds() {
        return IntStream.range(0, 60);
    }

    /** Every listed separation, recomputed from the positions, is shorter than the cutoff. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everySeparationIsShorterThanTheCutoff(int seed) {
        CellListAgreementTest.Case c = CellListAgreementTest.randomCase(new SplittableRandom(9000 + seed));
        Structure s = c.structure();
        double[] x = s.positions();
        double[] h = s.cell().matrix();
        double[] d = new double[3];
        for (boolean full : new boolean[] {false, true}) {
            NeighbourList list = NeighbourList.build(s, c.cutoff(), full);
            for (int i = 0; i < list.atoms(); i++) {
                for (int p = list.start(i); p < list.end(i); p++) {
                    list.separation(p, i, x, h, d);
                    double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                    assertTrue(r < c.cutoff(), c.name() + ": pair " + p + " at " + r + " Å");
                    boolean self = list.neighbour(p) == i && list.shiftCode(p) == NeighbourList.ZERO_SHIFT;
                    assertFalse(self, c.name() + ": atom " + i + " listed as its own neighbour");
                    for (int k = 0; k < 3; k++) {
                        int shift = k == 0 ? list.shiftA(p) : k == 1 ? list.shiftB(p) : list.shiftC(p);
                        assertTrue(s.cell().periodic(k) || shift == 0, c.name() + ": shift along non-periodic axis");
                    }
                }
            }
        }
    }

    /** The full list is the half list plus every half-list pair reversed, and the two never overlap. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fullListIsHalfListAndItsReverse(int seed) {
        CellListAgreementTest.Case c = CellListAgreementTest.randomCase(new SplittableRandom(7000 + seed));
        NeighbourList half = NeighbourList.build(c.structure(), c.cutoff(), false);
        NeighbourList full = NeighbourList.build(c.structure(), c.cutoff(), true);
        long[] forward = PairKeys.of(half);
        long[] backward = PairKeys.reversed(half);
        long[] union = new long[forward.length + backward.length];
        System.arraycopy(forward, 0, union, 0, forward.length);
        System.arraycopy(backward, 0, union, forward.length, backward.length);
        Arrays.sort(union);
        assertArrayEquals(union, PairKeys.of(full), c.name());
        for (long k : forward) {
            assertTrue(Arrays.binarySearch(backward, k) < 0, c.name() + ": pair twice in half list " + PairKeys.describe(k));
        }
    }

    /** The same list, pair for pair and in the same order, for any number of threads. */
    @Test
    void sameListForAnyThreadCount() {
        Structure s = RandomStructures.rattle(RandomStructures.diamond(5.43, 6), new SplittableRandom(5), 0.1);
        for (boolean full : new boolean[] {false, true}) {
            NeighbourList one = NeighbourList.build(s, 4.2, full, 1);
            assertTrue(one.pairCount() > 7 * s.size());
            for (int threads : new int[] {2, 3, 7}) {
                NeighbourList many = NeighbourList.build(s, 4.2, full, threads);
                assertEquals(one.pairCount(), many.pairCount());
                for (int i = 0; i <= s.size(); i++) {
                    assertEquals(i == s.size() ? one.end(i - 1) : one.start(i),
                            i == s.size() ? many.end(i - 1) : many.start(i));
                }
                for (int p = 0; p < one.pairCount(); p++) {
                    assertEquals(one.neighbour(p), many.neighbour(p), "threads " + threads + ", pair " + p);
                    assertEquals(one.shiftCode(p), many.shiftCode(p), "threads " + threads + ", pair " + p);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void refusesCutoffsThatAreNotPositiveLengths(double cutoff) {
        Structure s = RandomStructures.diamond(5.43, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NeighbourList.build(s, cutoff, false));
        assertTrue(e.getMessage().contains("cutoff") && e.getMessage().contains(String.valueOf(cutoff)), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BruteForceNeighbours.build(s, cutoff, true));
        assertThrows(IllegalArgumentException.class, () -> new VerletList(cutoff, 0.5, false));
    }

    @Test
    void refusesZeroThreads() {
        Structure s = RandomStructures.diamond(5.43, 1);
        assertThrows(IllegalArgumentException.class, () -> NeighbourList.build(s, 3, false, 0));
    }

    @Test
    void refusesCutoffReachingTooManyImages() {
        Structure s = Structure.of(List.of(Element.Si), new double[3], Cell.orthorhombic(1, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NeighbourList.build(s, 2000, true));
        assertTrue(e.getMessage().contains("images"), e.getMessage());
    }

    @Test
    void refusesShiftsBeyondThePackedEncoding() {
        // two close atoms, one written 600 cells further along a: their shift is −600
        Structure s = Structure.of(List.of(Element.Si, Element.Si), new double[] {0, 0, 0, 1200.5, 0, 0},
                Cell.orthorhombic(2, 2, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NeighbourList.build(s, 1.0, false));
        assertTrue(e.getMessage().contains("outside the cell"), e.getMessage());
    }

    @Test
    void emptyStructuresHaveEmptyLists() {
        for (Cell cell : new Cell[] {Cell.NONE, Cell.orthorhombic(3, 4, 5)}) {
            Structure s = Structure.of(new int[0], new double[0], cell);
            NeighbourList l = NeighbourList.build(s, 5, true);
            assertEquals(0, l.atoms());
            assertEquals(0, l.pairCount());
            assertEquals(0, l.maxNeighbours());
        }
    }

    /** Two distinct atoms at one place are listed with d = 0, by both builders, so potentials see the overlap. */
    @Test
    void coincidentDistinctAtomsAreListed() {
        double[] x = {1, 1, 1, 1, 1, 1, 3, 1, 1};
        for (Cell cell : new Cell[] {Cell.NONE, Cell.orthorhombic(10, 10, 10)}) {
            Structure s = Structure.of(List.of(Element.Si, Element.Si, Element.O), x, cell);
            for (boolean full : new boolean[] {false, true}) {
                NeighbourList fast = NeighbourList.build(s, 2.5, full);
                assertArrayEquals(PairKeys.of(BruteForceNeighbours.build(s, 2.5, full)), PairKeys.of(fast));
                long[] keys = PairKeys.of(fast);
                assertTrue(Arrays.binarySearch(keys, PairKeys.key(0, 1, 0, 0, 0)) >= 0);
                assertEquals(full ? 6 : 3, keys.length);
            }
        }
    }

    /**
     * Separations exactly equal to the cutoff are left out (|d| &lt; cutoff is strict), by both
     * builders: on a simple cubic lattice with integer coordinates every distance is exact.
     */
    @Test
    void separationsEqualToTheCutoffAreLeftOut() {
        Structure s = Structure.of(List.of(Element.Po), new double[3], Cell.orthorhombic(2, 2, 2)).repeat(3, 3, 3);
        assertEquals(0, NeighbourList.build(s, 2.0, true).pairCount());
        assertEquals(0, BruteForceNeighbours.build(s, 2.0, true).pairCount());
        NeighbourList justAbove = NeighbourList.build(s, Math.nextUp(2.0), true);
        assertEquals(6 * s.size(), justAbove.pairCount());
        assertArrayEquals(PairKeys.of(BruteForceNeighbours.build(s, Math.nextUp(2.0), true)), PairKeys.of(justAbove));
    }
}
