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
 * safe to call from several threads.
 */
@FunctionalInterface
public interface LocalRelaxation {

    /**
     * A relaxed structure and the potential's result on it.
     *
     * @param structure the relaxed structure
     * @param result at least the energy of {@code structure}
     */
    record Relaxed(Structure structure, Result result) {
    }

    /**
     * Relaxes {@code start}, moving only the atoms in {@code movable}.
     *
     * @param movable indices of the atoms that may move, ascending (not modified)
     * @param requested properties the result must hold
     * @throws RuntimeException when the relaxation fails; the search then penalises the candidate
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
