package potentia.md;

import java.util.Arrays;
import java.util.Map;
import potentia.structure.AtomArray;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * What does not change during a run: the species of each atom, its mass and which Cartesian
 * components are held fixed.
 *
 * <p>Immutable: arrays are copied in and out.
 *
 * @param atomicNumbers one per atom
 * @param masses amu, one per atom, each finite and &gt; 0
 * @param frozen 3N flags, atom-major (x, y, z of atom 0, then atom 1 …): true for a component that
 *     never moves (its velocity stays zero and its force is ignored)
 */
public record MdSystem(int[] atomicNumbers, double[] masses, boolean[] frozen) {

    public MdSystem {
        int n = atomicNumbers.length;
        if (masses.length != n || frozen.length != 3 * n) {
            throw new IllegalArgumentException("MD system of " + n + " atoms needs " + n + " masses and " + 3 * n
                    + " frozen flags, got " + masses.length + " and " + frozen.length);
        }
        for (int i = 0; i < n; i++) {
            Element.ofNumber(atomicNumbers[i]);
            if (!(masses[i] > 0) || !Double.isFinite(masses[i])) {
                throw new IllegalArgumentException("mass of atom " + i + " (" + Element.ofNumber(atomicNumbers[i])
                        + ") must be a positive number of amu, got " + masses[i]);
            }
        }
        atomicNumbers = atomicNumbers.clone();
        masses = masses.clone();
        frozen = frozen.clone();
    }

    /**
     * The system of a structure: masses from a per-atom {@code masses} array (1 column, amu, as
     * ASE writes it) when present, else from the element table; fixed components from a per-atom
     * {@code move_mask} array when present (ASE's extended XYZ convention: 1 column, false = the
     * atom is fixed (FixAtoms); 3 columns, false = that component is fixed (FixCartesian)).
     *
     * @throws IllegalArgumentException for a {@code masses} or {@code move_mask} array of the wrong type or shape
     */
    public static MdSystem of(Structure s) {
        int n = s.size();
        double[] m = s.masses();
        var massArray = s.array("masses");
        if (massArray.isPresent()) {
            if (!(massArray.get() instanceof AtomArray.Reals r) || r.columns() != 1) {
                throw new IllegalArgumentException("per-atom array 'masses' must be one real column (amu), got "
                        + massArray.get());
            }
            m = r.values();
        }
        boolean[] frozen = new boolean[3 * n];
        var mask = s.array("move_mask");
        if (mask.isPresent()) {
            if (!(mask.get() instanceof AtomArray.Bools b) || (b.columns() != 1 && b.columns() != 3)) {
                throw new IllegalArgumentException("per-atom array 'move_mask' must be logical with 1 or 3 columns, got "
                        + mask.get());
            }
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 3; k++) {
                    frozen[3 * i + k] = !b.get(i, b.columns() == 1 ? 0 : k);
                }
            }
        }
        return new MdSystem(s.atomicNumbers(), m, frozen);
    }

    /** Number of atoms. */
    public int size() {
        return atomicNumbers.length;
    }

    @Override
    public int[] atomicNumbers() {
        return atomicNumbers.clone();
    }

    @Override
    public double[] masses() {
        return masses.clone();
    }

    @Override
    public boolean[] frozen() {
        return frozen.clone();
    }

    /** Mass of atom {@code i}, amu. */
    public double mass(int i) {
        return masses[i];
    }

    /** Whether component {@code k} of atom {@code i} is fixed. */
    public boolean isFrozen(int i, int k) {
        return frozen[3 * i + k];
    }

    /** Whether any component of any atom is fixed. */
    public boolean anyFrozen() {
        for (boolean f : frozen) {
            if (f) {
                return true;
            }
        }
        return false;
    }

    /** Number of components free to move. */
    public int freeComponents() {
        int c = 0;
        for (boolean f : frozen) {
            if (!f) {
                c++;
            }
        }
        return c;
    }

    /**
     * This system with the mass of every atom of each given element replaced.
     *
     * @param massByElement amu per element
     */
    public MdSystem withMasses(Map<Element, Double> massByElement) {
        double[] m = masses.clone();
        for (int i = 0; i < m.length; i++) {
            Double override = massByElement.get(Element.ofNumber(atomicNumbers[i]));
            if (override != null) {
                m[i] = override;
            }
        }
        return new MdSystem(atomicNumbers, m, frozen);
    }

    /**
     * This system with the listed atoms fixed entirely (in addition to those already fixed).
     *
     * @param indices atom indices, 0-based (not modified)
     */
    public MdSystem withFixedAtoms(int[] indices) {
        boolean[] f = frozen.clone();
        for (int i : indices) {
            if (i < 0 || i >= size()) {
                throw new IllegalArgumentException("cannot fix atom " + i + ": the structure has atoms 0–" + (size() - 1));
            }
            f[3 * i] = f[3 * i + 1] = f[3 * i + 2] = true;
        }
        return new MdSystem(atomicNumbers, masses, f);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MdSystem s && Arrays.equals(atomicNumbers, s.atomicNumbers)
                && Arrays.equals(masses, s.masses) && Arrays.equals(frozen, s.frozen);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(atomicNumbers) * 31 + Arrays.hashCode(masses);
    }

    @Override
    public String toString() {
        return "MdSystem[" + size() + " atoms, " + (3 * size() - freeComponents()) + " fixed components]";
    }
}
