package potentia.ns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.potential.Potential;
import potentia.potential.lj.CutoffMode;
import potentia.potential.lj.LennardJones;
import potentia.structure.Element;
import potentia.units.Units;

/**
 * Reproducibility of runs: the same seed gives the same bytes, on any number of threads; a run
 * interrupted and resumed — or finished and extended — writes exactly the files of one that
 * never stopped; damaged run directories are refused with a clear message.
 */
class NsRunTest {
    private static final List<String> FILES = List.of(NsRun.INFO, NsRun.SAMPLES, NsRun.SNAPSHOTS, NsRun.LIVE,
            NsRun.LIVE_STRUCTURES, NsRun.CHECKPOINT);

    static Potential argonKrypton() {
        return LennardJones.builder().species(Element.Ar, 0.0104, 3.4, 7.0).species(Element.Kr, 0.014, 3.6, 7.5)
                .cutoffMode(CutoffMode.shifted()).build();
    }

    static final int[] NUMBERS = {18, 18, 18, 18, 18, 36, 36, 36};

    static NsSettings settings(long seed, long iterations) {
        // every kind of move, Hamiltonian ones too: the walkers' velocities go into checkpoints
        MoveMix moves = new MoveMix(Map.of(MoveKind.ATOM_SWEEP, 4.0, MoveKind.GALILEAN, 1.0, MoveKind.HAMILTONIAN, 1.0,
                MoveKind.VOLUME, 1.0, MoveKind.SHEAR, 1.0, MoveKind.STRETCH, 1.0, MoveKind.SWAP, 1.0), 3, 3, 3000);
        return NsSettings.builder(new Container.VariableCell(8 * 400, 0.7)).walkers(24).parallelWalks(4).cull(2)
                .walkLength(24).iterations(iterations).seed(seed).pressure(Units.fromGPa(0.1)).moves(moves)
                .snapshotEvery(7).tuning(new Tuning(0.25, 0.5, 1.25, 5, 10)).build();
    }

    private static void run(Path dir, long seed, long iterations, int threads) {
        try (NsRun r = NsRun.start(dir, argonKrypton(), "lj", NUMBERS, settings(seed, iterations), 25, threads)) {
            r.run((s, c) -> { });
        }
    }

    @Test
    void sameSeedSameBytesOnAnyThreadCount(@TempDir Path tmp) throws IOException {
        run(tmp.resolve("a"), 5, 120, 1);
        run(tmp.resolve("b"), 5, 120, 3);
        run(tmp.resolve("c"), 6, 120, 2);
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)),
                    f + " differs between 1 and 3 threads");
        }
        assertFalse(Files.readString(tmp.resolve("a").resolve(NsRun.SAMPLES))
                .equals(Files.readString(tmp.resolve("c").resolve(NsRun.SAMPLES))), "another seed, another run");
        NsSamples s = NsSamples.read(tmp.resolve("a"));
        assertEquals(240, s.removed());
        assertEquals(24, s.liveEnthalpy().length);
        for (int i = 1; i < s.removed(); i++) {
            assertTrue(s.enthalpy()[i] <= s.enthalpy()[i - 1], "removed enthalpies never increase");
        }
        assertTrue(Files.readString(tmp.resolve("a").resolve(NsRun.SNAPSHOTS)).contains("ns_iteration=119"));
    }

    @Test
    void interruptedAndResumedEqualsUninterrupted(@TempDir Path tmp) throws IOException {
        run(tmp.resolve("whole"), 9, 150, 2);
        Path cut = tmp.resolve("cut");
        class Crash extends RuntimeException {
        }
        try (NsRun r = NsRun.start(cut, argonKrypton(), "lj", NUMBERS, settings(9, 150), 25, 1)) {
            assertThrows(Crash.class, () -> r.run((s, c) -> {
                if (s.iteration() == 87) {
                    throw new Crash();
                }
            }));
        }
        assertTrue(Files.size(cut.resolve(NsRun.SAMPLES)) > 0);
        try (NsRun r = NsRun.resume(cut, spec -> argonKrypton(), OptionalLong.empty(), 2)) {
            assertEquals(75, r.sampler().iteration(), "continues from the last checkpoint");
            r.run((s, c) -> { });
        }
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("whole").resolve(f)), Files.readAllBytes(cut.resolve(f)),
                    f + " differs after resuming");
        }
    }

    @Test
    void finishedRunExtendedEqualsLongerRun(@TempDir Path tmp) throws IOException {
        run(tmp.resolve("long"), 4, 100, 1);
        run(tmp.resolve("short"), 4, 50, 1);
        try (NsRun r = NsRun.resume(tmp.resolve("short"), spec -> argonKrypton(), OptionalLong.of(100), 1)) {
            r.run((s, c) -> { });
        }
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("long").resolve(f)),
                    Files.readAllBytes(tmp.resolve("short").resolve(f)), f + " differs after extending");
        }
    }

    @Test
    void damagedDirectoriesAreRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("run");
        run(dir, 1, 30, 1);
        IllegalArgumentException notEmpty = assertThrows(IllegalArgumentException.class, () -> run(dir, 1, 30, 1));
        assertTrue(notEmpty.getMessage().contains("not empty"), notEmpty.getMessage());
        byte[] bytes = Files.readAllBytes(dir.resolve(NsRun.CHECKPOINT));
        bytes[bytes.length / 2] ^= 1;
        Files.write(dir.resolve(NsRun.CHECKPOINT), bytes);
        IllegalArgumentException corrupt = assertThrows(IllegalArgumentException.class,
                () -> NsRun.resume(dir, spec -> argonKrypton(), OptionalLong.empty(), 1));
        assertTrue(corrupt.getMessage().contains("corrupt checkpoint"), corrupt.getMessage());
        Files.delete(dir.resolve(NsRun.CHECKPOINT));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> NsRun.resume(dir, spec -> argonKrypton(), OptionalLong.empty(), 1));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
    }
}
