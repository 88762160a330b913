package potentia.neighbour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

/**
 * The cell-list builder, the direct builder for small structures and {@link NeighbourList#build}
 * (which picks one) list exactly the pairs of the brute-force reference, on many random cells.
 */
class CellListAgreementTest {

    /** A random structure and cutoff, with a description for failure messages. */
    record Case(String name, Structure structure, double cutoff) {
    }

    static IntStream seeds() {
        return IntStream.range(0, 400);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithBruteForceOnRandomCells(int seed) {
        Case c = randomCase(new SplittableRandom(1000 + seed));
        assertSameAsBruteForce(c, false);
        assertSameAsBruteForce(c, true);
    }

    /**
     * The cells nested sampling evaluates: up to {@link DirectNeighbours#MAX_ATOMS} atoms in
     * fully periodic triclinic cells with cutoffs up to twice the thinnest width (several images
     * of a pair, and atoms' own images; short cutoffs up to {@link DirectNeighbours#ALWAYS_ATOMS}
     * atoms), up to {@link DirectNeighbours#VECTOR_MAX_ATOMS} atoms in cells at least twice as wide
     * as the cutoff, and clusters; the direct builder takes every one.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("pbcCombinations")
    void directBuilderTakesSmallCellsAndAgrees(int seed) {
        SplittableRandom rng = new SplittableRandom(900 + seed);
        boolean cluster = seed == 7;
        Cell cell = cluster ? Cell.NONE : triclinic(rng, 5, 12, 0.5, new boolean[] {true, true, true});
        // odd seeds: more atoms, in cells at least twice as wide as the cutoff (the vectorised path)
        boolean many = seed % 2 == 1 && !cluster;
        int n = many ? DirectNeighbours.MAX_ATOMS + 1 + rng.nextInt(DirectNeighbours.VECTOR_MAX_ATOMS - DirectNeighbours.MAX_ATOMS)
                : 1 + rng.nextInt(DirectNeighbours.MAX_ATOMS);
        Structure s = cluster
                ? RandomStructures.randomAtoms(rng, Cell.orthorhombic(12, 12, 12), n, List.of(Element.Si), 0.0)
                        .withCell(Cell.NONE, false)
                : RandomStructures.randomAtoms(rng, cell, n, List.of(Element.Si), 0.0);
        double thinnest = cluster ? 12 : java.util.Arrays.stream(cell.perpendicularWidths()).min().orElseThrow();
        // above ALWAYS_ATOMS the builder takes only cutoffs over half a width
        double fraction = many ? 0.2 + 0.29 * rng.nextDouble()
                : n > DirectNeighbours.ALWAYS_ATOMS ? 0.55 + 1.35 * rng.nextDouble() : 0.3 + 1.6 * rng.nextDouble();
        Case c = new Case((cluster ? "cluster" : "small cell") + " seed " + seed, s, thinnest * fraction);
        for (boolean full : new boolean[] {false, true}) {
            NeighbourList direct = DirectNeighbours.buildOrNull(s, c.cutoff(), full);
            if (direct == null) {
                throw new AssertionError(c.name() + ": the direct builder refused " + n + " atoms at cutoff " + c.cutoff());
            }
            assertSameAsBruteForce(c, full);
        }
    }

    static IntStream pbcCombinations() {
        return IntStream.range(0, 8);
    }

    /** Hundreds of atoms, so that grids have several bins (and ghost layers) along each axis. */
    @ParameterizedTest(name = "pbc {0}")
    @MethodSource("pbcCombinations")
    void agreesWithBruteForceOnManyBins(int flags) {
        SplittableRandom rng = new SplittableRandom(77 + flags);
        boolean[] pbc = {(flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0};
        Cell cell = RandomStructures.randomCell(rng, 14, 20, 0.3, pbc);
        Structure s = RandomStructures.randomAtoms(rng, cell, 180, List.of(Element.Si, Element.O), 1.0);
        Case c = new Case("many bins, pbc " + java.util.Arrays.toString(pbc), s, 3 + 1.5 * rng.nextDouble());
        assertSameAsBruteForce(c, false);
        assertSameAsBruteForce(c, true);
    }

    /**
     * Positions hundreds of cells away from the cell: the shifts must hold for the positions as
     * given. The reference is the brute force on the same atoms inside the cell, with each
     * pair's shift corrected by the integer offsets the test put in.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("pbcCombinations")
    void positionsFarOutsideTheCell(int seed) {
        SplittableRandom rng = new SplittableRandom(500 + seed);
        boolean[] pbc = {rng.nextBoolean(), rng.nextBoolean(), true};
        Cell cell = RandomStructures.randomCell(rng, 3, 8, 0.4, pbc);
        int n = 1 + rng.nextInt(12);
        Structure inside = RandomStructures.randomAtoms(rng, cell, n, List.of(Element.Si), 0.0);
        double[] h = cell.matrix();
        double[] x = inside.positions();
        int[] t = new int[3 * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                t[3 * i + k] = pbc[k] ? rng.nextInt(-200, 201) : 0;
            }
            for (int c = 0; c < 3; c++) {
                x[3 * i + c] += t[3 * i] * h[c] + t[3 * i + 1] * h[3 + c] + t[3 * i + 2] * h[6 + c];
            }
        }
        Structure outside = inside.withPositions(x);
        double cutoff = 2 + 6 * rng.nextDouble();
        for (boolean full : new boolean[] {false, true}) {
            NeighbourList reference = BruteForceNeighbours.build(inside, cutoff, full);
            long[] expected = new long[reference.pairCount()];
            for (int i = 0; i < n; i++) {
                for (int p = reference.start(i); p < reference.end(i); p++) {
                    int j = reference.neighbour(p);
                    expected[p] = PairKeys.key(i, j,
                            reference.shiftA(p) + t[3 * i] - t[3 * j],
                            reference.shiftB(p) + t[3 * i + 1] - t[3 * j + 1],
                            reference.shiftC(p) + t[3 * i + 2] - t[3 * j + 2]);
                }
            }
            java.util.Arrays.sort(expected);
            long[] actual = PairKeys.of(NeighbourList.build(outside, cutoff, full));
            assertArrayEquals(expected, actual, "far outside, seed " + seed + ", full " + full
                    + ", first missing " + PairKeys.firstMissing(expected, actual)
                    + ", first extra " + PairKeys.firstMissing(actual, expected));
        }
    }

    static void assertSameAsBruteForce(Case c, boolean full) {
        long[] expected = PairKeys.of(BruteForceNeighbours.build(c.structure(), c.cutoff(), full));
        NeighbourList list = NeighbourList.build(c.structure(), c.cutoff(), full);
        assertEquals(c.structure().size(), list.atoms());
        assertEquals(full, list.full());
        assertEquals(c.cutoff(), list.cutoff());
        assertSame(expected, list, c, full, "NeighbourList.build");
        for (int sub = 1; sub <= 3; sub++) {
            assertSame(expected, CellListBuilder.build(c.structure(), c.cutoff(), full, 1, sub), c, full,
                    sub + " bins per cutoff");
        }
        NeighbourList direct = DirectNeighbours.buildOrNull(c.structure(), c.cutoff(), full);
        if (direct != null) {
            assertEquals(full, direct.full());
            assertSame(expected, direct, c, full, "direct pairs");
        }
    }

    private static void assertSame(long[] expected, NeighbourList l, Case c, boolean full, String builder) {
        long[] actual = PairKeys.of(l);
        assertArrayEquals(expected, actual, c.name() + " (" + c.structure().size() + " atoms, cutoff " + c.cutoff()
                + ", full " + full + ", " + builder + "): first missing "
                + PairKeys.firstMissing(expected, actual) + ", first extra " + PairKeys.firstMissing(actual, expected));
    }

    /**
     * One of: orthorhombic, strongly triclinic, tiny cell with a cutoff several cell widths long,
     * a cluster without cell, unwrapped positions a few cells out, a 1-atom cell, or an empty
     * structure; periodicity flags drawn at random.
     */
    static Case randomCase(SplittableRandom rng) {
        boolean[] pbc = {rng.nextBoolean(), rng.nextBoolean(), rng.nextBoolean()};
        String flags = (pbc[0] ? "T" : "F") + (pbc[1] ? "T" : "F") + (pbc[2] ? "T" : "F");
        List<Element> si = List.of(Element.Si);
        int kind = rng.nextInt(7);
        switch (kind) {
            case 0 -> {
                Cell cell = Cell.orthorhombic(4 + 10 * rng.nextDouble(), 4 + 10 * rng.nextDouble(),
                        4 + 10 * rng.nextDouble()).withPbc(pbc);
                Structure s = RandomStructures.randomAtoms(rng, cell, 1 + rng.nextInt(50), si, 0.0);
                return new Case("orthorhombic " + flags, s, 1 + 5 * rng.nextDouble());
            }
            case 1 -> {
                Cell cell = triclinic(rng, 4, 10, 0.7, pbc);
                Structure s = RandomStructures.randomAtoms(rng, cell, 1 + rng.nextInt(40), si, 0.0);
                return new Case("triclinic " + flags, s, 1 + 5 * rng.nextDouble());
            }
            case 2 -> {
                Cell cell = triclinic(rng, 1, 3, 0.3, pbc);
                double widest = 0;
                for (double w : cell.perpendicularWidths()) {
                    widest = Math.max(widest, w);
                }
                Structure s = RandomStructures.randomAtoms(rng, cell, 1 + rng.nextInt(5), si, 0.0);
                return new Case("tiny cell " + flags, s, widest * (1.5 + 2.5 * rng.nextDouble()));
            }
            case 3 -> {
                int n = rng.nextInt(60);
                double[] x = new double[3 * n];
                double size = 3 + 15 * rng.nextDouble();
                for (int a = 0; a < x.length; a++) {
                    x[a] = size * (rng.nextDouble() - 0.5) + 1000;
                }
                return new Case("cluster", Structure.of(filled(n, 14), x, Cell.NONE), 1 + 4 * rng.nextDouble());
            }
            case 4 -> {
                Cell cell = triclinic(rng, 3, 8, 0.5, pbc);
                Structure s = RandomStructures.randomAtoms(rng, cell, 1 + rng.nextInt(15), si, 0.0);
                double[] x = s.positions();
                double[] h = cell.matrix();
                for (int i = 0; i < s.size(); i++) {
                    int a = rng.nextInt(-3, 4);
                    int b = rng.nextInt(-3, 4);
                    int c = rng.nextInt(-3, 4);
                    for (int k = 0; k < 3; k++) {
                        x[3 * i + k] += a * h[k] + b * h[3 + k] + c * h[6 + k];
                    }
                }
                return new Case("unwrapped " + flags, s.withPositions(x), 1 + 5 * rng.nextDouble());
            }
            case 5 -> {
                Cell cell = triclinic(rng, 1.5, 6, 0.5, pbc);
                Structure s = RandomStructures.randomAtoms(rng, cell, 1, si, 0.0);
                return new Case("one atom " + flags, s, 1 + 6 * rng.nextDouble());
            }
            default -> {
                Cell cell = rng.nextBoolean() ? Cell.NONE : triclinic(rng, 3, 8, 0.3, pbc);
                return new Case("empty " + flags, Structure.of(new int[0], new double[0], cell), 3);
            }
        }
    }

    /** A random cell, redrawn until it is not nearly flat (keeps the brute force's image count small). */
    static Cell triclinic(SplittableRandom rng, double minLength, double maxLength, double tilt, boolean[] pbc) {
        while (true) {
            Cell cell = RandomStructures.randomCell(rng, minLength, maxLength, tilt, pbc);
            double thinnest = Double.POSITIVE_INFINITY;
            for (double w : cell.perpendicularWidths()) {
                thinnest = Math.min(thinnest, w);
            }
            if (thinnest > 0.4 * minLength) {
                return cell;
            }
        }
    }

    private static int[] filled(int n, int z) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, z);
        return a;
    }
}
