package potentia.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import potentia.io.StructureFiles.Format;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

class StructureFilesTest {

    @ParameterizedTest
    @CsvSource({"data.xyz,EXTXYZ", "a/b/train.extxyz,EXTXYZ", "RUN.XYZ,EXTXYZ", "POSCAR,POSCAR", "CONTCAR,POSCAR",
        "POSCAR_relaxed,POSCAR", "dir/CONTCAR.5,POSCAR", "si.vasp,POSCAR", "x.poscar,POSCAR"})
    void guessesTheFormatFromTheName(String name, Format format) {
        assertEquals(format, Format.guess(Path.of(name)));
    }

    @Test
    void unknownNamesAskForAFormat() {
        StructureFileException e = assertThrows(StructureFileException.class, () -> Format.guess(Path.of("data.cif")));
        assertEquals("data.cif", e.file());
        assertTrue(e.getMessage().contains("--format"), e.getMessage());
        assertEquals(Format.EXTXYZ, Format.named("ExtXYZ"));
        assertEquals(Format.POSCAR, Format.named("vasp"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Format.named("cif"));
        assertTrue(bad.getMessage().contains("extxyz") && bad.getMessage().contains("poscar"), bad.getMessage());
    }

    private static Structure random(long seed) {
        var rng = new SplittableRandom(seed);
        Cell cell = RandomStructures.randomCell(rng, 4, 8, 0.2, new boolean[] {true, true, true});
        return RandomStructures.randomAtoms(rng, cell, 5, List.of(Element.Si, Element.O), 0.8);
    }

    @Test
    void writesAndReadsBothFormats(@TempDir Path dir) {
        Path xyz = dir.resolve("frames.extxyz");
        try (StructureSink w = StructureFiles.writer(xyz)) {
            for (int k = 0; k < 3; k++) {
                w.write(random(k));
            }
        }
        try (StructureSource r = StructureFiles.read(xyz)) {
            assertEquals(3, r.stream().count());
        }
        Path poscar = dir.resolve("POSCAR");
        try (StructureSink w = StructureFiles.writer(poscar)) {
            w.write(random(7));
            StructureFileException e = assertThrows(StructureFileException.class, () -> w.write(random(8)));
            assertTrue(e.getMessage().contains("a POSCAR holds one structure"), e.getMessage());
            assertEquals(1, e.frame());
        }
        try (StructureSource r = StructureFiles.read(poscar)) {
            Structure s = r.next();
            assertEquals(random(7).formula(), s.formula());
            assertNull(r.next());
        }
        assertEquals(1, StructureFiles.readAll(poscar, Format.POSCAR).size());
    }

    @Test
    @SuppressWarnings("try")
    void aPoscarWriterNeedsOneStructure(@TempDir Path dir) {
        Path p = dir.resolve("CONTCAR");
        StructureFileException e = assertThrows(StructureFileException.class, () -> {
            try (StructureSink w = StructureFiles.writer(p)) {
                // nothing
            }
        });
        assertTrue(e.getMessage().contains("no structure was written"), e.getMessage());
        assertFalse(Files.exists(p));
        try (StructureSink w = StructureFiles.writer(p, Format.POSCAR)) {
            StructureFileException refused = assertThrows(StructureFileException.class,
                    () -> w.write(Structure.of(List.of(Element.H), new double[3], Cell.NONE)));
            assertEquals(p.toString(), refused.file());
            w.write(random(3));
        }
        assertTrue(Files.exists(p));
    }
}
