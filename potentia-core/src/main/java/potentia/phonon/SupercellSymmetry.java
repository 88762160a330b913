package potentia.phonon;

import java.util.ArrayList;
import java.util.List;

/**
 * The space group of a crystal acting on one of its supercells: every operation is a point
 * operation of the primitive crystal's {@link SpaceGroup} (those that also map the supercell
 * lattice onto itself) followed by one of the supercell's primitive translations. It projects
 * force constants, force vectors and stresses onto their symmetric parts:
 * Φ ← (1/|G|) Σ_g Q_g Φ(g⁻¹a, g⁻¹b) Q_gᵀ, f(a) ← (1/|G|) Σ_g Q_g f(g⁻¹a), σ ← (1/|P|) Σ Q σ Qᵀ.
 *
 * <p>Each projection is an average over the group, so it is idempotent and leaves exactly
 * symmetric quantities unchanged; applied to a noisy estimate it removes the noise that breaks
 * the symmetry (diamond Si: |G| = 48 × the number of primitive cells).
 *
 * <p>Immutable.
 */
public final class SupercellSymmetry {
    private final Supercell supercell;
    private final List<SymmetryOperation> operations;
    /** [k][t]: where point operation k sends supercell atom t. */
    private final int[][] image;
    /** [k][t]: the atom that point operation k sends onto t. */
    private final int[][] preimage;
    /** [L][t]: the atom at x_t + n_L (translation L of the supercell). */
    private final int[][] translate;
    /** [L][t]: the atom at x_t − n_L. */
    private final int[][] untranslate;

    private SupercellSymmetry(Supercell supercell, List<SymmetryOperation> operations) {
        this.supercell = supercell;
        this.operations = List.copyOf(operations);
        int n = supercell.size();
        image = new int[operations.size()][n];
        preimage = new int[operations.size()][n];
        for (int k = 0; k < operations.size(); k++) {
            SymmetryOperation op = operations.get(k);
            int[] r = op.rotation();
            for (int t = 0; t < n; t++) {
                int p = supercell.primitiveAtom(t);
                int[] m = supercell.latticeCoordinates(t);
                int[] l = new int[3];
                for (int i = 0; i < 3; i++) {
                    l[i] = op.latticeOffset()[3 * p + i] + r[3 * i] * m[0] + r[3 * i + 1] * m[1] + r[3 * i + 2] * m[2];
                }
                int u = supercell.atom(op.atomImage()[p], l);
                image[k][t] = u;
                preimage[k][u] = t;
            }
        }
        translate = supercell.translationPermutations();
        untranslate = new int[translate.length][n];
        for (int k = 0; k < translate.length; k++) {
            for (int t = 0; t < n; t++) {
                untranslate[k][translate[k][t]] = t;
            }
        }
    }

    /** The full space group (found with the supercell's tolerance) acting on {@code supercell}. */
    public static SupercellSymmetry of(Supercell supercell) {
        return of(supercell, SpaceGroup.find(supercell.primitive(), supercell.tolerance()));
    }

    /** Only the supercell's lattice translations (no point operations). */
    public static SupercellSymmetry translationsOnly(Supercell supercell) {
        return of(supercell, SpaceGroup.trivial(supercell.primitive()));
    }

    /** The operations of {@code group} that map the supercell lattice onto itself, acting on {@code supercell}. */
    public static SupercellSymmetry of(Supercell supercell, SpaceGroup group) {
        long[] m = supercell.supercellInPrimitive();
        double[] md = new double[9];
        for (int k = 0; k < 9; k++) {
            md[k] = m[k];
        }
        double[] mInv = Lattice3.inverse(md);
        List<SymmetryOperation> kept = new ArrayList<>();
        for (SymmetryOperation op : group.operations()) {
            if (keepsLattice(op.rotation(), md, mInv)) {
                kept.add(op);
            }
        }
        return new SupercellSymmetry(supercell, kept);
    }

