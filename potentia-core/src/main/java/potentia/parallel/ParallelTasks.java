package potentia.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs a fixed number of tasks 0 … T−1 concurrently and waits for all of them: the building
 * block of static partitioning. A kernel splits its atoms into T contiguous ranges
 * ({@link #chunkStart}), each task accumulates into its own buffers, and the caller reduces the
 * buffers in task order afterwards, so that results depend on T but not on thread scheduling.
 *
 * <p>Task 0 runs on the calling thread; the others on a shared pool of daemon threads that
 * grows on demand and lets idle threads die. Safe to call from several threads at once.
 */
public final class ParallelTasks {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "potentia-worker");
        t.setDaemon(true);
        return t;
    });

    private ParallelTasks() {
    }

    /**
     * Runs {@code task.accept(t)} for t = 0 … tasks−1, concurrently when tasks &gt; 1, and returns
     * once all have finished. The first failure is rethrown (unchecked exceptions and errors as
     * they are) after every task has ended.
     */
    public static void run(int tasks, IntConsumer task) {
        if (tasks < 1) {
            throw new IllegalArgumentException("need at least one task, got " + tasks);
        }
        if (tasks == 1) {
            task.accept(0);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(tasks - 1);
        for (int t = 1; t < tasks; t++) {
            int id = t;
            futures.add(POOL.submit(() -> task.accept(id)));
        }
        Throwable failure = null;
        try {
            task.accept(0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // finish waiting: tasks write into the caller's buffers
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException("parallel task failed", failure);
        }
    }

    /** First index of chunk {@code t} when [0, n) is cut into {@code tasks} near-equal contiguous chunks. */
    public static int chunkStart(int n, int tasks, int t) {
        return (int) ((long) n * t / tasks);
    }

    /** The number of tasks worth running for {@code n} items with at most {@code threads} threads: in [1, max(n, 1)]. */
    public static int tasksFor(int n, int threads) {
        return Math.max(1, Math.min(threads, n));
    }
}
