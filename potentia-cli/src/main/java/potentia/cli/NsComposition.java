package potentia.cli;

import java.util.ArrayList;
import java.util.List;
import potentia.potential.Potential;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;

/** The atoms of a nested-sampling run from {@code --species} and {@code --atoms}. */
final class NsComposition {
    private NsComposition() {
    }

    /** Atomic numbers, species by species in the order given. */
    static int[] numbers(List<String> species, List<Integer> atoms) {
        if (species.size() != atoms.size()) {
            throw new IllegalArgumentException("--species names " + species.size() + " element(s) but --atoms gives "
                    + atoms.size() + " count(s); give one count per element");
        }
        List<Integer> z = new ArrayList<>();
        List<Element> seen = new ArrayList<>();
        for (int k = 0; k < species.size(); k++) {
            Element e = Element.of(species.get(k).trim());
            if (seen.contains(e)) {
                throw new IllegalArgumentException("--species lists " + e + " twice");
            }
            seen.add(e);
            int n = atoms.get(k);
            if (n < 1) {
                throw new IllegalArgumentException("--atoms: need at least 1 atom of " + e + ", got " + n);
            }
            for (int i = 0; i < n; i++) {
                z.add(e.number());
            }
        }
        if (z.size() < 2) {
            throw new IllegalArgumentException("nested sampling needs at least 2 atoms, got " + z.size());
        }
        return z.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Refuses an element the potential has no parameters for, naming it, before anything runs. */
    static void checkElements(Potential p, int[] numbers) {
        int[] distinct = java.util.Arrays.stream(numbers).distinct().toArray();
        double[] x = new double[3 * distinct.length];
        for (int k = 0; k < distinct.length; k++) {
            x[3 * k] = 10.0 * k;
        }
        try {
            p.compute(Structure.of(distinct, x, Cell.NONE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--species: " + e.getMessage(), e);
        }
    }
}
