package potentia.structure;

import java.util.Arrays;

/**
 * A simulation cell: three lattice vectors a, b, c (Å) as the rows of a 3×3 matrix h, and
 * periodicity per axis. Cartesian x = s·h for fractional (row) coordinates s.
 *
 * <p>Immutable. A vector along a non-periodic axis may be zero (a cluster has no cell at all,
 * {@link #NONE}); operations that need an invertible matrix say so and refuse otherwise.
 */
public final class Cell {
    /** No cell and no periodicity: a molecule or cluster in vacuum. */
    public static final Cell NONE = new Cell(new double[9], new boolean[3]);

    private final double[] h;
    private final boolean[] pbc;

    private Cell(double[] h, boolean[] pbc) {
        this.h = h;
        this.pbc = pbc;
    }

    /**
     * A cell from its lattice vectors.
     *
     * @param rows the vectors a, b, c as rows, row-major, length 9, Å (not modified)
     * @param pbc periodicity along a, b, c, length 3 (not modified)
     * @throws IllegalArgumentException on wrong lengths, non-finite entries, or a periodic axis whose
     *     vector is zero or whose cell is degenerate (zero volume)
     */
    public static Cell of(double[] rows, boolean[] pbc) {
        if (rows.length != 9 || pbc.length != 3) {
            throw new IllegalArgumentException("a cell needs 9 numbers and 3 periodicity flags, got "
                    + rows.length + " and " + pbc.length);
        }
        for (double v : rows) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("cell contains a non-finite number: " + Arrays.toString(rows));
            }
        }
        Cell c = new Cell(rows.clone(), pbc.clone());
        boolean anyPbc = pbc[0] || pbc[1] || pbc[2];
        if (anyPbc && !(Math.abs(c.volume()) > 0)) {
            throw new IllegalArgumentException("periodic cell has zero volume: " + Arrays.toString(rows));
        }
        return c;
    }

    /** A fully periodic cell from its lattice vectors (rows, row-major, Å). */
    public static Cell periodic(double[] rows) {
        return of(rows, new boolean[] {true, true, true});
    }

    /** A fully periodic orthorhombic box with edges a, b, c (Å). */
    public static Cell orthorhombic(double a, double b, double c) {
        return periodic(new double[] {a, 0, 0, 0, b, 0, 0, 0, c});
    }

    /** Component h[row][col] (Å): component {@code col} of lattice vector {@code row}. */
    public double get(int row, int col) {
        return h[3 * row + col];
    }

    /** The matrix, rows are lattice vectors, row-major, a fresh copy (Å). */
    public double[] matrix() {
        return h.clone();
    }

    /** Lattice vector {@code k} (0 = a, 1 = b, 2 = c), a fresh array (Å). */
    public double[] vector(int k) {
        return new double[] {h[3 * k], h[3 * k + 1], h[3 * k + 2]};
    }

    /** Whether axis {@code k} is periodic. */
    public boolean periodic(int k) {
        return pbc[k];
    }

    /** Periodicity flags, a fresh copy. */
    public boolean[] pbc() {
        return pbc.clone();
    }

    /** Whether any axis is periodic. */
    public boolean anyPeriodic() {
        return pbc[0] || pbc[1] || pbc[2];
    }

    /** Whether every axis is periodic. */
    public boolean fullyPeriodic() {
        return pbc[0] && pbc[1] && pbc[2];
    }

    /** Whether all nine components are zero (no cell given). */
    public boolean isZero() {
        for (double v : h) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** Signed volume det(h), Å³ (negative for a left-handed cell). */
    public double determinant() {
        return determinant(h);
    }

    /** det m of a row-major 3×3 matrix {@code m} (9 numbers, not modified). */
    public static double determinant(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7])
                - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    /** Volume |det(h)|, Å³. */
    public double volume() {
        return Math.abs(determinant());
    }

    /** Whether the lattice vectors are mutually orthogonal (to 1e-12 relative). */
    public boolean isOrthorhombic() {
        double scale = 0;
        for (double v : h) {
            scale = Math.max(scale, Math.abs(v));
        }
        double tol = 1e-12 * scale;
        return Math.abs(h[1]) <= tol && Math.abs(h[2]) <= tol && Math.abs(h[3]) <= tol
                && Math.abs(h[5]) <= tol && Math.abs(h[6]) <= tol && Math.abs(h[7]) <= tol;
    }

    /**
     * The inverse matrix h⁻¹, row-major; fractional s = x·h⁻¹.
     *
     * @throws IllegalStateException when the cell is singular
     */
    public double[] inverse() {
        if (!(Math.abs(determinant()) > 0)) {
            throw new IllegalStateException("cell is singular (zero volume), it has no inverse");
        }
        return inverse(h);
    }

    /**
     * m⁻¹ of a row-major 3×3 matrix {@code m} (9 numbers, not modified) by the adjugate; the
     * caller makes sure m is not singular (the result is then infinite or NaN).
     */
    public static double[] inverse(double[] m) {
        double det = determinant(m);
        double[] inv = new double[9];
        inv[0] = (m[4] * m[8] - m[5] * m[7]) / det;
        inv[1] = (m[2] * m[7] - m[1] * m[8]) / det;
        inv[2] = (m[1] * m[5] - m[2] * m[4]) / det;
        inv[3] = (m[5] * m[6] - m[3] * m[8]) / det;
        inv[4] = (m[0] * m[8] - m[2] * m[6]) / det;
        inv[5] = (m[2] * m[3] - m[0] * m[5]) / det;
        inv[6] = (m[3] * m[7] - m[4] * m[6]) / det;
        inv[7] = (m[1] * m[6] - m[0] * m[7]) / det;
        inv[8] = (m[0] * m[4] - m[1] * m[3]) / det;
        return inv;
    }

    /**
     * Distance between the two lattice planes spanned by the other two vectors, for each axis:
     * V / |b × c| etc. (Å). The number of periodic images a cutoff r reaches along axis k is
     * ceil(r / width(k)). Zero for a zero cell.
     */
    public double[] perpendicularWidths() {
        double[] w = new double[3];
        double vol = volume();
        for (int k = 0; k < 3; k++) {
            int i = (k + 1) % 3;
            int j = (k + 2) % 3;
            double cx = h[3 * i + 1] * h[3 * j + 2] - h[3 * i + 2] * h[3 * j + 1];
            double cy = h[3 * i + 2] * h[3 * j] - h[3 * i] * h[3 * j + 2];
            double cz = h[3 * i] * h[3 * j + 1] - h[3 * i + 1] * h[3 * j];
            double area = Math.sqrt(cx * cx + cy * cy + cz * cz);
            w[k] = area > 0 ? vol / area : 0;
        }
        return w;
    }

    /** Lengths |a|, |b|, |c| (Å). */
    public double[] lengths() {
        double[] l = new double[3];
        for (int k = 0; k < 3; k++) {
            l[k] = Math.sqrt(h[3 * k] * h[3 * k] + h[3 * k + 1] * h[3 * k + 1] + h[3 * k + 2] * h[3 * k + 2]);
        }
        return l;
    }

    /**
     * Fractional coordinates of Cartesian positions.
     *
     * @param cartesian 3N positions, Å (not modified)
     * @return 3N fractional coordinates
     */
    public double[] toFractional(double[] cartesian) {
        double[] inv = inverse();
        double[] s = new double[cartesian.length];
        for (int a = 0; a < cartesian.length; a += 3) {
            double x = cartesian[a];
            double y = cartesian[a + 1];
            double z = cartesian[a + 2];
            s[a] = x * inv[0] + y * inv[3] + z * inv[6];
            s[a + 1] = x * inv[1] + y * inv[4] + z * inv[7];
            s[a + 2] = x * inv[2] + y * inv[5] + z * inv[8];
        }
        return s;
    }

    /**
     * Cartesian positions of fractional coordinates.
     *
     * @param fractional 3N fractional coordinates (not modified)
     * @return 3N positions, Å
     */
    public double[] toCartesian(double[] fractional) {
        double[] x = new double[fractional.length];
        for (int a = 0; a < fractional.length; a += 3) {
            double s0 = fractional[a];
            double s1 = fractional[a + 1];
            double s2 = fractional[a + 2];
            x[a] = s0 * h[0] + s1 * h[3] + s2 * h[6];
            x[a + 1] = s0 * h[1] + s1 * h[4] + s2 * h[7];
            x[a + 2] = s0 * h[2] + s1 * h[5] + s2 * h[8];
        }
        return x;
    }

    /** This cell with other periodicity flags. */
    public Cell withPbc(boolean[] newPbc) {
        return of(h, newPbc);
    }

    /**
     * This cell deformed by x → x·(1 + ε): each lattice vector a → a·(1 + ε).
     *
     * @param strain ε, 3×3 row-major (not modified)
     */
    public Cell strained(double[] strain) {
        double[] n = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double v = h[3 * r + c];
                for (int k = 0; k < 3; k++) {
                    v += h[3 * r + k] * strain[3 * k + c];
                }
                n[3 * r + c] = v;
            }
        }
        return of(n, pbc);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cell c && Arrays.equals(h, c.h) && Arrays.equals(pbc, c.pbc);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(h) + Arrays.hashCode(pbc);
    }

    @Override
    public String toString() {
        return "Cell" + Arrays.toString(h) + " pbc=" + Arrays.toString(pbc);
    }
}
