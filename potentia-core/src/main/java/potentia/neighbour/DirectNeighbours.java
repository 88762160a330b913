package potentia.neighbour;

import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * The neighbour list of a small structure by direct pair checks: every pair of atoms, and for a
 * periodic cell only the images each pair's fractional separation can reach. Nested sampling
 * and Hamiltonian moves evaluate 16–64-atom cells many thousand times a second, and there the
 * cell-list set-up (an image grid padded by a cutoff on every side: for 16 LJ atoms at
 * r_c = 3σ, over 20 images of every atom) costs up to several times the N²/2 pair checks
 * (`bin/bench ns --parts lists`); at 64 atoms only a cutoff over half a cell width still pays.
 * Cells at least twice as wide as the cutoff (one image per pair, as for 64–128 SW Si atoms)
 * are scanned with the Vector API ({@link FractionalScan}) instead.
 *
 * <p>Exactness as in {@link CellListBuilder}: candidate shifts come from fractional coordinates
 * with a margin (|d_k + S_k| &lt; r_c / w_k holds on every axis k for any separation shorter than
 * r_c, w_k the perpendicular widths), and each candidate is decided by computing
 * d = x_j − x_i + S·h from the original positions with the expression
 * {@link BruteForceNeighbours} uses, so both list the same pairs. Rows are by centre; within a
 * row by neighbour, then by shift.
 */
final class DirectNeighbours {
    /**
     * Most atoms this builder takes; above, cell lists win (N² pair checks against O(N) binning).
     * Between {@link #ALWAYS_ATOMS} and this it takes only cells narrower than twice the cutoff,
     * where a pair has several images and the image grid is padded most: 64 LJ atoms at r_c = 3σ
     * build 1.14× faster directly, 64 SW atoms (one image per pair) 0.89× (`bin/bench ns --parts lists`).
     */
    static final int MAX_ATOMS = 64;
    /** Up to this many atoms the direct builder wins whatever the cell (1.5–2.3× at 16–32 atoms). */
    static final int ALWAYS_ATOMS = 32;
    /**
     * Most atoms the vectorised path takes (cells at least twice the cutoff wide): 64 SW atoms
     * build 1.6× as fast as with cell lists, 128 1.3× (`bin/bench ns --parts lists`).
     */
    static final int VECTOR_MAX_ATOMS = 128;
    /**
     * How much farther than the cutoff (Å) the vectorised scan proposes images: far above the
     * rounding by which its fractional-coordinate separations differ from the exact ones.
     */
    private static final double CANDIDATE_MARGIN = 1e-6;
    /**
     * Longest cutoff taken, in perpendicular cell widths: beyond it a pair has many images and
     * the image grid sorts them better than per-pair ranges do.
     */
    static final double MAX_REACH = 2;
    /** Rounding allowance on fractional separations, far above their error and far below any width. */
    private static final double MARGIN = 1e-8;

    private DirectNeighbours() {
    }

    /**
     * The list, or null when the structure is not small, only partly periodic, too small a cell
     * for the cutoff, or holds positions the cell-list builder should report on (non-finite, or
     * absurdly far outside the cell).
     */
    static NeighbourList buildOrNull(Structure s, double cutoff, boolean full) {
        int n = s.size();
        Cell cell = s.cell();
        boolean periodic = cell.anyPeriodic();
        if (n == 0 || n > VECTOR_MAX_ATOMS || (periodic && !cell.fullyPeriodic())) {
            return null;
        }
        double[] x = s.positions();
        double[] h = cell.matrix();
        double[] reach = new double[3];
        double[] f = null;
        if (periodic) {
            double[] w = cell.perpendicularWidths();
            boolean severalImages = false;
            boolean oneImage = true;
            for (int k = 0; k < 3; k++) {
                reach[k] = cutoff / w[k] + MARGIN;
                if (!(reach[k] <= MAX_REACH)) {
                    return null;
                }
                severalImages |= reach[k] > 0.5;
                oneImage &= w[k] >= 2 * (cutoff + CANDIDATE_MARGIN);
            }
            boolean vectorised = oneImage && n <= VECTOR_MAX_ATOMS;
            if (!vectorised && (n > MAX_ATOMS || (n > ALWAYS_ATOMS && !severalImages))) {
                return null;
            }
            f = cell.toFractional(x);
            for (double v : f) {
                if (!(Math.abs(v) < 1e8)) {
                    return null;
                }
            }
            if (vectorised) {
                return vectorised(x, f, h, cell.inverse(), cutoff, full);
            }
        } else {
            if (n > MAX_ATOMS) {
                return null;
            }
            for (double v : x) {
                if (!Double.isFinite(v)) {
                    return null;
                }
            }
        }
        double cut2 = cutoff * cutoff;
        int[] range = new int[6];
        int[] start = new int[n + 1];
        IntList nb = new IntList();
        IntList sh = new IntList();
        for (int i = 0; i < n; i++) {
            start[i] = nb.size();
            for (int j = full ? 0 : i; j < n; j++) {
                if (!periodic) {
                    if (j != i && within(x, h, i, j, 0, 0, 0, cut2)) {
                        nb.add(j);
                        sh.add(NeighbourList.ZERO_SHIFT);
                    }
                    continue;
                }
                double da = f[3 * j] - f[3 * i];
                double db = f[3 * j + 1] - f[3 * i + 1];
                double dc = f[3 * j + 2] - f[3 * i + 2];
                ImageRanges.of(reach, da, db, dc, range);
                for (int a = range[0]; a <= range[1]; a++) {
                    for (int b = range[2]; b <= range[3]; b++) {
                        for (int c = range[4]; c <= range[5]; c++) {
                            if (j == i && (full ? (a | b | c) == 0 : !BruteForceNeighbours.positive(a, b, c))) {
                                continue;
                            }
                            if (within(x, h, i, j, a, b, c, cut2)) {
                                nb.add(j);
                                sh.add(NeighbourList.pack(a, b, c));
                            }
                        }
                    }
                }
            }
        }
        start[n] = nb.size();
        return new NeighbourList(n, start, nb.toArray(), sh.toArray(), cutoff, full);
    }

