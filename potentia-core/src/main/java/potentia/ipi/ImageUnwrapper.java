package potentia.ipi;

import potentia.structure.Cell;

/**
 * Undoes a server's wrapping of atoms into the cell: moves each atom by the lattice vector (along
 * periodic axes) that brings it closest to where it was in the previous geometry.
 *
 * <p>Why: i-PI applies periodic boundary conditions to the positions it sends by default
 * ({@code <ffsocket pbc='true'>}), so an atom crossing a cell face jumps by a lattice vector, and
 * the Verlet list — which compares positions as given — would be rebuilt nearly every MD step.
 * A lattice translation of one atom changes no energy, force or virial of a periodic system, so
 * following the previous geometry instead is free and keeps the list valid. An atom moving less
 * than half a cell width between two geometries is always followed correctly; servers that do
 * not wrap (ASE) see no change at all (every shift is zero).
 *
 * <p>Mutable, one per connection.
 */
final class ImageUnwrapper {
    private double[] previous;

    /**
     * Shifts atoms to follow the previous geometry, then remembers this one.
     *
     * @param x 3N positions, Å (modified: atoms moved by lattice vectors)
     * @param cell the cell of this geometry; nothing moves without a periodic, invertible cell
     * @return the number of atoms moved
     */
    int follow(double[] x, Cell cell) {
        int moved = 0;
        if (previous != null && previous.length == x.length && cell.anyPeriodic() && cell.determinant() != 0) {
            double[] h = cell.matrix();
            double[] inv = cell.inverse();
            for (int a = 0; a < x.length; a += 3) {
                double dx = previous[a] - x[a];
                double dy = previous[a + 1] - x[a + 1];
                double dz = previous[a + 2] - x[a + 2];
                double sx = 0;
                double sy = 0;
                double sz = 0;
                boolean shift = false;
                for (int k = 0; k < 3; k++) {
                    if (!cell.periodic(k)) {
                        continue;
                    }
                    double n = Math.rint(dx * inv[k] + dy * inv[3 + k] + dz * inv[6 + k]);
                    if (n != 0) {
                        shift = true;
                        sx += n * h[3 * k];
                        sy += n * h[3 * k + 1];
                        sz += n * h[3 * k + 2];
                    }
                }
                if (shift) {
                    x[a] += sx;
                    x[a + 1] += sy;
                    x[a + 2] += sz;
                    moved++;
                }
            }
        }
        previous = x.clone();
        return moved;
    }
}
