package potentia.relax;

import potentia.structure.Structure;

/**
 * The state after a relaxation step (step 0 is the start).
 *
 * @param step steps taken so far
 * @param energy potential energy E, eV
 * @param enthalpy E + pV, eV (= E without cell relaxation)
 * @param fmax largest force norm on a free atom, eV/Å
 * @param smax largest relaxable |σ + p·1| component, eV/Å³ (NaN without cell relaxation)
 * @param accepted false when the step was rejected (L-BFGS undoes a step that raised the
 *     objective), so this is the previous state again
 * @param structure the current structure with energy, forces (and stress) attached under ASE's keys
 */
public record RelaxStep(int step, double energy, double enthalpy, double fmax, double smax, boolean accepted,
        Structure structure) {
}
