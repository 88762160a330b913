package potentia.cmaes;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The ask–evaluate–tell loop for an objective that lives in the same process. */
public final class CmaesDriver {
    private CmaesDriver() {
    }

    /**
     * What a finished search found.
     *
     * @param bestX the best candidate, n
     * @param bestFitness its fitness
     * @param evaluations over all runs
     * @param stopReasons why the search ended
     * @param runs each run of the sequence
     */
    public record Result(double[] bestX, double bestFitness, long evaluations, Set<StopReason> stopReasons,
            List<RestartingCmaes.Run> runs) {
        public Result {
            bestX = bestX.clone();
            stopReasons = Set.copyOf(stopReasons);
            runs = List.copyOf(runs);
        }

        @Override
        public double[] bestX() {
            return bestX.clone();
        }
    }

    /**
     * Runs {@code search} to its end.
     *
     * @param threads threads evaluating each population (results do not depend on it)
     * @param afterGeneration called after each tell (e.g. progress, checkpoints); may be a no-op
     */
    public static Result run(RestartingCmaes search, Objective objective, int threads,
            Consumer<RestartingCmaes> afterGeneration) {
        while (!search.stopped()) {
            double[][] x = search.ask();
            search.tell(PopulationEvaluator.evaluate(objective, x, threads));
            afterGeneration.accept(search);
        }
        return result(search);
    }

    /** The result of a finished (or the state of an unfinished) search. */
    public static Result result(RestartingCmaes search) {
        return new Result(search.bestX(), search.bestFitness(), search.evaluations(), search.stopReasons(),
                search.runs());
    }
}
