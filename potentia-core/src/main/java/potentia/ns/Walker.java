package potentia.ns;

import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * One walker's configuration: positions, cell (all zeros for a cluster), energy, volume and
 * enthalpy H = E + PV (+ K when the run samples momenta, see {@link KineticPrior}). Mutable,
 * owned by the sampler; a walk changes it in place.
 */
final class Walker {
    /** 3N positions, Å. */
    final double[] x;
    /** Cell rows, 9, Å (zeros for a cluster). */
    final double[] h = new double[9];
    /** Energy, eV. */
    double energy;
    /** Cell volume (or the container's for a cluster), Å³. */
    double volume;
    /** 3N velocities, Å/fs: zero unless the run samples momenta. */
    final double[] v;
    /** Kinetic energy of {@link #v}, eV (0 without momenta). */
    double kinetic;
    /** E + PV + K, eV. */
    double enthalpy;

    Walker(int atoms) {
        this.x = new double[3 * atoms];
        this.v = new double[3 * atoms];
    }

    /** Recomputes {@link #enthalpy} from the energy, volume and kinetic energy. */
    void updateEnthalpy(double pressure) {
        enthalpy = energy + pressure * volume + kinetic;
    }

    /** Makes this walker a copy of {@code o}. */
    void copyFrom(Walker o) {
        System.arraycopy(o.x, 0, x, 0, x.length);
        System.arraycopy(o.h, 0, h, 0, 9);
        System.arraycopy(o.v, 0, v, 0, v.length);
        kinetic = o.kinetic;
        energy = o.energy;
        volume = o.volume;
        enthalpy = o.enthalpy;
    }

    /** The cell as a {@link Cell} (fully periodic), or {@link Cell#NONE} for a cluster. */
    Cell cell(boolean periodic) {
        return periodic ? Cell.periodic(h) : Cell.NONE;
    }

    /** The configuration as a structure. */
    Structure structure(int[] numbers, boolean periodic) {
        return Structure.of(numbers, x, cell(periodic));
    }

    /** Moves every atom into the cell by whole lattice vectors (fractional coordinates in [0, 1)). */
    void wrap() {
        double[] inv = CellGeometry.inverse(h);
        for (int a = 0; a < x.length; a += 3) {
            double f0 = x[a] * inv[0] + x[a + 1] * inv[3] + x[a + 2] * inv[6];
            double f1 = x[a] * inv[1] + x[a + 1] * inv[4] + x[a + 2] * inv[7];
            double f2 = x[a] * inv[2] + x[a + 1] * inv[5] + x[a + 2] * inv[8];
            double s0 = Math.floor(f0);
            double s1 = Math.floor(f1);
            double s2 = Math.floor(f2);
            if (s0 != 0 || s1 != 0 || s2 != 0) {
                x[a] -= s0 * h[0] + s1 * h[3] + s2 * h[6];
                x[a + 1] -= s0 * h[1] + s1 * h[4] + s2 * h[7];
                x[a + 2] -= s0 * h[2] + s1 * h[5] + s2 * h[8];
            }
        }
    }
}
