package potentia.ipi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

class ImageUnwrapperTest {

    @Test
    void undoesWrappingInATriclinicCell() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int t = 0; t < 20; t++) {
            Cell cell = RandomStructures.randomCell(rng, 4, 9, 0.4, new boolean[] {true, true, true});
            Structure s = RandomStructures.randomAtoms(rng, cell, 30, java.util.List.of(Element.Si), 0.5);
            // atoms pushed outside the cell by whole lattice vectors, as an unwrapped trajectory has them
            double[] truth = s.positions();
            double[] h = cell.matrix();
            for (int a = 0; a < truth.length; a += 3) {
                for (int k = 0; k < 3; k++) {
                    int n = rng.nextInt(-2, 3);
                    for (int c = 0; c < 3; c++) {
                        truth[a + c] += n * h[3 * k + c];
                    }
                }
            }
            ImageUnwrapper u = new ImageUnwrapper();
            u.follow(truth.clone(), cell);
            // the next geometry: small moves, then wrapped into the cell by the "server"
            double[] next = truth.clone();
            for (int k = 0; k < next.length; k++) {
                next[k] += rng.nextDouble(-0.2, 0.2);
            }
            double[] sent = Structure.of(s.atomicNumbers(), next, cell).wrapped().positions();
            u.follow(sent, cell);
            assertArrayEquals(next, sent, 1e-9, "trial " + t);
        }
    }

    @Test
    void leavesUnwrappedTrajectoriesAndNonPeriodicAxesAlone() {
        Cell slab = Cell.of(new double[] {5, 0, 0, 0, 5, 0, 0, 0, 5}, new boolean[] {true, true, false});
        ImageUnwrapper u = new ImageUnwrapper();
        u.follow(new double[] {4.9, 0.1, 4.9}, slab);
        assertEquals(0, new ImageUnwrapper().follow(new double[] {4.95, 0.05, -0.1}, slab),
                "first geometry: nothing to follow");
        double[] y = {0.05, 4.95, -0.05};
        assertEquals(1, u.follow(y, slab));
        // x wrapped back by +5, y by −5; z is not periodic and stays as sent although it moved 4.95 Å
        assertArrayEquals(new double[] {5.05, -0.05, -0.05}, y, 1e-12);
        double[] same = {5.06, -0.04, -0.04};
        assertEquals(0, u.follow(same, slab));
        assertArrayEquals(new double[] {5.06, -0.04, -0.04}, same, 0);
    }
}
