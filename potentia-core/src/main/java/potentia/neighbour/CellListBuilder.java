package potentia.neighbour;

import java.util.Arrays;
import java.util.function.IntConsumer;
import potentia.structure.Structure;

/**
 * The O(N) cell-list neighbour search: atoms and their periodic images are binned
 * ({@link ImageGrid}), and each atom scans the bins within reach of it.
 *
 * <p>Exactness: a candidate that passes the coarse distance test on the binned positions is
 * decided by computing d = x_j − x_i + S·h from the ORIGINAL positions with the same
 * expression, in the same order, as {@link BruteForceNeighbours}, so both list exactly the same
 * pairs, even for separations that round to the cutoff; every listed pair has |d| &lt; cutoff
 * for anyone who recomputes d as {@link NeighbourList#separation} does.
 *
 * <p>Order: rows are by centre; within a row, pairs follow the scan (stencil bins in x, y, z
 * order, then atom, then image). The order depends only on the structure and the cutoff, never
 * on the thread count: each centre's row is found independently and rows are assembled in
 * centre order.
 */
final class CellListBuilder {
    /**
     * Bins per cutoff length. With bins one cutoff wide the 27-bin stencil scans 27 r_c³ per atom
     * for a sphere of 4.2 r_c³; half-width bins (125-bin stencil) scan 15.6 r_c³ but loop over
     * more, shorter runs of entries. Chosen by NeighbourBench on diamond Si at 5 Å.
     */
    static final int SUB_BINS = 1;

    private CellListBuilder() {
    }

    static NeighbourList build(Structure s, double cutoff, boolean full, int threads) {
        checkCutoff(cutoff);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        int n = s.size();
        if (n == 0) {
            return new NeighbourList(0, new int[1], new int[0], new int[0], cutoff, full);
        }
        double[] x = s.positions();
        ImageGrid grid = ImageGrid.build(s, x, cutoff, SUB_BINS);
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

        Chunk(ImageGrid grid, double[] x, double[] h, double cutoff, boolean full, int from, int to, int[] count) {
            this.grid = grid;
            this.x = x;
            this.h = h;
            this.cutoff2 = cutoff * cutoff;
            this.full = full;
            this.from = from;
            this.to = to;
            this.count = count;
            int capacity = Math.max(1024, 16 * (to - from));
            this.neighbours = new int[capacity];
            this.shifts = new int[capacity];
        }

        // Hand-written hot loop: the coarse distance test runs ~30-170 times per atom (more for
        // small cells with long cutoffs), so it reads the binned positions sequentially, one
        // contiguous run of bins along z at a time, and does nothing else.
        private void search() {
            ImageGrid g = grid;
            double[] c = g.coords;
            int[] binStart = g.binStart;
            double coarse2 = g.coarseCutoff2;
            for (int k = from; k < to; k++) {
                int ce = g.centres[k];
                int bin = g.centreBin[k];
                int bz = bin % g.gz;
                int by = (bin / g.gz) % g.gy;
                int bx = bin / (g.gz * g.gy);
                double cx = c[3 * ce];
                double cy = c[3 * ce + 1];
                double cz = c[3 * ce + 2];
                int before = size;
                int x0 = Math.max(bx - g.rx, 0);
                int x1 = Math.min(bx + g.rx, g.gx - 1);
                int y0 = Math.max(by - g.ry, 0);
                int y1 = Math.min(by + g.ry, g.gy - 1);
                int z0 = Math.max(bz - g.rz, 0);
                int z1 = Math.min(bz + g.rz, g.gz - 1);
                for (int ix = x0; ix <= x1; ix++) {
                    for (int iy = y0; iy <= y1; iy++) {
                        int row = (ix * g.gy + iy) * g.gz;
                        int e1 = binStart[row + z1 + 1];
                        for (int e = binStart[row + z0]; e < e1; e++) {
                            double dx = c[3 * e] - cx;
                            double dy = c[3 * e + 1] - cy;
                            double dz = c[3 * e + 2] - cz;
                            if (dx * dx + dy * dy + dz * dz < coarse2) {
                                decide(ce, e);
                            }
                        }
                    }
                }
                count[g.atom[ce]] = size - before;
            }
        }

        /** The exact test of candidate entry e for centre entry ce, and the half-list rule. */
        private void decide(int ce, int e) {
            int i = grid.atom[ce];
            int j = grid.atom[e];
            if (e == ce || (!full && j < i)) {
                return;
            }
            int[] sh = grid.shift;
            int a = sh[3 * e] - sh[3 * ce];
            int b = sh[3 * e + 1] - sh[3 * ce + 1];
            int cc = sh[3 * e + 2] - sh[3 * ce + 2];
            if (!full && j == i && !BruteForceNeighbours.positive(a, b, cc)) {
                return;
            }
            // the same expression, in the same order, as BruteForceNeighbours
            double dx = x[3 * j] - x[3 * i] + a * h[0] + b * h[3] + cc * h[6];
            double dy = x[3 * j + 1] - x[3 * i + 1] + a * h[1] + b * h[4] + cc * h[7];
            double dz = x[3 * j + 2] - x[3 * i + 2] + a * h[2] + b * h[5] + cc * h[8];
            if (dx * dx + dy * dy + dz * dz < cutoff2) {
                if (size == neighbours.length) {
                    int grown = (int) Math.min(Integer.MAX_VALUE - 8, (long) size * 3 / 2 + 16);
                    neighbours = Arrays.copyOf(neighbours, grown);
                    shifts = Arrays.copyOf(shifts, grown);
                }
                neighbours[size] = j;
                shifts[size++] = NeighbourList.pack(a, b, cc);
            }
        }

        /** Copies this chunk's rows to their places in the final arrays. */
        private void copyRows(int[] start, int[] allNeighbours, int[] allShifts) {
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
