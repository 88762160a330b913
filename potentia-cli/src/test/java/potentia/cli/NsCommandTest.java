package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.ns.NsRun;

/** {@code potentia ns} and {@code potentia ns-analyse} end to end, on runs small enough for a unit test. */
class NsCommandTest {
    private static final List<String> FILES = List.of(NsRun.SAMPLES, NsRun.SNAPSHOTS, NsRun.LIVE, NsRun.LIVE_STRUCTURES,
            NsRun.CHECKPOINT);

    @TempDir
    Path dir;

    /** A 6-atom LJ argon cluster in a sphere: K = 24, 2 walks per iteration. */
    private String[] cluster(String out, long iterations, String threads, String... extra) {
        List<String> a = new ArrayList<>(List.of("ns", "--potential", "lj", "--species", "Ar", "--atoms", "6",
                "--sphere", "6", "--walkers", "24", "--parallel-walks", "2", "--walk-length", "16", "--iterations",
                Long.toString(iterations), "--seed", "3", "--snapshot-every", "10", "--checkpoint-every", "40",
                "--threads", threads, "--out", dir.resolve(out).toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void runsAnalysesAndReportsProgress() throws IOException {
        CliRun run = CliRun.of(cluster("lj6", 600, "1"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("600/600") && run.err().contains("H_max") && run.err().contains("acc atom"),
                run.err());
        assertTrue(run.out().contains("analyse with: potentia ns-analyse"), run.out());
        Path out = dir.resolve("lj6");
        assertEquals(601, Files.readAllLines(out.resolve(NsRun.SAMPLES)).size(), "header and one line per iteration");

        CliRun analysis = CliRun.of("ns-analyse", out.toString(), "--temperatures", "5:150:60", "--repeats", "8",
                "--no-relax");
        assertEquals(0, analysis.exitCode(), analysis.err());
        for (String f : List.of("thermodynamics.csv", "heat-capacity.png")) {
            assertTrue(Files.size(out.resolve("analysis").resolve(f)) > 0, f);
        }
        List<String> table = Files.readAllLines(out.resolve("analysis").resolve("thermodynamics.csv"));
        assertEquals(61, table.size());
        assertTrue(table.get(0).startsWith("temperature_K,ln_Z,ln_Z_err"), table.get(0));
        assertTrue(analysis.out().contains("peak 1: T = ") || analysis.out().contains("no heat-capacity peak"),
                analysis.out());

        CliRun below = CliRun.of("ns-analyse", out.toString(), "--temperatures", "0.001:150:60", "--repeats", "0",
                "--no-relax", "-o", dir.resolve("lj6-below").toString());
        assertEquals(0, below.exitCode(), below.err());
        assertTrue(below.err().contains("below the run's final sampled temperature"), below.err());
        CliRun resolved = CliRun.of("ns-analyse", out.toString(), "--repeats", "0", "--no-relax", "-o",
                dir.resolve("lj6-auto").toString());
        assertEquals(0, resolved.exitCode(), resolved.err());
        assertFalse(resolved.err().contains("warning"), resolved.err());
    }

    /** 60 iterations on 1 thread then --resume to 120 on 2 threads writes what 120 uninterrupted iterations write. */
    @Test
    void resumedAndExtendedRunEqualsUninterruptedOnAnyThreadCount() throws IOException {
        assertEquals(0, CliRun.of(cluster("whole", 120, "2")).exitCode());
        assertEquals(0, CliRun.of(cluster("parts", 60, "1")).exitCode());
        CliRun resumed = CliRun.of("ns", "--resume", dir.resolve("parts").toString(), "--iterations", "120",
                "--threads", "2");
        assertEquals(0, resumed.exitCode(), resumed.err());
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("whole").resolve(f)),
                    Files.readAllBytes(dir.resolve("parts").resolve(f)), f);
        }
    }

    @Test
    void variableCellRunWithAModel() throws IOException {
        Path model = dir.resolve("si.potentia");
        CliRun init = CliRun.of("model", "init", "--species", "Si", "--cutoff", "4", "--nmax", "3", "--layers", "8",
                "--seed", "2", "-o", model.toString());
        assertEquals(0, init.exitCode(), init.err());
        CliRun run = CliRun.of("ns", "--model", model.toString(), "--species", "Si", "--atoms", "4", "--pressure", "1",
                "--walkers", "8", "--parallel-walks", "2", "--walk-length", "4", "--iterations", "6", "--seed", "1",
                "--threads", "1", "--out", dir.resolve("nn").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(dir.resolve("nn").resolve(NsRun.INFO)).contains("model:"));
        CliRun more = CliRun.of("ns", "--resume", dir.resolve("nn").toString(), "--iterations", "8", "--threads", "1");
        assertEquals(0, more.exitCode(), more.err());
        assertEquals(9, Files.readAllLines(dir.resolve("nn").resolve(NsRun.SAMPLES)).size());
        // the same network walked by Hamiltonian trajectories: momenta in the run, divided out by the analysis
        CliRun hmc = CliRun.of("ns", "--model", model.toString(), "--species", "Si", "--atoms", "4", "--pressure", "1",
                "--walkers", "8", "--parallel-walks", "2", "--walk-length", "6", "--iterations", "40", "--seed", "1",
                "--moves", "hmc=2,volume=1,shear=1,stretch=1", "--hmc-steps", "3", "--kinetic-temperature", "3000",
                "--threads", "1", "--out", dir.resolve("hmc").toString());
        assertEquals(0, hmc.exitCode(), hmc.err());
        String info = Files.readString(dir.resolve("hmc").resolve(NsRun.INFO));
        assertTrue(info.contains("kinetic_cap_eV") && info.contains("hmc:2.0"), info);
        assertTrue(hmc.err().contains("hmc "), "acceptance of the trajectories in the progress line: " + hmc.err());
        CliRun again = CliRun.of("ns", "--resume", dir.resolve("hmc").toString(), "--iterations", "48", "--threads", "1");
        assertEquals(0, again.exitCode(), again.err());
        CliRun analyse = CliRun.of("ns-analyse", dir.resolve("hmc").toString(), "--temperatures", "200:2000:10",
                "--repeats", "3");
        assertEquals(0, analyse.exitCode(), analyse.err());
    }

    @Test
    void badInputGetsOneClearLine() throws IOException {
        assertError(new String[] {"ns", "--potential", "lj", "--species", "Ar", "--atoms", "6", "--sphere", "6",
            "--walkers", "24", "--parallel-walks", "16", "--walk-length", "8", "--iterations", "10", "--seed", "1",
            "--out", dir.resolve("a").toString()}, "ns", "too few walkers (24) for 16 parallel walks");
        assertError(new String[] {"ns", "--potential", "sw", "--species", "Si", "--atoms", "8", "--pressure", "-1",
            "--walkers", "16", "--walk-length", "8", "--iterations", "10", "--seed", "1", "--out",
            dir.resolve("b").toString()}, "ns", "negative pressure");
        assertError(new String[] {"ns", "--potential", "sw", "--species", "Ar", "--atoms", "8", "--pressure", "0",
            "--walkers", "16", "--walk-length", "8", "--iterations", "10", "--seed", "1", "--out",
            dir.resolve("c").toString()}, "ns", "--species");
        assertError(new String[] {"ns", "--potential", "lj", "--species", "Xx", "--atoms", "6", "--sphere", "6",
            "--walkers", "24", "--walk-length", "8", "--iterations", "10", "--seed", "1", "--out",
            dir.resolve("d").toString()}, "ns", "unknown element 'Xx'");
        assertError(new String[] {"ns", "--potential", "lj", "--species", "Ar", "--atoms", "6", "--sphere", "6",
            "--walkers", "24", "--walk-length", "8", "--iterations", "10", "--seed", "1", "--moves", "atom=1,hmc=1",
            "--out", dir.resolve("f").toString()}, "ns", "give --kinetic-temperature");
        assertError(new String[] {"ns", "--potential", "lj", "--species", "Ar", "--atoms", "6", "--sphere", "6",
            "--walkers", "24", "--walk-length", "8", "--iterations", "10", "--seed", "1", "--moves", "atom=0,hmc=1",
            "--kinetic-temperature", "500", "--out", dir.resolve("g").toString()}, "ns", "keep the centre of mass");
        assertError(new String[] {"ns", "--potential", "lj", "--species", "Ar", "--atoms", "6", "--sphere", "6",
            "--walkers", "24", "--walk-length", "8", "--iterations", "10", "--seed", "1", "--kinetic-temperature",
            "500", "--out", dir.resolve("h").toString()}, "ns", "apply only with hmc moves");
        assertError(new String[] {"ns", "--resume", dir.resolve("none").toString()}, "ns", "not a directory");
        assertEquals(0, CliRun.of(cluster("e", 10, "1")).exitCode());
        assertError(new String[] {"ns", "--resume", dir.resolve("e").toString(), "--walkers", "30"}, "ns",
                "do not also give --walkers");
        assertError(cluster("e", 10, "1"), "ns", "not empty");
        Path checkpoint = dir.resolve("e").resolve(NsRun.CHECKPOINT);
        byte[] bytes = Files.readAllBytes(checkpoint);
        bytes[bytes.length / 3] ^= 4;
        Files.write(checkpoint, bytes);
        assertError(new String[] {"ns", "--resume", dir.resolve("e").toString()}, "ns", "corrupt checkpoint");
        assertError(new String[] {"ns-analyse", dir.resolve("e").toString()}, "ns-analyse", "the analysis needs at least");
    }

    private static void assertError(String[] args, String command, String part) {
        CliRun run = CliRun.of(args);
        assertEquals(1, run.exitCode(), run.err());
        String err = run.err().strip();
        assertTrue(err.startsWith(command + ": error: ") && err.contains(part) && !err.contains("\n"), err);
    }
}
