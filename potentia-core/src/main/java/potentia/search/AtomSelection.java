package potentia.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * Which atoms of a founder structure a search may move; the rest stay where they are. Written on
 * the command line as
 * <ul>
 *   <li>{@code all};</li>
 *   <li>indices from 0, with inclusive ranges: {@code 0-11,14,20-23};</li>
 *   <li>element symbols: {@code Si} or {@code Sr,O};</li>
 *   <li>a range of the Cartesian z coordinate, Å: {@code z>=7.5}, {@code z<3}, {@code z=7.5:12}
 *       (either bound may be empty; bounds are inclusive).</li>
 * </ul>
 */
public sealed interface AtomSelection {

    /** Every atom. */
    record All() implements AtomSelection {
    }

    /** Atoms by index (0-based). */
    record Indices(int[] indices) implements AtomSelection {
        public Indices {
            indices = indices.clone();
        }

        @Override
        public int[] indices() {
            return indices.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Indices i && Arrays.equals(i.indices, indices);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(indices);
        }

        @Override
        public String toString() {
            return "Indices" + Arrays.toString(indices);
        }
    }

    /** Atoms of these elements. */
    record Elements(Set<Element> elements) implements AtomSelection {
        public Elements {
            elements = Set.copyOf(elements);
        }
    }

    /** Atoms with min ≤ z ≤ max (Å; infinite bounds allowed). */
    record ZRange(double min, double max) implements AtomSelection {
        public ZRange {
            if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
                throw new IllegalArgumentException("empty z range [" + min + ", " + max + "]");
            }
        }
    }

    /**
     * The selected atoms of {@code s}, ascending, without repeats (possibly none).
     *
     * @throws IllegalArgumentException for an index beyond the structure
     */
    default int[] select(Structure s) {
        return switch (this) {
            case All a -> {
                int[] all = new int[s.size()];
                for (int i = 0; i < all.length; i++) {
                    all[i] = i;
                }
                yield all;
            }
            case Indices ix -> {
                TreeSet<Integer> set = new TreeSet<>();
                for (int i : ix.indices()) {
                    if (i < 0 || i >= s.size()) {
                        throw new IllegalArgumentException("atom index " + i + " is out of range: the structure has "
                                + s.size() + " atoms (indices 0-" + (s.size() - 1) + ")");
                    }
                    set.add(i);
                }
                yield set.stream().mapToInt(Integer::intValue).toArray();
            }
            case Elements el -> {
                List<Integer> out = new ArrayList<>();
                for (int i = 0; i < s.size(); i++) {
                    if (el.elements().contains(s.element(i))) {
                        out.add(i);
                    }
                }
                yield out.stream().mapToInt(Integer::intValue).toArray();
            }
            case ZRange z -> {
                List<Integer> out = new ArrayList<>();
                for (int i = 0; i < s.size(); i++) {
                    double zi = s.position(i, 2);
                    if (zi >= z.min() && zi <= z.max()) {
                        out.add(i);
                    }
                }
                yield out.stream().mapToInt(Integer::intValue).toArray();
            }
        };
    }

    /**
     * Parses a selection (see the class comment).
     *
     * @throws IllegalArgumentException saying what is wrong with {@code spec}
     */
    static AtomSelection parse(String spec) {
        String t = spec.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty atom selection: use all, indices (0-11,14), elements (Si,O) "
                    + "or a z range (z>=7.5, z=2:6)");
        }
        if (t.equalsIgnoreCase("all")) {
            return new All();
        }
        if (t.startsWith("z") || t.startsWith("Z")) {
            return parseZ(t, spec);
        }
        if (Character.isDigit(t.charAt(0))) {
            return parseIndices(t, spec);
        }
        EnumSet<Element> els = EnumSet.noneOf(Element.class);
        for (String part : t.split(",")) {
            try {
                els.add(Element.of(part.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad atom selection '" + spec + "': " + e.getMessage()
                        + " (use all, indices 0-11,14, elements Si,O or a z range z>=7.5)");
            }
        }
        return new Elements(els);
    }

    private static AtomSelection parseIndices(String t, String spec) {
        List<Integer> out = new ArrayList<>();
        for (String part : t.split(",")) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-');
                if (dash > 0) {
                    int from = Integer.parseInt(p.substring(0, dash).trim());
                    int to = Integer.parseInt(p.substring(dash + 1).trim());
                    if (to < from) {
                        throw new IllegalArgumentException("bad atom selection '" + spec + "': range " + p
                                + " runs backwards");
                    }
                    for (int i = from; i <= to; i++) {
                        out.add(i);
                    }
                } else {
                    out.add(Integer.parseInt(p));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad atom selection '" + spec + "': '" + p
                        + "' is not an index or a range like 3-7");
            }
        }
        return new Indices(out.stream().mapToInt(Integer::intValue).toArray());
    }

    private static AtomSelection parseZ(String t, String spec) {
        String rest = t.substring(1).trim();
        try {
            if (rest.startsWith(">=") || rest.startsWith(">")) {
                return new ZRange(Double.parseDouble(rest.substring(rest.startsWith(">=") ? 2 : 1).trim()),
                        Double.POSITIVE_INFINITY);
            }
            if (rest.startsWith("<=") || rest.startsWith("<")) {
                return new ZRange(Double.NEGATIVE_INFINITY,
                        Double.parseDouble(rest.substring(rest.startsWith("<=") ? 2 : 1).trim()));
            }
            if (rest.startsWith("=") || rest.startsWith(":")) {
                String[] b = rest.substring(1).split(":", -1);
                if (b.length != 2) {
                    throw new NumberFormatException();
                }
                double lo = b[0].isBlank() ? Double.NEGATIVE_INFINITY : Double.parseDouble(b[0].trim());
                double hi = b[1].isBlank() ? Double.POSITIVE_INFINITY : Double.parseDouble(b[1].trim());
                return new ZRange(lo, hi);
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("bad z range '" + spec + "': use z>=MIN, z<=MAX or z=MIN:MAX (Å)");
    }

    /** A description for messages, e.g. "z in [7.5, ∞) Å". */
    default String describe() {
        return switch (this) {
            case All a -> "all atoms";
            case Indices ix -> "atoms " + Arrays.toString(ix.indices());
            case Elements el -> "elements " + new TreeSet<>(el.elements().stream().map(Element::symbol).toList());
            case ZRange z -> String.format(Locale.ROOT, "z in [%s, %s] Å", z.min(), z.max());
        };
    }
}
