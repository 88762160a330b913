package potentia.md;

/**
 * How the pressure is controlled: not at all (constant cell), or by stochastic cell rescaling.
 */
public sealed interface Barostat {

    /** Constant cell. */
    record None() implements Barostat {
    }

    /**
     * Stochastic cell rescaling (Bernetti, Bussi, J. Chem. Phys. 153 (2020) 114107): a first-order
     * barostat whose noise makes the volume fluctuations those of the isothermal–isobaric
     * ensemble. The volume V = λ² follows
     * dλ = −(β_T λ/(2τ_p)) (P₀ − P_int − k_BT/(2V)) dt + √(k_BT β_T/(2τ_p)) dW,
     * with P_int the instantaneous pressure including the kinetic term; positions, velocities and
     * cell are rescaled with it (the "Trotter" scheme of the paper's supplement). The anisotropic
     * variant (Del Tatto, Raiteri, Bernetti, Bussi, Appl. Sci. 12 (2022) 1139) also lets the
     * shape change: a symmetric traceless strain driven by the deviatoric pressure, with noise
     * of the same strength per component.
     *
     * <p>β_T sets only the relaxation speed, not the distribution: the volume relaxes in about
     * τ_p·(true compressibility)/β_T. A value near the material's compressibility gives τ_p.
     *
     * @param pressure target pressure P₀, eV/Å³ (may be negative: tension)
     * @param tau τ_p, fs, &gt; 0
     * @param compressibility β_T, Å³/eV, &gt; 0 (1/GPa = {@code 1/potentia.units.Units.GPA} Å³/eV)
     * @param anisotropic whether the cell shape may change too (else only its size)
     */
    record CellRescaling(double pressure, double tau, double compressibility, boolean anisotropic)
            implements Barostat {
        public CellRescaling {
            if (!Double.isFinite(pressure)) {
                throw new IllegalArgumentException("target pressure must be finite, got " + pressure);
            }
            if (!(tau > 0) || !Double.isFinite(tau)) {
                throw new IllegalArgumentException("barostat relaxation time τ_p (fs) must be positive, got " + tau);
            }
            if (!(compressibility > 0) || !Double.isFinite(compressibility)) {
                throw new IllegalArgumentException("barostat compressibility must be positive, got " + compressibility);
            }
        }
    }
}
