package potentia.ehp;

import potentia.structure.Cell;

/**
 * The outcome of a minimisation at one temperature (and pressure).
 *
 * @param converged whether the tolerances were met before the step limit
 * @param state the final Gaussian state: the effective (renormalised) force constants and centroids
 * @param cell the final cell
 * @param freeEnergy F, eV/atom
 * @param freeEnergyError its statistical error, eV/atom
 * @param gibbsFreeEnergy G = F + pV, eV/atom (F at zero target pressure)
 * @param pressure the free energy's pressure at the end, eV/Å³ (NaN without a cell)
 * @param pressureError its statistical error, eV/Å³
 * @param volume Å³/atom (NaN without a cell)
 * @param steps minimisation steps taken
 * @param ensembles ensembles drawn
 * @param evaluations force evaluations
 * @param gap the final estimated remaining free-energy decrease, eV/atom
 */
public record EhpResult(boolean converged, GaussianState state, Cell cell, double freeEnergy, double freeEnergyError,
        double gibbsFreeEnergy, double pressure, double pressureError, double volume, int steps, long ensembles,
        long evaluations, double gap) {
}
