package potentia.neighbour;

import java.util.Arrays;
import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * The neighbourhood of every atom within a cutoff, kept exact while atoms move one at a time:
 * the bookkeeping behind single-atom Monte Carlo with local energy updates. For each atom i it
 * holds the neighbours j (periodic images included, and i's own images when the cell is small)
 * with their separation vectors d = x_j + S·h − x_i.
 *
 * <p>A {@link #trial} finds the neighbourhood atom i would have at a new position by one scan
 * over all atoms (cheap distance checks; the images come from fractional coordinates, so any
 * triclinic cell works, however small against the cutoff; vectorised, {@link FractionalScan},
 * when every cell width exceeds the cutoff); {@link #commit} then moves the atom
 * and updates the lists of its old and new neighbours in O(neighbours): every entry knows where
 * its reverse entry sits in the other atom's list, so nothing is searched for (a search makes a
 * commit O(neighbours²), which dominated LJ moves at r_c = 3σ). {@link #reset} rebuilds
 * everything from positions (after a move of all atoms or of the cell) with the cell-list
 * builder. The order of entries in a list depends on the history of moves; every operation is
 * deterministic.
 *
 * <p>An optional {@link EntryData} keeps numbers a kernel derives from each entry (radial
 * factors, pair energies) with the entry, computed once when the entry is made.
 *
 * <p>Works for fully periodic cells and for clusters ({@link Cell#NONE}, no images). Mutable,
 * for one thread. Accessors that return arrays return the internal arrays, for speed: callers
 * must not modify them, and they change with the next {@link #commit} or {@link #reset}.
 */
public final class LocalNeighbourhoods {
    private static final int INITIAL_CAPACITY = 16;
    /**
     * Up to this many atoms {@link #reset} checks every pair directly instead of building cell
     * lists: nested sampling resets small cells after every accepted cell move and at the start
     * of every walk, and for 64 atoms the cell-list set-up cost more than the N²/2 distance checks.
     */
    static final int DIRECT_LIMIT = 128;

    private final double cutoff;
    private final double cutoffSq;
    private final int[] numbers;
    private final int n;

    private final double[] x;
    private final double[] f;
    private final double[] h = new double[9];
    private final double[] inv = new double[9];
    private boolean periodic;
    /** Whether every perpendicular width is at least twice the cutoff (at most one image of a pair in range). */
    private boolean singleImage;
    /** Whether every perpendicular width exceeds the cutoff (at most two images per axis): trials use {@link #scan}. */
    private boolean widerThanCutoff;
    /** The vectorised trial scan and its copy of the fractional coordinates (periodic cells). */
    private final FractionalScan scan;
    private final FractionalScan.Sink sink = this::found;
    /** cutoff / perpendicular width per axis: the fractional reach of the cutoff. */
    private final double[] reach = new double[3];
    /** Scratch: the image ranges of the pair in hand ({@link ImageRanges}). */
    private final int[] range = new int[6];

    private final int[] count;
    private int[][] neighbour;
    private double[][] separation;
    /**
     * mirror[i][e]: the index in atom j's list (j = neighbour[i][e] ≠ i) of the reverse entry
     * (i, −d); −1 for i's own images, whose reverse lies in i's own list and is never looked up.
     */
    private int[][] mirror;
    /** Per-entry numbers of {@link #entryData}, {@link #dataWidth} per entry; null without. */
    private final EntryData entryData;
    private final int dataWidth;
    private double[][] data;

    /** The atom whose pairs a reset's scan is entering, or −1 while trials scan. */
    private int pairCentre = -1;
    private int trialAtom = -1;
    private double tx;
    private double ty;
    private double tz;
    private int trialCount;
    private int[] trialNeighbour = new int[INITIAL_CAPACITY];
    private double[] trialSeparation = new double[3 * INITIAL_CAPACITY];

    /**
     * Neighbourhoods within {@code cutoff} of a configuration.
     *
     * @param numbers N atomic numbers (copied; used only to build structures for the list builder)
     * @param positions 3N positions, Å (copied)
     * @param cell a fully periodic cell or {@link Cell#NONE}
     * @param cutoff Å, &gt; 0
     */
    public LocalNeighbourhoods(int[] numbers, double[] positions, Cell cell, double cutoff) {
        this(numbers, positions, cell, cutoff, null);
    }

    /**
     * Neighbourhoods within {@code cutoff} of a configuration, each entry keeping the numbers
     * {@code entryData} derives from it ({@link #data}).
     *
     * @param entryData computes per-entry numbers, or null for none
     */
    public LocalNeighbourhoods(int[] numbers, double[] positions, Cell cell, double cutoff, EntryData entryData) {
        if (!(cutoff > 0) || Double.isInfinite(cutoff)) {
            throw new IllegalArgumentException("cutoff must be a positive length, got " + cutoff);
        }
        this.cutoff = cutoff;
        this.cutoffSq = cutoff * cutoff;
        this.numbers = numbers.clone();
        this.n = numbers.length;
        this.x = new double[3 * n];
        this.f = new double[3 * n];
        this.count = new int[n];
        this.scan = new FractionalScan(n);
        this.neighbour = new int[n][INITIAL_CAPACITY];
        this.separation = new double[n][3 * INITIAL_CAPACITY];
        this.mirror = new int[n][INITIAL_CAPACITY];
        this.entryData = entryData;
        this.dataWidth = entryData == null ? 0 : entryData.width();
        if (entryData != null) {
            if (dataWidth < 1) {
                throw new IllegalArgumentException("entry data need a width of at least 1, got " + dataWidth);
            }
            this.data = new double[n][dataWidth * INITIAL_CAPACITY];
        }
        reset(positions, cell);
    }

    /**
     * Rebuilds every neighbourhood for new positions and cell.
     *
     * @param positions 3N positions, Å (copied)
     * @param cell a fully periodic cell or {@link Cell#NONE}
     */
    public void reset(double[] positions, Cell cell) {
        if (positions.length != 3 * n) {
            throw new IllegalArgumentException("expected " + 3 * n + " coordinates, got " + positions.length);
        }
        boolean any = cell.anyPeriodic();
        if (any && !cell.fullyPeriodic()) {
            throw new IllegalArgumentException("local neighbourhoods need a fully periodic cell or none, got pbc "
                    + Arrays.toString(cell.pbc()));
        }
        periodic = any;
        System.arraycopy(positions, 0, x, 0, 3 * n);
        System.arraycopy(cell.matrix(), 0, h, 0, 9);
        if (periodic) {
            System.arraycopy(cell.inverse(), 0, inv, 0, 9);
            double[] w = cell.perpendicularWidths();
            singleImage = true;
            widerThanCutoff = true;
            for (int k = 0; k < 3; k++) {
                reach[k] = cutoff / w[k];
                singleImage &= w[k] >= 2 * cutoff;
                widerThanCutoff &= w[k] > cutoff;
            }
            for (int i = 0; i < n; i++) {
                fractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], f, 3 * i);
                scan.set(i, f[3 * i], f[3 * i + 1], f[3 * i + 2]);
            }
        }
        trialAtom = -1;
        Arrays.fill(count, 0);
        if (n <= DIRECT_LIMIT) {
            directPairs();
            return;
        }
        // a half list: each pair once, entered in both atoms' lists together so that each entry
        // learns where its reverse sits
        NeighbourList list = NeighbourList.build(Structure.of(numbers, x, periodic ? cell : Cell.NONE), cutoff, false);
        double[] d = new double[3];
        for (int i = 0; i < n; i++) {
            for (int p = list.start(i), end = list.end(i); p < end; p++) {
                list.separation(p, i, x, h, d);
                if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < cutoffSq) {
                    appendPair(i, list.neighbour(p), d[0], d[1], d[2]);
                }
            }
        }
    }

    /** Enters every pair within the cutoff by direct checks. */
    private void directPairs() {
        if (periodic && widerThanCutoff) {
            // no own images (see trial): the pairs (i, j > i) in the vectorised scan
            for (int i = 0; i < n - 1; i++) {
                pairCentre = i;
                scan.scan(i + 1, i, f[3 * i], f[3 * i + 1], f[3 * i + 2], h, cutoffSq, singleImage, sink);
            }
            pairCentre = -1;
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                if (!periodic) {
                    if (j == i) {
                        continue;
                    }
                    double dx = x[3 * j] - x[3 * i];
                    double dy = x[3 * j + 1] - x[3 * i + 1];
                    double dz = x[3 * j + 2] - x[3 * i + 2];
                    if (dx * dx + dy * dy + dz * dz < cutoffSq) {
                        appendPair(i, j, dx, dy, dz);
                    }
                    continue;
                }
                images(i, j, f[3 * j] - f[3 * i], f[3 * j + 1] - f[3 * i + 1], f[3 * j + 2] - f[3 * i + 2], true);
            }
        }
    }

    /**
     * Every image of atom j within the cutoff of atom i, for the fractional separation (da, db,
     * dc) of j from i (any periodic cell, however small): entered as pairs when {@code pairs}
     * (j ≥ i; of i's own images one of each ±S, which {@link #appendPair} enters both ways), else
     * as trial entries of i (i's own images, all but S = 0).
     */
    private void images(int i, int j, double da, double db, double dc, boolean pairs) {
        da -= Math.rint(da);
        db -= Math.rint(db);
        dc -= Math.rint(dc);
        ImageRanges.of(reach, da, db, dc, range);
        for (int sa = range[0]; sa <= range[1]; sa++) {
            for (int sb = range[2]; sb <= range[3]; sb++) {
                for (int sc = range[4]; sc <= range[5]; sc++) {
                    if (j == i && (pairs ? !(sc > 0 || (sc == 0 && (sb > 0 || (sb == 0 && sa > 0))))
                            : sa == 0 && sb == 0 && sc == 0)) {
                        continue;
                    }
                    double ea = da + sa;
                    double eb = db + sb;
                    double ec = dc + sc;
                    double dx = ea * h[0] + eb * h[3] + ec * h[6];
                    double dy = ea * h[1] + eb * h[4] + ec * h[7];
                    double dz = ea * h[2] + eb * h[5] + ec * h[8];
                    if (dx * dx + dy * dy + dz * dz < cutoffSq) {
                        if (pairs) {
                            appendPair(i, j, dx, dy, dz);
                        } else {
                            addTrial(j, dx, dy, dz);
                        }
                    }
                }
            }
        }
    }

    /** Number of atoms. */
    public int atoms() {
        return n;
    }

    /** The cutoff, Å. */
    public double cutoff() {
        return cutoff;
    }

    /** Coordinate k of atom i, Å. */
    public double position(int i, int k) {
        return x[3 * i + k];
    }

    /** All positions, 3N, Å, a fresh copy. */
    public double[] positions() {
        return x.clone();
    }

    /** Number of neighbours of atom i. */
    public int count(int i) {
        return count[i];
    }

    /** Neighbour indices of atom i: the first {@link #count}(i) entries (internal array, not to be modified). */
    public int[] neighbours(int i) {
        return neighbour[i];
    }

    /** Separations of atom i's neighbours, 3 per entry, Å (internal array, not to be modified). */
    public double[] separations(int i) {
        return separation[i];
    }

    /**
     * The {@link EntryData} numbers of atom i's entries, {@link EntryData#width} per entry in list
     * order (internal array, not to be modified); only with entry data.
     */
    public double[] data(int i) {
        return data[i];
    }

    /**
     * Finds the neighbourhood atom {@code i} would have at (px, py, pz): every other atom's images
     * within the cutoff, and i's own images (which move with it). Replaces any earlier trial.
     */
    public void trial(int i, double px, double py, double pz) {
        trialAtom = i;
        tx = px;
        ty = py;
        tz = pz;
        trialCount = 0;
        if (!periodic) {
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double dx = x[3 * j] - px;
                double dy = x[3 * j + 1] - py;
                double dz = x[3 * j + 2] - pz;
                if (dx * dx + dy * dy + dz * dz < cutoffSq) {
                    addTrial(j, dx, dy, dz);
                }
            }
            return;
        }
        double fa = px * inv[0] + py * inv[3] + pz * inv[6];
        double fb = px * inv[1] + py * inv[4] + pz * inv[7];
        double fc = px * inv[2] + py * inv[5] + pz * inv[8];
        if (widerThanCutoff) {
            // and no own images: a lattice vector is at least the smallest width long
            scan.scan(0, i, fa, fb, fc, h, cutoffSq, singleImage, sink);
            return;
        }
        for (int j = 0; j < n; j++) {
            if (j == i) {
                images(i, i, 0, 0, 0, false);
            } else {
                images(i, j, f[3 * j] - fa, f[3 * j + 1] - fb, f[3 * j + 2] - fc, false);
            }
        }
    }

    /** The atom of the last {@link #trial}, or −1. */
    public int trialAtom() {
        return trialAtom;
    }

    /** Number of neighbours in the last trial. */
    public int trialCount() {
        return trialCount;
    }

    /** Neighbour indices of the last trial (internal array, first {@link #trialCount} entries). */
    public int[] trialNeighbours() {
        return trialNeighbour;
    }

    /** Separations of the last trial, 3 per entry, Å (internal array). */
    public double[] trialSeparations() {
        return trialSeparation;
    }

    /** Moves the atom of the last trial to its trial position and updates the neighbourhoods. */
    public void commit() {
        int i = trialAtom;
        if (i < 0) {
            throw new IllegalStateException("no trial move to commit");
        }
        int[] old = neighbour[i];
        for (int e = 0, c = count[i]; e < c; e++) {
            int j = old[e];
            if (j != i) {
                // read afresh: removals from j's list may have moved the reverse of a later entry
                removeAt(j, mirror[i][e]);
            }
        }
        count[i] = 0;
        for (int e = 0; e < trialCount; e++) {
            int j = trialNeighbour[e];
            double dx = trialSeparation[3 * e];
            double dy = trialSeparation[3 * e + 1];
            double dz = trialSeparation[3 * e + 2];
            if (j != i) {
                link(i, append(i, j, dx, dy, dz), j, append(j, i, -dx, -dy, -dz));
            } else {
                // the trial holds both images ±S of i itself, each entered once
                ownImage(i, dx, dy, dz);
            }
        }
        x[3 * i] = tx;
        x[3 * i + 1] = ty;
        x[3 * i + 2] = tz;
        if (periodic) {
            fractional(tx, ty, tz, f, 3 * i);
            scan.set(i, f[3 * i], f[3 * i + 1], f[3 * i + 2]);
        }
        trialAtom = -1;
    }

    private void fractional(double px, double py, double pz, double[] out, int at) {
        out[at] = px * inv[0] + py * inv[3] + pz * inv[6];
        out[at + 1] = px * inv[1] + py * inv[4] + pz * inv[7];
        out[at + 2] = px * inv[2] + py * inv[5] + pz * inv[8];
    }

    /**
     * Removes entry p of list j, moving the last entry into its place and telling that entry's
     * reverse where it went.
     */
    private void removeAt(int j, int p) {
        int c = --count[j];
        if (p == c) {
            return;
        }
        int[] nb = neighbour[j];
        double[] sep = separation[j];
        int m = nb[c];
        nb[p] = m;
        sep[3 * p] = sep[3 * c];
        sep[3 * p + 1] = sep[3 * c + 1];
        sep[3 * p + 2] = sep[3 * c + 2];
        if (data != null) {
            System.arraycopy(data[j], dataWidth * c, data[j], dataWidth * p, dataWidth);
        }
        int back = mirror[j][c];
        mirror[j][p] = back;
        if (m != j) {
            mirror[m][back] = p;
        }
    }

    /** Enters the pair (i, j, d) in both lists, or both images ±d when i = j. */
    private void appendPair(int i, int j, double dx, double dy, double dz) {
        if (i == j) {
            ownImage(i, dx, dy, dz);
            ownImage(i, -dx, -dy, -dz);
        } else {
            link(i, append(i, j, dx, dy, dz), j, append(j, i, -dx, -dy, -dz));
        }
    }

    private void ownImage(int i, double dx, double dy, double dz) {
        int e = append(i, i, dx, dy, dz); // first: append may replace the array mirror[i]
        mirror[i][e] = -1;
    }

    private void link(int i, int ei, int j, int ej) {
        mirror[i][ei] = ej;
        mirror[j][ej] = ei;
    }

    /** Appends (j, d) to list i and returns its index. */
    private int append(int i, int j, double dx, double dy, double dz) {
        int c = count[i];
        if (c == neighbour[i].length) {
            neighbour[i] = Arrays.copyOf(neighbour[i], 2 * c);
            separation[i] = Arrays.copyOf(separation[i], 6 * c);
            mirror[i] = Arrays.copyOf(mirror[i], 2 * c);
            if (data != null) {
                data[i] = Arrays.copyOf(data[i], 2 * dataWidth * c);
            }
        }
        neighbour[i][c] = j;
        separation[i][3 * c] = dx;
        separation[i][3 * c + 1] = dy;
        separation[i][3 * c + 2] = dz;
        count[i] = c + 1;
        if (data != null) {
            entryData.compute(i, j, dx, dy, dz, data[i], dataWidth * c);
        }
        return c;
    }

    /**
     * An image {@link FractionalScan} found: the pair (i, j, d) while a reset scans atom i's
     * pairs, else a trial entry.
     */
    private void found(int j, double dx, double dy, double dz) {
        if (pairCentre < 0) {
            addTrial(j, dx, dy, dz);
        } else {
            appendPair(pairCentre, j, dx, dy, dz);
        }
    }

    private void addTrial(int j, double dx, double dy, double dz) {
        int c = trialCount;
        if (c == trialNeighbour.length) {
            trialNeighbour = Arrays.copyOf(trialNeighbour, 2 * c);
            trialSeparation = Arrays.copyOf(trialSeparation, 6 * c);
        }
        trialNeighbour[c] = j;
        trialSeparation[3 * c] = dx;
        trialSeparation[3 * c + 1] = dy;
        trialSeparation[3 * c + 2] = dz;
        trialCount = c + 1;
    }
}
