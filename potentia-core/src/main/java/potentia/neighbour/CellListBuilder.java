package potentia.neighbour;

import java.util.Arrays;
import java.util.function.IntConsumer;
import potentia.structure.Structure;

/**
 * The O(N) cell-list neighbour search: atoms and their periodic images are binned
 * ({@link ImageGrid}), and each atom scans the bins within reach of it.
 *
 * <p>Exactness: the binned (coarse) positions differ from x_j + S·h by rounding only, far less
 * than the margin δ the grid allows, so a coarse distance below cutoff − δ or above cutoff + δ
 * decides a pair. The rare candidates in between are decided by computing d = x_j − x_i + S·h
 * from the ORIGINAL positions with the same expression, in the same order, as
 * {@link BruteForceNeighbours}: both list exactly the same pairs, even for separations that
 * round to the cutoff, and every listed pair has |d| &lt; cutoff for anyone who recomputes d as
 * {@link NeighbourList#separation} does.
 *
 * <p>Order: rows are by centre; within a row, pairs follow the scan (stencil rows of bins by z,
 * then y, each a run along x; within a bin by atom, then image). The order depends only on the
 * structure and the cutoff, never on the thread count: each centre's row is found
 * independently and rows are assembled in centre order. Binning is serial; the search and the
 * assembly run on the threads.
 */
final class CellListBuilder {
    /**
     * Bins per cutoff length. With bins one cutoff wide the 27-bin stencil scans 27 r_c³ per atom
     * for a sphere of 4.2 r_c³; half-width bins (125-bin stencil) scan 15.6 r_c³ in more, shorter
     * runs of entries. On diamond Si at 5 Å (10⁵ and 10⁶ atoms) 2 beat 1 and 3 by 10–30 %.
     */
    static final int SUB_BINS = 2;

    private CellListBuilder() {
    }

    static NeighbourList build(Structure s, double cutoff, boolean full, int threads) {
        return build(s, cutoff, full, threads, SUB_BINS);
    }