    /** Whether R maps every supercell vector (rows of m, primitive coordinates) into the supercell lattice. */
    private static boolean keepsLattice(int[] r, double[] m, double[] mInv) {
        for (int row = 0; row < 3; row++) {
            double[] v = new double[3];
            for (int i = 0; i < 3; i++) {
                v[i] = r[3 * i] * m[3 * row] + r[3 * i + 1] * m[3 * row + 1] + r[3 * i + 2] * m[3 * row + 2];
            }
            double[] c = Lattice3.rowTimes(v, mInv);
            for (double x : c) {
                if (Math.abs(x - Math.rint(x)) > 1e-6) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The supercell acted on. */
    public Supercell supercell() {
        return supercell;
    }

    /** The point operations kept (identity first). */
    public List<SymmetryOperation> operations() {
        return operations;
    }

    /** Order of the group on the supercell: point operations × translations. */
    public int order() {
        return operations.size() * translate.length;
    }

    /** Where the operation (point operation k, then translation L) sends atom t. */
    public int image(int k, int translation, int t) {
        return translate[translation][image[k][t]];
    }

    /**
     * The symmetric part of force constants.
     *
     * @param phi 3N×3N, row-major, index (3a + α)·3N + 3b + β, eV/Å² (not modified)
     * @return a new array of the same shape
     */
    public double[] symmetrise(double[] phi) {
        int n = supercell.size();
        int dim = 3 * n;
        if (phi.length != dim * dim) {
            throw new IllegalArgumentException("force constants need " + dim * dim + " numbers, got " + phi.length);
        }
        int np = supercell.primitiveSize();
        double[][] rows = new double[np][3 * dim];
        double[] block = new double[9];
        double[] rotated = new double[9];
        for (int p = 0; p < np; p++) {
            int a = supercell.representative(p);
            double[] acc = rows[p];
            // the rotation is the same for every translation: sum the translated blocks first,
            // then rotate once per (operation, atom) — 3×3 products were the whole cost
            double[] summed = new double[3 * dim];
            for (int k = 0; k < operations.size(); k++) {
                double[] q = operations.get(k).cartesianRotation();
                int[] pre = preimage[k];
                java.util.Arrays.fill(summed, 0);
                for (int l = 0; l < translate.length; l++) {
                    int[] un = untranslate[l];
                    int a1 = pre[un[a]];
                    for (int b = 0; b < n; b++) {
                        int b1 = pre[un[b]];
                        for (int i = 0; i < 3; i++) {
                            int from = (3 * a1 + i) * dim + 3 * b1;
                            int to = i * dim + 3 * b;
                            summed[to] += phi[from];
                            summed[to + 1] += phi[from + 1];
                            summed[to + 2] += phi[from + 2];
                        }
                    }
                }
                for (int b = 0; b < n; b++) {
                    for (int i = 0; i < 3; i++) {
                        System.arraycopy(summed, i * dim + 3 * b, block, 3 * i, 3);
                    }
                    conjugate(q, block, rotated);
                    for (int i = 0; i < 3; i++) {
                        int base = i * dim + 3 * b;
                        acc[base] += rotated[3 * i];
                        acc[base + 1] += rotated[3 * i + 1];
                        acc[base + 2] += rotated[3 * i + 2];
                    }
                }
            }
            double scale = 1.0 / order();
            for (int k = 0; k < acc.length; k++) {
                acc[k] *= scale;
            }
        }
        double[] out = new double[dim * dim];
        for (int t = 0; t < n; t++) {
            int p = supercell.primitiveAtom(t);
            int[] shift = supercell.latticeCoordinates(t);
            int[] back = {-shift[0], -shift[1], -shift[2]};
            double[] row = rows[p];
            for (int b = 0; b < n; b++) {
                // Φ(t, b) = Φ(rep p, b − n_t)
                int b0 = supercell.translated(b, back);
                for (int i = 0; i < 3; i++) {
                    System.arraycopy(row, i * dim + 3 * b0, out, (3 * t + i) * dim + 3 * b, 3);
                }
            }
        }
        return out;
    }

    /**
     * The symmetric part of a per-atom vector field (forces, displacements).
     *
     * @param v 3N, Cartesian (not modified)
     * @return a new 3N array
     */
    public double[] symmetriseVector(double[] v) {
        int n = supercell.size();
        if (v.length != 3 * n) {
            throw new IllegalArgumentException("vector needs " + 3 * n + " numbers, got " + v.length);
        }
        double[] out = new double[3 * n];
        for (int k = 0; k < operations.size(); k++) {
            double[] q = operations.get(k).cartesianRotation();
            for (int l = 0; l < translate.length; l++) {
                for (int a = 0; a < n; a++) {
                    int a1 = preimage[k][untranslate[l][a]];
                    double x = v[3 * a1];
                    double y = v[3 * a1 + 1];
                    double z = v[3 * a1 + 2];
                    out[3 * a] += q[0] * x + q[1] * y + q[2] * z;
                    out[3 * a + 1] += q[3] * x + q[4] * y + q[5] * z;
                    out[3 * a + 2] += q[6] * x + q[7] * y + q[8] * z;
                }
            }
        }
        double scale = 1.0 / order();
        for (int k = 0; k < out.length; k++) {
            out[k] *= scale;
        }
        return out;
    }

    /**
     * The symmetric part of a rank-2 tensor such as a stress: (1/|P|) Σ Q σ Qᵀ.
     *
     * @param sigma 3×3 row-major (not modified)
     */
    public double[] symmetriseTensor(double[] sigma) {
        double[] out = new double[9];
        double[] rotated = new double[9];
        for (SymmetryOperation op : operations) {
            conjugate(op.cartesianRotation(), sigma, rotated);
            for (int k = 0; k < 9; k++) {
                out[k] += rotated[k];
            }
        }
        for (int k = 0; k < 9; k++) {
            out[k] /= operations.size();
        }
        return out;
    }

    /** out = Q·B·Qᵀ for 3×3 row-major matrices. */
    private static void conjugate(double[] q, double[] b, double[] out) {
        double[] qb = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                qb[3 * i + j] = q[3 * i] * b[j] + q[3 * i + 1] * b[3 + j] + q[3 * i + 2] * b[6 + j];
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[3 * i + j] = qb[3 * i] * q[3 * j] + qb[3 * i + 1] * q[3 * j + 1] + qb[3 * i + 2] * q[3 * j + 2];
            }
        }
    }
}
