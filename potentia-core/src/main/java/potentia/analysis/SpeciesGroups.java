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
}
