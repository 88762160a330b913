package potentia.cmaes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import potentia.parallel.ParallelTasks;

/**
 * Runs many independent searches (one per seed) over a fixed number of threads: each thread takes
 * the next run not yet started until none is left, so long and short runs balance out. Run i's
 * result lands in slot i, so the list does not depend on the thread count or the scheduling, as
 * long as each run depends only on its index.
 */
public final class ParallelRuns {
    private ParallelRuns() {
    }

    /**
     * Runs {@code run.apply(i)} for i = 0 … runs−1 on at most {@code threads} threads.
     *
     * @return the results in run order
     */
    public static <R> List<R> run(int runs, int threads, IntFunction<R> run) {
        if (runs < 0 || threads < 1) {
            throw new IllegalArgumentException("need ≥ 0 runs and ≥ 1 thread, got " + runs + ", " + threads);
        }
        Object[] results = new Object[runs];
        if (runs == 0) {
            return List.of();
        }
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(threads, runs);
        ParallelTasks.run(workers, t -> {
            for (int i = next.getAndIncrement(); i < runs; i = next.getAndIncrement()) {
                results[i] = run.apply(i);
            }
        });
        List<R> out = new ArrayList<>(runs);
        for (Object r : results) {
            @SuppressWarnings("unchecked")
            R typed = (R) r;
            out.add(typed);
        }
        return out;
    }

    /**
     * How to share {@code threads} between runs and the evaluation of each run's population:
     * first one thread per run, the rest split evenly over the runs in flight.
     *
     * @return {runs in parallel, threads per population}
     */
    public static int[] split(int runs, int threads) {
        int parallelRuns = Math.max(1, Math.min(runs, threads));
        return new int[] {parallelRuns, Math.max(1, threads / parallelRuns)};
    }
}
