package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import potentia.io.ExtxyzWriter;
import potentia.ipi.FakeIpiServer;
import potentia.potential.Result;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.units.Units;

/**
 * {@code potentia serve} against the Java fake server: exit codes and the lines it prints for a
 * normal session and for each documented failure.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServeCommandTest {
    @TempDir
    Path dir;

    private final Structure si8 = Crystals.diamond(Element.Si, 5.431);

    private Path start() {
        Path p = dir.resolve("si8.extxyz");
        ExtxyzWriter.writeAll(p, List.of(si8));
        return p;
    }

    private static Future<CliRun> serve(String... args) {
        FutureTask<CliRun> task = new FutureTask<>(() -> CliRun.of(args));
        Thread t = new Thread(task, "potentia-serve");
        t.setDaemon(true);
        t.start();
        return task;
    }

    private static double[] wire(double[] angstrom) {
        double[] w = new double[angstrom.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = angstrom[k] / Units.BOHR;
        }
        return w;
    }

    /** The cubic cell is symmetric, so its transpose on the wire is itself. */
    private double[] wireCell() {
        return wire(si8.cell().matrix());
    }

    private static List<String> errorLines(CliRun run) {
        return run.err().lines().filter(l -> l.contains("error")).toList();
    }

    @Test
    void servesUntilExitAndReportsProgress() throws Exception {
        Path socket = dir.resolve("ok.sock");
        try (FakeIpiServer server = FakeIpiServer.unix(socket)) {
            Future<CliRun> run = serve("serve", "-p", "sw", "-s", start().toString(), "--unix", socket.toString(),
                    "--log-every", "2", "--threads", "1");
            Result direct = StillingerWeber.silicon().compute(si8);
            try (FakeIpiServer.Peer p = server.accept()) {
                assertEquals("NEEDINIT", p.status());
                p.init(0, "");
                for (int step = 0; step < 3; step++) {
                    assertEquals("READY", p.status());
                    p.posdata(wireCell(), new double[9], 8, wire(si8.positions()));
                    assertEquals("HAVEDATA", p.status());
                    assertEquals(direct.energy(), p.getforce().energy() * Units.HARTREE, 1e-10);
                }
                p.header("EXIT");
            }
            CliRun done = run.get(20, TimeUnit.SECONDS);
            assertEquals(0, done.exitCode(), done.err());
            assertTrue(done.err().contains("serve: connected to UNIX socket " + socket), done.err());
            assertTrue(done.err().contains("serve: 2 evaluations, "), done.err());
            assertTrue(done.err().contains("serve: the server sent EXIT after 3 evaluations"), done.err());
            assertEquals("", done.out(), "nothing on stdout");
        }
    }

    @Test
    void serverClosingBetweenMessagesIsANormalEnd() throws Exception {
        Path socket = dir.resolve("close.sock");
        try (FakeIpiServer server = FakeIpiServer.unix(socket)) {
            Future<CliRun> run = serve("serve", "-p", "sw", "-s", start().toString(), "--unix", socket.toString());
            try (FakeIpiServer.Peer p = server.accept()) {
                p.posdata(wireCell(), new double[9], 8, wire(si8.positions()));
                p.getforce();
            }
            CliRun done = run.get(20, TimeUnit.SECONDS);
            assertEquals(0, done.exitCode(), done.err());
            assertTrue(done.err().contains("serve: the server closed the connection after 1 evaluations"), done.err());
        }
    }

    @Test
    void garbageEndsWithOneErrorLineAndExitCodeOne() throws Exception {
        Path socket = dir.resolve("garbage.sock");
        try (FakeIpiServer server = FakeIpiServer.unix(socket)) {
            Future<CliRun> run = serve("serve", "-p", "sw", "-s", start().toString(), "--unix", socket.toString());
            try (FakeIpiServer.Peer p = server.accept()) {
                p.raw("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                CliRun done = run.get(20, TimeUnit.SECONDS);
                assertEquals(1, done.exitCode());
                assertEquals(List.of("serve: error: garbage instead of an i-PI header: \"GET / HTTP/1\" "
                        + "(hex 47 45 54 20 2f 20 48 54 54 50 2f 31) is none of STATUS, INIT, POSDATA, GETFORCE, EXIT"),
                        errorLines(done));
                assertTrue(p.driverClosed());
            }
        }
    }

    @Test
    void disconnectInTheMiddleOfAMessageEndsWithExitCodeOne() throws Exception {
        Path socket = dir.resolve("cut.sock");
        try (FakeIpiServer server = FakeIpiServer.unix(socket)) {
            Future<CliRun> run = serve("serve", "-p", "sw", "-s", start().toString(), "--unix", socket.toString());
            try (FakeIpiServer.Peer p = server.accept()) {
                p.header("POSDATA").float64(wireCell()).float64(new double[9]).int32(8).float64(1.0, 2.0);
            }
            CliRun done = run.get(20, TimeUnit.SECONDS);
            assertEquals(1, done.exitCode());
            assertEquals(List.of("serve: error: the i-PI server closed the connection in the middle of POSDATA "
                    + "(the positions): got 16 of 192 bytes"), errorLines(done));
        }
    }

    @Test
    void wrongAtomCountNamesTheStructureFile() throws Exception {
        Path socket = dir.resolve("count.sock");
        Path startFile = start();
        try (FakeIpiServer server = FakeIpiServer.unix(socket)) {
            Future<CliRun> run = serve("serve", "-p", "sw", "-s", startFile.toString(), "--unix", socket.toString());
            try (FakeIpiServer.Peer p = server.accept()) {
                p.header("POSDATA").float64(wireCell()).float64(new double[9]).int32(64);
                CliRun done = run.get(20, TimeUnit.SECONDS);
                assertEquals(1, done.exitCode());
                assertTrue(errorLines(done).getFirst().startsWith("serve: error: the server sent 64 atoms but the "
                        + "driver's structure (" + startFile + ") has 8"), done.err());
            }
        }
    }

    @Test
    void noServerGivesUpAfterTheConnectTimeout() {
        Path socket = dir.resolve("nobody.sock");
        CliRun done = CliRun.of("serve", "-p", "sw", "-s", start().toString(), "--unix", socket.toString(),
                "--connect-timeout", "0.3");
        assertEquals(1, done.exitCode());
        assertTrue(errorLines(done).getFirst().startsWith("serve: error: no i-PI server at UNIX socket " + socket
                + " after 0.3 s"), done.err());
    }

    @Test
    void badOptionsAreRefusedClearly() {
        String s = start().toString();
        CliRun both = CliRun.of("serve", "-p", "sw", "-s", s, "--unix", "a", "--inet", "localhost:1");
        assertEquals(2, both.exitCode(), "picocli usage error");
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        CliRun neither = CliRun.of("serve", "-p", "sw", "-s", s);
        assertEquals(2, neither.exitCode());
        CliRun port = CliRun.of("serve", "-p", "sw", "-s", s, "--inet", "localhost:http");
        assertEquals(1, port.exitCode());
        assertTrue(port.err().contains("must be HOST:PORT or PORT, got 'localhost:http'"), port.err());
        CliRun timeout = CliRun.of("serve", "-p", "sw", "-s", s, "--unix", "x", "--message-timeout", "0");
        assertEquals(1, timeout.exitCode());
        assertTrue(timeout.err().contains("--message-timeout must be a number of seconds > 0"), timeout.err());
        CliRun extras = CliRun.of("serve", "-p", "sw", "-s", s, "--unix", "x", "--extras", "forces");
        assertEquals(1, extras.exitCode());
        assertTrue(extras.err().contains("--extras must be none or energies"), extras.err());
    }
}
