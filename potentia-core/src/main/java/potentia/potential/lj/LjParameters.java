package potentia.potential.lj;

/**
 * Lennard-Jones parameters of one species or species pair.
 *
 * @param epsilon well depth ε, eV (≥ 0)
 * @param sigma zero-crossing distance σ, Å (&gt; 0)
 * @param cutoff interaction cutoff r_c, Å (&gt; 0)
 */
public record LjParameters(double epsilon, double sigma, double cutoff) {
    public LjParameters {
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("Lennard-Jones epsilon must be finite and ≥ 0 eV, got " + epsilon);
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("Lennard-Jones sigma must be finite and > 0 Å, got " + sigma);
        }
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("Lennard-Jones cutoff must be finite and > 0 Å, got " + cutoff);
        }
    }

    /**
     * Lorentz–Berthelot mixing: ε = √(ε_a ε_b), σ = (σ_a + σ_b)/2, and the cutoff mixed like σ
     * (arithmetic mean, as LAMMPS mixes cutoffs under {@code pair_modify mix arithmetic}).
     */
    public static LjParameters lorentzBerthelot(LjParameters a, LjParameters b) {
        return new LjParameters(Math.sqrt(a.epsilon * b.epsilon), 0.5 * (a.sigma + b.sigma),
                0.5 * (a.cutoff + b.cutoff));
    }

    /** The bare pair energy u(r) = 4ε[(σ/r)¹² − (σ/r)⁶], eV, at distance r (Å). */
    public double energy(double r) {
        double s6 = Math.pow(sigma / r, 6);
        return 4 * epsilon * (s6 * s6 - s6);
    }
}
