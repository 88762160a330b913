package potentia.neighbour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

/**
 * Neighbourhoods kept under single-atom moves against the O(N²) reference built afresh: after
 * every commit each atom's list holds exactly the pairs (neighbour, separation) that
 * {@link BruteForceNeighbours} finds, in small triclinic cells (several images, own images; cells
 * whose widths lie between r_c and 2 r_c, up to two images per axis, and wider ones, where the
 * vectorised {@link FractionalScan} does the trials),
 * large cells and clusters, with both ways of rebuilding (direct pair checks up to
 * {@link LocalNeighbourhoods#DIRECT_LIMIT} atoms, cell lists above); and per-entry data ({@link EntryData}) stay with their entries
 * through commits (which move entries within lists and grow them) and resets.
 */
class LocalNeighbourhoodsTest {

    @ParameterizedTest
    @CsvSource({"4.0, 6, 4.5", "5.0, 20, 3.5", "8.0, 30, 3.0", "13.0, 40, 3.5", "0, 15, 3.0", "15.0, 160, 3.5",
        "0, 140, 3.0"})
    void listsStayExactUnderMoves(double edge, int atoms, double cutoff) {
        SplittableRandom rng = new SplittableRandom(atoms);
        Structure s = randomConfiguration(rng, edge, atoms);
        Cell cell = s.cell();
        LocalNeighbourhoods nb = new LocalNeighbourhoods(s.atomicNumbers(), s.positions(), cell, cutoff);
        double[] x = s.positions();
        assertSameAsReference(nb, s, cutoff);
        for (int move = 0; move < 60; move++) {
            moveOneAtom(nb, x, rng);
            if (move % 10 == 9) {
                assertSameAsReference(nb, Structure.of(s.atomicNumbers(), x, cell), cutoff);
            }
        }
    }

    /** Entry data naming the entry, so a datum left behind by a moved entry is caught. */
    private static final EntryData LABEL = new EntryData() {
        @Override
        public int width() {
            return 2;
        }

        @Override
        public void compute(int centre, int neighbour, double dx, double dy, double dz, double[] out, int at) {
            out[at] = 1000 * centre + neighbour;
            out[at + 1] = dx + 2 * dy + 3 * dz;
        }
    };

    @ParameterizedTest
    @CsvSource({"4.0, 6, 4.5", "8.0, 30, 3.0", "0, 15, 3.0"})
    void entryDataFollowTheirEntries(double edge, int atoms, double cutoff) {
        SplittableRandom rng = new SplittableRandom(atoms + 1);
        Structure s = randomConfiguration(rng, edge, atoms);
        Cell cell = s.cell();
        LocalNeighbourhoods nb = new LocalNeighbourhoods(s.atomicNumbers(), s.positions(), cell, cutoff, LABEL);
        double[] x = s.positions();
        int entries = 0;
        for (int move = 0; move < 80; move++) {
            if (move == 40) {
                for (int k = 0; k < x.length; k++) {
                    x[k] *= 0.97;
                }
                nb.reset(x, cell == Cell.NONE ? cell : Cell.of(scaled(cell.matrix(), 0.97), cell.pbc()));
            } else {
                moveOneAtom(nb, x, rng);
            }
            double[] expected = new double[2];
            for (int a = 0; a < atoms; a++) {
                double[] sep = nb.separations(a);
                for (int e = 0; e < nb.count(a); e++) {
                    LABEL.compute(a, nb.neighbours(a)[e], sep[3 * e], sep[3 * e + 1], sep[3 * e + 2], expected, 0);
                    assertEquals(expected[0], nb.data(a)[2 * e], "move " + move + ", atom " + a + ", entry " + e);
                    assertEquals(expected[1], nb.data(a)[2 * e + 1], "move " + move + ", atom " + a + ", entry " + e);
                    entries++;
                }
            }
        }
        assertTrue(entries > 80 * atoms, "too few entries checked: " + entries);
    }

    /** Argon atoms at least 1 Å apart: in a random triclinic cell of about {@code edge} Å, or a 9 Å cluster for edge 0. */
    private static Structure randomConfiguration(SplittableRandom rng, double edge, int atoms) {
        Cell box = edge > 0 ? RandomStructures.randomCell(rng, edge, 1.3 * edge, 0.3, new boolean[] {true, true, true})
                : Cell.of(new double[] {9, 0, 0, 0, 9, 0, 0, 0, 9}, new boolean[3]);
        Structure s = RandomStructures.randomAtoms(rng, box, atoms, List.of(Element.Ar), 1.0);
        return Structure.of(s.atomicNumbers(), s.positions(), edge > 0 ? box : Cell.NONE);
    }

    /** Moves a random atom by a Gaussian step of 1 Å per axis, in x and in the neighbourhoods. */
    private static void moveOneAtom(LocalNeighbourhoods nb, double[] x, SplittableRandom rng) {
        int i = rng.nextInt(nb.atoms());
        x[3 * i] += rng.nextGaussian();
        x[3 * i + 1] += rng.nextGaussian();
        x[3 * i + 2] += rng.nextGaussian();
        nb.trial(i, x[3 * i], x[3 * i + 1], x[3 * i + 2]);
        nb.commit();
    }

    private static double[] scaled(double[] m, double f) {
        double[] r = m.clone();
        for (int k = 0; k < 9; k++) {
            r[k] *= f;
        }
        return r;
    }

    private static void assertSameAsReference(LocalNeighbourhoods nb, Structure s, double cutoff) {
        NeighbourList ref = BruteForceNeighbours.build(s, cutoff, true);
        double[] x = s.positions();
        double[] h = s.cell().matrix();
        double[] d = new double[3];
        for (int i = 0; i < s.size(); i++) {
            List<String> expected = new ArrayList<>();
            for (int p = ref.start(i); p < ref.end(i); p++) {
                ref.separation(p, i, x, h, d);
                expected.add(key(ref.neighbour(p), d[0], d[1], d[2]));
            }
            List<String> actual = new ArrayList<>();
            double[] sep = nb.separations(i);
            for (int e = 0; e < nb.count(i); e++) {
                actual.add(key(nb.neighbours(i)[e], sep[3 * e], sep[3 * e + 1], sep[3 * e + 2]));
            }
            Collections.sort(expected);
            Collections.sort(actual);
            assertEquals(expected, actual, "neighbourhood of atom " + i);
        }
    }

    private static String key(int j, double dx, double dy, double dz) {
        return String.format(Locale.ROOT, "%d %.6f %.6f %.6f", j, dx, dy, dz);
    }
}
