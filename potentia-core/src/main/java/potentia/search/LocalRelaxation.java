package potentia.search;

import java.util.Set;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Structure;

/**
 * A short local minimisation of each candidate before its energy becomes its fitness ("memetic"
 * CMA-ES). The search is Baldwinian: the relaxed energy is the fitness, but the optimiser keeps
 * its own unrelaxed sample, so its Gaussian model stays consistent; the reported structure is the
 * relaxed one. Implementations must be deterministic (the same start gives the same result) and
 * safe to call from several threads. {@link RelaxerRelaxation} relaxes with the project's relaxer
 * (FIRE or L-BFGS).
 */
@FunctionalInterface
public interface LocalRelaxation {

    /**
     * A relaxed structure and the potential's result on it, or why the relaxation failed.
     *
     * @param structure the relaxed structure (on failure: the last usable one, or the start)
     * @param result at least the energy of {@code structure}; null on failure
     * @param evaluations potential evaluations the relaxation made (≥ 1), counted into the
     *     search's evaluations
     * @param problem empty when the relaxation worked, else what went wrong (the search then
     *     penalises the candidate as exploded)
     */
    record Relaxed(Structure structure, Result result, long evaluations, String problem) {
        public Relaxed {
            if (evaluations < 1) {
                throw new IllegalArgumentException("a relaxation makes at least one evaluation, got " + evaluations);
            }
            if (problem.isEmpty() && result == null) {
                throw new IllegalArgumentException("a successful relaxation needs a result");
            }
        }

        /** A successful relaxation that took {@code evaluations} potential evaluations. */
        public Relaxed(Structure structure, Result result, long evaluations) {
            this(structure, result, evaluations, "");
        }

        /** A single evaluation (no relaxation). */
        public Relaxed(Structure structure, Result result) {
            this(structure, result, 1);
        }

        /** A failed relaxation after {@code evaluations} evaluations. */
        public static Relaxed failed(Structure structure, long evaluations, String problem) {
            if (problem.isEmpty()) {
                throw new IllegalArgumentException("a failed relaxation must say what went wrong");
            }
            return new Relaxed(structure, null, evaluations, problem);
        }

        /** Whether the relaxation worked. */
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    /**
     * Relaxes {@code start}, moving only the atoms in {@code movable}.
     *
     * @param movable indices of the atoms that may move, ascending (not modified)
     * @param requested properties the result must hold
     * @throws RuntimeException when the relaxation fails unexpectedly; the search then penalises
     *     the candidate (and counts it as one evaluation)
     */
    Relaxed relax(Structure start, int[] movable, Potential potential, Set<Property> requested);

    /** No relaxation: the candidate as sampled. */
    record None() implements LocalRelaxation {
        @Override
        public Relaxed relax(Structure start, int[] movable, Potential potential, Set<Property> requested) {
            return new Relaxed(start, potential.compute(start, requested));
        }
    }

    /** No relaxation: the candidate as sampled. */
    static LocalRelaxation none() {
        return new None();
    }
}
