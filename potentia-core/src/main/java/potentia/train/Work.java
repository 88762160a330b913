package potentia.train;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import potentia.parallel.ParallelTasks;

/**
 * Independent items spread over threads by a shared counter (structures differ in size, so static
 * ranges would leave threads idle). Each item writes only its own slot of the caller's arrays and
 * the caller reduces the slots in item order, so results never depend on the thread count or on
 * which thread took which item.
 */
final class Work {
    private Work() {
    }

    /** Runs body(k) for every k in [0, n) on up to {@code threads} threads and waits for all. */
    static void forEach(int n, int threads, IntConsumer body) {
        if (n == 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ParallelTasks.run(ParallelTasks.tasksFor(n, threads), t -> {
            for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
                body.accept(k);
            }
        });
    }
}
