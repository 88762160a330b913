package potentia.md;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.io.ExtxyzReader;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.AtomArray;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.units.Units;

/** The output directory: trajectory, log, restart files, and continuing after a kill. */
class MdRunTest {
    @TempDir
    Path dir;

    private static final MdSettings SETTINGS = new MdSettings(2.0, new Thermostat.Langevin(900, 0.02),
            new Barostat.None(), 12, 0.5);

    private static MolecularDynamics engine() {
        Structure s = Crystals.diamond(Element.Si, 5.431).repeat(2, 2, 2);
        MdSystem sys = MdSystem.of(s).withFixedAtoms(new int[] {3});
        return MolecularDynamics.create(StillingerWeber.silicon(), sys, SETTINGS,
                MolecularDynamics.initialState(s, Velocities.maxwellBoltzmann(sys, 900, 1)), 1);
    }

    private static final MdRun.Plan PLAN = new MdRun.Plan(100, 10, 5, 30, false);

    @Test
    void writesTrajectoryLogRestartAndFinalState() throws IOException {
        Path out = dir.resolve("run");
        MdRun run = MdRun.start(out, engine(), PLAN, Map.of("potential", "sw"));
        run.run();
        List<Structure> frames = ExtxyzReader.readAll(out.resolve(MdRun.TRAJECTORY));
        assertEquals(11, frames.size());
        Structure last = frames.get(10);
        assertEquals(100, last.info("step").orElseThrow().asDouble());
        assertEquals(200.0, last.info("time").orElseThrow().asDouble());
        assertTrue(last.info("energy").isPresent() && last.info("stress").isPresent());
        double[] v = ((AtomArray.Reals) last.array("velocities").orElseThrow()).values();
        assertEquals(0.0, v[9]); // the fixed atom
        assertTrue(last.array("forces").isPresent() && last.array("move_mask").isPresent());
        List<String> log = Files.readAllLines(out.resolve(MdRun.LOG));
        assertEquals(MdRun.LOG_HEADER, log.get(0));
        assertEquals(1 + 21, log.size());
        String[] row = log.get(21).split(",");
        assertEquals("100", row[0]);
        assertEquals(9, row.length);
        double temperature = Double.parseDouble(row[6]);
        assertTrue(temperature > 300 && temperature < 2000, "T = " + temperature);
        Structure fin = ExtxyzReader.readAll(out.resolve(MdRun.FINAL)).get(0);
        MdRestart restart = MdRun.readRestart(out);
        assertEquals(100, restart.state().step());
        assertArrayEquals(restart.state().positions(), fin.positions(), 0.0);
        assertEquals("sw", restart.metadata().get("potential"));
        assertEquals(PLAN, MdRun.plan(restart));
        // the log's kinetic energy is ½mv² of the final velocities; the trajectory keeps them to 8 decimals
        double k = Velocities.kinetic(restart.system(), restart.state().velocities());
        assertEquals(Double.parseDouble(row[3]), k, 1e-12 * k);
        assertArrayEquals(restart.state().velocities(), v, 1e-8);
        var e = assertThrows(IllegalArgumentException.class, () -> MdRun.start(out, engine(), PLAN, Map.of()));
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());
    }

    /**
     * A run killed at step 70 (after its checkpoint at 60, with frames and rows up to 70 already
     * written) and continued: every output file is byte-identical to the uninterrupted run's.
     */
    @Test
    void continuingAfterAKillReproducesTheUninterruptedFiles() throws IOException {
        Path whole = dir.resolve("whole");
        MdRun.start(whole, engine(), PLAN, Map.of()).run();

        Path killed = dir.resolve("killed");
        MdRun first = MdRun.start(killed, engine(), PLAN, Map.of());
        first.engine().run(70); // no final checkpoint: as if killed after step 70
        first.close();
        assertEquals(60, MdRun.readRestart(killed).state().step());
        assertTrue(Files.readAllLines(killed.resolve(MdRun.LOG)).getLast().startsWith("70,"));

        MdRestart restart = MdRun.readRestart(killed);
        MdRun.resume(killed, restart, MdRun.plan(restart), StillingerWeber.silicon(), 2).run();
        for (String file : new String[] {MdRun.TRAJECTORY, MdRun.LOG, MdRun.FINAL}) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(file)), Files.readAllBytes(killed.resolve(file)), file);
        }
    }

    @Test
    void aRunCanBeExtendedAndRefusesATamperedDirectory() throws IOException {
        Path out = dir.resolve("short");
        MdRun.start(out, engine(), PLAN.withSteps(40), Map.of()).run();
        MdRestart restart = MdRun.readRestart(out);
        MdRun.resume(out, restart, MdRun.plan(restart).withSteps(100), StillingerWeber.silicon(), 1).run();
        Path whole = dir.resolve("whole");
        MdRun.start(whole, engine(), PLAN, Map.of()).run();
        // the log and trajectory match; the restart at 40 was an extra checkpoint, which changes nothing
        assertArrayEquals(Files.readAllBytes(whole.resolve(MdRun.LOG)), Files.readAllBytes(out.resolve(MdRun.LOG)));
        assertArrayEquals(Files.readAllBytes(whole.resolve(MdRun.TRAJECTORY)),
                Files.readAllBytes(out.resolve(MdRun.TRAJECTORY)));

        MdRestart done = MdRun.readRestart(out);
        var e = assertThrows(IllegalArgumentException.class,
                () -> MdRun.resume(out, done, MdRun.plan(done).withSteps(50), StillingerWeber.silicon(), 1));
        assertTrue(e.getMessage().contains("beyond"), e.getMessage());
        Files.writeString(out.resolve(MdRun.LOG), "step\n");
        e = assertThrows(IllegalArgumentException.class,
                () -> MdRun.resume(out, done, MdRun.plan(done), StillingerWeber.silicon(), 1));
        assertTrue(e.getMessage().contains("fewer than"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MdRun.readRestart(dir.resolve("nothing")));
        assertTrue(e.getMessage().contains("no run to resume"), e.getMessage());
        assertEquals(Units.GPA, Units.fromGPa(1)); // units of the log's pressure column
    }
}
