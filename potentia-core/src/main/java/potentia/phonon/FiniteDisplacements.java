package potentia.phonon;

import java.util.Set;
import potentia.parallel.ParallelTasks;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Structure;

/**
 * Force constants by finite differences: each atom of the primitive cell is displaced by ±h
 * along x, y and z in the supercell, and Φ_{aα,bβ} = −(F_{bβ}(+h) − F_{bβ}(−h)) / 2h (central
 * differences, error O(h²) — the same as phonopy's, whose ± pairs come from the site symmetry).
 * The rows of the other atoms follow from the supercell's lattice translations,
 * Φ(a + L, b + L) = Φ(a, b), so a crystal with n atoms in its primitive cell costs 6n force
 * evaluations whatever the supercell. The result is projected onto index symmetry and the
 * acoustic sum rule ({@link ForceConstants#projected()}) and averaged over the space group when
 * one is given.
 */
public final class FiniteDisplacements {
    /** Default displacement, Å (phonopy's default too). */
    public static final double DEFAULT_DISPLACEMENT = 0.01;

    private FiniteDisplacements() {
    }

    /** Number of force evaluations {@link #compute} makes for {@code supercell}. */
    public static int evaluations(Supercell supercell) {
        return 6 * supercell.primitiveSize();
    }

    /**
     * Force constants of the supercell.
     *
     * @param displacement h, Å (&gt; 0)
     * @param symmetry the space group on this supercell, or null for translations only
     * @param threads how many displaced supercells to evaluate at once (the potential's own
     *     threading comes on top)
     */
    public static ForceConstants compute(Potential potential, Supercell supercell, double displacement,
            SupercellSymmetry symmetry, int threads) {
        if (!(displacement > 0) || !Double.isFinite(displacement)) {
            throw new IllegalArgumentException("displacement must be a positive number of Å, got " + displacement);
        }
        Structure base = supercell.structure();
        int n = base.size();
        int dim = 3 * n;
        int np = supercell.primitiveSize();
        double[][] rows = new double[3 * np][dim];
        int jobs = 6 * np;
        int tasks = ParallelTasks.tasksFor(jobs, threads);
        ParallelTasks.run(tasks, t -> {
            for (int job = ParallelTasks.chunkStart(jobs, tasks, t); job < ParallelTasks.chunkStart(jobs, tasks, t + 1);
                    job++) {
                int row = job / 2;
                double sign = job % 2 == 0 ? 1 : -1;
                int p = row / 3;
                int alpha = row % 3;
                double[] x = base.positions();
                x[3 * supercell.representative(p) + alpha] += sign * displacement;
                Result r = potential.compute(base.withPositions(x), Set.of(Property.FORCES));
                double[] f = r.forces();
                double[] target = rows[row];
                double scale = -sign / (2 * displacement);
                synchronized (target) {
                    for (int k = 0; k < dim; k++) {
                        target[k] += scale * f[k];
                    }
                }
            }
        });
        double[] phi = new double[dim * dim];
        for (int t = 0; t < n; t++) {
            int p = supercell.primitiveAtom(t);
            int[] shift = supercell.latticeCoordinates(t);
            int[] back = {-shift[0], -shift[1], -shift[2]};
            for (int b = 0; b < n; b++) {
                int b0 = supercell.translated(b, back);
                for (int alpha = 0; alpha < 3; alpha++) {
                    System.arraycopy(rows[3 * p + alpha], 3 * b0, phi, (3 * t + alpha) * dim + 3 * b, 3);
                }
            }
        }
        ForceConstants fc = new ForceConstants(supercell, phi);
        return symmetry == null ? fc.projected() : fc.symmetrised(symmetry);
    }
}
