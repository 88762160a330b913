package potentia.ehp;

import potentia.structure.Cell;

/**
 * One minimisation: a starting Gaussian state (masses, centroids, force constants, temperature,
 * quantum or classical, excluded directions), the cell, the landscape, and what to relax.
 *
 * @param start the first state
 * @param cell the starting cell ({@link Cell#NONE} for a system without one)
 * @param atoms atoms (for per-atom numbers; 1 for a one-dimensional model)
 * @param landscape energies and forces of configurations
 * @param symmetriser projections of the noisy estimates
 * @param relaxCell whether the cell follows the free energy's stress to {@code pressure}
 * @param pressure target pressure, eV/Å³ (the Gibbs free energy adds pressure × volume)
 * @param bulkModulus a guess of the bulk modulus, eV/Å³, for the cell's Newton steps
 */
public record EhpProblem(GaussianState start, Cell cell, int atoms, Landscape landscape, Symmetriser symmetriser,
        boolean relaxCell, double pressure, double bulkModulus) {

    public EhpProblem {
        if (atoms < 1) {
            throw new IllegalArgumentException("atoms must be ≥ 1");
        }
        if (relaxCell && !cell.fullyPeriodic()) {
            throw new IllegalArgumentException("only a fully periodic cell can be relaxed");
        }
        if (relaxCell && !(bulkModulus > 0)) {
            throw new IllegalArgumentException("a positive bulk-modulus guess is needed to relax the cell, got "
                    + bulkModulus);
        }
    }
}
