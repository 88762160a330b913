package potentia.phonon;

/**
 * The 3×3 and lattice arithmetic of this package. Matrices are row-major double[9]; a "cell"
 * matrix h has the lattice vectors as rows (x = s·h for a fractional row vector s), as in
 * {@link potentia.structure.Cell}.
 */
final class Lattice3 {
    private Lattice3() {
    }

    static double determinant(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    static double[] inverse(double[] m) {
        double det = determinant(m);
        if (!(Math.abs(det) > 0)) {
            throw new IllegalArgumentException("singular 3×3 matrix");
        }
        return new double[] {
            (m[4] * m[8] - m[5] * m[7]) / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
            (m[5] * m[6] - m[3] * m[8]) / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
            (m[3] * m[7] - m[4] * m[6]) / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det};
    }

    static double[] multiply(double[] a, double[] b) {
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return r;
    }

    static double[] transpose(double[] a) {
        return new double[] {a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]};
    }

    /** Row vector times matrix: v·m. */
    static double[] rowTimes(double[] v, double[] m) {
        return new double[] {
            v[0] * m[0] + v[1] * m[3] + v[2] * m[6],
            v[0] * m[1] + v[1] * m[4] + v[2] * m[7],
            v[0] * m[2] + v[1] * m[5] + v[2] * m[8]};
    }

    /** Matrix times column vector: m·v. */
    static double[] times(double[] m, double[] v) {
        return new double[] {
            m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
            m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }

    static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    /** The reciprocal vectors b_i with a_i·b_j = 2πδ_ij, as rows (Å⁻¹). */
    static double[] reciprocal(double[] h) {
        double[] inv = inverse(h);
        double[] b = transpose(inv);
        for (int k = 0; k < 9; k++) {
            b[k] *= 2 * Math.PI;
        }
        return b;
    }

    /** Rounds a near-integer, or returns Long.MIN_VALUE when farther than {@code tol} from one. */
    static long nearInteger(double x, double tol) {
        long r = Math.round(x);
        return Math.abs(x - r) <= tol ? r : Long.MIN_VALUE;
    }
}
