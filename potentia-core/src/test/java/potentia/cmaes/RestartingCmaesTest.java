package potentia.cmaes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestartingCmaesTest {

    @Test
    void ipopDoublesThePopulationUntilRastriginIsSolved() {
        double[] x0 = {3, -3, 2, 4, -2};
        CmaesStopping stopping = CmaesStopping.defaults().withTarget(1e-8).withMaxEvaluations(300_000);
        RestartingCmaes search = RestartingCmaes.start(RestartStrategy.ipop(), x0, 2, 0, true, stopping, 3);
        CmaesDriver.Result r = CmaesDriver.run(search, TestFunctions::rastrigin, 1, s -> { });
        assertTrue(r.bestFitness() <= 1e-8, "best " + r.bestFitness() + " after " + r.runs());
        List<RestartingCmaes.Run> runs = r.runs();
        assertTrue(runs.size() > 1, "Rastrigin from far away should need restarts: " + runs);
        for (int k = 1; k < runs.size(); k++) {
            assertEquals(2 * runs.get(k - 1).lambda(), runs.get(k).lambda());
        }
        long sum = runs.stream().mapToLong(RestartingCmaes.Run::evaluations).sum();
        assertEquals(sum, r.evaluations());
        assertTrue(r.stopReasons().contains(StopReason.TARGET_FITNESS));
    }

    @Test
    void bipopAlternatesLargeAndSmallPopulations() {
        double[] x0 = {3, -3, 2, 4, -2};
        CmaesStopping stopping = CmaesStopping.defaults().withTarget(-1).withMaxEvaluations(60_000);
        RestartingCmaes search = RestartingCmaes.start(RestartStrategy.bipop(), x0, 2, 0, true, stopping, 4);
        CmaesDriver.Result r = CmaesDriver.run(search, TestFunctions::rastrigin, 1, s -> { });
        List<RestartingCmaes.Run> runs = r.runs();
        int lambda0 = CmaesParameters.defaultLambda(5);
        assertEquals(lambda0, runs.get(0).lambda());
        assertEquals(2 * lambda0, runs.get(1).lambda(), "the first restart is a large one");
        boolean small = runs.stream().anyMatch(run -> run.sigma0() < 2 && run.lambda() <= 2 * lambda0);
        assertTrue(small, "some restart has a small population and σ: " + runs);
        assertTrue(r.evaluations() >= 60_000 && r.evaluations() < 60_000 + 64 * lambda0);
        assertTrue(r.stopReasons().contains(StopReason.MAX_EVALUATIONS));
    }

    @Test
    void withoutRestartsTheFirstStopIsFinal() {
        CmaesStopping stopping = CmaesStopping.defaults().withTolFun(1e-6);
        RestartingCmaes search = RestartingCmaes.start(RestartStrategy.none(), new double[] {1, 1}, 1, 0, true,
                stopping, 1);
        CmaesDriver.Result r = CmaesDriver.run(search, TestFunctions::sphere, 1, s -> { });
        assertEquals(1, r.runs().size());
        assertEquals(r.runs().get(0).stopReasons(), r.stopReasons());
        assertEquals(Set.of(StopReason.TOL_FUN), r.stopReasons());
    }

    @Test
    void ipopStopsAfterItsRestarts() {
        CmaesStopping stopping = CmaesStopping.defaults().withTolFun(1e-3);
        RestartingCmaes search = RestartingCmaes.start(new RestartStrategy.Ipop(2, 2), new double[] {1, 1}, 1, 0,
                true, stopping, 1);
        CmaesDriver.Result r = CmaesDriver.run(search, TestFunctions::sphere, 1, s -> { });
        assertEquals(3, r.runs().size());
        assertTrue(r.stopReasons().contains(StopReason.MAX_RESTARTS));
        assertEquals("ipop", RestartStrategy.parse("IPOP").label());
    }

    @Test
    void stoppingFromOutsideEndsTheWholeSequenceAndSurvivesACheckpoint() throws java.io.IOException {
        CmaesStopping stopping = CmaesStopping.defaults().withTolFun(1e-3);
        RestartingCmaes search = RestartingCmaes.start(RestartStrategy.ipop(), new double[] {3, -2, 1}, 1, 0, true,
                stopping, 5);
        while (search.restarts() < 1) { // into the first restart
            double[][] x = search.ask();
            search.tell(PopulationEvaluator.evaluate(TestFunctions::sphere, x, 1));
        }
        double[][] x = search.ask();
        search.tell(PopulationEvaluator.evaluate(TestFunctions::sphere, x, 1));
        long evaluations = search.evaluations();
        double best = search.bestFitness();
        search.stop(StopReason.MAX_EVALUATIONS);
        assertTrue(search.stopped());
        assertTrue(search.stopReasons().contains(StopReason.MAX_EVALUATIONS));
        assertEquals(evaluations, search.evaluations(), "stopping costs no evaluation");
        assertEquals(best, search.bestFitness());
        assertEquals(2, search.runs().size(), "the interrupted run is recorded");
        assertEquals(evaluations, search.runs().stream().mapToLong(RestartingCmaes.Run::evaluations).sum());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, search::ask);
        search.stop(StopReason.TOL_X); // no effect once stopped
        assertEquals(Set.of(StopReason.MAX_EVALUATIONS), search.stopReasons());

        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        search.write(new java.io.DataOutputStream(bytes));
        RestartingCmaes read = RestartingCmaes.read(new java.io.DataInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray())));
        assertTrue(read.stopped());
        assertEquals(search.stopReasons(), read.stopReasons());
        assertEquals(evaluations, read.evaluations());
        assertEquals(best, read.bestFitness());
    }
}
