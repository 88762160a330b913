package potentia.relax;

import potentia.potential.Result;
import potentia.structure.Structure;

/**
 * One evaluation of an {@link Objective} at a point of its degrees of freedom.
 *
 * @param value the objective (E, or H = E + pV with the cell), eV
 * @param energy potential energy, eV
 * @param force generalised force −∂value/∂x with fixed coordinates zeroed and cell constraints
 *     projected, length = degrees of freedom (owned by this record; callers do not modify it)
 * @param fmax largest force norm over free atoms, eV/Å
 * @param smax largest relaxable |σ + p·1| component, eV/Å³, NaN without the cell
 * @param structure the structure at this point, without labels
 * @param result what the potential returned
 * @param nonFinite null when everything is finite, else what was not ("energy", "forces", "stress")
 */
record Evaluation(double value, double energy, double[] force, double fmax, double smax, Structure structure,
        Result result, String nonFinite) {

    boolean finite() {
        return nonFinite == null;
    }
}
