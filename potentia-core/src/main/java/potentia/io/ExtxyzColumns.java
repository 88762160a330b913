package potentia.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The per-atom columns declared by {@code Properties=name:type:ncols:…}: type S string, R real,
 * I integer, L logical; {@code ncols} text columns each.
 *
 * @param columns the properties in order
 * @param width the total number of text columns of an atom line
 */
record ExtxyzColumns(List<Column> columns, int width) {
    /** The default when a frame has no {@code Properties}. */
    static final String DEFAULT = "species:S:1:pos:R:3";

    /**
     * One property.
     *
     * @param name its name, e.g. {@code forces}
     * @param type S, R, I or L
     * @param count text columns it spans
     * @param offset index of its first text column
     */
    record Column(String name, char type, int count, int offset) {
    }

    /**
     * Parses a {@code Properties} value.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static ExtxyzColumns parse(String spec) {
        String[] f = spec.split(":", -1);
        if (f.length % 3 != 0) {
            throw new IllegalArgumentException("'" + spec + "' is not a list of name:type:columns triples");
        }
        List<Column> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int offset = 0;
        for (int k = 0; k < f.length; k += 3) {
            String name = f[k];
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty property name in '" + spec + "'");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("property '" + name + "' appears twice");
            }
            if (f[k + 1].length() != 1 || "RISL".indexOf(f[k + 1].charAt(0)) < 0) {
                throw new IllegalArgumentException("property '" + name + "' has type '" + f[k + 1]
                        + "' (expected R, I, S or L)");
            }
            int count;
            try {
                count = Math.toIntExact(PyNumbers.parseInt(f[k + 2]));
            } catch (NumberFormatException | ArithmeticException e) {
                count = -1;
            }
            if (count < 1) {
                throw new IllegalArgumentException("property '" + name + "' has column count '" + f[k + 2]
                        + "' (expected a positive integer)");
            }
            out.add(new Column(name, f[k + 1].charAt(0), count, offset));
            offset += count;
        }
        return new ExtxyzColumns(List.copyOf(out), offset);
    }

    /** The property named {@code name}, or null. */
    Column find(String name) {
        for (Column c : columns) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        return null;
    }
}
