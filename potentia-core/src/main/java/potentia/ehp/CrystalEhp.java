package potentia.ehp;

import java.util.EnumSet;
import potentia.phonon.ForceConstants;
import potentia.phonon.Supercell;
import potentia.phonon.SupercellSymmetry;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * Effective harmonic potentials of crystals: the problem of one supercell of a crystal, with
 * its rigid translations excluded, its symmetry imposed on every estimate, and a bulk-modulus
 * guess for the cell's Newton steps.
 */
public final class CrystalEhp {
    private CrystalEhp() {
    }

    /**
     * The problem for a supercell at temperature T.
     *
     * @param positions the starting centroids (the supercell's atoms), Å, 3N (not modified)
     * @param cell the starting supercell cell
     * @param phi the starting force constants, 3N×3N, eV/Å² (not modified)
     * @param symmetry the space group on the supercell, or null for translations only
     * @param pressure target pressure, eV/Å³
     * @param bulkModulus guess for the cell's Newton steps, eV/Å³
     * @throws UnstableModesException when {@code phi} has an unstable mode
     */
    public static EhpProblem problem(Supercell supercell, Potential potential, double[] positions, Cell cell,
            double[] phi, double temperature, boolean quantum, double pressure, boolean relaxCell,
            SupercellSymmetry symmetry, double bulkModulus) {
        Structure s = supercell.structure();
        int n = s.size();
        double[] masses = new double[3 * n];
        double[] m = s.masses();
        for (int i = 0; i < n; i++) {
            masses[3 * i] = m[i];
            masses[3 * i + 1] = m[i];
            masses[3 * i + 2] = m[i];
        }
        Symmetriser sym = Symmetriser.crystal(n, symmetry);
        GaussianState start = GaussianState.of(masses, positions, sym.forceConstants(phi), temperature, quantum,
                GaussianState.translations(masses));
        boolean virial = potential.supported().contains(Property.STRESS);
        return new EhpProblem(start, cell, n, new PotentialLandscape(potential, s.atomicNumbers(), virial), sym,
                relaxCell, pressure, bulkModulus);
    }

    /**
     * The static bulk modulus B = −V dP/dV of a structure, eV/Å³, by central differences of the
     * pressure under ±0.5 % isotropic strain (3 evaluations).
     */
    public static double bulkModulus(Potential potential, Structure s) {
        double h = 0.005;
        double[] p = new double[2];
        for (int k = 0; k < 2; k++) {
            double e = k == 0 ? h : -h;
            Structure strained = s.withCell(s.cell().strained(new double[] {e, 0, 0, 0, e, 0, 0, 0, e}), true);
            p[k] = potential.compute(strained, EnumSet.of(Property.STRESS)).pressure();
        }
        // V' = V(1 + e)³: dV/V = 3 dε
        return -(p[0] - p[1]) / (3 * 2 * h);
    }

    /** The force constants as a {@link ForceConstants} of a supercell (for phonons of the effective potential). */
    public static ForceConstants forceConstants(Supercell supercell, GaussianState state) {
        return new ForceConstants(supercell, state.forceConstants());
    }
}
