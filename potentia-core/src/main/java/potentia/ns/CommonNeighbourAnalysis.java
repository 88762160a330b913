package potentia.ns;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import potentia.neighbour.NeighbourList;
import potentia.structure.Structure;

/**
 * Names the crystal structure around each atom, without parameters: adaptive common-neighbour
 * analysis (Stukowski, Modelling Simul. Mater. Sci. Eng. 20 (2012) 045021) for fcc, hcp, bcc
 * and icosahedral order, and its extension to diamond lattices (Maras et al., Comput. Phys.
 * Commun. 205 (2016) 13), which applies it to the twelve second neighbours reached through
 * the four nearest.
 *
 * <p>For an atom with its 12 nearest neighbours and the local cutoff r_c = (1+√2)/2 · their
 * mean distance, each bond to a neighbour j gets a signature (common neighbours of the atom
 * and j, bonds among those, longest chain of such bonds): all twelve (4,2,1) is fcc, six
 * (4,2,1) and six (4,2,2) hcp, twelve (5,5,5) icosahedral. With 14 neighbours and
 * r_c = (1+√2)/2 · ((2/√3)·mean of the nearest 8 + mean of the next 6)/2, eight (6,6,6) and
 * six (4,4,4) is bcc. The diamond test takes the four nearest neighbours, each one's three
 * nearest other than the atom, and runs the fcc/hcp test on those twelve: cubic or hexagonal
 * diamond. Everything is done on separation vectors, so small periodic cells (an atom seeing
 * several images of one neighbour) work. Stateless.
 */
public final class CommonNeighbourAnalysis {
    private static final double FACTOR = (1 + Math.sqrt(2)) / 2;
    private static final int KEEP = 16;

    private CommonNeighbourAnalysis() {
    }

    /** The structure type of each atom of {@code s}. */
    public static StructureType[] classify(Structure s) {
        Nearest nb = nearest(s);
        int n = s.size();
        StructureType[] out = new StructureType[n];
        for (int i = 0; i < n; i++) {
            out[i] = classifyAtom(nb, i);
        }
        return out;
    }

    /**
     * Each atom's nearest neighbours: separation vectors sorted by length (3 per neighbour) and
     * the neighbours' indices in the same order.
     */
    private record Nearest(double[][] vectors, int[][] index) {
    }

    /** The fraction of atoms of each type (types with no atom left out), in enum order. */
    public static Map<StructureType, Double> fractions(StructureType[] types) {
        Map<StructureType, Double> f = new EnumMap<>(StructureType.class);
        for (StructureType t : types) {
            f.merge(t, 1.0 / types.length, Double::sum);
        }
        return f;
    }

