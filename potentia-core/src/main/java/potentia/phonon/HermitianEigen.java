package potentia.phonon;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenvalues and eigenvectors of a complex Hermitian matrix H = A + iB through EJML's real
 * symmetric solver applied to the real 2n×2n embedding [[A, −B], [B, A]]: each eigenpair
 * (λ, x + iy) of H appears twice, as (x, y) and (−y, x). Eigenvalues are taken pairwise
 * (averaged); eigenvectors are rebuilt as x + iy and orthogonalised within each (near-)degenerate
 * group, so a k-fold degenerate level gets k orthonormal complex vectors.
 *
 * <p>Vectors are accepted in ascending order of their eigenvalues, so vector k belongs to
 * eigenvalue k.
 */
public final class HermitianEigen {
    private HermitianEigen() {
    }

    /** Eigen-solution of an n×n Hermitian matrix, eigenvalues ascending. */
    public record Solution(double[] values, double[][] vectorsRe, double[][] vectorsIm) {
    }

    /**
     * The eigenvalues, ascending.
     *
     * @param re real part A, n×n row-major (not modified)
     * @param im imaginary part B, n×n row-major, antisymmetric (not modified)
     */
    public static double[] values(double[] re, double[] im, int n) {
        return solve(re, im, n, false).values();
    }

    /**
     * Eigenvalues (ascending) and orthonormal eigenvectors: {@code vectorsRe()[k]}, {@code vectorsIm()[k]}
     * are the n components of eigenvector k.
     *
     * @param re real part, n×n row-major (not modified)
     * @param im imaginary part, n×n row-major (not modified)
     */
    public static Solution solve(double[] re, double[] im, int n, boolean vectors) {
        int m = 2 * n;
        DMatrixRMaj big = new DMatrixRMaj(m, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = 0.5 * (re[i * n + j] + re[j * n + i]);
                double b = 0.5 * (im[i * n + j] - im[j * n + i]);
                big.unsafe_set(i, j, a);
                big.unsafe_set(i + n, j + n, a);
                big.unsafe_set(i, j + n, -b);
                big.unsafe_set(i + n, j, b);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, vectors, true);
        if (!eig.decompose(big)) {
            throw new IllegalStateException("eigen decomposition failed");
        }
        double[] all = new double[m];
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) {
            all[k] = eig.getEigenvalue(k).getReal();
            order[k] = k;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(all[p], all[q]));
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = 0.5 * (all[order[2 * k]] + all[order[2 * k + 1]]);
        }
        if (!vectors) {
            return new Solution(values, null, null);
        }
        double[][] vr = new double[n][];
        double[][] vi = new double[n][];
        int accepted = 0;
        for (int k = 0; k < m && accepted < n; k++) {
            DMatrixRMaj v = eig.getEigenVector(order[k]);
            double[] zr = new double[n];
            double[] zi = new double[n];
            for (int i = 0; i < n; i++) {
                zr[i] = v.get(i, 0);
                zi[i] = v.get(i + n, 0);
            }
            // Gram–Schmidt against the accepted vectors (twice, for stability): other levels are
            // orthogonal already, and the partner (−y, x) of an accepted (x, y) is i times it
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < accepted; j++) {
                    double pr = 0;
                    double pi = 0;
                    for (int i = 0; i < n; i++) {
                        // <v_j, z> = Σ conj(v_j) z
                        pr += vr[j][i] * zr[i] + vi[j][i] * zi[i];
                        pi += vr[j][i] * zi[i] - vi[j][i] * zr[i];
                    }
                    for (int i = 0; i < n; i++) {
                        zr[i] -= pr * vr[j][i] - pi * vi[j][i];
                        zi[i] -= pr * vi[j][i] + pi * vr[j][i];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += zr[i] * zr[i] + zi[i] * zi[i];
            }
            norm = Math.sqrt(norm);
            if (norm < 0.5) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                zr[i] /= norm;
                zi[i] /= norm;
            }
            vr[accepted] = zr;
            vi[accepted] = zi;
            accepted++;
        }
        if (accepted != n) {
            throw new IllegalStateException("eigenvectors of a Hermitian matrix: found " + accepted + " of " + n);
        }
        return new Solution(values, vr, vi);
    }
}
