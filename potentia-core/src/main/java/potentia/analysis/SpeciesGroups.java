package potentia.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.ArrayList;
import potentia.structure.Element;

/** Atom indices per element, elements by increasing atomic number. */
final class SpeciesGroups {
    private SpeciesGroups() {
    }

    static Map<Element, int[]> of(int[] atomicNumbers) {
        TreeMap<Integer, List<Integer>> byZ = new TreeMap<>();
        for (int i = 0; i < atomicNumbers.length; i++) {
            byZ.computeIfAbsent(atomicNumbers[i], z -> new ArrayList<>()).add(i);
        }
        Map<Element, int[]> out = new LinkedHashMap<>();
        byZ.forEach((z, idx) -> out.put(Element.ofNumber(z), idx.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /** The species index of every atom (in the order of {@link #of}) and the atom counts. */
    static Index index(int[] atomicNumbers, Map<Element, int[]> groups) {
        int[] of = new int[atomicNumbers.length];
        int[] counts = new int[groups.size()];
        int s = 0;
        for (int[] atoms : groups.values()) {
            for (int i : atoms) {
                of[i] = s;
            }
            counts[s++] = atoms.length;
        }
        return new Index(of, counts);
    }

    /** Species index per atom and atom count per species. */
    record Index(int[] atomSpecies, int[] counts) {
        int species() {
            return counts.length;
        }

        int of(int atom) {
            return atomSpecies[atom];
        }

        /** All species indices. */
        int[] all() {
            int[] s = new int[counts.length];
            for (int k = 0; k < s.length; k++) {
                s[k] = k;
            }
            return s;
        }

        /** The per-atom mean over the given species of per-species sums (lags 0..lags−1). */
        double[] mean(double[][] sums, int[] which, int lags) {
            double[] out = new double[lags];
            int atoms = 0;
            for (int s : which) {
                atoms += counts[s];
                for (int m = 0; m < lags; m++) {
                    out[m] += sums[s][m];
                }
            }
            for (int m = 0; m < lags; m++) {
                out[m] /= atoms;
            }
            return out;
        }
    }
}
