package potentia.ns;

/**
 * Cell arithmetic for the cell moves, on row-major 3×3 matrices whose rows are the lattice
 * vectors (Å): volume, inverse, the aspect ratio that keeps cells from collapsing, and the
 * volume-preserving shear and stretch. Stateless.
 */
final class CellGeometry {
    private CellGeometry() {
    }

    /** |det h|, Å³. */
    static double volume(double[] h) {
        return Math.abs(potentia.structure.Cell.determinant(h));
    }

    /** h⁻¹, row-major (fractional s = x·h⁻¹). */
    static double[] inverse(double[] h) {
        return potentia.structure.Cell.inverse(h);
    }

    /**
     * The smallest distance between opposite faces divided by V^{1/3}: 1 for a cube, small for
     * a cell that is flat along some direction.
     */
    static double aspectRatio(double[] h) {
        double vol = volume(h);
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 3; k++) {
            int i = (k + 1) % 3;
            int j = (k + 2) % 3;
            double cx = h[3 * i + 1] * h[3 * j + 2] - h[3 * i + 2] * h[3 * j + 1];
            double cy = h[3 * i + 2] * h[3 * j] - h[3 * i] * h[3 * j + 2];
            double cz = h[3 * i] * h[3 * j + 1] - h[3 * i + 1] * h[3 * j];
            min = Math.min(min, vol / Math.sqrt(cx * cx + cy * cy + cz * cz));
        }
        return min / Math.cbrt(vol);
    }

    /**
     * Shears lattice vector {@code a} within the plane of the other two: a += t₁·u₁ + t₂·u₂ with
     * (u₁, u₂) the orthonormal basis of that plane from Gram–Schmidt on (b, c). The volume is
     * unchanged and the map is a translation of vector a, so it preserves the measure d⁹h; the
     * same (t₁, t₂) negated undoes it.
     *
     * @param h modified
     */
    static void shear(double[] h, int a, double t1, double t2) {
        int b = (a + 1) % 3;
        int c = (a + 2) % 3;
        double b0 = h[3 * b];
        double b1 = h[3 * b + 1];
        double b2 = h[3 * b + 2];
        double nb = Math.sqrt(b0 * b0 + b1 * b1 + b2 * b2);
        b0 /= nb;
        b1 /= nb;
        b2 /= nb;
        double dot = h[3 * c] * b0 + h[3 * c + 1] * b1 + h[3 * c + 2] * b2;
        double c0 = h[3 * c] - dot * b0;
        double c1 = h[3 * c + 1] - dot * b1;
        double c2 = h[3 * c + 2] - dot * b2;
        double nc = Math.sqrt(c0 * c0 + c1 * c1 + c2 * c2);
        c0 /= nc;
        c1 /= nc;
        c2 /= nc;
        h[3 * a] += t1 * b0 + t2 * c0;
        h[3 * a + 1] += t1 * b1 + t2 * c1;
        h[3 * a + 2] += t1 * b2 + t2 * c2;
    }

    /**
     * Stretches lattice vector {@code a} by e^δ and {@code b} by e^−δ: volume unchanged, Jacobian
     * e^{3δ}·e^{−3δ} = 1 on d⁹h; −δ undoes it.
     *
     * @param h modified
     */
    static void stretch(double[] h, int a, int b, double delta) {
        double up = Math.exp(delta);
        double down = Math.exp(-delta);
        for (int k = 0; k < 3; k++) {
            h[3 * a + k] *= up;
            h[3 * b + k] *= down;
        }
    }

    /**
     * Carries positions with the cell: x' = x·h⁻¹·h' (fractional coordinates kept).
     *
     * @param x 3N positions (modified)
     * @param from the old cell (not modified)
     * @param to the new cell (not modified)
     */
    static void carry(double[] x, double[] from, double[] to) {
        double[] inv = inverse(from);
        double[] m = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[3 * r + c] = inv[3 * r] * to[c] + inv[3 * r + 1] * to[3 + c] + inv[3 * r + 2] * to[6 + c];
            }
        }
        for (int a = 0; a < x.length; a += 3) {
            double p0 = x[a];
            double p1 = x[a + 1];
            double p2 = x[a + 2];
            x[a] = p0 * m[0] + p1 * m[3] + p2 * m[6];
            x[a + 1] = p0 * m[1] + p1 * m[4] + p2 * m[7];
            x[a + 2] = p0 * m[2] + p1 * m[5] + p2 * m[8];
        }
    }
}
