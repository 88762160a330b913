package potentia.potential;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a {@link Potential} computed for one structure: energy (eV), forces (eV/Å, 3N), virial
 * (eV, 3×3) and stress (eV/Å³, ASE sign), per-atom energies (eV, N), and — for committees —
 * their standard deviations. Shapes and units are those of {@link Property}.
 *
 * <p>Immutable; accessors return copies. Asking for a property that was not computed throws,
 * naming it, rather than returning zeros.
 */
public final class Result {
    private final int atoms;
    private final double volume;
    private final double energy;
    private final double[] forces;
    private final double[] virial;
    private final double[] energies;
    private final double energyStd;
    private final double[] forcesStd;
    private final double[] stressStd;
    private final double[] energiesStd;
    private final EnumSet<Property> available;

    private Result(Builder b) {
        this.atoms = b.atoms;
        this.volume = b.volume;
        this.energy = b.energy;
        this.forces = b.forces;
        this.virial = b.virial;
        this.energies = b.energies;
        this.energyStd = b.energyStd;
        this.forcesStd = b.forcesStd;
        this.stressStd = b.stressStd;
        this.energiesStd = b.energiesStd;
        this.available = b.available.clone();
    }

    /**
     * Starts a result for a structure.
     *
     * @param atoms number of atoms
     * @param volume cell volume, Å³ (0 for a cluster: stress is then unavailable, virial is not)
     */
    public static Builder builder(int atoms, double volume) {
        return new Builder(atoms, volume);
    }

    /** Number of atoms of the structure this result belongs to. */
    public int atoms() {
        return atoms;
    }

    /** The properties this result holds. */
    public Set<Property> available() {
        return EnumSet.copyOf(available);
    }

    /** Whether {@code p} was computed. */
    public boolean has(Property p) {
        return available.contains(p);
    }

    /** Total energy, eV. */
    public double energy() {
        require(Property.ENERGY);
        return energy;
    }

    /** Forces, eV/Å, 3N, a fresh copy. */
    public double[] forces() {
        require(Property.FORCES);
        return forces.clone();
    }

    /** Force component {@code k} on atom {@code i}, eV/Å. */
    public double force(int i, int k) {
        require(Property.FORCES);
        return forces[3 * i + k];
    }

    /** Virial W = −σV, eV, 3×3 row-major, a fresh copy. */
    public double[] virial() {
        require(Property.STRESS);
        return virial.clone();
    }

    /**
     * Stress σ = −W/V, eV/Å³, 3×3 row-major, ASE's sign.
     *
     * @throws IllegalStateException for a structure without volume (a cluster)
     */
    public double[] stress() {
        require(Property.STRESS);
        if (!(volume > 0)) {
            throw new IllegalStateException("stress needs a cell with a volume; this structure has none (use the virial)");
        }
        double[] s = new double[9];
        for (int k = 0; k < 9; k++) {
            s[k] = -virial[k] / volume;
        }
        return s;
    }

    /** Whether a stress (not only a virial) is defined: STRESS computed and the cell has a volume. */
    public boolean hasStress() {
        return available.contains(Property.STRESS) && volume > 0;
    }

    /** Stress in Voigt order xx, yy, zz, yz, xz, xy (ASE's 6-vector), eV/Å³. */
    public double[] stressVoigt() {
        return voigt(stress());
    }

    /** Pressure −tr(σ)/3, eV/Å³. */
    public double pressure() {
        double[] s = stress();
        return -(s[0] + s[4] + s[8]) / 3.0;
    }

    /** Per-atom energies, eV, N, a fresh copy. */
    public double[] energies() {
        require(Property.ENERGIES);
        return energies.clone();
    }

    /** Committee standard deviation of the energy, eV. */
    public double energyStd() {
        require(Property.ENERGY_STD);
        return energyStd;
    }

    /** Committee standard deviation of each force component, eV/Å, 3N. */
    public double[] forcesStd() {
        require(Property.FORCES_STD);
        return forcesStd.clone();
    }

    /** Committee standard deviation of each stress component, eV/Å³, 3×3. */
    public double[] stressStd() {
        require(Property.STRESS_STD);
        return stressStd.clone();
    }

    /** Committee standard deviation of each per-atom energy, eV, N. */
    public double[] energiesStd() {
        require(Property.ENERGIES_STD);
        return energiesStd.clone();
    }

