package potentia.phonon;

import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Structure;
import potentia.units.Units;

/**
 * Harmonic phonons of a crystal: force constants of a supercell (finite displacements, or given),
 * the dynamical matrix, band structures, densities of states and thermodynamic functions.
 *
 * <p>Immutable; the methods compute on demand.
 */
public final class HarmonicPhonons {
    private final ForceConstants forceConstants;
    private final SupercellSymmetry symmetry;
    private final DynamicalMatrix dynamicalMatrix;
    private final int evaluations;

    private HarmonicPhonons(ForceConstants forceConstants, SupercellSymmetry symmetry, int evaluations) {
        this.forceConstants = forceConstants;
        this.symmetry = symmetry;
        this.dynamicalMatrix = new DynamicalMatrix(forceConstants, null);
        this.evaluations = evaluations;
    }

    /**
     * Phonons by finite displacements ({@link FiniteDisplacements}).
     *
     * @param displacement Å
     * @param symmetry the space group on the supercell (force constants are averaged over it), or
     *     null to use only the lattice translations
     * @param threads displaced supercells evaluated at once
     */
    public static HarmonicPhonons compute(Potential potential, Supercell supercell, double displacement,
            SupercellSymmetry symmetry, int threads) {
        ForceConstants fc = FiniteDisplacements.compute(potential, supercell, displacement, symmetry, threads);
        return new HarmonicPhonons(fc, symmetry, FiniteDisplacements.evaluations(supercell));
    }

    /** Phonons of given force constants (e.g. effective ones at a temperature). */
    public static HarmonicPhonons of(ForceConstants fc, SupercellSymmetry symmetry) {
        return new HarmonicPhonons(fc, symmetry, 0);
    }

    /**
     * The largest force on any atom of {@code structure}, eV/Å: a structure is at a minimum when
     * this is (close to) zero, and finite-displacement force constants mean something only then.
     */
    public static double maxForce(Potential potential, Structure structure) {
        Result r = potential.compute(structure, Set.of(Property.FORCES));
        return r.maxForce();
    }

    public ForceConstants forceConstants() {
        return forceConstants;
    }

    /** The symmetry used, or null. */
    public SupercellSymmetry symmetry() {
        return symmetry;
    }

    public DynamicalMatrix dynamicalMatrix() {
        return dynamicalMatrix;
    }

    public Supercell supercell() {
        return forceConstants.supercell();
    }

    /** Force evaluations spent on the force constants (0 when they were given). */
    public int evaluations() {
        return evaluations;
    }

    /** Frequencies along a path, {@code pointsPerSegment} per segment. */
    public BandStructure bands(BandPath path, int pointsPerSegment) {
        return BandStructure.along(dynamicalMatrix, path, pointsPerSegment);
    }

    /** Frequencies on a Monkhorst–Pack mesh, {@code [point][band]}, THz. */
    public double[][] meshFrequencies(int n1, int n2, int n3) {
        return QMesh.monkhorstPack(supercell().primitive(), n1, n2, n3).frequencies(dynamicalMatrix);
    }

    /**
     * The frequencies of the supercell itself (its Γ point: every k commensurate with it), THz,
     * ascending, 3N of them including the three zero-frequency translations.
     */
    public double[] supercellFrequencies() {
        return supercellFrequencies(forceConstants.matrix(), supercell().structure().masses());
    }

    /**
     * Eigenfrequencies of force constants Φ with masses m: ν = √λ·{@link Units#DYNAMICAL_TO_THZ}
     * for the eigenvalues λ of M^{−½}ΦM^{−½}, ascending, negative for unstable modes.
     *
     * @param phi 3N×3N row-major, eV/Å² (not modified)
     * @param masses N, amu (not modified)
     */
    public static double[] supercellFrequencies(double[] phi, double[] masses) {
        int n = masses.length;
        int dim = 3 * n;
        DMatrixRMaj d = new DMatrixRMaj(dim, dim);
        for (int r = 0; r < dim; r++) {
            for (int c = 0; c < dim; c++) {
                d.unsafe_set(r, c, 0.5 * (phi[r * dim + c] + phi[c * dim + r]) / Math.sqrt(masses[r / 3] * masses[c / 3]));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(dim, false, true);
        if (!eig.decompose(d)) {
            throw new IllegalStateException("eigen decomposition failed");
        }
        double[] nu = new double[dim];
        for (int k = 0; k < dim; k++) {
            nu[k] = Units.thz(eig.getEigenvalue(k).getReal());
        }
        java.util.Arrays.sort(nu);
        return nu;
    }
}
