package potentia.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import potentia.structure.Structure;

class DistinctStructuresTest {
    private static final DistinctStructures.Tolerance TOL = DistinctStructures.Tolerance.defaults();

    /** The cluster rotated about z by θ, shifted by t, with atoms 0 and 1 swapped. */
    private static Structure moved(Structure s, double theta, double t) {
        double[] x = s.positions();
        double[] y = new double[x.length];
        for (int i = 0; i < s.size(); i++) {
            int j = i == 0 ? 1 : i == 1 ? 0 : i;
            double a = x[3 * j];
            double b = x[3 * j + 1];
            y[3 * i] = Math.cos(theta) * a - Math.sin(theta) * b + t;
            y[3 * i + 1] = Math.sin(theta) * a + Math.cos(theta) * b - t;
            y[3 * i + 2] = x[3 * j + 2] + 2 * t;
        }
        return s.withPositions(y);
    }

    @Test
    void rigidMotionsAndPermutationsAreDuplicates() {
        Structure a = SearchFixtures.grid(6).rattled(0.1, new SplittableRandom(1));
        Structure b = moved(a, 0.7, 3.3);
        Structure other = SearchFixtures.grid(6).rattled(0.1, new SplittableRandom(2));
        double ea = SearchFixtures.lj().compute(a).energy();
        double eo = SearchFixtures.lj().compute(other).energy();
        assertArrayEquals(DistinctStructures.fingerprint(a, 6), DistinctStructures.fingerprint(b, 6), 1e-12);
        List<DistinctStructures.Group> g = DistinctStructures.group(List.of(b, other, a),
                new double[] {ea + 1e-4, eo, ea}, TOL);
        assertEquals(2, g.size());
        int aGroup = ea < eo ? 0 : 1;
        assertEquals(2, g.get(aGroup).representative(), "the lower-energy copy represents its group");
        assertEquals(List.of(2, 0), g.get(aGroup).members());
        assertEquals(List.of(1), g.get(1 - aGroup).members());
    }

    @Test
    void anEnergyDifferenceBeyondTheToleranceKeepsThemApart() {
        Structure a = SearchFixtures.grid(5);
        List<DistinctStructures.Group> g = DistinctStructures.group(List.of(a, a), new double[] {-1, -1.01}, TOL);
        assertEquals(2, g.size());
        assertEquals(1, g.get(0).representative());
    }

    @Test
    void periodicFingerprintCountsImagesWithinTheCutoff() {
        Structure slab = SearchFixtures.siSlab(1); // 8 atoms, periodic in x and y
        double[] print = DistinctStructures.fingerprint(slab, 2.4);
        // bulk-like bonds of 2.352 Å inside one cubic cell thick slab: 4 per atom pair-counted once,
        // minus the bonds cut by the two surfaces (2 per surface atom, 2 surface atoms each side)
        assertEquals(12, print.length);
        assertEquals(5.431 * Math.sqrt(3) / 4, print[0], 1e-9);
    }
}
