package potentia.descriptor;

import potentia.neighbour.NeighbourList;
import potentia.structure.Structure;

/**
 * The neighbours of one centre inside the descriptor's cutoff, in list order: atom index,
 * species index, image code and separation d = x_j − x_i + S·h (Å) with its square. The first
 * step of every centre in both the scalar and the Vector API kernel; arrays are reused from
 * centre to centre. Mutable scratch, one per kernel (thread).
 */
final class NeighbourShell {
    final int[] atom;
    final int[] species;
    final int[] code;
    final double[] dx;
    final double[] dy;
    final double[] dz;
    final double[] r2;

    private final BesselDescriptor descriptor;
    private final Structure s;
    private final NeighbourList list;
    private final double[] h;
    private final double cutoffSq;

    /** Room for the longest list row among centres [from, to). */
    NeighbourShell(BesselDescriptor descriptor, Structure s, NeighbourList list, int from, int to) {
        this.descriptor = descriptor;
        this.s = s;
        this.list = list;
        this.h = s.cell().matrix();
        double rc = descriptor.cutoff();
        this.cutoffSq = rc * rc;
        int most = 1;
        for (int i = from; i < to; i++) {
            most = Math.max(most, list.end(i) - list.start(i));
        }
        atom = new int[most];
        species = new int[most];
        code = new int[most];
        dx = new double[most];
        dy = new double[most];
        dz = new double[most];
        r2 = new double[most];
    }

    /** Length of the arrays: the longest list row. */
    int capacity() {
        return atom.length;
    }

    /**
     * Gathers centre i's neighbours inside the cutoff into the arrays.
     *
     * @return their number
     * @throws IllegalArgumentException for an element outside the descriptor's species, or coincident atoms
     */
    int gather(int i) {
        species(i);
        double xi = s.position(i, 0);
        double yi = s.position(i, 1);
        double zi = s.position(i, 2);
        int n = 0;
        for (int p = list.start(i), end = list.end(i); p < end; p++) {
            int j = list.neighbour(p);
            double x = s.position(j, 0) - xi;
            double y = s.position(j, 1) - yi;
            double z = s.position(j, 2) - zi;
            int shift = list.shiftCode(p);
            if (shift != NeighbourList.ZERO_SHIFT) {
                int sa = list.shiftA(p);
                int sb = list.shiftB(p);
                int sc = list.shiftC(p);
                x += sa * h[0] + sb * h[3] + sc * h[6];
                y += sa * h[1] + sb * h[4] + sc * h[7];
                z += sa * h[2] + sb * h[5] + sc * h[8];
            }
            double d2 = x * x + y * y + z * z;
            if (d2 < cutoffSq) {
                if (d2 == 0) {
                    throw new IllegalArgumentException("atoms " + i + " and " + j + " coincide (distance 0): "
                            + "the spherical Bessel descriptor has no direction for the pair");
                }
                atom[n] = j;
                species[n] = species(j);
                code[n] = shift;
                dx[n] = x;
                dy[n] = y;
                dz[n] = z;
                r2[n] = d2;
                n++;
            }
        }
        return n;
    }

    /** The descriptor's species index of {@code atom}; an element it does not know is refused by name. */
    private int species(int atom) {
        int k = descriptor.indexOfZ(s.atomicNumber(atom));
        if (k < 0) {
            throw new IllegalArgumentException("spherical Bessel descriptor has no species " + s.element(atom)
                    + " (atom " + atom + "); its species are " + descriptor.species());
        }
        return k;
    }
}
