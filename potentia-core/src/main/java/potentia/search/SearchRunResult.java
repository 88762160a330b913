package potentia.search;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import potentia.cmaes.StopReason;
import potentia.structure.Structure;

/**
 * What one run of a structure search found.
 *
 * @param run the run's number
 * @param seed its seed
 * @param best its best candidate, re-evaluated
 * @param structure the best candidate's structure with energy, forces and (for a committee) their
 *     spreads attached
 * @param evaluations energy evaluations over all restarts, local relaxation steps included (see
 *     {@link SearchRun})
 * @param candidates candidates CMA-ES evaluated over all restarts (= evaluations without relaxation)
 * @param stopReasons why it ended (empty while unfinished)
 * @param sigma the step size σ of its last CMA-ES run, Å
 * @param restarts restarts it made
 * @param traceEvaluations evaluations at which its best fitness improved
 * @param traceBest the best fitness at those points, eV
 */
public record SearchRunResult(int run, long seed, Candidate best, Structure structure, long evaluations,
        long candidates, Set<StopReason> stopReasons, double sigma, int restarts, long[] traceEvaluations, double[] traceBest) {

    public SearchRunResult {
        stopReasons = Set.copyOf(stopReasons);
        traceEvaluations = traceEvaluations.clone();
        traceBest = traceBest.clone();
    }

    /** The stop reasons as a "+"-joined list of their short labels, e.g. "tolfun+maxrestarts". */
    public String stopLabel() {
        if (stopReasons.isEmpty()) {
            return "unfinished";
        }
        return EnumSet.copyOf(stopReasons).stream().map(StopReason::label).collect(Collectors.joining("+"));
    }

    @Override
    public long[] traceEvaluations() {
        return traceEvaluations.clone();
    }

    @Override
    public double[] traceBest() {
        return traceBest.clone();
    }
}
