package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.io.ExtxyzReader;
import potentia.io.ExtxyzWriter;
import potentia.io.Poscar;
import potentia.structure.InfoValue;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

class ConvertCommandTest {
    @TempDir
    Path dir;

    private List<Structure> frames(int n) {
        List<Structure> list = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            list.add(RandomStructures.rattle(RandomStructures.diamond(5.431, 1), new SplittableRandom(k), 0.1)
                    .withInfo("index", new InfoValue.Int(k)));
        }
        return list;
    }

    @Test
    void extxyzToPoscarAndBack() {
        Path xyz = dir.resolve("in.extxyz");
        ExtxyzWriter.writeAll(xyz, frames(1));
        Path poscar = dir.resolve("POSCAR");
        assertEquals(0, CliRun.of("convert", xyz.toString(), poscar.toString()).exitCode());
        Structure back = Poscar.read(poscar);
        Structure original = ExtxyzReader.readAll(xyz).get(0);
        assertArrayEquals(original.cell().matrix(), back.cell().matrix(), 1e-12);
        assertArrayEquals(original.positions(), back.positions(), 1e-9);
        assertArrayEquals(original.atomicNumbers(), back.atomicNumbers());

        Path again = dir.resolve("again.extxyz");
        assertEquals(0, CliRun.of("convert", poscar.toString(), again.toString()).exitCode());
        assertArrayEquals(back.positions(), ExtxyzReader.readAll(again).get(0).positions(), 1e-8);
    }

    @Test
    void frameSelections() {
        Path xyz = dir.resolve("many.extxyz");
        ExtxyzWriter.writeAll(xyz, frames(10));
        Path out = dir.resolve("sel.extxyz");
        assertEquals(0, CliRun.of("convert", "--frames", "1:8:3", xyz.toString(), out.toString()).exitCode());
        assertEquals(List.of(1L, 4L, 7L), indices(out));
        assertEquals(0, CliRun.of("convert", "--frames", "-1", xyz.toString(), out.toString()).exitCode());
        assertEquals(List.of(9L), indices(out));
        assertEquals(0, CliRun.of("convert", "--frames", "-3:", xyz.toString(), out.toString()).exitCode());
        assertEquals(List.of(7L, 8L, 9L), indices(out));
    }

    @Test
    void poscarRefusesSeveralFramesAndLeavesNoFile() {
        Path xyz = dir.resolve("two.extxyz");
        ExtxyzWriter.writeAll(xyz, frames(2));
        Path poscar = dir.resolve("POSCAR");
        CliRun run = CliRun.of("convert", xyz.toString(), poscar.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().toLowerCase().contains("frame"), run.err());
        assertFalse(Files.exists(poscar));
    }

    @Test
    void unknownFormatSuggestsFlag() {
        CliRun run = CliRun.of("convert", dir.resolve("a.xyz").toString(), dir.resolve("b.cif").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("--"), run.err());
    }

    private static List<Long> indices(Path p) {
        return ExtxyzReader.readAll(p).stream()
                .map(s -> ((InfoValue.Int) s.info("index").orElseThrow()).value()).toList();
    }
}
