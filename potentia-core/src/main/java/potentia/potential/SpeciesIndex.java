package potentia.potential;

import java.util.Arrays;
import java.util.List;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * The elements a potential has parameters for, numbered 0 … n−1 in a fixed order, and the
 * per-atom lookup that kernels index their parameter tables with. Immutable.
 */
public final class SpeciesIndex {
    private final List<Element> elements;
    private final int[] indexOfZ;

    /** @param elements distinct elements, in the order that defines their indices */
    public SpeciesIndex(List<Element> elements) {
        this.elements = List.copyOf(elements);
        this.indexOfZ = new int[Element.values().length];
        Arrays.fill(indexOfZ, -1);
        for (int k = 0; k < this.elements.size(); k++) {
            Element e = this.elements.get(k);
            if (indexOfZ[e.number()] >= 0) {
                throw new IllegalArgumentException("element " + e + " listed twice");
            }
            indexOfZ[e.number()] = k;
        }
    }

    /** The elements, in index order. */
    public List<Element> elements() {
        return elements;
    }

    /** Number of elements. */
    public int size() {
        return elements.size();
    }

    /** Index of {@code e}, or −1 when absent. */
    public int indexOf(Element e) {
        return indexOfZ[e.number()];
    }

    /**
     * The species index of every atom.
     *
     * @param who the potential's name, for the error message
     * @return N indices
     * @throws IllegalArgumentException naming the first element (and atom) without parameters
     */
    public int[] types(Structure s, String who) {
        int n = s.size();
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            int k = indexOfZ[s.atomicNumber(i)];
            if (k < 0) {
                throw new IllegalArgumentException(who + " has no parameters for element " + s.element(i)
                        + " (atom " + i + "); it knows " + elements);
            }
            t[i] = k;
        }
        return t;
    }
}
