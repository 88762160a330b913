package potentia.potential;

/**
 * What a caller can ask a {@link Potential} for. Shapes and units are declared here once
 * (ASE's {@code ase/outputs.py} idea); {@link Result} stores them in exactly these forms.
 */
public enum Property {
    /** Total potential energy, eV (scalar). */
    ENERGY("energy"),
    /** Forces −∂E/∂R, eV/Å, 3N (atom-major). */
    FORCES("forces"),
    /**
     * Stress (1/V)·∂E/∂ε, eV/Å³, 3×3 row-major, ASE's sign (positive is tensile); held as the
     * virial W = −σV (eV), so it exists for non-periodic systems too, where only the stress needs
     * a volume.
     */
    STRESS("stress"),
    /** Per-atom energies, eV, N; they sum to {@link #ENERGY}. */
    ENERGIES("energies"),
    /** Committee standard deviation of the energy, eV (scalar). */
    ENERGY_STD("energy_std"),
    /** Committee standard deviation of each force component, eV/Å, 3N. */
    FORCES_STD("forces_std"),
    /** Committee standard deviation of each stress component, eV/Å³, 3×3. */
    STRESS_STD("stress_std"),
    /** Committee standard deviation of each per-atom energy, eV, N. */
    ENERGIES_STD("energies_std");

    private final String key;

    Property(String key) {
        this.key = key;
    }

    /** The extended XYZ / ASE key this property is written under. */
    public String key() {
        return key;
    }
}
