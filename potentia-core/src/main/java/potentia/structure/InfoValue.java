package potentia.structure;

import java.util.Arrays;

/**
 * A value of a structure's free-form info (the key=value pairs of an extended XYZ comment line),
 * typed as ASE types them so that reading and writing a file changes nothing.
 * Array variants copy on the way in and out, so a value never changes once made.
 */
public sealed interface InfoValue {

    /** A string (ASE: a value that parses as nothing else). */
    record Text(String value) implements InfoValue {
        public Text {
            if (value == null) {
                throw new IllegalArgumentException("text value must not be null");
            }
        }
    }

    /** An integer. */
    record Int(long value) implements InfoValue {
    }

    /** A real number. */
    record Real(double value) implements InfoValue {
    }

    /** A logical (T/F); a key without {@code =} is {@code Bool(true)}. */
    record Bool(boolean value) implements InfoValue {
    }

    /** A vector of reals, e.g. {@code stress} (9 numbers). */
    record Reals(double[] values) implements InfoValue {
        public Reals {
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        public int length() {
            return values.length;
        }

        public double get(int i) {
            return values[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Reals r && Arrays.equals(values, r.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Reals" + Arrays.toString(values);
        }
    }

    /** A vector of integers. */
    record Ints(long[] values) implements InfoValue {
        public Ints {
            values = values.clone();
        }

        @Override
        public long[] values() {
            return values.clone();
        }

        public int length() {
            return values.length;
        }

        public long get(int i) {
            return values[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ints r && Arrays.equals(values, r.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Ints" + Arrays.toString(values);
        }
    }

    /** A vector of logicals. */
    record Bools(boolean[] values) implements InfoValue {
        public Bools {
            values = values.clone();
        }

        @Override
        public boolean[] values() {
            return values.clone();
        }

        public int length() {
            return values.length;
        }

        public boolean get(int i) {
            return values[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bools r && Arrays.equals(values, r.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Bools" + Arrays.toString(values);
        }
    }

    /** A value ASE stored as {@code _JSON <text>} (nested lists, dicts): kept verbatim. */
    record Json(String json) implements InfoValue {
    }

    /** The value as a double, for Real and Int values. */
    default double asDouble() {
        return switch (this) {
            case Real r -> r.value();
            case Int i -> i.value();
            default -> throw new IllegalStateException("not a number: " + this);
        };
    }

    /** The value as a double vector, for Reals and Ints (and a single number as length 1). */
    default double[] asDoubles() {
        return switch (this) {
            case Reals r -> r.values();
            case Ints i -> Arrays.stream(i.values()).asDoubleStream().toArray();
            case Real r -> new double[] {r.value()};
            case Int i -> new double[] {i.value()};
            default -> throw new IllegalStateException("not numbers: " + this);
        };
    }
}
