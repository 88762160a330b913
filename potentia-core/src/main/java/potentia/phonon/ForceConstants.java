package potentia.phonon;

/**
 * Harmonic force constants of a supercell: Φ_{aα,bβ} = ∂²E/∂x_{aα}∂x_{bβ} (eV/Å²), a 3N×3N
 * matrix stored row-major with index (3a + α)·3N + 3b + β.
 *
 * <p>Two exact properties of the true Φ are enforced by {@link #projected()}: index symmetry
 * Φ_{aα,bβ} = Φ_{bβ,aα}, and the acoustic sum rule Σ_b Φ_{aα,bβ} = 0 (a rigid translation
 * costs no energy). Both define linear subspaces; their intersection is {Φ = Φᵀ, Φ = PΦP}
 * with P = 1 − T·Tᵀ the projector off the three rigid translations T, so Φ ← P·½(Φ + Φᵀ)·P is
 * the orthogonal (Frobenius) projection onto it. The crystal's space group, when known, is
 * imposed by {@link SupercellSymmetry#symmetrise}; the two projections commute.
 *
 * <p>Immutable; {@link #matrix()} returns a copy.
 */
public final class ForceConstants {
    private final Supercell supercell;
    private final double[] phi;

    /**
     * Force constants of {@code supercell}.
     *
     * @param phi 3N×3N row-major, eV/Å² (copied)
     */
    public ForceConstants(Supercell supercell, double[] phi) {
        int dim = 3 * supercell.size();
        if (phi.length != dim * dim) {
            throw new IllegalArgumentException("force constants of " + supercell.size() + " atoms need " + dim * dim
                    + " numbers, got " + phi.length);
        }
        for (double v : phi) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("force constants contain a non-finite number");
            }
        }
        this.supercell = supercell;
        this.phi = phi.clone();
    }

    /** The supercell these force constants belong to. */
    public Supercell supercell() {
        return supercell;
    }

    /** Number of atoms N of the supercell. */
    public int atoms() {
        return supercell.size();
    }

    /** Φ_{aα,bβ}, eV/Å². */
    public double get(int a, int alpha, int b, int beta) {
        int dim = 3 * supercell.size();
        return phi[(3 * a + alpha) * dim + 3 * b + beta];
    }

    /** The whole matrix, 3N×3N row-major, eV/Å², a fresh copy. */
    public double[] matrix() {
        return phi.clone();
    }

    /** The largest |Σ_b Φ_{aα,bβ}| over a, α, β: how far the acoustic sum rule is violated, eV/Å². */
    public double sumRuleViolation() {
        int n = supercell.size();
        int dim = 3 * n;
        double worst = 0;
        for (int r = 0; r < dim; r++) {
            for (int beta = 0; beta < 3; beta++) {
                double s = 0;
                for (int b = 0; b < n; b++) {
                    s += phi[r * dim + 3 * b + beta];
                }
                worst = Math.max(worst, Math.abs(s));
            }
        }
        return worst;
    }

    /** The largest |Φ_{aα,bβ} − Φ_{bβ,aα}|, eV/Å². */
    public double asymmetry() {
        int dim = 3 * supercell.size();
        double worst = 0;
        for (int r = 0; r < dim; r++) {
            for (int c = r + 1; c < dim; c++) {
                worst = Math.max(worst, Math.abs(phi[r * dim + c] - phi[c * dim + r]));
            }
        }
        return worst;
    }

    /** These force constants made index-symmetric and translation-invariant (see the class doc). */
    public ForceConstants projected() {
        return new ForceConstants(supercell, project(phi, supercell.size()));
    }

    /** These force constants averaged over a symmetry group (after {@link #projected()}). */
    public ForceConstants symmetrised(SupercellSymmetry symmetry) {
        if (symmetry.supercell() != supercell) {
            throw new IllegalArgumentException("the symmetry belongs to another supercell");
        }
        return new ForceConstants(supercell, symmetry.symmetrise(project(phi, supercell.size())));
    }

    /**
     * Φ ← P·½(Φ + Φᵀ)·P with P the projector off rigid translations of N atoms.
     *
     * @param phi 3N×3N row-major (not modified)
     * @return a new array
     */
    public static double[] project(double[] phi, int n) {
        int dim = 3 * n;
        double[] s = new double[dim * dim];
        for (int r = 0; r < dim; r++) {
            for (int c = 0; c < dim; c++) {
                s[r * dim + c] = 0.5 * (phi[r * dim + c] + phi[c * dim + r]);
            }
        }
        // right: subtract the mean over b of each row's β-columns
        for (int r = 0; r < dim; r++) {
            double[] mean = new double[3];
            for (int b = 0; b < n; b++) {
                for (int beta = 0; beta < 3; beta++) {
                    mean[beta] += s[r * dim + 3 * b + beta];
                }
            }
            for (int b = 0; b < n; b++) {
                for (int beta = 0; beta < 3; beta++) {
                    s[r * dim + 3 * b + beta] -= mean[beta] / n;
                }
            }
        }
        // left: the same over a for each column
        double[] mean = new double[3 * dim];
        for (int a = 0; a < n; a++) {
            for (int alpha = 0; alpha < 3; alpha++) {
                int row = (3 * a + alpha) * dim;
                for (int c = 0; c < dim; c++) {
                    mean[alpha * dim + c] += s[row + c];
                }
            }
        }
        for (int a = 0; a < n; a++) {
            for (int alpha = 0; alpha < 3; alpha++) {
                int row = (3 * a + alpha) * dim;
                for (int c = 0; c < dim; c++) {
                    s[row + c] -= mean[alpha * dim + c] / n;
                }
            }
        }
        return s;
    }
}
