package potentia.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import potentia.neighbour.NeighbourList;
import potentia.structure.Structure;

/**
 * Merges the structures that several runs found into distinct ones. Two structures are the
 * same when their energies differ by at most {@code energy} eV and their fingerprints agree: the
 * sorted list of all interatomic distances up to a cutoff (every pair for a cluster; pairs
 * within {@code cutoff} Å, over periodic images, otherwise) has the same length and no entry
 * differs by more than {@code distance} Å. The fingerprint ignores rigid motions, permutations
 * of like atoms and mirror images — all of which leave the energy unchanged too.
 */
public final class DistinctStructures {
    private DistinctStructures() {
    }

    /**
     * When two structures count as one.
     *
     * @param energy largest energy difference, eV
     * @param distance largest difference of corresponding sorted distances, Å
     * @param cutoff distances up to this enter the fingerprint of a periodic structure, Å
     */
    public record Tolerance(double energy, double distance, double cutoff) {
        public Tolerance {
            if (!(energy >= 0) || !(distance >= 0) || !(cutoff > 0)) {
                throw new IllegalArgumentException("bad duplicate tolerance: " + energy + " eV, " + distance + " Å, cutoff "
                        + cutoff + " Å");
            }
        }

        /** 1 meV, 0.02 Å, distances up to 6 Å. */
        public static Tolerance defaults() {
            return new Tolerance(1e-3, 0.02, 6.0);
        }
    }

    /**
     * A set of equal structures.
     *
     * @param representative index of the lowest-energy member
     * @param members indices of all members, by energy
     */
    public record Group(int representative, List<Integer> members) {
        public Group {
            members = List.copyOf(members);
        }
    }

    /**
     * Groups equal structures.
     *
     * @param energies one energy per structure, eV (not modified); NaN sorts last and matches nothing
     * @return the groups, lowest representative energy first
     */
    public static List<Group> group(List<Structure> structures, double[] energies, Tolerance tol) {
        if (energies.length != structures.size()) {
            throw new IllegalArgumentException(structures.size() + " structures but " + energies.length + " energies");
        }
        Integer[] order = new Integer[energies.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> Double.isNaN(energies[i]) ? Double.POSITIVE_INFINITY
                : energies[i]));
        List<Integer> reps = new ArrayList<>();
        List<double[]> repPrints = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int i : order) {
            double[] print = fingerprint(structures.get(i), tol.cutoff());
            int found = -1;
            for (int g = 0; g < reps.size() && found < 0; g++) {
                int r = reps.get(g);
                if (Math.abs(energies[i] - energies[r]) <= tol.energy() && close(print, repPrints.get(g), tol.distance())) {
                    found = g;
                }
            }
            if (found >= 0) {
                members.get(found).add(i);
            } else {
                reps.add(i);
                repPrints.add(print);
                List<Integer> m = new ArrayList<>();
                m.add(i);
                members.add(m);
            }
        }
        List<Group> out = new ArrayList<>();
        for (int g = 0; g < reps.size(); g++) {
            out.add(new Group(reps.get(g), members.get(g)));
        }
        return out;
    }

    /**
     * The sorted interatomic distances of {@code s}, Å: every pair for a structure without
     * periodic axes, else every pair (with images) up to {@code cutoff}.
     */
    public static double[] fingerprint(Structure s, double cutoff) {
        if (s.size() < 2) {
            return new double[0];
        }
        double reach = cutoff;
        if (!s.cell().anyPeriodic()) {
            double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (int i = 0; i < s.size(); i++) {
                for (int k = 0; k < 3; k++) {
                    lo[k] = Math.min(lo[k], s.position(i, k));
                    hi[k] = Math.max(hi[k], s.position(i, k));
                }
            }
            reach = Math.hypot(Math.hypot(hi[0] - lo[0], hi[1] - lo[1]), hi[2] - lo[2]) * 1.001 + 1e-6;
        }
        NeighbourList nl = NeighbourList.build(s, reach, false);
        double[] x = s.positions();
        double[] h = s.cell().matrix();
        double[] d = new double[3];
        double[] out = new double[nl.pairCount()];
        int n = 0;
        for (int i = 0; i < nl.atoms(); i++) {
            for (int p = nl.start(i); p < nl.end(i); p++) {
                nl.separation(p, i, x, h, d);
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                if (r <= reach) {
                    out[n++] = r;
                }
            }
        }
        double[] print = Arrays.copyOf(out, n);
        Arrays.sort(print);
        return print;
    }

    private static boolean close(double[] a, double[] b, double tol) {
        if (a.length != b.length) {
            return false;
        }
        for (int k = 0; k < a.length; k++) {
            if (Math.abs(a[k] - b[k]) > tol) {
                return false;
            }
        }
        return true;
    }
}
