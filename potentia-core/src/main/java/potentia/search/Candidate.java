package potentia.search;

import potentia.structure.Structure;

/**
 * One evaluated candidate of a structure search.
 *
 * @param status whether the candidate was evaluated or penalised, and why
 * @param fitness what the optimiser minimises: energy (+ κσ_E with a committee), or a penalty
 * @param energy potential energy, eV (NaN when penalised)
 * @param energyStd committee spread of the energy, eV (NaN without a committee)
 * @param structure the evaluated structure (relaxed when a relaxation ran), or the raw candidate
 *     when penalised
 * @param problem what was wrong with a penalised candidate (empty otherwise)
 * @param evaluations the energy evaluations the candidate is charged, ≥ 1: one for an unrelaxed
 *     evaluation or for a penalty found before any relaxation, the relaxation's potential
 *     evaluations otherwise (see {@link LocalRelaxation.Relaxed#evaluations()})
 */
public record Candidate(Status status, double fitness, double energy, double energyStd, Structure structure,
        String problem, long evaluations) {

    public Candidate {
        if (evaluations < 1) {
            throw new IllegalArgumentException("a candidate costs at least one evaluation, got " + evaluations);
        }
    }

    /** Whether a candidate was evaluated or penalised. */
    public enum Status {
        /** Evaluated normally. */
        OK,
        /** Two atoms closer than the minimum distance: not evaluated. */
        OVERLAP,
        /**
         * An atom moved implausibly far, the potential failed, or the energy (or the relaxation)
         * is not finite or absurdly large: not usable.
         */
        EXPLODED
    }
}
