package potentia.cmaes;

import potentia.parallel.ParallelTasks;

/**
 * Evaluates a population's candidates on several threads: candidate k's fitness goes to slot k
 * whichever thread computed it, so the result is the same for any thread count (given an
 * objective whose value depends on its argument alone).
 */
public final class PopulationEvaluator {
    private PopulationEvaluator() {
    }

    /**
     * The fitness of every candidate.
     *
     * @param candidates λ arrays (not modified)
     * @param threads at most this many threads (≥ 1; 1 evaluates on the calling thread)
     * @return λ values in the order of the candidates
     */
    public static double[] evaluate(Objective objective, double[][] candidates, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("need at least one thread, got " + threads);
        }
        int count = candidates.length;
        double[] f = new double[count];
        int tasks = ParallelTasks.tasksFor(count, threads);
        ParallelTasks.run(tasks, t -> {
            int end = ParallelTasks.chunkStart(count, tasks, t + 1);
            for (int k = ParallelTasks.chunkStart(count, tasks, t); k < end; k++) {
                f[k] = objective.value(candidates[k]);
            }
        });
        return f;
    }
}