    /** The largest force norm over atoms, eV/Å. */
    public double maxForce() {
        require(Property.FORCES);
        double m = 0;
        for (int i = 0; i < atoms; i++) {
            double fx = forces[3 * i];
            double fy = forces[3 * i + 1];
            double fz = forces[3 * i + 2];
            m = Math.max(m, Math.sqrt(fx * fx + fy * fy + fz * fz));
        }
        return m;
    }

    /** ASE's Voigt order of a symmetric 3×3 (row-major): xx, yy, zz, yz, xz, xy. */
    public static double[] voigt(double[] m) {
        return new double[] {m[0], m[4], m[8], m[5], m[2], m[1]};
    }

    private void require(Property p) {
        if (!available.contains(p)) {
            throw new IllegalStateException(p.key() + " was not computed (this result has " + available + ")");
        }
    }

    @Override
    public String toString() {
        return "Result[" + atoms + " atoms, " + available + (has(Property.ENERGY) ? ", E=" + energy : "") + "]";
    }

    /** Collects computed properties; each setter copies its array and checks its shape. */
    public static final class Builder {
        private final int atoms;
        private final double volume;
        private double energy = Double.NaN;
        private double[] forces;
        private double[] virial;
        private double[] energies;
        private double energyStd = Double.NaN;
        private double[] forcesStd;
        private double[] stressStd;
        private double[] energiesStd;
        private final EnumSet<Property> available = EnumSet.noneOf(Property.class);

        private Builder(int atoms, double volume) {
            if (atoms < 0 || !(volume >= 0)) {
                throw new IllegalArgumentException("bad result shape: " + atoms + " atoms, volume " + volume);
            }
            this.atoms = atoms;
            this.volume = volume;
        }

        /** Total energy, eV. */
        public Builder energy(double e) {
            this.energy = e;
            available.add(Property.ENERGY);
            return this;
        }

        /** Forces, eV/Å, 3N (copied). */
        public Builder forces(double[] f) {
            this.forces = checked(f, 3 * atoms, Property.FORCES);
            available.add(Property.FORCES);
            return this;
        }

        /** Virial W = −σV, eV, 3×3 row-major (copied); makes STRESS available. */
        public Builder virial(double[] w) {
            this.virial = checked(w, 9, Property.STRESS);
            available.add(Property.STRESS);
            return this;
        }

        /** Stress σ, eV/Å³, 3×3 row-major, ASE sign (copied); needs a volume. */
        public Builder stress(double[] s) {
            double[] c = checked(s, 9, Property.STRESS);
            if (!(volume > 0)) {
                throw new IllegalStateException("stress given for a structure without volume");
            }
            for (int k = 0; k < 9; k++) {
                c[k] = -c[k] * volume;
            }
            this.virial = c;
            available.add(Property.STRESS);
            return this;
        }

        /** Per-atom energies, eV, N (copied). */
        public Builder energies(double[] e) {
            this.energies = checked(e, atoms, Property.ENERGIES);
            available.add(Property.ENERGIES);
            return this;
        }

        /** Committee standard deviation of the energy, eV. */
        public Builder energyStd(double s) {
            this.energyStd = s;
            available.add(Property.ENERGY_STD);
            return this;
        }

        /** Committee standard deviation of each force component, eV/Å, 3N (copied). */
        public Builder forcesStd(double[] s) {
            this.forcesStd = checked(s, 3 * atoms, Property.FORCES_STD);
            available.add(Property.FORCES_STD);
            return this;
        }

        /** Committee standard deviation of each stress component, eV/Å³, 3×3 (copied). */
        public Builder stressStd(double[] s) {
            this.stressStd = checked(s, 9, Property.STRESS_STD);
            available.add(Property.STRESS_STD);
            return this;
        }

        /** Committee standard deviation of each per-atom energy, eV, N (copied). */
        public Builder energiesStd(double[] s) {
            this.energiesStd = checked(s, atoms, Property.ENERGIES_STD);
            available.add(Property.ENERGIES_STD);
            return this;
        }

        public Result build() {
            return new Result(this);
        }

        private static double[] checked(double[] a, int length, Property p) {
            if (a.length != length) {
                throw new IllegalArgumentException(p.key() + " needs " + length + " numbers, got " + a.length);
            }
            return Arrays.copyOf(a, length);
        }
    }
}