    /**
     * The list of a cell at least twice as wide as the cutoff, where a pair has at most one image
     * in range: {@link FractionalScan} proposes every image within the cutoff plus
     * {@link #CANDIDATE_MARGIN} (its separations come from fractional coordinates, which round
     * differently), and each is decided exactly as in the scalar path. No atom has its own image
     * in range (a lattice vector is at least the smallest width long). In narrower cells the
     * scan's eight candidates per pair leave it no faster than the scalar path (64 LJ atoms at
     * r_c = 3σ), so it is not used there.
     */
    private static NeighbourList vectorised(double[] x, double[] f, double[] h, double[] inv, double cutoff,
            boolean full) {
        int n = x.length / 3;
        FractionalScan scan = new FractionalScan(n);
        for (int i = 0; i < n; i++) {
            scan.set(i, f[3 * i], f[3 * i + 1], f[3 * i + 2]);
        }
        double candidate = cutoff + CANDIDATE_MARGIN;
        int[] start = new int[n + 1];
        PairSink sink = new PairSink(x, f, h, inv, cutoff * cutoff);
        for (int i = 0; i < n; i++) {
            start[i] = sink.nb.size();
            sink.centre = i;
            scan.scan(full ? 0 : i + 1, i, f[3 * i], f[3 * i + 1], f[3 * i + 2], h, candidate * candidate, true, sink);
        }
        start[n] = sink.nb.size();
        return new NeighbourList(n, start, sink.nb.toArray(), sink.sh.toArray(), cutoff, full);
    }

    /** Turns the scan's images of one centre into exactly decided pairs with integer shifts. */
    private static final class PairSink implements FractionalScan.Sink {
        private final double[] x;
        private final double[] f;
        private final double[] h;
        private final double[] inv;
        private final double cut2;
        private final IntList nb = new IntList();
        private final IntList sh = new IntList();
        private int centre;

        PairSink(double[] x, double[] f, double[] h, double[] inv, double cut2) {
            this.x = x;
            this.f = f;
            this.h = h;
            this.inv = inv;
            this.cut2 = cut2;
        }

        @Override
        public void found(int j, double dx, double dy, double dz) {
            int i = centre;
            // the image's shift: its fractional separation less the atoms' own, an integer up to rounding
            int a = (int) Math.rint(dx * inv[0] + dy * inv[3] + dz * inv[6] - (f[3 * j] - f[3 * i]));
            int b = (int) Math.rint(dx * inv[1] + dy * inv[4] + dz * inv[7] - (f[3 * j + 1] - f[3 * i + 1]));
            int c = (int) Math.rint(dx * inv[2] + dy * inv[5] + dz * inv[8] - (f[3 * j + 2] - f[3 * i + 2]));
            if (within(x, h, i, j, a, b, c, cut2)) {
                nb.add(j);
                sh.add(NeighbourList.pack(a, b, c));
            }
        }
    }

    /** |x_j − x_i + S·h| &lt; cutoff, with BruteForceNeighbours' expression in its order. */
    private static boolean within(double[] x, double[] h, int i, int j, int a, int b, int c, double cut2) {
        double dx = x[3 * j] - x[3 * i] + a * h[0] + b * h[3] + c * h[6];
        double dy = x[3 * j + 1] - x[3 * i + 1] + a * h[1] + b * h[4] + c * h[7];
        double dz = x[3 * j + 2] - x[3 * i + 2] + a * h[2] + b * h[5] + c * h[8];
        return dx * dx + dy * dy + dz * dz < cut2;
    }
}
