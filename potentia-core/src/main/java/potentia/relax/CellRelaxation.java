package potentia.relax;

import java.util.Locale;
import potentia.units.Units;

/**
 * Relaxing the cell together with the positions, under a hydrostatic target pressure: the
 * objective is the enthalpy H = E + pV and the cell converges when every stress component the
 * cell can relieve is within {@code smax} of −p (see {@link Relaxer} for the degrees of freedom).
 *
 * @param pressure target pressure p, eV/Å³ (positive compresses); must be 0 unless the cell is
 *     periodic along all three axes (a volume with vacuum has no meaningful pV)
 * @param smax convergence threshold on max |σ + p·1| over the relaxable components, eV/Å³
 * @param cellFactor scale c of the cell degrees of freedom c·F (F the deformation gradient);
 *     0 means the number of atoms, ASE's default, which makes the cell's generalised force the
 *     virial per atom, comparable to atomic forces
 */
public record CellRelaxation(double pressure, double smax, double cellFactor) {
    /** Default threshold: 0.01 GPa in eV/Å³. */
    public static final double DEFAULT_SMAX = Units.fromGPa(0.01);

    public CellRelaxation {
        if (!Double.isFinite(pressure)) {
            throw new IllegalArgumentException("target pressure must be finite, got " + pressure);
        }
        if (!(smax > 0) || !Double.isFinite(smax)) {
            throw new IllegalArgumentException("smax must be a positive stress in eV/Å³, got " + smax);
        }
        if (!(cellFactor >= 0) || !Double.isFinite(cellFactor)) {
            throw new IllegalArgumentException("cell factor must be ≥ 0 (0 = number of atoms), got " + cellFactor);
        }
    }

    /** Cell relaxation at pressure p (eV/Å³) with the default smax (0.01 GPa) and cell factor. */
    public static CellRelaxation atPressure(double pressure) {
        return new CellRelaxation(pressure, DEFAULT_SMAX, 0);
    }

    /** Stress-free cell relaxation (p = 0) with the default smax and cell factor. */
    public static CellRelaxation stressFree() {
        return atPressure(0);
    }

    /** The same with another stress threshold (eV/Å³). */
    public CellRelaxation withSmax(double newSmax) {
        return new CellRelaxation(pressure, newSmax, cellFactor);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "cell at %.6g GPa (smax %.3g GPa)", Units.toGPa(pressure), Units.toGPa(smax));
    }
}
