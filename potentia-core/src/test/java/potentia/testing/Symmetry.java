package potentia.testing;

import java.util.random.RandomGenerator;
import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * Rigid motions and relabellings for invariance tests: a potential's energy must not change
 * under them, and forces and stress must transform with them.
 */
public final class Symmetry {
    private Symmetry() {
    }

    /** A uniformly random proper rotation, 3×3 row-major (from a random unit quaternion). */
    public static double[] randomRotation(RandomGenerator rng) {
        double a = rng.nextGaussian();
        double b = rng.nextGaussian();
        double c = rng.nextGaussian();
        double d = rng.nextGaussian();
        double n = Math.sqrt(a * a + b * b + c * c + d * d);
        a /= n;
        b /= n;
        c /= n;
        d /= n;
        return new double[] {
            a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
            2 * (b * c + a * d), a * a - b * b + c * c - d * d, 2 * (c * d - a * b),
            2 * (b * d - a * c), 2 * (c * d + a * b), a * a - b * b - c * c + d * d};
    }

    /**
     * Applies x → R x to every 3-vector of a flat array (positions, forces, cell rows).
     *
     * @param v 3M numbers (not modified)
     * @param rot R, 3×3 row-major (not modified)
     */
    public static double[] rotateVectors(double[] v, double[] rot) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i += 3) {
            for (int r = 0; r < 3; r++) {
                out[i + r] = rot[3 * r] * v[i] + rot[3 * r + 1] * v[i + 1] + rot[3 * r + 2] * v[i + 2];
            }
        }
        return out;
    }

    /** R T Rᵀ for a 3×3 tensor T (row-major), e.g. a stress or virial. */
    public static double[] rotateTensor(double[] t, double[] rot) {
        double[] out = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        s += rot[3 * a + k] * t[3 * k + l] * rot[3 * b + l];
                    }
                }
                out[3 * a + b] = s;
            }
        }
        return out;
    }

    /** The structure rotated rigidly: positions and lattice vectors x → R x. */
    public static Structure rotate(Structure s, double[] rot) {
        Cell c = s.cell();
        Cell rc = c.isZero() ? c : Cell.of(rotateVectors(c.matrix(), rot), c.pbc());
        return s.withCell(rc, false).withPositions(rotateVectors(s.positions(), rot));
    }

    /** The structure translated by t (Å, 3 numbers, not modified). */
    public static Structure translate(Structure s, double[] t) {
        double[] x = s.positions();
        for (int i = 0; i < x.length; i += 3) {
            x[i] += t[0];
            x[i + 1] += t[1];
            x[i + 2] += t[2];
        }
        return s.withPositions(x);
    }

    /** A random permutation of 0 … n−1. */
    public static int[] randomPermutation(RandomGenerator rng, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * The structure with atoms reordered: new atom k is old atom perm[k] (per-atom arrays are
     * dropped, info kept).
     */
    public static Structure permute(Structure s, int[] perm) {
        int n = s.size();
        int[] z = new int[n];
        double[] x = new double[3 * n];
        for (int k = 0; k < n; k++) {
            z[k] = s.atomicNumber(perm[k]);
            for (int c = 0; c < 3; c++) {
                x[3 * k + c] = s.position(perm[k], c);
            }
        }
        return Structure.of(z, x, s.cell());
    }

    /** Reorders per-atom rows of width w the same way: row k of the result is row perm[k]. */
    public static double[] permuteRows(double[] v, int[] perm, int w) {
        double[] out = new double[v.length];
        for (int k = 0; k < perm.length; k++) {
            System.arraycopy(v, w * perm[k], out, w * k, w);
        }
        return out;
    }
}
