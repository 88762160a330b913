package potentia.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An atomic structure: species, Cartesian positions (Å), a {@link Cell} with periodicity, and the
 * free-form data a file carried with it — {@code info} (per structure, ordered as read) and
 * per-atom {@code arrays} (such as {@code forces} or {@code energies}, ordered as read).
 *
 * <p>Immutable: {@code with…} methods return modified copies, and no accessor exposes internal
 * arrays. Positions are not wrapped into the cell; {@link #wrapped()} does that on request.
 * Labels (energies, forces, stress) stay in info and arrays under the names the file used, so
 * that a read–write round trip changes nothing and training can be told which keys to use.
 */
public final class Structure {
    /** Per-atom array names reserved for species and positions (extended XYZ {@code species}, {@code pos}). */
    public static final List<String> RESERVED_ARRAYS = List.of("species", "pos", "Z");

    private final int[] numbers;
    private final double[] positions;
    private final Cell cell;
    private final Map<String, InfoValue> info;
    private final Map<String, AtomArray> arrays;

    private Structure(int[] numbers, double[] positions, Cell cell,
            Map<String, InfoValue> info, Map<String, AtomArray> arrays) {
        this.numbers = numbers;
        this.positions = positions;
        this.cell = cell;
        this.info = info;
        this.arrays = arrays;
    }

    /**
     * A structure without info or per-atom arrays.
     *
     * @param species one element per atom (not modified)
     * @param positions 3N Cartesian positions, Å (not modified)
     * @param cell the cell, {@link Cell#NONE} for a cluster
     */
    public static Structure of(List<Element> species, double[] positions, Cell cell) {
        int[] z = new int[species.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = species.get(i).number();
        }
        return create(z, positions.clone(), cell, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    /**
     * A structure without info or per-atom arrays.
     *
     * @param atomicNumbers one atomic number per atom (not modified)
     * @param positions 3N Cartesian positions, Å (not modified)
     * @param cell the cell, {@link Cell#NONE} for a cluster
     */
    public static Structure of(int[] atomicNumbers, double[] positions, Cell cell) {
        return create(atomicNumbers.clone(), positions.clone(), cell, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    /** A builder that also takes info and per-atom arrays. */
    public static Builder builder() {
        return new Builder();
    }

    /** Takes ownership of its (already copied) arguments after validating them. */
    private static Structure create(int[] numbers, double[] positions, Cell cell,
            LinkedHashMap<String, InfoValue> info, LinkedHashMap<String, AtomArray> arrays) {
        int n = numbers.length;
        if (positions.length != 3 * n) {
            throw new IllegalArgumentException("positions have " + positions.length + " numbers for " + n
                    + " atoms (need " + 3 * n + ")");
        }
        for (int i = 0; i < n; i++) {
            Element.ofNumber(numbers[i]);
        }
        for (int a = 0; a < positions.length; a++) {
            if (!Double.isFinite(positions[a])) {
                throw new IllegalArgumentException("position of atom " + a / 3 + " is not finite: "
                        + positions[a]);
            }
        }
        if (cell == null) {
            throw new IllegalArgumentException("cell must not be null (use Cell.NONE)");
        }
        for (Map.Entry<String, AtomArray> e : arrays.entrySet()) {
            if (RESERVED_ARRAYS.contains(e.getKey())) {
                throw new IllegalArgumentException("per-atom array name '" + e.getKey()
                        + "' is reserved for species and positions");
            }
            if (e.getValue().atoms() != n) {
                throw new IllegalArgumentException("per-atom array '" + e.getKey() + "' has "
                        + e.getValue().atoms() + " rows for " + n + " atoms");
            }
        }
        for (Map.Entry<String, InfoValue> e : info.entrySet()) {
            if (e.getKey().isEmpty() || e.getValue() == null) {
                throw new IllegalArgumentException("info keys must be non-empty and values non-null");
            }
        }
        return new Structure(numbers, positions, cell,
                Collections.unmodifiableMap(info), Collections.unmodifiableMap(arrays));
    }

    /** Number of atoms. */
    public int size() {
        return numbers.length;
    }

    /** Element of atom {@code i}. */
    public Element element(int i) {
        return Element.ofNumber(numbers[i]);
    }

    /** Atomic number of atom {@code i}. */
    public int atomicNumber(int i) {
        return numbers[i];
    }

    /** Atomic numbers of all atoms, a fresh copy. */
    public int[] atomicNumbers() {
        return numbers.clone();
    }

    /** Elements of all atoms, in atom order. */
    public List<Element> species() {
        List<Element> list = new ArrayList<>(numbers.length);
        for (int z : numbers) {
            list.add(Element.ofNumber(z));
        }
        return Collections.unmodifiableList(list);
    }

    /** The distinct elements present, by increasing atomic number. */
    public List<Element> elements() {
        TreeSet<Integer> zs = new TreeSet<>();
        for (int z : numbers) {
            zs.add(z);
        }
        return zs.stream().map(Element::ofNumber).toList();
    }

    /** Chemical formula in order of first appearance, e.g. "Sr2Ti2O6" (ASE's "all" style). */
    public String formula() {
        LinkedHashMap<Integer, Integer> count = new LinkedHashMap<>();
        for (int z : numbers) {
            count.merge(z, 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        count.forEach((z, c) -> sb.append(Element.ofNumber(z).symbol()).append(c == 1 ? "" : c.toString()));
        return sb.toString();
    }

    /** Component {@code k} (0 = x, 1 = y, 2 = z) of atom {@code i}'s position, Å. */
    public double position(int i, int k) {
        return positions[3 * i + k];
    }

    /** All positions, 3N, Å, a fresh copy. */
    public double[] positions() {
        return positions.clone();
    }

    /**
     * Copies the positions into {@code dst} (no allocation, for engines that reuse buffers).
     *
     * @param dst length ≥ 3N, modified
     */
    public void copyPositions(double[] dst) {
        System.arraycopy(positions, 0, dst, 0, positions.length);
    }

    /** Masses of all atoms (amu), from the element table. */
    public double[] masses() {
        double[] m = new double[numbers.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Element.ofNumber(numbers[i]).mass();
        }
        return m;
    }

    /** The cell, with periodicity. */
    public Cell cell() {
        return cell;
    }

    /** The info entries, in file order, unmodifiable. */
    public Map<String, InfoValue> info() {
        return info;
    }

    /** One info entry. */
    public Optional<InfoValue> info(String key) {
        return Optional.ofNullable(info.get(key));
    }

    /** The per-atom arrays other than species and positions, in file order, unmodifiable. */
    public Map<String, AtomArray> arrays() {
        return arrays;
    }

    /** One per-atom array. */
    public Optional<AtomArray> array(String key) {
        return Optional.ofNullable(arrays.get(key));
    }

    /** A copy with other positions (3N, Å, not modified); info and arrays kept. */
    public Structure withPositions(double[] newPositions) {
        return create(numbers, newPositions.clone(), cell, new LinkedHashMap<>(info), new LinkedHashMap<>(arrays));
    }

    /**
     * A copy with another cell.
     *
     * @param scaleAtoms when true, atoms keep their fractional coordinates (the old cell must be invertible);
     *     when false, their Cartesian positions
     */
    public Structure withCell(Cell newCell, boolean scaleAtoms) {
        double[] p = scaleAtoms ? newCell.toCartesian(cell.toFractional(positions)) : positions.clone();
        return create(numbers, p, newCell, new LinkedHashMap<>(info), new LinkedHashMap<>(arrays));
    }

    /** A copy with an info entry added or replaced (kept in place if it existed, else appended). */
    public Structure withInfo(String key, InfoValue value) {
        LinkedHashMap<String, InfoValue> m = new LinkedHashMap<>(info);
        m.put(key, value);
        return create(numbers, positions, cell, m, new LinkedHashMap<>(arrays));
    }

    /** A copy without the info entry {@code key} (unchanged if absent). */
    public Structure withoutInfo(String key) {
        LinkedHashMap<String, InfoValue> m = new LinkedHashMap<>(info);
        m.remove(key);
        return create(numbers, positions, cell, m, new LinkedHashMap<>(arrays));
    }

    /** A copy with a per-atom array added or replaced. */
    public Structure withArray(String key, AtomArray value) {
        LinkedHashMap<String, AtomArray> m = new LinkedHashMap<>(arrays);
        m.put(key, value);
        return create(numbers, positions, cell, new LinkedHashMap<>(info), m);
    }

    /** A copy without the per-atom array {@code key} (unchanged if absent). */
    public Structure withoutArray(String key) {
        LinkedHashMap<String, AtomArray> m = new LinkedHashMap<>(arrays);
        m.remove(key);
        return create(numbers, positions, cell, new LinkedHashMap<>(info), m);
    }

    /**
     * A copy with every coordinate displaced by an independent normal deviate of width
     * {@code sigma} Å (ASE's {@code rattle}); info and arrays kept.
     *
     * @param rng the source of randomness (advanced)
     */
    public Structure rattled(double sigma, java.util.random.RandomGenerator rng) {
        double[] x = positions.clone();
        for (int k = 0; k < x.length; k++) {
            x[k] += sigma * rng.nextGaussian();
        }
        return withPositions(x);
    }

    /**
     * A copy with every atom mapped into the cell along the periodic axes (fractional
     * coordinates in [0, 1)); non-periodic axes untouched. Info and arrays kept.
     */
    public Structure wrapped() {
        if (!cell.anyPeriodic()) {
            return this;
        }
        double[] s = cell.toFractional(positions);
        for (int a = 0; a < s.length; a++) {
            if (cell.periodic(a % 3)) {
                double f = s[a] - Math.floor(s[a]);
                s[a] = f >= 1.0 ? 0.0 : f;
            }
        }
        return withPositions(cell.toCartesian(s));
    }

    /**
     * The supercell na × nb × nc: atoms ordered by image (a fastest... c slowest), then by original
     * index; per-atom arrays tiled; info kept as is (it no longer describes the supercell's
     * totals, so energy-like entries should be dropped by the caller when they matter).
     */
    public Structure repeat(int na, int nb, int nc) {
        if (na < 1 || nb < 1 || nc < 1) {
            throw new IllegalArgumentException("repeat counts must be ≥ 1");
        }
        int n = numbers.length;
        int copies = na * nb * nc;
        int[] z = new int[n * copies];
        double[] p = new double[3 * n * copies];
        double[] h = cell.matrix();
        int t = 0;
        for (int c = 0; c < nc; c++) {
            for (int b = 0; b < nb; b++) {
                for (int a = 0; a < na; a++) {
                    double ox = a * h[0] + b * h[3] + c * h[6];
                    double oy = a * h[1] + b * h[4] + c * h[7];
                    double oz = a * h[2] + b * h[5] + c * h[8];
                    for (int i = 0; i < n; i++, t++) {
                        z[t] = numbers[i];
                        p[3 * t] = positions[3 * i] + ox;
                        p[3 * t + 1] = positions[3 * i + 1] + oy;
                        p[3 * t + 2] = positions[3 * i + 2] + oz;
                    }
                }
            }
        }
        double[] hn = {
            h[0] * na, h[1] * na, h[2] * na,
            h[3] * nb, h[4] * nb, h[5] * nb,
            h[6] * nc, h[7] * nc, h[8] * nc};
        LinkedHashMap<String, AtomArray> tiled = new LinkedHashMap<>();
        arrays.forEach((k, v) -> tiled.put(k, tile(v, copies)));
        return create(z, p, Cell.of(hn, cell.pbc()), new LinkedHashMap<>(info), tiled);
    }

    private static AtomArray tile(AtomArray a, int copies) {
        return switch (a) {
            case AtomArray.Reals r -> {
                double[] v = r.values();
                double[] out = new double[v.length * copies];
                for (int k = 0; k < copies; k++) {
                    System.arraycopy(v, 0, out, k * v.length, v.length);
                }
                yield new AtomArray.Reals(out, r.columns());
            }
            case AtomArray.Ints r -> {
                long[] v = r.values();
                long[] out = new long[v.length * copies];
                for (int k = 0; k < copies; k++) {
                    System.arraycopy(v, 0, out, k * v.length, v.length);
                }
                yield new AtomArray.Ints(out, r.columns());
            }
            case AtomArray.Bools r -> {
                boolean[] v = r.values();
                boolean[] out = new boolean[v.length * copies];
                for (int k = 0; k < copies; k++) {
                    System.arraycopy(v, 0, out, k * v.length, v.length);
                }
                yield new AtomArray.Bools(out, r.columns());
            }
            case AtomArray.Texts r -> {
                String[] v = r.values();
                String[] out = new String[v.length * copies];
                for (int k = 0; k < copies; k++) {
                    System.arraycopy(v, 0, out, k * v.length, v.length);
                }
                yield new AtomArray.Texts(out, r.columns());
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Structure s && Arrays.equals(numbers, s.numbers) && Arrays.equals(positions, s.positions)
                && cell.equals(s.cell) && info.equals(s.info) && arrays.equals(s.arrays);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(numbers) * 31 + Arrays.hashCode(positions);
    }

    @Override
    public String toString() {
        return "Structure[" + formula() + ", " + cell + "]";
    }

    /** Collects species, positions, cell, info and arrays; {@link #build()} validates and copies. */
    public static final class Builder {
        private int[] numbers = new int[0];
        private double[] positions = new double[0];
        private Cell cell = Cell.NONE;
        private final LinkedHashMap<String, InfoValue> info = new LinkedHashMap<>();
        private final LinkedHashMap<String, AtomArray> arrays = new LinkedHashMap<>();

        private Builder() {
        }

        /** Atomic numbers, one per atom (copied). */
        public Builder atomicNumbers(int[] z) {
            this.numbers = z.clone();
            return this;
        }

        /** Elements, one per atom. */
        public Builder species(List<Element> species) {
            this.numbers = species.stream().mapToInt(Element::number).toArray();
            return this;
        }

        /** Cartesian positions, 3N, Å (copied). */
        public Builder positions(double[] p) {
            this.positions = p.clone();
            return this;
        }

        /** The cell (default {@link Cell#NONE}). */
        public Builder cell(Cell c) {
            this.cell = c;
            return this;
        }

        /** Adds or replaces an info entry (insertion order is kept). */
        public Builder info(String key, InfoValue value) {
            info.put(key, value);
            return this;
        }

        /** Adds or replaces a per-atom array (insertion order is kept). */
        public Builder array(String key, AtomArray value) {
            arrays.put(key, value);
            return this;
        }

        /** Validates and builds; the builder may be reused. */
        public Structure build() {
            return create(numbers.clone(), positions.clone(), cell, new LinkedHashMap<>(info), new LinkedHashMap<>(arrays));
        }
    }
}
