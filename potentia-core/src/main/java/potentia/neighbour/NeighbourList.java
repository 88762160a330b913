package potentia.neighbour;

import potentia.structure.Structure;

/**
 * Plain neighbour-list data, in compressed rows: for centre atom i, pairs p in
 * [{@link #start}(i), {@link #end}(i)) give a neighbour j = {@link #neighbour}(p) and an integer
 * image shift S = ({@link #shiftA}, {@link #shiftB}, {@link #shiftC})(p), with the separation
 * vector d = x_j − x_i + S·h (h the cell, rows = lattice vectors).
 *
 * <p>A <em>full</em> list holds every pair in both directions, (i, j, S) and (j, i, −S). A
 * <em>half</em> list holds each unordered pair once: i &lt; j, or i = j (an atom's own image)
 * with S lexicographically positive. Pairs are those with |d| &lt; cutoff at build time; a list
 * built with a skin holds pairs up to cutoff + skin, and users filter by distance.
 * An atom is never its own neighbour at S = 0; two DISTINCT atoms at the same place are listed
 * (with d = 0) rather than hidden, so that a potential meets the overlap instead of silently
 * ignoring one of the atoms: potentials and the command line check for overlaps themselves.
 *
 * <p>Positions need not lie inside the cell: shifts are those of the positions as given.
 * Builders order rows by centre; the order of pairs within a row is deterministic (the same
 * for every run and thread count) but not specified.
 *
 * <p>Immutable. The list is valid for positions that moved continuously from the ones it was
 * built for (see {@link VerletList} for when to rebuild); positions must not be re-wrapped into
 * the cell while a list is reused, since wrapping changes the shifts.
 */
public final class NeighbourList {
    private static final int BIAS = 512;
    private static final int MASK = 1023;
    /** Largest |shift| component that fits the packed encoding. */
    public static final int MAX_SHIFT = 511;

    private final int atoms;
    private final int[] start;
    private final int[] neighbours;
    private final int[] shifts;
    private final double cutoff;
    private final boolean full;

    /**
     * Takes ownership of the arrays (builders in this package hand over fresh ones).
     *
     * @param start N+1 row offsets
     * @param neighbours neighbour index per pair
     * @param shifts packed shift per pair ({@link #pack})
     */
    NeighbourList(int atoms, int[] start, int[] neighbours, int[] shifts, double cutoff, boolean full) {
        if (start.length != atoms + 1 || neighbours.length != shifts.length || start[atoms] != neighbours.length) {
            throw new IllegalArgumentException("inconsistent neighbour-list arrays");
        }
        this.atoms = atoms;
        this.start = start;
        this.neighbours = neighbours;
        this.shifts = shifts;
        this.cutoff = cutoff;
        this.full = full;
    }

    /**
     * Builds the list: by direct pair checks for small structures ({@link DirectNeighbours}),
     * else with the cell-list method.
     *
     * @param cutoff pairs with |d| &lt; cutoff are listed, Å
     * @param full both directions (true) or each pair once (false)
     */
    public static NeighbourList build(Structure s, double cutoff, boolean full) {
        return build(s, cutoff, full, 1);
    }

    /**
     * Builds the list on {@code threads} threads (direct pair checks for small structures, else
     * cell lists); the list is the same, pair for pair and in the same order, for every thread count.
     *
     * @param cutoff pairs with |d| &lt; cutoff are listed, Å
     * @param full both directions (true) or each pair once (false)
     * @throws IllegalArgumentException when the cutoff is not a positive finite length, threads &lt; 1,
     *     or the cutoff reaches more periodic images than the shift encoding holds
     */
    public static NeighbourList build(Structure s, double cutoff, boolean full, int threads) {
        CellListBuilder.checkCutoff(cutoff);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        NeighbourList direct = DirectNeighbours.buildOrNull(s, cutoff, full);
        return direct != null ? direct : CellListBuilder.build(s, cutoff, full, threads);
    }

