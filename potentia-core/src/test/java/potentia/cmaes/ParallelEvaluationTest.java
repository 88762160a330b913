package potentia.cmaes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Results do not depend on how many threads evaluate populations or run seeds. */
class ParallelEvaluationTest {

    private static CmaesDriver.Result search(int seed, int threads) {
        CmaesStopping stopping = CmaesStopping.defaults().withTarget(1e-8).withMaxEvaluations(20_000);
        RestartingCmaes s = RestartingCmaes.start(RestartStrategy.ipop(), new double[] {2, 2, -3}, 1.5, 0, true,
                stopping, seed);
        return CmaesDriver.run(s, TestFunctions::rastrigin, threads, r -> { });
    }

    @Test
    void populationEvaluationKeepsCandidateOrder() {
        double[][] x = new double[13][];
        for (int k = 0; k < x.length; k++) {
            x[k] = new double[] {k, -k};
        }
        double[] one = PopulationEvaluator.evaluate(TestFunctions::sphere, x, 1);
        double[] four = PopulationEvaluator.evaluate(TestFunctions::sphere, x, 4);
        assertArrayEquals(one, four, 0);
        for (int k = 0; k < x.length; k++) {
            assertEquals(2.0 * k * k, one[k]);
        }
    }

    @Test
    void manyRunsGiveTheSameResultsOnOneOrThreeThreads() {
        List<CmaesDriver.Result> serial = ParallelRuns.run(5, 1, i -> search(100 + i, 1));
        List<CmaesDriver.Result> parallel = ParallelRuns.run(5, 3, i -> search(100 + i, 2));
        for (int i = 0; i < 5; i++) {
            assertEquals(serial.get(i).evaluations(), parallel.get(i).evaluations());
            assertEquals(serial.get(i).bestFitness(), parallel.get(i).bestFitness(), 0);
            assertArrayEquals(serial.get(i).bestX(), parallel.get(i).bestX(), 0);
        }
    }

    @Test
    void threadsAreSharedBetweenRunsFirst() {
        assertArrayEquals(new int[] {2, 1}, ParallelRuns.split(10, 2));
        assertArrayEquals(new int[] {1, 8}, ParallelRuns.split(1, 8));
        assertArrayEquals(new int[] {3, 2}, ParallelRuns.split(3, 7));
    }
}
