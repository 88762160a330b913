package potentia.cmaes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run saved to disk and resumed ends bit for bit where the uninterrupted run ends. */
class ResumeTest {
    @TempDir
    Path dir;

    private static final Objective F = TestFunctions::rastrigin;

    @Test
    void resumedRunEqualsUninterruptedRun() {
        // n = 126: C is decomposed every other generation, and the checkpoint falls between two
        // decompositions, so the saved B and D are older than C on purpose
        double[] x0 = new double[126];
        java.util.Arrays.fill(x0, 0.4);
        int lambda = CmaesParameters.defaultLambda(x0.length);
        CmaesStopping stopping = CmaesStopping.defaults().withMaxEvaluations(6L * lambda);
        Cmaes whole = Cmaes.start(x0, 0.3, stopping, 5);
        assertEquals(2, whole.parameters().eigenInterval());
        Cmaes first = Cmaes.start(x0, 0.3, stopping, 5);
        for (int g = 0; g < 3; g++) {
            first.tell(PopulationEvaluator.evaluate(F, first.ask(), 1));
        }
        Path file = dir.resolve("run.ckpt");
        CmaesState saved = first.state();
        CheckpointFile.write(file, "cmaes", saved::write);
        CmaesState loaded = CheckpointFile.read(file, "cmaes", CmaesState::read);
        assertEquals(saved, loaded);
        Cmaes resumed = Cmaes.resume(loaded);
        while (!resumed.stopped()) {
            resumed.tell(PopulationEvaluator.evaluate(F, resumed.ask(), 1));
        }
        while (!whole.stopped()) {
            whole.tell(PopulationEvaluator.evaluate(F, whole.ask(), 1));
        }
        assertEquals(whole.state(), resumed.state());
        assertArrayEquals(whole.bestX(), resumed.bestX(), 0);
    }

    @Test
    void restartSequenceResumesAcrossARestart() throws IOException {
        double[] x0 = {2.5, -1.5, 3.0};
        CmaesStopping stopping = CmaesStopping.defaults().withTarget(1e-8).withMaxEvaluations(40_000);
        RestartingCmaes whole = RestartingCmaes.start(RestartStrategy.bipop(), x0, 2, 0, true, stopping, 8);
        RestartingCmaes part = RestartingCmaes.start(RestartStrategy.bipop(), x0, 2, 0, true, stopping, 8);
        while (part.runs().size() < 2 && !part.stopped()) {
            part.tell(PopulationEvaluator.evaluate(F, part.ask(), 1));
        }
        for (int g = 0; g < 5 && !part.stopped(); g++) {
            part.tell(PopulationEvaluator.evaluate(F, part.ask(), 1));
        }
        assertTrue(part.runs().size() >= 2, "the test needs a restart before the checkpoint");
        Path file = dir.resolve("search.ckpt");
        CheckpointFile.write(file, "search", part::write);
        RestartingCmaes resumed = CheckpointFile.read(file, "search", RestartingCmaes::read);
        CmaesDriver.Result a = CmaesDriver.run(whole, F, 1, s -> { });
        CmaesDriver.Result b = CmaesDriver.run(resumed, F, 2, s -> { });
        assertEquals(a.evaluations(), b.evaluations());
        assertEquals(a.bestFitness(), b.bestFitness(), 0);
        assertArrayEquals(a.bestX(), b.bestX(), 0);
        assertEquals(a.runs(), b.runs());
        assertEquals(bytes(whole), bytes(resumed));
    }

    private static String bytes(RestartingCmaes r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.write(new DataOutputStream(out));
        return java.util.HexFormat.of().formatHex(out.toByteArray());
    }
}
