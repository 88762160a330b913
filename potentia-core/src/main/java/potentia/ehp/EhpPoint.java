package potentia.ehp;

/**
 * The converged (or step-limited) effective harmonic potential of one phase at one pressure and
 * temperature, as a run reports it. Per-atom quantities are per atom of the phase.
 *
 * @param phase index of the phase in the plan
 * @param pressureIndex index of the target pressure in the plan
 * @param temperature K
 * @param pressure target pressure, eV/Å³
 * @param converged whether the minimisation met its tolerances
 * @param freeEnergy F, eV/atom
 * @param freeEnergyError its statistical error, eV/atom
 * @param gibbsFreeEnergy G = F + pV, eV/atom
 * @param achievedPressure the free energy's pressure at the end, eV/Å³ (NaN without virials)
 * @param pressureError its statistical error, eV/Å³
 * @param volume Å³/atom
 * @param unitCell the unit cell at this temperature (the supercell divided by its repeats), rows, Å
 * @param latticeError relative statistical error of the lattice lengths, ≈ σ_P/3B
 * @param steps minimisation steps
 * @param ensembles ensembles drawn
 * @param evaluations force evaluations
 * @param gap the final estimated remaining free-energy decrease, eV/atom
 * @param frequencies the effective potential's supercell mode frequencies, THz, ascending (the
 *     three translations left out)
 * @param bands renormalised frequencies along the phase's band path {@code [point][band]}, THz,
 *     or null when the lattice has no standard path
 */
public record EhpPoint(int phase, int pressureIndex, double temperature, double pressure, boolean converged,
        double freeEnergy, double freeEnergyError, double gibbsFreeEnergy, double achievedPressure, double pressureError,
        double volume, double[] unitCell, double latticeError, int steps, long ensembles, long evaluations, double gap,
        double[] frequencies, double[][] bands) {

    /** Lengths a, b, c of the unit cell, Å. */
    public double[] lengths() {
        double[] l = new double[3];
        for (int k = 0; k < 3; k++) {
            l[k] = Math.sqrt(unitCell[3 * k] * unitCell[3 * k] + unitCell[3 * k + 1] * unitCell[3 * k + 1]
                    + unitCell[3 * k + 2] * unitCell[3 * k + 2]);
        }
        return l;
    }

    /** Angles α (b, c), β (a, c), γ (a, b) of the unit cell, degrees. */
    public double[] angles() {
        double[] l = lengths();
        double[] out = new double[3];
        int[][] pairs = {{1, 2}, {0, 2}, {0, 1}};
        for (int k = 0; k < 3; k++) {
            int i = pairs[k][0];
            int j = pairs[k][1];
            double dot = unitCell[3 * i] * unitCell[3 * j] + unitCell[3 * i + 1] * unitCell[3 * j + 1]
                    + unitCell[3 * i + 2] * unitCell[3 * j + 2];
            out[k] = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot / (l[i] * l[j])))));
        }
        return out;
    }
}