    /** As {@link #build(Structure, double, boolean, int)} with {@code sub} bins per cutoff length (≥ 1). */
    static NeighbourList build(Structure s, double cutoff, boolean full, int threads, int sub) {
        checkCutoff(cutoff);
        if (threads < 1 || sub < 1) {
            throw new IllegalArgumentException("threads and bins per cutoff must be at least 1, got " + threads
                    + " and " + sub);
        }
        int n = s.size();
        if (n == 0) {
            return new NeighbourList(0, new int[1], new int[0], new int[0], cutoff, full);
        }
        double[] x = s.positions();
        ImageGrid grid = ImageGrid.build(s, x, cutoff, sub);
        int chunks = Math.min(threads, Math.max(1, n / 256));
        Chunk[] parts = new Chunk[chunks];
        int[] count = new int[n];
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            parts[c] = new Chunk(grid, x, s.cell().matrix(), cutoff, full, from, to, count);
        }
        inParallel(chunks, c -> parts[c].search());
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            long next = (long) start[i] + count[i];
            if (next > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("neighbour list too large: over " + Integer.MAX_VALUE
                        + " pairs (cutoff " + cutoff + " Å, " + n + " atoms)");
            }
            start[i + 1] = (int) next;
        }
        int[] neighbours = new int[start[n]];
        int[] shifts = new int[start[n]];
        inParallel(chunks, c -> parts[c].copyRows(start, neighbours, shifts));
        return new NeighbourList(n, start, neighbours, shifts, cutoff, full);
    }

    /** Refuses a cutoff that is not a positive finite length. */
    static void checkCutoff(double cutoff) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("neighbour-list cutoff must be a positive finite length in Å, got "
                    + cutoff);
        }
    }

    /**
     * Runs task(0 … tasks − 1), each on its own platform thread when there are several, and
     * rethrows the failure of the lowest-numbered failed task.
     */
    private static void inParallel(int tasks, IntConsumer task) {
        if (tasks == 1) {
            task.accept(0);
            return;
        }
        RuntimeException[] failures = new RuntimeException[tasks];
        Thread[] threads = new Thread[tasks];
        for (int c = 0; c < tasks; c++) {
            int id = c;
            threads[c] = Thread.ofPlatform().name("neighbour-list-" + c).start(() -> {
                try {
                    task.accept(id);
                } catch (RuntimeException e) {
                    failures[id] = e;
                }
            });
        }
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (RuntimeException f : failures) {
            if (f != null) {
                throw f;
            }
        }
    }

    /** The rows of one contiguous range of centres (in bin order), then their copy into place. */
    private static final class Chunk {
        private final ImageGrid grid;
        private final double[] x;
        private final double[] h;
        private final double cutoff2;
        private final boolean full;
        private final int from;
        private final int to;
        private final int[] count;
        private int[] neighbours;
        private int[] shifts;
        private int size;
        /** The centre after which the buffers are sized from the rows so far. */
        private final int probe;

        Chunk(ImageGrid grid, double[] x, double[] h, double cutoff, boolean full, int from, int to, int[] count) {
            this.grid = grid;
            this.x = x;
            this.h = h;
            this.cutoff2 = cutoff * cutoff;
            this.full = full;
            this.from = from;
            this.to = to;
            this.count = count;
            this.probe = from + Math.min(4096, Math.max(1, (to - from) / 64)) - 1;
            int capacity = Math.max(1024, 16 * (to - from));
            this.neighbours = new int[capacity];
            this.shifts = new int[capacity];
        }

        // Hand-written hot loop: the coarse distance test runs 100-170 times per atom (more for
        // small cells with long cutoffs), so it reads the binned positions sequentially, one
        // contiguous run of bins along x at a time, and touches nothing else until it passes.
        void search() {
            ImageGrid g = grid;
            double[] c = g.coords;
            int[] binStart = g.binStart;
            int[] atom = g.atom;
            int[] sh = g.shift;
            double coarse2 = g.coarseCutoff2;
            double inner2 = g.innerCutoff2;
            for (int k = from; k < to; k++) {
                int ce = g.centres[k];
                int bin = g.centreBin[k];
                int bx = bin % g.gx;
                int by = (bin / g.gx) % g.gy;
                int bz = bin / (g.gx * g.gy);
                int i = atom[ce];
                double cx = c[3 * ce];
                double cy = c[3 * ce + 1];
                double cz = c[3 * ce + 2];
                int ta = sh[3 * ce];
                int tb = sh[3 * ce + 1];
                int tc = sh[3 * ce + 2];
                int before = size;
                int x0 = Math.max(bx - g.rx, 0);
                int x1 = Math.min(bx + g.rx, g.gx - 1);
                int y0 = Math.max(by - g.ry, 0);
                int y1 = Math.min(by + g.ry, g.gy - 1);
                int z0 = Math.max(bz - g.rz, 0);
                int z1 = Math.min(bz + g.rz, g.gz - 1);
                for (int iz = z0; iz <= z1; iz++) {
                    for (int iy = y0; iy <= y1; iy++) {
                        int row = (iz * g.gy + iy) * g.gx;
                        int e1 = binStart[row + x1 + 1];
                        for (int e = binStart[row + x0]; e < e1; e++) {
                            double dx = c[3 * e] - cx;
                            double dy = c[3 * e + 1] - cy;
                            double dz = c[3 * e + 2] - cz;
                            double r2 = dx * dx + dy * dy + dz * dz;
                            if (r2 < coarse2) {
                                int j = atom[e];
                                if (full || j >= i) {
                                    int a = sh[3 * e] - ta;
                                    int b = sh[3 * e + 1] - tb;
                                    int cc = sh[3 * e + 2] - tc;
                                    if ((j != i || accept(a, b, cc)) && (r2 < inner2 || exact(i, j, a, b, cc))) {
                                        add(j, NeighbourList.pack(a, b, cc));
                                    }
                                }
                            }
                        }
                    }
                }
                count[i] = size - before;
                if (k == probe) {
                    reserveFor(k + 1 - from);
                }
            }
        }

        /**
         * After the first centres, sizes the buffers for the whole chunk from their average row,
         * so that a big list is copied once (into place) rather than at every doubling.
         */
        private void reserveFor(int done) {
            long estimate = (long) Math.ceil((double) size / done * (to - from) * 1.1) + 1024;
            if (estimate > neighbours.length) {
                int capacity = (int) Math.min(Integer.MAX_VALUE - 8, estimate);
                neighbours = Arrays.copyOf(neighbours, capacity);
                shifts = Arrays.copyOf(shifts, capacity);
            }
        }

        /** For an atom's own image: never S = 0, and in a half list only S lexicographically positive. */
        private boolean accept(int a, int b, int c) {
            return full ? (a | b | c) != 0 : BruteForceNeighbours.positive(a, b, c);
        }

        /** |d| &lt; cutoff, decided with the same expression, in the same order, as BruteForceNeighbours. */
        private boolean exact(int i, int j, int a, int b, int c) {
            double dx = x[3 * j] - x[3 * i] + a * h[0] + b * h[3] + c * h[6];
            double dy = x[3 * j + 1] - x[3 * i + 1] + a * h[1] + b * h[4] + c * h[7];
            double dz = x[3 * j + 2] - x[3 * i + 2] + a * h[2] + b * h[5] + c * h[8];
            return dx * dx + dy * dy + dz * dz < cutoff2;
        }

        private void add(int j, int packedShift) {
            if (size == neighbours.length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, (long) size * 5 / 4 + 1024);
                neighbours = Arrays.copyOf(neighbours, grown);
                shifts = Arrays.copyOf(shifts, grown);
            }
            neighbours[size] = j;
            shifts[size++] = packedShift;
        }

        /** Copies this chunk's rows to their places in the final arrays. */
        void copyRows(int[] start, int[] allNeighbours, int[] allShifts) {
            int offset = 0;
            for (int k = from; k < to; k++) {
                int i = grid.atom[grid.centres[k]];
                int len = count[i];
                System.arraycopy(neighbours, offset, allNeighbours, start[i], len);
                System.arraycopy(shifts, offset, allShifts, start[i], len);
                offset += len;
            }
            neighbours = null;
            shifts = null;
        }
    }
}
