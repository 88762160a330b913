package potentia.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTasksTest {

    @Test
    void runsEveryTaskOnceAndWaitsForAll() {
        for (int tasks : new int[] {1, 2, 5}) {
            AtomicIntegerArray seen = new AtomicIntegerArray(tasks);
            ParallelTasks.run(tasks, t -> {
                try {
                    Thread.sleep(5 * t);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.incrementAndGet(t);
            });
            for (int t = 0; t < tasks; t++) {
                assertEquals(1, seen.get(t), "task " + t);
            }
        }
    }

    @Test
    void chunksCoverTheRangeContiguously() {
        for (int n : new int[] {0, 1, 7, 100}) {
            for (int tasks = 1; tasks <= 9; tasks++) {
                assertEquals(0, ParallelTasks.chunkStart(n, tasks, 0));
                assertEquals(n, ParallelTasks.chunkStart(n, tasks, tasks));
                for (int t = 0; t < tasks; t++) {
                    int size = ParallelTasks.chunkStart(n, tasks, t + 1) - ParallelTasks.chunkStart(n, tasks, t);
                    assertEquals(n / tasks, size, 1.0, "near-equal chunks");
                }
            }
        }
        assertEquals(1, ParallelTasks.tasksFor(0, 4));
        assertEquals(3, ParallelTasks.tasksFor(3, 4));
        assertEquals(4, ParallelTasks.tasksFor(1000, 4));
    }

    @Test
    void rethrowsAFailureFromAnyTask() {
        IllegalStateException boom = new IllegalStateException("boom");
        var e = assertThrows(IllegalStateException.class, () -> ParallelTasks.run(3, t -> {
            if (t == 2) {
                throw boom;
            }
        }));
        assertSame(boom, e);
        assertThrows(IllegalArgumentException.class, () -> ParallelTasks.run(0, t -> { }));
    }
}
