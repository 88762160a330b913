package potentia.search;

import java.util.EnumSet;
import java.util.Set;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.relax.RelaxOptions;
import potentia.relax.RelaxResult;
import potentia.relax.Relaxer;
import potentia.structure.Structure;

/**
 * Relaxes search candidates with the project's relaxer ({@link Relaxer}: FIRE or L-BFGS, positions
 * only, cell fixed) for a short budget: at most {@link RelaxOptions#maxSteps()} steps, or until the
 * largest force on a movable atom is below {@link RelaxOptions#fmax()}. An unconverged relaxation
 * is not a failure: its last energy is the fitness (the search only ranks).
 *
 * <p>Only the search's free atoms move; every other atom keeps its position bit for bit (a
 * {@code move_mask} the founder carries is ignored here: the search's selection decides).
 *
 * <p>Evaluations, as counted into the search: the relaxer's potential evaluations (steps + 1, the
 * first being the candidate as sampled), plus one when the result must hold more than the energy
 * (a committee's spreads, evaluated once more on the relaxed structure). A relaxation that meets a
 * non-finite energy or force fails (the search penalises the candidate as exploded) with the
 * evaluations it made.
 *
 * <p>Immutable and thread-safe (each call runs its own relaxer) when the potential is.
 */
public final class RelaxerRelaxation implements LocalRelaxation {
    /**
     * Default algorithm: L-BFGS, which reached LJ13's global minimum and the Si(001) dimer rows in
     * 2.5× and 3.5× fewer energy evaluations than FIRE (the search notes' benchmark).
     */
    public static final RelaxOptions.Algorithm DEFAULT_ALGORITHM = RelaxOptions.Algorithm.LBFGS;
    /**
     * Default step limit: most LJ13/LJ38 and Si-slab candidates converge within it (L-BFGS: about
     * 60 and 130 evaluations per LJ13 and LJ38 candidate on average); 100 is too short for LJ13.
     */
    public static final int DEFAULT_STEPS = 300;
    /** Default force threshold, eV/Å: energies to well below 10⁻⁴ eV of the minimum (E − E_min ≈ F²/2k). */
    public static final double DEFAULT_FMAX = 0.01;

    private final RelaxOptions options;

    /**
     * @param options algorithm, fmax, step limit, max step, skin; must not relax the cell or fix
     *     atoms (the search decides which atoms move)
     */
    public RelaxerRelaxation(RelaxOptions options) {
        if (options.cell().isPresent()) {
            throw new IllegalArgumentException("a search relaxes positions only, not the cell");
        }
        if (options.fixedAtoms().length > 0 || options.moveMask().isPresent()) {
            throw new IllegalArgumentException("a search's free atoms decide what relaxes: give no fixed atoms or move mask");
        }
        this.options = options;
    }

    /** {@code algorithm} with at most {@code maxSteps} steps down to {@code fmax} eV/Å, other options at their defaults. */
    public static RelaxerRelaxation of(RelaxOptions.Algorithm algorithm, int maxSteps, double fmax) {
        return new RelaxerRelaxation(RelaxOptions.builder().algorithm(algorithm).maxSteps(maxSteps).fmax(fmax).build());
    }

    /** {@link #DEFAULT_ALGORITHM}, {@link #DEFAULT_STEPS}, {@link #DEFAULT_FMAX}. */
    public static RelaxerRelaxation defaults() {
        return of(DEFAULT_ALGORITHM, DEFAULT_STEPS, DEFAULT_FMAX);
    }

    /** The relaxer's options. */
    public RelaxOptions options() {
        return options;
    }

    @Override
    public Relaxed relax(Structure start, int[] movable, Potential potential, Set<Property> requested) {
        int n = start.size();
        boolean[] moves = new boolean[n];
        for (int i : movable) {
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("movable atom " + i + " does not exist (" + n + " atoms)");
            }
            moves[i] = true;
        }
        Structure plain = start.array("move_mask").isPresent() ? start.withoutArray("move_mask") : start;
        RelaxResult r = Relaxer.relax(potential, plain, options.toBuilder().moveMask(moves).build());
        // the relaxer adds zero steps to fixed coordinates, which keeps them except that −0.0 becomes
        // +0.0: copy them back so a fixed atom is untouched bit for bit
        double[] x = r.structure().positions();
        double[] x0 = start.positions();
        for (int i = 0; i < n; i++) {
            if (!moves[i]) {
                System.arraycopy(x0, 3 * i, x, 3 * i, 3);
            }
        }
        Structure relaxed = start.withPositions(x);
        long evaluations = r.evaluations();
        if (r.status() == RelaxResult.Status.NOT_FINITE) {
            return Relaxed.failed(relaxed, evaluations, "relaxation: " + r.message());
        }
        EnumSet<Property> more = EnumSet.noneOf(Property.class);
        more.addAll(requested);
        more.remove(Property.ENERGY);
        if (more.isEmpty()) {
            return new Relaxed(relaxed, Result.builder(n, start.cell().volume()).energy(r.energy()).build(), evaluations);
        }
        EnumSet<Property> want = EnumSet.copyOf(requested);
        want.add(Property.ENERGY);
        if (want.contains(Property.ENERGY_STD) && potential.supported().contains(Property.FORCES_STD)) {
            want.add(Property.FORCES_STD);
        }
        return new Relaxed(relaxed, potential.compute(relaxed, want), evaluations + 1);
    }

    @Override
    public String toString() {
        return "RelaxerRelaxation[" + options + "]";
    }
}
