package potentia.ipi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Cell;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.units.Units;

/**
 * The driver against {@link FakeIpiServer}: framing, units, transposition, the state machine and
 * every documented failure. Expected wire values are written out by hand here, not taken from
 * {@link IpiWire}.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IpiDriverTest {
    private static final double BOHR = Units.BOHR;
    private static final double HA = Units.HARTREE;
    /** A triclinic, non-symmetric cell (rows are lattice vectors, Å). */
    private static final double[] H = {5.1, 0.2, -0.3, 0.7, 4.9, 0.1, -0.4, 0.6, 5.3};
    private static final IpiTimeouts QUICK = new IpiTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    @TempDir
    Path dir;

    /** The cell on the wire: lattice vectors as columns, C order, Bohr — spelled out. */
    private static double[] wireCell(double[] h) {
        return new double[] {h[0] / BOHR, h[3] / BOHR, h[6] / BOHR, h[1] / BOHR, h[4] / BOHR, h[7] / BOHR,
            h[2] / BOHR, h[5] / BOHR, h[8] / BOHR};
    }

    private static double[] wirePositions(double[] x) {
        double[] w = new double[x.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = x[k] / BOHR;
        }
        return w;
    }

    private static final double[] SOME_INVERSE = {7, 7, 7, 7, 7, 7, 7, 7, 7};

    private static Structure eightAtoms() {
        Structure d = Crystals.diamond(Element.Si, 5.431);
        return Structure.of(d.atomicNumbers(), d.positions(), Cell.periodic(H));
    }

    private static Future<IpiSummary> drive(IpiDriver driver, IpiAddress address, IpiTimeouts timeouts) {
        FutureTask<IpiSummary> task = new FutureTask<>(() -> {
            try (IpiConnection c = IpiConnection.connect(address, timeouts)) {
                return driver.serve(c);
            }
        });
        Thread t = new Thread(task, "ipi-driver");
        t.setDaemon(true);
        t.start();
        return task;
    }

    private static String failure(Future<IpiSummary> f) throws InterruptedException {
        try {
            f.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return assertInstanceOf(IpiException.class, e.getCause()).getMessage();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the driver hung instead of failing", e);
        }
        throw new AssertionError("the driver did not fail");
    }

    private static IpiSummary success(Future<IpiSummary> f) throws Exception {
        return f.get(15, TimeUnit.SECONDS);
    }

    private FakeIpiServer unixServer() throws IOException {
        return FakeIpiServer.unix(dir.resolve("ipi.sock"));
    }

    @Test
    void statusAnswersFollowTheStateMachine() throws Exception {
        Structure s = eightAtoms();
        List<String> inits = new ArrayList<>();
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), s).listener(new IpiListener() {
            @Override
            public void initialised(int bead, String init) {
                inits.add(bead + ":" + init);
            }
        }).build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                assertEquals("NEEDINIT", p.status());
                assertEquals("NEEDINIT", p.status(), "a repeated STATUS gets the same answer");
                p.init(3, "<init/>");
                assertEquals("READY", p.status());
                assertEquals("READY", p.status());
                p.posdata(wireCell(H), SOME_INVERSE, 8, wirePositions(s.positions()));
                assertEquals("HAVEDATA", p.status());
                assertEquals("HAVEDATA", p.status());
                FakeIpiServer.Forces f = p.getforce();
                assertEquals(8, f.natoms());
                assertEquals("READY", p.status(), "initialised and nothing pending after GETFORCE");
                p.header("EXIT");
                IpiSummary summary = success(run);
                assertEquals(IpiSummary.Ending.EXIT, summary.ending());
                assertEquals(1, summary.evaluations());
                assertEquals(1, summary.forcesSent());
                assertFalse(summary.forcesPending());
                assertEquals(List.of("3:<init/>"), inits);
                assertTrue(p.driverClosed(), "the connection is closed after EXIT");
            }
        }
    }

    @Test
    void posdataThenGetforceWithoutStatusOrInit() throws Exception {
        Structure s = eightAtoms();
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), s).build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                for (int step = 0; step < 3; step++) {
                    p.posdata(wireCell(H), SOME_INVERSE, 8, wirePositions(s.positions()));
                    assertEquals(8, p.getforce().natoms());
                }
                // new positions replace results nobody fetched
                p.posdata(wireCell(H), SOME_INVERSE, 8, wirePositions(s.positions()));
                p.posdata(wireCell(H), SOME_INVERSE, 8, wirePositions(s.positions()));
                assertEquals("HAVEDATA", p.status());
            }
            // closing between messages is the normal end (ASE's calculator does it)
            IpiSummary summary = success(run);
            assertEquals(IpiSummary.Ending.CLOSED, summary.ending());
            assertEquals(5, summary.evaluations());
            assertEquals(3, summary.forcesSent());
            assertTrue(summary.forcesPending());
        }
    }

    @Test
    void unitsAndTranspositionOnTheWire() throws Exception {
        Structure s = eightAtoms();
        RecordingPotential potential = new RecordingPotential();
        IpiDriver driver = IpiDriver.builder(potential, s).build();
        double[] x = s.positions();
        x[0] += 0.123;
        x[23] -= 0.321;
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                // a deliberately wrong inverse: the driver computes its own
                p.posdata(wireCell(H), SOME_INVERSE, 8, wirePositions(x));
                FakeIpiServer.Forces f = p.getforce();
                Structure seen = potential.last;
                double[] h = seen.cell().matrix();
                for (int k = 0; k < 9; k++) {
                    assertEquals(H[k], h[k], 1e-14 * 6, "cell component " + k + " (rows are lattice vectors)");
                }
                assertArrayEquals(new boolean[] {true, true, true}, seen.cell().pbc());
                assertArrayEquals(x, seen.positions(), 1e-14 * 6);
                assertArrayEquals(s.atomicNumbers(), seen.atomicNumbers());
                assertEquals(RecordingPotential.ENERGY / HA, f.energy(), 1e-16);
                for (int k = 0; k < 24; k++) {
                    assertEquals(RecordingPotential.force(k) * BOHR / HA, f.forces()[k], 1e-16, "force " + k);
                }
                // sent transposed: wire element (r, c) is W_cr
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(RecordingPotential.virial(c, r) / HA, f.virial()[3 * r + c], 1e-16,
                                "virial on the wire at (" + r + "," + c + ")");
                    }
                }
                assertEquals("", f.extra(), "no extra bytes by default");
            }
            success(run);
        }
    }

    @Test
    void virialIsMinusStressTimesVolumeInHartree() throws Exception {
        // compressed silicon: pressure > 0, ASE stress < 0, virial −σV > 0 on the diagonal
        Structure s = Crystals.diamond(Element.Si, 5.2).rattled(0.05, new SplittableRandom(5));
        StillingerWeber sw = StillingerWeber.silicon();
        Result direct = sw.compute(s);
        double[] sigma = direct.stress();
        double volume = s.cell().volume();
        IpiDriver driver = IpiDriver.builder(sw, s).build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                p.posdata(wireCell(s.cell().matrix()), SOME_INVERSE, 8, wirePositions(s.positions()));
                double[] w = p.getforce().virial();
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        double expected = -sigma[3 * c + r] * volume / HA;
                        assertEquals(expected, w[3 * r + c], 1e-12 * Math.abs(sigma[0] * volume / HA));
                    }
                    assertTrue(w[4 * r] > 0, "compressed: positive virial on the diagonal");
                }
            }
            success(run);
        }
    }

    @Test
    void stillingerWeberThroughTheSocketMatchesDirectEvaluationWithVerletReuseDespiteWrapping() throws Exception {
        Structure start = Crystals.diamond(Element.Si, 5.431).repeat(2, 2, 2);
        StillingerWeber sw = StillingerWeber.silicon();
        IpiDriver driver = IpiDriver.builder(sw, start).skin(0.6).build();
        SplittableRandom rng = new SplittableRandom(11);
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                Structure s = start;
                for (int step = 0; step < 12; step++) {
                    // small steps, as MD makes; the cell changes at step 6 (as in NPT)
                    s = s.rattled(0.01, rng);
                    if (step == 6) {
                        s = s.withCell(s.cell().strained(new double[] {0.004, 0.001, 0, 0.001, -0.002, 0, 0, 0, 0.003}),
                                true);
                    }
                    Result direct = sw.compute(s);
                    // sent wrapped into the cell, as i-PI does: atoms at the origin's faces jump a lattice vector
                    p.posdata(wireCell(s.cell().matrix()), SOME_INVERSE, s.size(),
                            wirePositions(s.wrapped().positions()));
                    FakeIpiServer.Forces f = p.getforce();
                    double scale = Math.abs(direct.energy());
                    assertEquals(direct.energy(), f.energy() * HA, 1e-12 * scale, "energy at step " + step);
                    double[] ref = direct.forces();
                    double fmax = direct.maxForce();
                    for (int k = 0; k < ref.length; k++) {
                        assertEquals(ref[k], f.forces()[k] * HA / BOHR, 1e-11 * fmax, "force " + k + " step " + step);
                    }
                    double[] w = direct.virial();
                    for (int r = 0; r < 3; r++) {
                        for (int c = 0; c < 3; c++) {
                            assertEquals(w[3 * c + r], f.virial()[3 * r + c] * HA, 1e-11 * Math.abs(w[0]) + 1e-12);
                        }
                    }
                }
                p.header("EXIT");
            }
            IpiSummary summary = success(run);
            assertEquals(12, summary.evaluations());
            // every atom moved < 0.1 Å and the cell 0.5 %: one build, although wrapping made atoms jump by 5.4 Å
            assertEquals(1, summary.neighbourBuilds(), "the Verlet list is reused across wrapped geometries");
        }
    }

    @Test
    void extraBytesCarryPerAtomEnergiesAsJson() throws Exception {
        Structure s = eightAtoms();
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), s).extras(IpiExtras.ENERGIES).build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                p.posdata(wireCell(H), SOME_INVERSE, 8, wirePositions(s.positions()));
                String json = p.getforce().extra();
                Matcher m = Pattern.compile("\\{\"energies\": \\[(.*)\\]\\}").matcher(json);
                assertTrue(m.matches(), json);
                String[] parts = m.group(1).split(", ");
                assertEquals(8, parts.length);
                for (int i = 0; i < 8; i++) {
                    assertEquals(0.5 * (i + 1), Double.parseDouble(parts[i]));
                }
            }
            success(run);
        }
    }

    @Test
    void garbageHeaderIsAClearError() throws Exception {
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), eightAtoms()).build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                assertEquals("NEEDINIT", p.status());
                p.raw("HELLO WORLD!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String message = failure(run);
                assertTrue(message.contains("garbage") && message.contains("\"HELLO WORLD!\""), message);
                assertTrue(message.contains("STATUS, INIT, POSDATA, GETFORCE, EXIT"), message);
                assertTrue(p.driverClosed(), "the driver hangs up after garbage");
            }
        }
    }

    @Test
    void binaryGarbageIsShownInHex() throws Exception {
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), eightAtoms()).build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                p.raw(new byte[] {'S', 'T', 'A', 'T', 'U', 'S', 0x01, (byte) 0xff, ' ', ' ', ' ', ' '});
                String message = failure(run);
                assertTrue(message.contains("01 ff 20"), message);
                assertTrue(message.contains("\"STATUS..    \""), message);
            }
        }
    }

    @Test
    void lowercaseOrUnknownWordsAreGarbage() {
        for (String w : List.of("status      ", "POSITIONS   ", "            ", "STATUSSTATUS")) {
            IpiException e = org.junit.jupiter.api.Assertions.assertThrows(IpiException.class,
                    () -> IpiMessage.parse(w.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), w);
            assertTrue(e.getMessage().contains("garbage"), e.getMessage());
        }
        assertEquals(IpiMessage.STATUS, IpiMessage.parse("STATUS      ".getBytes()));
        assertEquals(IpiMessage.GETFORCE, IpiMessage.parse(new byte[] {'G', 'E', 'T', 'F', 'O', 'R', 'C', 'E', 0, 0, 0, 0}));
        assertEquals("FORCEREADY  ", new String(IpiMessage.FORCEREADY.header()));
    }

    @Test
    void messageCutShortIsAClearError() throws Exception {
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), eightAtoms()).build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                p.header("POSDATA").float64(1, 2, 3, 4, 5);
            }
            String message = failure(run);
            assertEquals("the i-PI server closed the connection in the middle of POSDATA (the cell): got 40 of 72 bytes",
                    message);
        }
    }

    @Test
    void headerCutShortIsAClearError() throws Exception {
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), eightAtoms()).build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                p.raw("STAT".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            String message = failure(run);
            assertTrue(message.contains("closed the connection in the middle of a header: got 4 of 12 bytes"), message);
        }
    }

    @Test
    void stallInsideAMessageTimesOut() throws Exception {
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), eightAtoms()).build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK.withMessage(Duration.ofMillis(200)));
            try (FakeIpiServer.Peer p = server.accept()) {
                p.posdata(wireCell(H), SOME_INVERSE, 8, new double[3]);
                String message = failure(run);
                assertTrue(message.contains("sent nothing for 0.2 s in the middle of POSDATA (the positions)")
                        && message.contains("got 24 of 192 bytes"), message);
            }
        }
    }

    @Test
    void idleTimeoutWhenConfigured() throws Exception {
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), eightAtoms()).build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK.withIdle(Duration.ofMillis(300)));
            try (FakeIpiServer.Peer p = server.accept()) {
                String message = failure(run);
                assertEquals("the i-PI server sent no message for 0.3 s (idle timeout): gave up", message);
            }
        }
    }

    @Test
    void atomCountMismatchIsAClearError() throws Exception {
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), eightAtoms()).structureName("si8.extxyz").build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                // the driver hangs up at the count, so the positions are not sent (they would hit a closed socket)
                p.header("POSDATA").float64(wireCell(H)).float64(SOME_INVERSE).int32(7);
                String message = failure(run);
                assertTrue(message.startsWith("the server sent 7 atoms but the driver's structure (si8.extxyz) has 8"),
                        message);
            }
        }
    }

    @Test
    void getforceWithoutPositionsIsAProtocolError() throws Exception {
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), eightAtoms()).build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                p.header("GETFORCE");
                assertTrue(failure(run).contains("GETFORCE but no positions wait for their forces"));
            }
        }
    }

    @Test
    void aDriverReplyFromTheServerIsAProtocolError() throws Exception {
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), eightAtoms()).build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                p.header("READY");
                assertTrue(failure(run).contains("the server sent READY, which only a driver sends"));
            }
        }
    }

    @Test
    void garbageLengthsAndNumbersAreRefused() throws Exception {
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), eightAtoms()).build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                p.header("INIT").int32(0).int32(-3);
                assertTrue(failure(run).contains("garbage in INIT: init string length -3"));
            }
        }
        driver = IpiDriver.builder(new RecordingPotential(), eightAtoms()).build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                double[] x = new double[24];
                x[5] = Double.NaN;
                p.posdata(wireCell(H), SOME_INVERSE, 8, x);
                String message = failure(run);
                assertTrue(message.contains("garbage in POSDATA: the positions hold a non-finite number (NaN at index 5)"),
                        message);
            }
        }
    }

    @Test
    void singularCellForAPeriodicStructureIsRefused() throws Exception {
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), eightAtoms()).build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                p.posdata(new double[9], new double[9], 8, wirePositions(eightAtoms().positions()));
                assertTrue(failure(run).contains("unusable cell"));
            }
        }
    }

    @Test
    void clusterTakesAnyCellAndKeepsNoPeriodicity() throws Exception {
        Structure cluster = Structure.of(List.of(Element.Si, Element.Si), new double[] {0, 0, 0, 2.3, 0, 0}, Cell.NONE);
        RecordingPotential potential = new RecordingPotential();
        IpiDriver driver = IpiDriver.builder(potential, cluster).build();
        try (FakeIpiServer server = unixServer()) {
            Future<IpiSummary> run = drive(driver, server.address(), QUICK);
            try (FakeIpiServer.Peer p = server.accept()) {
                p.posdata(new double[9], new double[9], 2, wirePositions(cluster.positions()));
                p.getforce();
                assertFalse(potential.last.cell().anyPeriodic());
            }
            success(run);
        }
    }

    @Test
    void connectRetriesUntilTheServerListens() throws Exception {
        Path socket = dir.resolve("late.sock");
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), eightAtoms()).build();
        Future<IpiSummary> run = drive(driver, IpiAddress.unix(socket.toString()), QUICK);
        Thread.sleep(400);
        assertFalse(run.isDone(), "still waiting for the server");
        try (FakeIpiServer server = FakeIpiServer.unix(socket); FakeIpiServer.Peer p = server.accept()) {
            assertEquals("NEEDINIT", p.status());
            p.header("EXIT");
            assertEquals(IpiSummary.Ending.EXIT, success(run).ending());
        }
    }

    @Test
    void noServerGivesAClearErrorAfterTheConnectTimeout() throws Exception {
        Path socket = dir.resolve("nobody.sock");
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), eightAtoms()).build();
        long t0 = System.nanoTime();
        String message = failure(drive(driver, IpiAddress.unix(socket.toString()),
                QUICK.withConnect(Duration.ofMillis(300))));
        assertTrue(message.startsWith("no i-PI server at UNIX socket " + socket + " after 0.3 s"), message);
        assertTrue(System.nanoTime() - t0 < 5e9);
    }

    @Test
    void tcpConnectionsDisableNagle() throws Exception {
        Structure s = eightAtoms();
        IpiDriver driver = IpiDriver.builder(new RecordingPotential(), s).build();
        try (FakeIpiServer server = FakeIpiServer.tcp()) {
            FutureTask<Boolean> noDelay = new FutureTask<>(() -> {
                try (IpiConnection c = IpiConnection.connect(server.address(), QUICK)) {
                    boolean on = c.noDelay();
                    driver.serve(c);
                    return on;
                }
            });
            Thread t = new Thread(noDelay);
            t.setDaemon(true);
            t.start();
            try (FakeIpiServer.Peer p = server.accept()) {
                p.posdata(wireCell(H), SOME_INVERSE, 8, wirePositions(s.positions()));
                assertEquals(RecordingPotential.ENERGY / HA, p.getforce().energy(), 1e-16);
                p.header("EXIT");
            }
            assertTrue(noDelay.get(15, TimeUnit.SECONDS), "TCP_NODELAY is on");
        }
    }

    @Test
    void driverNeedsWhatItSends() {
        var b = IpiDriver.builder(new RecordingPotential() {
            @Override
            public java.util.Set<Property> supported() {
                return java.util.EnumSet.of(Property.ENERGY, Property.FORCES);
            }
        }, eightAtoms()).extras(IpiExtras.ENERGIES);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                b::build);
        assertTrue(e.getMessage().contains("cannot compute energies"), e.getMessage());
    }
}
