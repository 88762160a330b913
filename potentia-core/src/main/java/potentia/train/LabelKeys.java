package potentia.train;

/**
 * Where a data set keeps its reference labels: the info key of the total energy (eV), the
 * per-atom array of forces (eV/Å, 3 columns), the info key of the stress (eV/Å³, ASE's sign, 9
 * numbers row-major or 6 Voigt numbers xx yy zz yz xz xy) and the info key that names each
 * frame's group in reports (ASE's {@code config_type}).
 */
public record LabelKeys(String energy, String forces, String stress, String group) {

    /** ASE's names: energy, forces, stress, config_type. */
    public static final LabelKeys ASE = new LabelKeys("energy", "forces", "stress", "config_type");

    public LabelKeys {
        for (String k : new String[] {energy, forces, stress, group}) {
            if (k == null || k.isBlank()) {
                throw new IllegalArgumentException("label keys must be non-empty, got " + energy + ", " + forces + ", "
                        + stress + ", " + group);
            }
        }
    }
}