    /**
     * Builds the list with the cell-list method whatever the structure's size: the baseline the
     * benchmarks hold the direct builder against.
     */
    public static NeighbourList buildWithCellLists(Structure s, double cutoff, boolean full, int threads) {
        return CellListBuilder.build(s, cutoff, full, threads);
    }

    /** Number of atoms (centres). */
    public int atoms() {
        return atoms;
    }

    /** Total number of pairs stored. */
    public int pairCount() {
        return neighbours.length;
    }

    /** First pair index of centre i. */
    public int start(int i) {
        return start[i];
    }

    /** One past the last pair index of centre i. */
    public int end(int i) {
        return start[i + 1];
    }

    /** Neighbour atom index of pair p. */
    public int neighbour(int p) {
        return neighbours[p];
    }

    /** Shift along lattice vector a of pair p. */
    public int shiftA(int p) {
        return ((shifts[p] >>> 20) & MASK) - BIAS;
    }

    /** Shift along lattice vector b of pair p. */
    public int shiftB(int p) {
        return ((shifts[p] >>> 10) & MASK) - BIAS;
    }

    /** Shift along lattice vector c of pair p. */
    public int shiftC(int p) {
        return (shifts[p] & MASK) - BIAS;
    }

    /** The packed shift code of pair p (equal codes mean equal shifts; 0 shift is {@link #ZERO_SHIFT}). */
    public int shiftCode(int p) {
        return shifts[p];
    }

    /** Packed code of the zero shift. */
    public static final int ZERO_SHIFT = pack(0, 0, 0);

    /** Packs a shift; each component must lie in [−511, 511]. */
    public static int pack(int sa, int sb, int sc) {
        if (Math.abs(sa) > MAX_SHIFT || Math.abs(sb) > MAX_SHIFT || Math.abs(sc) > MAX_SHIFT) {
            throw new IllegalArgumentException("periodic image shift (" + sa + ", " + sb + ", " + sc
                    + ") does not fit the packed encoding (|component| ≤ " + MAX_SHIFT
                    + "): the cutoff spans over 500 cell widths, or atoms lie that far outside the cell");
        }
        return ((sa + BIAS) << 20) | ((sb + BIAS) << 10) | (sc + BIAS);
    }

    /**
     * The separation vector of pair p, d = x_j − x_i + S·h.
     *
     * @param i the centre of pair p
     * @param positions 3N positions, Å (not modified)
     * @param cell the cell matrix, rows = lattice vectors, row-major (not modified)
     * @param out length ≥ 3, receives d (modified)
     */
    public void separation(int p, int i, double[] positions, double[] cell, double[] out) {
        int j = neighbours[p];
        int sa = shiftA(p);
        int sb = shiftB(p);
        int sc = shiftC(p);
        out[0] = positions[3 * j] - positions[3 * i] + sa * cell[0] + sb * cell[3] + sc * cell[6];
        out[1] = positions[3 * j + 1] - positions[3 * i + 1] + sa * cell[1] + sb * cell[4] + sc * cell[7];
        out[2] = positions[3 * j + 2] - positions[3 * i + 2] + sa * cell[2] + sb * cell[5] + sc * cell[8];
    }

    /** The cutoff the list was built with (including any skin), Å. */
    public double cutoff() {
        return cutoff;
    }

    /** Whether this is a full list (both directions). */
    public boolean full() {
        return full;
    }

    /** Largest number of neighbours of any centre. */
    public int maxNeighbours() {
        int m = 0;
        for (int i = 0; i < atoms; i++) {
            m = Math.max(m, start[i + 1] - start[i]);
        }
        return m;
    }

    @Override
    public String toString() {
        return "NeighbourList[" + atoms + " atoms, " + neighbours.length + " pairs, cutoff " + cutoff
                + (full ? ", full]" : ", half]");
    }
}