    /**
     * The mean number of neighbours within 1.25 times the median nearest-neighbour distance
     * (4 in diamond, 12 in fcc and hcp, 14 in bcc).
     */
    public static double coordination(Structure s) {
        double[][] v = nearest(s).vectors();
        double[] first = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            first[i] = v[i].length > 0 ? norm(v[i], 0) : Double.POSITIVE_INFINITY;
        }
        double[] sorted = first.clone();
        Arrays.sort(sorted);
        double cut = 1.25 * sorted[sorted.length / 2];
        long count = 0;
        for (double[] vi : v) {
            for (int k = 0; k < vi.length / 3; k++) {
                if (norm(vi, k) < cut) {
                    count++;
                }
            }
        }
        return (double) count / s.size();
    }

    private static StructureType classifyAtom(Nearest nb, int i) {
        double[] v = nb.vectors()[i];
        int have = v.length / 3;
        if (have >= 12) {
            double[] twelve = Arrays.copyOf(v, 36);
            double rc = FACTOR * meanNorm(twelve, 0, 12);
            StructureType t = closePacked(twelve, rc);
            if (t != StructureType.OTHER) {
                return t;
            }
        }
        if (have >= 14) {
            double rc = FACTOR * (2 / Math.sqrt(3) * meanNorm(v, 0, 8) + meanNorm(v, 8, 14)) / 2;
            if (isBcc(Arrays.copyOf(v, 42), rc)) {
                return StructureType.BCC;
            }
        }
        if (have >= 4) {
            double[] second = secondNeighbours(nb, i);
            if (second != null) {
                double rc = FACTOR * meanNorm(second, 0, 12);
                StructureType t = closePacked(second, rc);
                if (t == StructureType.FCC) {
                    return StructureType.CUBIC_DIAMOND;
                }
                if (t == StructureType.HCP) {
                    return StructureType.HEXAGONAL_DIAMOND;
                }
            }
        }
        return StructureType.OTHER;
    }

    /** The 12 atoms two bonds away through the four nearest neighbours, or null when that fails. */
    private static double[] secondNeighbours(Nearest nb, int i) {
        double[] v = nb.vectors()[i];
        double[] out = new double[36];
        int m = 0;
        for (int a = 0; a < 4; a++) {
            double[] w = nb.vectors()[nb.index()[i][a]];
            if (w.length / 3 < 4) {
                return null;
            }
            int found = 0;
            boolean backToI = false;
            for (int b = 0; b < 4; b++) {
                double x = v[3 * a] + w[3 * b];
                double y = v[3 * a + 1] + w[3 * b + 1];
                double z = v[3 * a + 2] + w[3 * b + 2];
                if (x * x + y * y + z * z < 1e-6 * (v[3 * a] * v[3 * a] + v[3 * a + 1] * v[3 * a + 1]
                        + v[3 * a + 2] * v[3 * a + 2])) {
                    backToI = true;
                    continue;
                }
                if (found == 3) {
                    return null;
                }
                out[3 * m] = x;
                out[3 * m + 1] = y;
                out[3 * m + 2] = z;
                m++;
                found++;
            }
            if (!backToI || found != 3) {
                return null;
            }
        }
        return out;
    }

    /** FCC, HCP, ICOSAHEDRAL or OTHER from the signatures of 12 neighbour vectors with cutoff rc. */
    private static StructureType closePacked(double[] v, double rc) {
        boolean[][] bond = bonds(v, 12, rc);
        for (int k = 0; k < 12; k++) {
            if (norm(v, k) >= rc) {
                return StructureType.OTHER;
            }
        }
        int n421 = 0;
        int n422 = 0;
        int n555 = 0;
        for (int j = 0; j < 12; j++) {
            int[] sig = signature(bond, 12, j);
            if (sig[0] == 4 && sig[1] == 2 && sig[2] == 1) {
                n421++;
            } else if (sig[0] == 4 && sig[1] == 2 && sig[2] == 2) {
                n422++;
            } else if (sig[0] == 5 && sig[1] == 5 && sig[2] == 5) {
                n555++;
            } else {
                return StructureType.OTHER;
            }
        }
        if (n421 == 12) {
            return StructureType.FCC;
        }
        if (n421 == 6 && n422 == 6) {
            return StructureType.HCP;
        }
        if (n555 == 12) {
            return StructureType.ICOSAHEDRAL;
        }
        return StructureType.OTHER;
    }

    private static boolean isBcc(double[] v, double rc) {
        for (int k = 0; k < 14; k++) {
            if (norm(v, k) >= rc) {
                return false;
            }
        }
        boolean[][] bond = bonds(v, 14, rc);
        int n666 = 0;
        int n444 = 0;
        for (int j = 0; j < 14; j++) {
            int[] sig = signature(bond, 14, j);
            if (sig[0] == 6 && sig[1] == 6 && sig[2] == 6) {
                n666++;
            } else if (sig[0] == 4 && sig[1] == 4 && sig[2] == 4) {
                n444++;
            } else {
                return false;
            }
        }
        return n666 == 8 && n444 == 6;
    }

    /** Which of the m neighbours (vectors from the centre) are within rc of each other. */
    private static boolean[][] bonds(double[] v, int m, double rc) {
        boolean[][] b = new boolean[m][m];
        double rc2 = rc * rc;
        for (int p = 0; p < m; p++) {
            for (int q = p + 1; q < m; q++) {
                double dx = v[3 * p] - v[3 * q];
                double dy = v[3 * p + 1] - v[3 * q + 1];
                double dz = v[3 * p + 2] - v[3 * q + 2];
                boolean near = dx * dx + dy * dy + dz * dz < rc2;
                b[p][q] = near;
                b[q][p] = near;
            }
        }
        return b;
    }

    /** (common neighbours, bonds among them, bonds in the largest connected cluster of those bonds) of bond j. */
    private static int[] signature(boolean[][] bond, int m, int j) {
        int[] common = new int[m];
        int c = 0;
        for (int k = 0; k < m; k++) {
            if (k != j && bond[j][k]) {
                common[c++] = k;
            }
        }
        int bonds = 0;
        int[] component = new int[c];
        for (int p = 0; p < c; p++) {
            component[p] = p;
        }
        for (int p = 0; p < c; p++) {
            for (int q = p + 1; q < c; q++) {
                if (bond[common[p]][common[q]]) {
                    bonds++;
                    int a = root(component, p);
                    int b = root(component, q);
                    if (a != b) {
                        component[a] = b;
                    }
                }
            }
        }
        int[] perComponent = new int[c];
        for (int p = 0; p < c; p++) {
            for (int q = p + 1; q < c; q++) {
                if (bond[common[p]][common[q]]) {
                    perComponent[root(component, p)]++;
                }
            }
        }
        int longest = 0;
        for (int v : perComponent) {
            longest = Math.max(longest, v);
        }
        return new int[] {c, bonds, longest};
    }

    private static int root(int[] parent, int p) {
        while (parent[p] != p) {
            p = parent[p];
        }
        return p;
    }

    /** Each atom's nearest neighbours, up to {@value #KEEP}. */
    private static Nearest nearest(Structure s) {
        int n = s.size();
        double scale;
        if (s.cell().fullyPeriodic()) {
            scale = Math.cbrt(s.cell().volume() / n);
        } else {
            scale = medianNearest(s);
        }
        double[][] out = new double[n][];
        int[][] index = new int[n][];
        for (double cutoff = 1.8 * scale; ; cutoff *= 1.4) {
            NeighbourList list = NeighbourList.build(s, cutoff, true);
            boolean enough = true;
            double[] x = s.positions();
            double[] h = s.cell().matrix();
            double[] d = new double[3];
            for (int i = 0; i < n; i++) {
                int count = list.end(i) - list.start(i);
                double[] r = new double[count];
                double[][] vec = new double[count][];
                int[] who = new int[count];
                Integer[] order = new Integer[count];
                for (int p = list.start(i), k = 0; p < list.end(i); p++, k++) {
                    list.separation(p, i, x, h, d);
                    vec[k] = d.clone();
                    r[k] = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                    who[k] = list.neighbour(p);
                    order[k] = k;
                }
                Arrays.sort(order, (a, b) -> Double.compare(r[a], r[b]));
                int keep = Math.min(KEEP, count);
                out[i] = new double[3 * keep];
                index[i] = new int[keep];
                for (int k = 0; k < keep; k++) {
                    System.arraycopy(vec[order[k]], 0, out[i], 3 * k, 3);
                    index[i][k] = who[order[k]];
                }
                enough &= count >= KEEP || !s.cell().fullyPeriodic();
            }
            if (enough || cutoff > 6 * scale) {
                break;
            }
        }
        return new Nearest(out, index);
    }

    private static double medianNearest(Structure s) {
        int n = s.size();
        double[] x = s.positions();
        double[] best = new double[n];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[3 * j] - x[3 * i];
                double dy = x[3 * j + 1] - x[3 * i + 1];
                double dz = x[3 * j + 2] - x[3 * i + 2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                best[i] = Math.min(best[i], r);
                best[j] = Math.min(best[j], r);
            }
        }
        Arrays.sort(best);
        return n > 1 ? best[n / 2] : 1;
    }

    private static double norm(double[] v, int k) {
        return Math.sqrt(v[3 * k] * v[3 * k] + v[3 * k + 1] * v[3 * k + 1] + v[3 * k + 2] * v[3 * k + 2]);
    }

    private static double meanNorm(double[] v, int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += norm(v, k);
        }
        return sum / (to - from);
    }
}
