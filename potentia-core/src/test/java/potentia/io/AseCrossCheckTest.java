package potentia.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.structure.Structure;

/**
 * Live cross-check with ASE (skipped where {@code /usr/bin/python3 -c 'import ase'} fails):
 * files written here are read by ASE, and what ASE reads must be what was written.
 */
class AseCrossCheckTest {
    private static final String PYTHON = "/usr/bin/python3";

    @BeforeAll
    static void aseIsInstalled() {
        boolean ok;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import ase").redirectErrorStream(true).start();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        }
        assumeTrue(ok, "ASE is not available to " + PYTHON);
    }

    /** What ASE reads from {@code file}, via ase_dump.py. */
    static List<Structure> aseReads(Path file, String format) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(PYTHON, Fixtures.path("ase_dump.py").toString(), file.toString(), format);
        pb.environment().put("PYTHONUTF8", "1");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(120, TimeUnit.SECONDS), "ASE took too long");
        assertEquals(0, p.exitValue(), "ASE failed to read " + file + ":\n" + out);
        return Fixtures.parseDump(out, file.toString());
    }

    static void assertSameAsAse(Structure expected, Structure ase, String where) {
        assertArrayEquals(expected.atomicNumbers(), ase.atomicNumbers(), where);
        assertArrayEquals(expected.positions(), ase.positions(), where);
        assertEquals(expected.cell(), ase.cell(), where);
        assertEquals(expected.info(), ase.info(), where);
        assertEquals(List.copyOf(expected.info().keySet()), List.copyOf(ase.info().keySet()), where);
        // ASE moves move_mask into constraints (ase_dump.py lists it last again), so arrays compare as a map
        assertEquals(expected.arrays(), ase.arrays(), where);
    }

    @Test
    void aseReadsWhatJavaWrites(@TempDir Path dir) throws Exception {
        var rng = new SplittableRandom(77);
        List<Structure> frames = Stream.generate(() -> ExtxyzWriterTest.randomLabelled(rng, rng.nextInt(1, 30))).limit(6).toList();
        // full precision: ASE must read every value exactly as written
        Path full = dir.resolve("full.extxyz");
        try (ExtxyzWriter w = ExtxyzWriter.open(full, ExtxyzWriter.Precision.FULL)) {
            frames.forEach(w::write);
        }
        List<Structure> ase = aseReads(full, "extxyz");
        assertEquals(frames.size(), ase.size());
        for (int f = 0; f < frames.size(); f++) {
            assertSameAsAse(frames.get(f), ase.get(f), "full precision, frame " + f);
        }
        // ASE's precision: ASE and this reader must read the same numbers from the same text
        Path plain = dir.resolve("ase.extxyz");
        ExtxyzWriter.writeAll(plain, frames);
        List<Structure> java = ExtxyzReader.readAll(plain);
        ase = aseReads(plain, "extxyz");
        for (int f = 0; f < frames.size(); f++) {
            assertSameAsAse(java.get(f), ase.get(f), "ASE precision, frame " + f);
        }
    }
}
