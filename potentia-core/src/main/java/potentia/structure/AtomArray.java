package potentia.structure;

import java.util.Arrays;

/**
 * A per-atom array (a column group of the extended XYZ {@code Properties}): {@code columns}
 * values per atom, atom-major. Types follow extended XYZ: R real, I integer, L logical, S string.
 * Immutable: data are copied in and out.
 */
public sealed interface AtomArray {

    /** Number of atoms. */
    int atoms();

    /** Values per atom (1 for a scalar per atom, 3 for a vector). */
    int columns();

    /** The extended XYZ type letter: R, I, L or S. */
    char typeCode();

    /** Real values, e.g. {@code forces} (3 columns, eV/Å) or {@code energies} (1 column, eV). */
    record Reals(double[] values, int columns) implements AtomArray {
        public Reals {
            checkShape(values.length, columns);
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        public double get(int atom, int column) {
            return values[atom * columns + column];
        }

        @Override
        public int atoms() {
            return values.length / columns;
        }

        @Override
        public char typeCode() {
            return 'R';
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Reals r && r.columns == columns && Arrays.equals(values, r.values);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(values) + columns;
        }

        @Override
        public String toString() {
            return "Reals[" + atoms() + "x" + columns + "]";
        }
    }

    /** Integer values, e.g. {@code tags}. */
    record Ints(long[] values, int columns) implements AtomArray {
        public Ints {
            checkShape(values.length, columns);
            values = values.clone();
        }

        @Override
        public long[] values() {
            return values.clone();
        }

        public long get(int atom, int column) {
            return values[atom * columns + column];
        }

        @Override
        public int atoms() {
            return values.length / columns;
        }

        @Override
        public char typeCode() {
            return 'I';
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ints r && r.columns == columns && Arrays.equals(values, r.values);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(values) + columns;
        }

        @Override
        public String toString() {
            return "Ints[" + atoms() + "x" + columns + "]";
        }
    }

    /** Logical values, e.g. {@code move_mask}. */
    record Bools(boolean[] values, int columns) implements AtomArray {
        public Bools {
            checkShape(values.length, columns);
            values = values.clone();
        }

        @Override
        public boolean[] values() {
            return values.clone();
        }

        public boolean get(int atom, int column) {
            return values[atom * columns + column];
        }

        @Override
        public int atoms() {
            return values.length / columns;
        }

        @Override
        public char typeCode() {
            return 'L';
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bools r && r.columns == columns && Arrays.equals(values, r.values);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(values) + columns;
        }

        @Override
        public String toString() {
            return "Bools[" + atoms() + "x" + columns + "]";
        }
    }

    /** String values, e.g. residue names. */
    record Texts(String[] values, int columns) implements AtomArray {
        public Texts {
            checkShape(values.length, columns);
            values = values.clone();
        }

        @Override
        public String[] values() {
            return values.clone();
        }

        public String get(int atom, int column) {
            return values[atom * columns + column];
        }

        @Override
        public int atoms() {
            return values.length / columns;
        }

        @Override
        public char typeCode() {
            return 'S';
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Texts r && r.columns == columns && Arrays.equals(values, r.values);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(values) + columns;
        }

        @Override
        public String toString() {
            return "Texts[" + atoms() + "x" + columns + "]";
        }
    }

    private static void checkShape(int length, int columns) {
        if (columns < 1 || length % columns != 0) {
            throw new IllegalArgumentException(length + " values do not make whole rows of " + columns + " columns");
        }
    }
}
