package potentia.neighbour;

import potentia.structure.Cell;

/**
 * The invertible 3×3 frame B that neighbour searches measure positions in: row k is lattice
 * vector k where axis k is periodic, and an orthonormal completion of the periodic vectors'
 * span elsewhere. Integer shifts are zero along non-periodic axes, so S·B = S·h for every
 * shift, while a non-periodic cell vector (zero for {@link Cell#NONE}, or a slab's arbitrary
 * vacuum vector) never enters: along those axes the coordinate s = x·B⁻¹ is a plain distance
 * along a unit normal, and along periodic ones it is the fractional coordinate of x's
 * projection onto the periodic span.
 */
final class BinningFrame {
    private BinningFrame() {
    }

    /** B for {@code cell}, rows row-major, Å; the identity for a cell without periodic axes. */
    static double[] of(Cell cell) {
        double[] b = cell.matrix();
        int periodic = 0;
        for (int k = 0; k < 3; k++) {
            periodic += cell.periodic(k) ? 1 : 0;
        }
        switch (periodic) {
            case 3 -> {
                return b;
            }
            case 0 -> {
                return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
            }
            case 2 -> {
                int free = !cell.periodic(0) ? 0 : !cell.periodic(1) ? 1 : 2;
                double[] n = normalised(cross(row(b, (free + 1) % 3), row(b, (free + 2) % 3)));
                setRow(b, free, n);
                return b;
            }
            default -> {
                int fixed = cell.periodic(0) ? 0 : cell.periodic(1) ? 1 : 2;
                double[] u = normalised(row(b, fixed));
                // the coordinate axis least aligned with u, made orthogonal to it
                int e = 0;
                for (int k = 1; k < 3; k++) {
                    if (Math.abs(u[k]) < Math.abs(u[e])) {
                        e = k;
                    }
                }
                double[] v = {-u[e] * u[0], -u[e] * u[1], -u[e] * u[2]};
                v[e] += 1;
                v = normalised(v);
                setRow(b, (fixed + 1) % 3, v);
                setRow(b, (fixed + 2) % 3, cross(u, v));
                return b;
            }
        }
    }

    private static double[] row(double[] m, int k) {
        return new double[] {m[3 * k], m[3 * k + 1], m[3 * k + 2]};
    }

    private static void setRow(double[] m, int k, double[] v) {
        m[3 * k] = v[0];
        m[3 * k + 1] = v[1];
        m[3 * k + 2] = v[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] normalised(double[] v) {
        double len = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / len, v[1] / len, v[2] / len};
    }
}
