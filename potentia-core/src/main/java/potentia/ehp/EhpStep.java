package potentia.ehp;

/**
 * One minimisation step as reported to observers (per-atom quantities are per atom of the system).
 *
 * @param step 0, 1, …
 * @param ensemble index of the ensemble used
 * @param fresh whether that ensemble was drawn for this step
 * @param freeEnergy F at the step's state, eV/atom
 * @param freeEnergyError its statistical error, eV/atom
 * @param effectiveSampleFraction effective sample size / ensemble size
 * @param gap the estimated further decrease of F (second order), eV/atom
 * @param pressure the free energy's pressure, eV/Å³ (NaN without a cell)
 * @param pressureError its statistical error, eV/Å³
 * @param volume Å³/atom (NaN without a cell)
 * @param evaluations force evaluations so far
 */
public record EhpStep(int step, long ensemble, boolean fresh, double freeEnergy, double freeEnergyError,
        double effectiveSampleFraction, double gap, double pressure, double pressureError, double volume,
        long evaluations) {
}
