package potentia.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.cmaes.ParallelRuns;
import potentia.cmaes.RestartStrategy;
import potentia.cmaes.StopReason;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Structure;

class SearchRunTest {
    @TempDir
    Path dir;

    private static final Penalties PENALTIES = new Penalties(0.5, 10);

    private static SearchRunResult runToEnd(SearchRun run, StructureObjective f, int threads) {
        while (!run.finished()) {
            run.step(f, threads);
        }
        return run.result(f);
    }

    /** LJ5's global minimum, the trigonal bipyramid: E = −9.103852 ε (Cambridge Cluster Database). */
    @Test
    void findsTheLj5GlobalMinimum() {
        Structure founder = SearchFixtures.grid(5);
        StructureObjective f = new StructureObjective(founder, new AtomSelection.All().select(founder),
                SearchFixtures.lj(), LocalRelaxation.none(), PENALTIES, 0);
        SearchSettings settings = SearchSettings.of(0.3).withRestarts(RestartStrategy.ipop()).withMaxEvaluations(60_000)
                .withTargetEnergy(-9.103852 + 1e-6);
        SearchRunResult r = runToEnd(SearchRun.start(0, 1, f, settings), f, 1);
        assertEquals(-9.103852, r.best().energy(), 1e-5, "stopped by " + r.stopReasons());
        assertTrue(r.stopReasons().contains(StopReason.TARGET_FITNESS));
        assertEquals(r.best().energy(), r.structure().info("energy").orElseThrow().asDouble(), 1e-9);
        long[] ev = r.traceEvaluations();
        double[] best = r.traceBest();
        assertEquals(r.evaluations(), ev[ev.length - 1]);
        for (int k = 1; k < ev.length; k++) {
            assertTrue(ev[k] > ev[k - 1] && best[k] <= best[k - 1]);
        }
    }

    @Test
    void aSlabSearchMovesOnlyTheFreeLayerAndLowersTheEnergy() {
        Structure slab = SearchFixtures.siSlab(2); // 16 atoms in 8 layers, z from 0 to 9.5 Å
        StillingerWeber sw = StillingerWeber.silicon();
        int[] free = AtomSelection.parse("z>=8").select(slab);
        assertEquals(4, free.length);
        StructureObjective f = new StructureObjective(slab, free, sw, LocalRelaxation.none(), PENALTIES, 0);
        SearchRunResult r = runToEnd(SearchRun.start(0, 3, f, SearchSettings.of(0.3).withMaxEvaluations(3000)), f, 2);
        double founderEnergy = sw.compute(slab).energy();
        assertTrue(r.best().energy() < founderEnergy - 0.5, founderEnergy + " → " + r.best().energy());
        Structure best = r.structure();
        for (int i = 0; i < slab.size(); i++) {
            if (slab.position(i, 2) < 8) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(slab.position(i, k), best.position(i, k), 0, "fixed atom " + i + " moved");
                }
            }
        }
    }

    @Test
    void aRunResumedFromItsCheckpointEndsLikeTheUninterruptedRun() {
        Structure founder = SearchFixtures.grid(6);
        StructureObjective f = new StructureObjective(founder, new AtomSelection.All().select(founder),
                SearchFixtures.lj(), LocalRelaxation.none(), PENALTIES, 0);
        SearchSettings settings = SearchSettings.of(0.3).withRestarts(RestartStrategy.bipop()).withMaxEvaluations(3000);
        SearchRun whole = SearchRun.start(4, 77, f, settings);
        SearchRun part = SearchRun.start(4, 77, f, settings);
        for (int g = 0; g < 60; g++) {
            part.step(f, 1);
        }
        Path file = dir.resolve("run.ckpt");
        part.save(file);
        SearchRun resumed = SearchRun.load(file, f.dimension());
        assertEquals(4, resumed.index());
        assertEquals(77, resumed.seed());
        SearchRunResult a = runToEnd(whole, f, 1);
        SearchRunResult b = runToEnd(resumed, f, 3);
        assertEquals(a.evaluations(), b.evaluations());
        assertEquals(a.best().fitness(), b.best().fitness(), 0);
        assertArrayEquals(a.structure().positions(), b.structure().positions(), 0);
        assertArrayEquals(a.traceEvaluations(), b.traceEvaluations());
        assertArrayEquals(a.traceBest(), b.traceBest(), 0);
        assertEquals(a.stopReasons(), b.stopReasons());
        assertThrows(IllegalArgumentException.class, () -> SearchRun.load(file, f.dimension() + 3));
    }

    @Test
    void manyRunsDoNotDependOnTheThreadCount() {
        Structure founder = SearchFixtures.grid(4);
        StructureObjective f = new StructureObjective(founder, new AtomSelection.All().select(founder),
                SearchFixtures.lj(), LocalRelaxation.none(), PENALTIES, 0);
        SearchSettings settings = SearchSettings.of(0.3).withMaxEvaluations(1500);
        List<SearchRunResult> one = ParallelRuns.run(4, 1, i -> runToEnd(SearchRun.start(i, 10 + i, f, settings), f, 1));
        List<SearchRunResult> two = ParallelRuns.run(4, 2, i -> runToEnd(SearchRun.start(i, 10 + i, f, settings), f, 2));
        for (int i = 0; i < 4; i++) {
            assertEquals(one.get(i).best().fitness(), two.get(i).best().fitness(), 0);
            assertArrayEquals(one.get(i).structure().positions(), two.get(i).structure().positions(), 0);
        }
    }

    @Test
    void aDamagedCheckpointIsRefusedByName() throws IOException {
        Structure founder = SearchFixtures.grid(4);
        StructureObjective f = new StructureObjective(founder, new AtomSelection.All().select(founder),
                SearchFixtures.lj(), LocalRelaxation.none(), PENALTIES, 0);
        SearchRun run = SearchRun.start(0, 1, f, SearchSettings.of(0.3));
        run.step(f, 1);
        Path file = dir.resolve("r.ckpt");
        run.save(file);
        byte[] b = Files.readAllBytes(file);
        b[40] ^= 0x10;
        Files.write(file, b);
        String m = assertThrows(IllegalArgumentException.class, () -> SearchRun.load(file, 12)).getMessage();
        assertTrue(m.contains(file.toString()) && m.contains("corrupt"), m);
    }
}
