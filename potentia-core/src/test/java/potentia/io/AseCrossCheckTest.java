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
import potentia.structure.AtomArray;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

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

    @Test
    void aseReadsJavaPoscars(@TempDir Path dir) throws Exception {
        var rng = new SplittableRandom(78);
        for (int k = 0; k < 4; k++) {
            Cell cell = RandomStructures.randomCell(rng, 3, 10, 0.4, new boolean[] {true, true, true});
            Structure s = RandomStructures.randomAtoms(rng, cell, 1 + rng.nextInt(15),
                    List.of(Element.Si, Element.O, Element.Sr, Element.Ti), 0.7);
            if (k % 2 == 0) {
                boolean[] m = new boolean[3 * s.size()];
                for (int a = 0; a < m.length; a++) {
                    m[a] = rng.nextInt(3) > 0;
                }
                s = s.withArray(Poscar.MOVE_MASK, new AtomArray.Bools(m, 3));
            }
            Poscar.Coordinates mode = k < 2 ? Poscar.Coordinates.CARTESIAN : Poscar.Coordinates.DIRECT;
            Path p = dir.resolve("POSCAR_" + k);
            Poscar.write(p, s, mode);
            Structure java = Poscar.read(p);
            Structure ase = aseReads(p, "vasp").get(0);
            String where = "POSCAR " + k + " " + mode;
            assertArrayEquals(java.atomicNumbers(), ase.atomicNumbers(), where);
            assertEquals(java.cell(), ase.cell(), where);
            assertArrayEquals(java.positions(), ase.positions(), mode == Poscar.Coordinates.DIRECT ? 1e-13 : 0, where);
            // ASE's selective dynamics are constraints; ase_dump.py lists them as move_mask again
            assertEquals(java.array(Poscar.MOVE_MASK), ase.array(Poscar.MOVE_MASK), where);
            assertArrayEquals(s.positions(), java.positions(), 1e-14, where);
        }
    }
}
