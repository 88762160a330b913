package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import potentia.io.ExtxyzReader;
import potentia.io.ExtxyzWriter;
import potentia.potential.Result;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.AtomArray;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.InfoValue;
import potentia.structure.Structure;

/**
 * End to end with the real peer: ASE's {@code SocketIOCalculator} (Debian's python3-ase; skipped
 * where {@code /usr/bin/python3 -c 'import ase'} fails) is the i-PI server, {@code potentia serve}
 * the driver. ASE relaxes a rattled Si cell with BFGS over a UNIX socket and runs a short
 * Velocity-Verlet MD over TCP with the Potentia SW potential through the socket; every frame ASE
 * saw, with the energy, forces and stress it received, must equal a direct SW evaluation of that
 * frame.
 *
 * <p>The driver runs in-process on a thread (through {@link Main#run}, the code path of the
 * launcher): no packaged build needed, faster than a second JVM, and the same command-line parsing.
 *
 * <p>Tolerance 1e-11 relative: the socket carries float64, so only last-bit rounding of the unit
 * conversions and summation order separate the two; a mismatch of the Bohr or Hartree values
 * (e.g. CODATA 2018 against ASE's 2014) would show at ~1e-9.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServeAseEndToEndTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final double REL = 1e-11;

    @TempDir
    Path dir;

    @BeforeAll
    static void aseIsInstalled() {
        boolean ok;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import ase.calculators.socketio, ase.optimize, ase.md.verlet")
                    .redirectErrorStream(true).start();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        }
        assumeTrue(ok, "ASE is not available to " + PYTHON);
    }

    @Test
    void aseRelaxesSiliconThroughAUnixSocket() throws Exception {
        Path start = write("si8.extxyz", Crystals.diamond(Element.Si, 5.431));
        String name = "potentia-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path frames = dir.resolve("relax.extxyz");
        Future<CliRun> driver = serve("--structure", start.toString(), "--unix", name);
        String summary;
        try {
            summary = runPeer(driver, "--start", start.toString(), "--out", frames.toString(), "--unix", name,
                    "--mode", "relax", "--seed", "7");
        } finally {
            // ASE removes its socket file when it closes normally, not when the test had to kill it
            Files.deleteIfExists(Path.of("/tmp/ipi_" + name));
        }
        assertTrue(summary.contains("\"converged\": true"), summary);
        List<Structure> seen = ExtxyzReader.readAll(frames);
        assertTrue(seen.size() >= 3, "BFGS took " + seen.size() + " steps");
        CliRun done = driver.get(60, TimeUnit.SECONDS);
        assertEquals(0, done.exitCode(), done.err());
        assertTrue(done.err().contains("serve: the server closed the connection after "), done.err());
        assertSameAsDirect(seen);
    }

    @Test
    void aseRunsMolecularDynamicsThroughTcp() throws Exception {
        Path start = write("si64.extxyz", Crystals.diamond(Element.Si, 5.431).repeat(2, 2, 2));
        int port = freePort();
        Path frames = dir.resolve("md.extxyz");
        Future<CliRun> driver = serve("--structure", start.toString(), "--inet", "127.0.0.1:" + port);
        String summary = runPeer(driver, "--start", start.toString(), "--out", frames.toString(), "--port",
                String.valueOf(port), "--mode", "md", "--steps", "20", "--seed", "3");
        List<Structure> seen = ExtxyzReader.readAll(frames);
        assertEquals(21, seen.size(), summary);
        CliRun done = driver.get(60, TimeUnit.SECONDS);
        assertEquals(0, done.exitCode(), done.err());
        assertTrue(done.err().contains("serve: the server closed the connection after 21 evaluations"), done.err());
        assertSameAsDirect(seen);
        // NVE with consistent forces: total energy steady (a sign or unit error in the forces breaks this)
        double span = Double.parseDouble(summary.replaceAll(".*\"total_energy_span\": ([-0-9.eE+]+).*", "$1"));
        assertTrue(span < 0.02, "total energy varied by " + span + " eV over 20 fs");
    }

    /** Every frame's ASE-received labels against SW evaluated directly on the frame. */
    private static void assertSameAsDirect(List<Structure> frames) {
        StillingerWeber sw = StillingerWeber.silicon();
        for (int f = 0; f < frames.size(); f++) {
            Structure s = frames.get(f);
            Result r = sw.compute(s);
            String where = "frame " + f;
            double energy = s.info("energy").orElseThrow().asDouble();
            assertEquals(r.energy(), energy, REL * Math.abs(r.energy()), where + " energy");
            double[] forces = ((AtomArray.Reals) s.array("forces").orElseThrow()).values();
            assertClose(r.forces(), forces, r.maxForce(), 1e-12, where + " forces");
            double[] stress = ((InfoValue.Reals) s.info("stress").orElseThrow()).values();
            double[] expected = r.stress();
            double scale = 0;
            for (double v : expected) {
                scale = Math.max(scale, Math.abs(v));
            }
            assertClose(expected, stress, scale, 1e-13, where + " stress");
        }
    }

    /** |a − e| ≤ REL·scale + floor: the floor covers rounding where everything is near zero (perfect crystal). */
    private static void assertClose(double[] expected, double[] actual, double scale, double floor, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], REL * scale + floor, what + " component " + k);
        }
    }

    private Path write(String name, Structure s) {
        Path p = dir.resolve(name);
        ExtxyzWriter.writeAll(p, List.of(s));
        return p;
    }

    private static Future<CliRun> serve(String... args) {
        List<String> all = new ArrayList<>(List.of("serve", "--potential", "sw", "--threads", "1",
                "--connect-timeout", "60", "--idle-timeout", "60", "--log-every", "0"));
        all.addAll(List.of(args));
        FutureTask<CliRun> task = new FutureTask<>(() -> CliRun.of(all.toArray(String[]::new)));
        Thread t = new Thread(task, "potentia-serve");
        t.setDaemon(true);
        t.start();
        return task;
    }

    /**
     * Runs ase_peer.py to completion and returns its one-line JSON summary. ASE's server waits
     * for a driver forever, so when the driver ends first (it failed) the peer is stopped and the
     * driver's output reported.
     */
    private String runPeer(Future<CliRun> driver, String... args) throws Exception {
        Path script = Path.of(ServeAseEndToEndTest.class.getResource("/ipi/ase_peer.py").toURI());
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("peer.out");
        Path log = dir.resolve("peer.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(log.toFile());
        pb.environment().put("PYTHONUTF8", "1");
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (driver.isDone() && !p.waitFor(5, TimeUnit.SECONDS)) {
                    CliRun d = driver.get();
                    throw new AssertionError("potentia serve ended (exit " + d.exitCode() + ") before the ASE peer:\n"
                            + d.err());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("ASE peer did not finish in 120 s:\n" + Files.readString(log));
                }
            }
        } finally {
            p.destroyForcibly();
        }
        String summary = Files.readString(out, StandardCharsets.UTF_8).strip();
        assertEquals(0, p.exitValue(), "ASE peer failed:\n" + summary + Files.readString(log));
        return summary;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
