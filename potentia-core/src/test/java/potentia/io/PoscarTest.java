package potentia.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.structure.AtomArray;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.InfoValue;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

class PoscarTest {

    static Structure read(String text) {
        return Poscar.read(new StringReader(text), "POSCAR");
    }

    /** What ASE read from a fixture (see make_fixtures.py): numbers, cell, positions, movable flags. */
    record AseView(int[] numbers, double[] cell, double[] positions, boolean[] movable) {
        static AseView of(String name) {
            String[] lines = Fixtures.text(name).split("\n");
            String[][] f = Arrays.stream(lines).map(l -> l.split(" ")).toArray(String[][]::new);
            return new AseView(Arrays.stream(f[0], 1, f[0].length).mapToInt(Integer::parseInt).toArray(),
                    Fixtures.reals(f[1], 1, f[1].length), Fixtures.reals(f[2], 1, f[2].length),
                    Fixtures.bools(f[3], 1, f[3].length));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sto", "mixed", "direct", "sorted", "selective", "vasp4"})
    void readsAsAseReads(String which) {
        Structure s = Poscar.read(Fixtures.path("ase_poscar_" + which + ".vasp"));
        AseView ase = AseView.of("ase_poscar_" + which + ".expected");
        assertArrayEquals(ase.numbers(), s.atomicNumbers());
        assertArrayEquals(ase.cell(), s.cell().matrix());
        assertTrue(s.cell().fullyPeriodic());
        boolean direct = Fixtures.text("ase_poscar_" + which + ".vasp").contains("Direct");
        // Cartesian coordinates are read exactly; direct ones go through s·h (numpy's summation may differ in the last bit)
        assertArrayEquals(ase.positions(), s.positions(), direct ? 1e-13 : 0);
        boolean selective = Fixtures.text("ase_poscar_" + which + ".vasp").contains("Selective");
        assertEquals(selective, s.array(Poscar.MOVE_MASK).isPresent());
        if (selective) {
            assertArrayEquals(ase.movable(), ((AtomArray.Bools) s.array(Poscar.MOVE_MASK).orElseThrow()).values());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sto", "mixed", "sorted"})
    void rewritesAseCartesianFilesByteForByte(String which) {
        String original = Fixtures.text("ase_poscar_" + which + ".vasp");
        assertEquals(original, Poscar.format(read(original), Poscar.Coordinates.CARTESIAN));
    }

    @Test
    void rewritesAseDirectFilesUpToTheLastDigitOfFractions() {
        String original = Fixtures.text("ase_poscar_selective.vasp");
        String rewritten = Poscar.format(read(original), Poscar.Coordinates.DIRECT);
        String[] a = original.split("\n");
        String[] b = rewritten.split("\n");
        assertEquals(a.length, b.length);
        for (int k = 0; k < 9; k++) {
            assertEquals(a[k], b[k], "header line " + (k + 1));
        }
        for (int k = 9; k < a.length; k++) {
            String[] x = a[k].trim().split("\\s+");
            String[] y = b[k].trim().split("\\s+");
            for (int c = 0; c < 3; c++) {
                assertEquals(Double.parseDouble(x[c]), Double.parseDouble(y[c]), 2e-16, "line " + (k + 1));
            }
            assertEquals(Arrays.asList(x).subList(3, 6), Arrays.asList(y).subList(3, 6));
        }
    }

    @Test
    void scaleFactors() {
        String body = "\n  2 0 0\n  0 2 0\n  0 0 4\nSi\n1\nCartesian\n 0.5 0.25 1\n";
        Structure scaled = read("c\n 2.0" + body);
        assertArrayEquals(new double[] {4, 0, 0, 0, 4, 0, 0, 0, 8}, scaled.cell().matrix());
        assertArrayEquals(new double[] {1, 0.5, 2}, scaled.positions());
        Structure volume = read("c\n -128" + body);
        assertEquals(128, volume.cell().volume(), 1e-12);
        assertArrayEquals(new double[] {1, 0.5, 2}, volume.positions(), 1e-15);
        Structure perAxis = read("c\n 1 2 3" + body);
        assertArrayEquals(new double[] {2, 0, 0, 0, 4, 0, 0, 0, 12}, perAxis.cell().matrix());
        assertArrayEquals(new double[] {0.5, 0.5, 3}, perAxis.positions());
        Structure direct = read("c\n 2.0" + body.replace("Cartesian", "Direct"));
        assertArrayEquals(new double[] {2, 1, 8}, direct.positions());
        Structure labels = read("c\n1\n2 0 0\n0 2 0\n0 0 2\nFe_pv   O/1a2b\n1 1 ! comment\nk\n0 0 0\n1 1 1\n");
        assertEquals(List.of(Element.Fe, Element.O), labels.species());
    }

    @Test
    void vasp4NamesSpeciesInTheComment() {
        String rest = "1\n3 0 0\n0 3 0\n0 0 3\n1 2\nDirect\n0 0 0\n0.5 0.5 0.5\n0 0.5 0.5\n";
        assertEquals(List.of(Element.Na, Element.Cl, Element.Cl), read("NaCl2 rocksalt-ish\n" + rest).species());
        assertEquals(List.of(Element.Sr, Element.O, Element.O), read("Sr O\n" + rest).species());
        StructureFileException e = assertThrows(StructureFileException.class, () -> read("generated by hand\n" + rest));
        assertEquals(1, e.line());
        assertEquals("species", e.field());
        assertTrue(e.getMessage().contains("must name the 2 species"), e.getMessage());
    }

    static Stream<Arguments> badFiles() {
        String cell = "3 0 0\n0 3 0\n0 0 3\n";
        return Stream.of(
                Arguments.of("c\nabc\n" + cell + "Si\n1\nDirect\n0 0 0\n", 2, "scale factor", "'abc' is not a number"),
                Arguments.of("c\n0\n" + cell + "Si\n1\nDirect\n0 0 0\n", 2, "scale factor", "neither a positive scale"),
                Arguments.of("c\n1\n3 0 0\n0 x 0\n0 0 3\nSi\n1\nDirect\n0 0 0\n", 4, "lattice vector b", "'x' is not a number"),
                Arguments.of("c\n1\n3 0 0\n0 3\n0 0 3\nSi\n1\nDirect\n0 0 0\n", 4, "lattice vector b", "expected 3 numbers"),
                Arguments.of("c\n1\n" + cell + "Si O\n1\nDirect\n0 0 0\n", 7, "counts", "2 species (line 6: [Si, O]) but 1 counts"),
                Arguments.of("c\n1\n" + cell + "Si\n1 2\nDirect\n0 0 0\n", 7, "counts", "1 species"),
                Arguments.of("c\n1\n" + cell + "Xx\n1\nDirect\n0 0 0\n", 6, "species", "unknown element 'Xx'"),
                Arguments.of("c\n1\n" + cell + "Si\nmany\nDirect\n0 0 0\n", 7, "counts", "'many' is not a number of atoms"),
                Arguments.of("c\n1\n" + cell + "Si\n2\nDirect\n0 0 0\n", 10, "atom 1", "file ends after 1 of 2 atoms"),
                Arguments.of("c\n1\n" + cell + "Si\n1\nDirect\n0 zero 0\n", 9, "atom 0", "'zero' is not a number"),
                Arguments.of("c\n1\n" + cell + "Si\n1\nDirect\n0 0\n", 9, "atom 0", "expected 3 coordinates"),
                Arguments.of("c\n1\n" + cell + "Si\n1\nSelective\nDirect\n0 0 0 T X T\n", 10, "atom 0", "flag 'X' is not T or F"),
                Arguments.of("c\n1\n" + cell + "Si\n1\n", 8, "coordinate mode", "file ends before"),
                Arguments.of("c\n1\n3 0 0\n6 0 0\n0 0 3\nSi\n1\nDirect\n0 0 0\n", 0, "lattice", "zero volume"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badFilesNameTheLineAndField(String text, int line, String field, String words) {
        StructureFileException e = assertThrows(StructureFileException.class, () -> read(text));
        assertEquals("POSCAR", e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.problem().contains(words), e.getMessage());
    }

    @Test
    void writesAseLayoutAndRoundTrips(@TempDir Path dir) throws IOException {
        var rng = new SplittableRandom(8);
        Cell cell = RandomStructures.randomCell(rng, 4, 9, 0.3, new boolean[] {true, true, true});
        Structure s = RandomStructures.randomAtoms(rng, cell, 12, List.of(Element.Si, Element.O, Element.H), 0.8);
        boolean[] m = new boolean[36];
        for (int k = 0; k < m.length; k++) {
            m[k] = rng.nextBoolean();
        }
        s = s.withArray(Poscar.MOVE_MASK, new AtomArray.Bools(m, 3)).withInfo("energy", new InfoValue.Real(1));
        Path p = dir.resolve("POSCAR");
        Poscar.write(p, s);
        Structure back = Poscar.read(p);
        assertArrayEquals(s.atomicNumbers(), back.atomicNumbers());
        assertArrayEquals(s.positions(), back.positions(), 1e-15);
        assertArrayEquals(s.cell().matrix(), back.cell().matrix(), 1e-15);
        assertEquals(s.array(Poscar.MOVE_MASK), back.array(Poscar.MOVE_MASK));
        assertTrue(back.info().isEmpty(), "POSCAR has no place for info");
        Poscar.write(p, s, Poscar.Coordinates.DIRECT);
        assertTrue(Files.readString(p).contains("\nDirect\n"));
        assertArrayEquals(s.positions(), Poscar.read(p).positions(), 1e-13);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(p), files.toList(), "no temporary files are left");
        }
    }

    @Test
    void refusesStructuresWithoutAPeriodicCell(@TempDir Path dir) {
        Structure cluster = Structure.of(List.of(Element.O, Element.H), new double[] {0, 0, 0, 1, 0, 0}, Cell.NONE);
        Path p = dir.resolve("POSCAR");
        StructureFileException e = assertThrows(StructureFileException.class, () -> Poscar.write(p, cluster));
        assertEquals(p.toString(), e.file());
        assertTrue(e.getMessage().contains("has no cell"), e.getMessage());
        Structure boxed = cluster.withCell(Cell.of(new double[] {9, 0, 0, 0, 9, 0, 0, 0, 9}, new boolean[3]), false);
        e = assertThrows(StructureFileException.class, () -> Poscar.format(boxed, Poscar.Coordinates.CARTESIAN));
        assertTrue(e.getMessage().contains("is not periodic"), e.getMessage());
        assertFalse(Files.exists(p));
        e = assertThrows(StructureFileException.class, () -> Poscar.read(dir.resolve("CONTCAR")));
        assertTrue(e.getMessage().endsWith("CONTCAR: no such file"), e.getMessage());
    }
}
