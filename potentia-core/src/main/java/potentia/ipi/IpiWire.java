package potentia.ipi;

import potentia.units.Units;

/**
 * The unit and layout conversions between the i-PI wire and Potentia's conventions.
 *
 * <p>On the wire lengths are Bohr and energies Hartree ({@link Units#BOHR}, {@link Units#HARTREE}:
 * the values ASE derives from CODATA 2014, so a round trip through ASE changes at most the last
 * bit). i-PI stores the cell with the lattice vectors as columns, so the 3×3 sent in C order is
 * the transpose of Potentia's row-vector matrix h; the virial travels transposed the same way.
 * Positions and forces are N×3 in C order, as in Potentia.
 */
public final class IpiWire {
    private IpiWire() {
    }

    /**
     * Lattice vectors as rows, Å, from the wire's cell.
     *
     * @param wire the 9 numbers as received: lattice vectors as columns, C order, Bohr (not modified)
     * @return h, rows are lattice vectors, row-major, Å
     */
    public static double[] cellFromWire(double[] wire) {
        double[] h = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                h[3 * r + c] = wire[3 * c + r] * Units.BOHR;
            }
        }
        return h;
    }

    /**
     * The wire's cell from lattice vectors as rows (the inverse of {@link #cellFromWire}).
     *
     * @param h rows are lattice vectors, row-major, Å (not modified)
     * @return 9 numbers, lattice vectors as columns, C order, Bohr
     */
    public static double[] cellToWire(double[] h) {
        double[] w = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                w[3 * c + r] = h[3 * r + c] / Units.BOHR;
            }
        }
        return w;
    }

    /**
     * Positions in Å from the wire.
     *
     * @param wire 3N numbers, Bohr (modified: converted in place)
     */
    public static void positionsFromWire(double[] wire) {
        for (int k = 0; k < wire.length; k++) {
            wire[k] *= Units.BOHR;
        }
    }

    /** An energy in Hartree from eV. */
    public static double energyToWire(double ev) {
        return ev / Units.HARTREE;
    }

    /**
     * Forces in Hartree/Bohr from eV/Å.
     *
     * @param forces 3N, eV/Å (not modified)
     * @return 3N, Hartree/Bohr
     */
    public static double[] forcesToWire(double[] forces) {
        double[] w = new double[forces.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = forces[k] * Units.BOHR / Units.HARTREE;
        }
        return w;
    }

    /**
     * The virial as the wire wants it: W = −σV in Hartree, transposed like the cell.
     *
     * @param virial W, eV, 3×3 row-major (not modified)
     * @return 9 numbers, Hartree, the transpose in C order
     */
    public static double[] virialToWire(double[] virial) {
        double[] w = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                w[3 * c + r] = virial[3 * r + c] / Units.HARTREE;
            }
        }
        return w;
    }
}
