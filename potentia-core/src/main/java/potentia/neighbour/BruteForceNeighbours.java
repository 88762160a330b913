package potentia.neighbour;

import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * The obviously-right O(N²·images) neighbour list, the reference every fast builder is tested
 * against. Loops over every pair of atoms and every periodic image within reach of the cutoff.
 */
public final class BruteForceNeighbours {
    private BruteForceNeighbours() {
    }

    /**
     * Builds the list by brute force.
     *
     * @param cutoff pairs with |d| &lt; cutoff are listed (all but an atom with itself at S = 0), Å
     * @param full both directions (true) or each pair once (false, see {@link NeighbourList})
     */
    public static NeighbourList build(Structure s, double cutoff, boolean full) {
        CellListBuilder.checkCutoff(cutoff);
        Cell cell = s.cell();
        double[] h = cell.matrix();
        double[] widths = cell.perpendicularWidths();
        int n = s.size();
        double[] x = s.positions();
        // positions need not lie inside the cell: the reach covers their fractional spread too
        double[] frac = cell.anyPeriodic() ? cell.toFractional(x) : x;
        int[] reach = new int[3];
        for (int k = 0; k < 3; k++) {
            if (cell.periodic(k)) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    lo = Math.min(lo, frac[3 * i + k]);
                    hi = Math.max(hi, frac[3 * i + k]);
                }
                reach[k] = (int) Math.ceil(cutoff / widths[k] + (n > 0 ? hi - lo : 0)) + 1;
            }
        }
        double cut2 = cutoff * cutoff;
        IntList nb = new IntList();
        IntList sh = new IntList();
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i] = nb.size();
            for (int j = 0; j < n; j++) {
                for (int a = -reach[0]; a <= reach[0]; a++) {
                    for (int b = -reach[1]; b <= reach[1]; b++) {
                        for (int c = -reach[2]; c <= reach[2]; c++) {
                            if (i == j && a == 0 && b == 0 && c == 0) {
                                continue;
                            }
                            if (!full && !(i < j || (i == j && positive(a, b, c)))) {
                                continue;
                            }
                            double dx = x[3 * j] - x[3 * i] + a * h[0] + b * h[3] + c * h[6];
                            double dy = x[3 * j + 1] - x[3 * i + 1] + a * h[1] + b * h[4] + c * h[7];
                            double dz = x[3 * j + 2] - x[3 * i + 2] + a * h[2] + b * h[5] + c * h[8];
                            double r2 = dx * dx + dy * dy + dz * dz;
                            if (r2 < cut2) {
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

    /** Lexicographic positivity of a nonzero shift: the half-list rule for an atom's own images. */
    static boolean positive(int a, int b, int c) {
        return a > 0 || (a == 0 && (b > 0 || (b == 0 && c > 0)));
    }
}
