package potentia.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;

class UnwrappingTest {

    private static List<Structure> frames(List<double[]> positions, Cell cell, boolean wrap) {
        int n = positions.get(0).length / 3;
        int[] z = new int[n];
        Arrays.fill(z, Element.Si.number());
        List<Structure> out = new ArrayList<>();
        for (double[] x : positions) {
            Structure s = Structure.of(z, x, cell);
            out.add(wrap ? s.wrapped() : s);
        }
        return out;
    }

    /** Wrapping a random walk into a (triclinic) cell and unwrapping gives the walk back. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void unwrappingUndoesWrapping(boolean triclinic) {
        var rng = new SplittableRandom(triclinic ? 4 : 3);
        Cell cell = triclinic ? Cell.periodic(new double[] {8, 0, 0, 2.5, 7, 0, -1.5, 1, 9}) : Cell.orthorhombic(8, 7, 9);
        double[] start = new double[3 * 20];
        for (int k = 0; k < start.length; k++) {
            start[k] = 7 * rng.nextDouble();
        }
        double[] d = new double[20];
        Arrays.fill(d, 0.02);
        List<double[]> walk = Synthetic.randomWalk(rng, start, d, 10, 400);
        Unwrapping.Unwrapped u = Unwrapping.unwrap(frames(walk, cell, true));
        assertTrue(u.crossings() > 100, "the walk leaves the cell many times: " + u.crossings());
        double[] first = frames(walk, cell, true).get(0).positions();
        for (int f = 0; f < walk.size(); f++) {
            double[] want = walk.get(f).clone();
            double[] got = u.positions().get(f);
            // the unwrapped trajectory starts from the wrapped first frame: compare displacements
            for (int k = 0; k < want.length; k++) {
                assertEquals(want[k] - walk.get(0)[k], got[k] - first[k], 1e-9, "frame " + f + " coordinate " + k);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anUnwrappedTrajectoryComesBackUnchanged(boolean changingCell) {
        var rng = new SplittableRandom(6);
        double[] start = new double[3 * 10];
        double[] d = new double[10];
        Arrays.fill(d, 0.01);
        List<double[]> walk = Synthetic.randomWalk(rng, start, d, 10, 100);
        List<Cell> cells = new ArrayList<>();
        for (int f = 0; f < walk.size(); f++) {
            double l = changingCell ? 10 + 0.3 * Math.sin(f * 0.2) : 10;
            cells.add(Cell.orthorhombic(l, l, l));
        }
        Unwrapping.Unwrapped u = Unwrapping.unwrap(walk, cells);
        assertEquals(0, u.crossings());
        for (int f = 0; f < walk.size(); f++) {
            assertArrayEquals(walk.get(f), u.positions().get(f), 1e-12);
        }
    }

    /** Along a non-periodic axis nothing is unwrapped. */
    @ParameterizedTest
    @ValueSource(ints = {0})
    void nonPeriodicAxesAreLeftAlone(int unused) {
        Cell slab = Cell.of(new double[] {5, 0, 0, 0, 5, 0, 0, 0, 5}, new boolean[] {true, true, false});
        List<double[]> x = List.of(new double[] {0.1, 0.1, 0.1}, new double[] {4.9, 0.1, 4.9});
        Unwrapping.Unwrapped u = Unwrapping.unwrap(x, slab);
        assertArrayEquals(new double[] {-0.1, 0.1, 4.9}, u.positions().get(1), 1e-12);
        assertEquals(1, u.crossings());
    }
}
