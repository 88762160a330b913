package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.io.ExtxyzReader;
import potentia.io.ExtxyzWriter;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

class MdCommandTest {
    @TempDir
    Path dir;

    private Path silicon() {
        Path p = dir.resolve("si64.extxyz");
        if (!Files.exists(p)) {
            ExtxyzWriter.writeAll(p, List.of(Crystals.diamond(Element.Si, 5.431).repeat(2, 2, 2)));
        }
        return p;
    }

    private String[] args(String out, long steps, String... extra) {
        return argsWithStep(out, steps, "2", extra);
    }

    private String[] argsWithStep(String out, long steps, String timestep, String... extra) {
        List<String> a = new ArrayList<>(List.of("md", "--potential", "sw", "--threads", "1", "--structure",
                silicon().toString(), "--timestep", timestep, "--steps", Long.toString(steps), "--seed", "4",
                "--traj-every", "10", "--log-every", "5", "--checkpoint-every", "20", "--out", dir.resolve(out).toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void runsAndWritesTrajectoryLogRestartAndPlots() {
        CliRun run = CliRun.of(args("nvt", 40, "--ensemble", "nvt-langevin", "--temperature", "800", "--friction", "0.02",
                "--fix", "0-1"));
        assertEquals(0, run.exitCode(), run.err());
        Path out = dir.resolve("nvt");
        for (String f : List.of("trajectory.extxyz", "log.csv", "restart.bin", "final.extxyz", "energy.png",
                "temperature.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        List<Structure> frames = ExtxyzReader.readAll(out.resolve("trajectory.extxyz"));
        assertEquals(5, frames.size());
        assertEquals(frames.get(0).positions()[0], frames.get(4).positions()[0], 0.0); // atom 0 is fixed
        assertTrue(run.err().contains("40/40"), run.err());
    }

    /** 40 steps then --resume --steps 80 writes exactly what 80 uninterrupted steps write. */
    @Test
    void resumingAndExtendingReproducesTheUninterruptedRun() throws IOException {
        String[] npt = {"--ensemble", "npt", "--temperature", "900", "--pressure", "2", "--tau-p", "200",
            "--compressibility", "0.01", "--anisotropic"};
        assertEquals(0, CliRun.of(args("whole", 80, npt)).exitCode());
        assertEquals(0, CliRun.of(args("parts", 40, npt)).exitCode());
        CliRun resumed = CliRun.of("md", "--resume", dir.resolve("parts").toString(), "--steps", "80");
        assertEquals(0, resumed.exitCode(), resumed.err());
        for (String f : List.of("log.csv", "trajectory.extxyz", "final.extxyz")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("whole").resolve(f)),
                    Files.readAllBytes(dir.resolve("parts").resolve(f)), f);
        }
        assertTrue(Files.isRegularFile(dir.resolve("parts").resolve("volume.png")));
    }

    @Test
    void badInputGetsOneClearLine() {
        assertError(args("a", 10, "--ensemble", "nvx", "--temperature", "300"), "unknown ensemble 'nvx'");
        assertError(argsWithStep("a", 10, "-1", "--ensemble", "nve", "--temperature", "300"),
                "--timestep must be a positive number");
        assertError(args("a", 10, "--ensemble", "npt", "--temperature", "300"), "--pressure (GPa) is required");
        assertError(args("a", 10, "--ensemble", "nvt-bussi"), "--temperature is required");
        assertError(args("a", 10, "--ensemble", "nve", "--temperature", "300", "--friction", "0.1"),
                "--friction applies to Langevin");
        assertError(args("a", -5, "--ensemble", "nve", "--temperature", "300"), "--steps must be ≥ 0");
        assertError(args("a", 10, "--ensemble", "nve", "--temperature", "300", "--fix", "70"), "atom 70 does not exist");
        assertError(args("a", 10, "--ensemble", "nve", "--temperature", "300", "--mass", "Xx=3"), "unknown element 'Xx'");
        assertError(new String[] {"md", "--resume", dir.resolve("none").toString()}, "no run to resume");
        assertEquals(0, CliRun.of(args("b", 10, "--ensemble", "nve", "--temperature", "300")).exitCode());
        assertError(new String[] {"md", "--resume", dir.resolve("b").toString(), "--timestep", "3"},
                "only --steps, --threads and --no-plots");
        assertError(args("b", 10, "--ensemble", "nve", "--temperature", "300"), "already holds a run");
    }

    private static void assertError(String[] args, String part) {
        CliRun run = CliRun.of(args);
        assertEquals(1, run.exitCode(), run.err());
        String err = run.err().strip();
        assertTrue(err.startsWith("md: error: ") && err.contains(part) && !err.contains("\n"), err);
    }
}
