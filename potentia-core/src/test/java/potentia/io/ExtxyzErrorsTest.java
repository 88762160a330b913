package potentia.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad extended XYZ input names file, frame, line and field. */
class ExtxyzErrorsTest {
    private static final String GOOD = "2\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3:forces:R:3 energy=-1.5\n"
            + "Si 0 0 0 0.1 0.2 0.3\nO 1 1 1 -0.1 -0.2 -0.3\n";

    private static StructureFileException failure(String text) {
        return assertThrows(StructureFileException.class, () -> {
            try (ExtxyzReader r = new ExtxyzReader(new StringReader(text), "data.extxyz")) {
                while (r.next() != null) {
                    // read everything
                }
            }
        });
    }

    static Stream<Arguments> cases() {
        String head = "2\nProperties=species:S:1:pos:R:3:forces:R:3\n";
        return Stream.of(
                // text, frame, line, field, words the problem must contain
                Arguments.of("two\n", 0, 1, "atom count", "'two'"),
                Arguments.of(GOOD + "1\nenergy=1\nSi 0 0 0 extra\n", 1, 7, "atom 0", "expected 4 columns"),
                Arguments.of("1\n\nSi 0 0 0\nO 1 1 1\n", 1, 4, "atom count", "more atom lines than its count"),
                Arguments.of(GOOD + "3\n" + GOOD.substring(2), 1, 9, null, "after 2 of 3 atoms"),
                Arguments.of("2\n", 0, 2, null, "before the comment line"),
                Arguments.of(head + "Si 0 0 0 1 2 3\nO 1 1 1 1 abc 3\n", 0, 4, "column 'forces' atom 1", "'abc' is not a real number"),
                Arguments.of(head + "Si 0 0 0 1 2 3\nXx 1 1 1 1 2 3\n", 0, 4, "column 'species' atom 1", "unknown element 'Xx'"),
                Arguments.of(head + "Si 0 0 0 1 2 3\nO 1 1 1 1 2\n", 0, 4, "atom 1", "expected 7 columns (Properties=species:S:1:pos:R:3:forces:R:3), found 6"),
                Arguments.of(head + "Si 0 nan 0 1 2 3\nO 1 1 1 1 2 3\n", 0, 3, "column 'pos' atom 0", "'nan' is not finite"),
                Arguments.of("1\nProperties=pos:R:3\n0 0 0\n", 0, 2, "info 'Properties'", "no species (or Z) column"),
                Arguments.of("1\nProperties=species:S:1:forces:R:3\nSi 0 0 0\n", 0, 2, "info 'Properties'", "no pos column"),
                Arguments.of("1\nProperties=species:S:1:pos:R:2\nSi 0 0\n", 0, 2, "info 'Properties'", "'pos' must be R:3"),
                Arguments.of("1\nProperties=species:S:1:pos:X:3\nSi 0 0 0\n", 0, 2, "info 'Properties'", "type 'X'"),
                Arguments.of("1\nProperties=species:S:1:pos:R\nSi 0 0 0\n", 0, 2, "info 'Properties'", "triples"),
                Arguments.of("1\nLattice=\"4 0 0 0 4 x 0 0 4\"\nSi 0 0 0\n", 0, 2, "info 'Lattice'", "expected 9 numbers"),
                Arguments.of("1\nLattice=\"4 0 0 0 4 0\"\nSi 0 0 0\n", 0, 2, "info 'Lattice'", "expected 9 numbers"),
                Arguments.of("1\nLattice=\"4 0 0 8 0 0 0 0 4\"\nSi 0 0 0\n", 0, 2, "info 'Lattice'", "zero volume"),
                Arguments.of("1\npbc=\"T T T\"\nSi 0 0 0\n", 0, 2, "info 'pbc'", "no Lattice"),
                Arguments.of("1\nLattice=\"4 0 0 0 4 0 0 0 4\" pbc=\"T X T\"\nSi 0 0 0\n", 0, 2, "info 'pbc'", "3 logicals"),
                Arguments.of(GOOD + "1\nenergy=abc\nSi 0 0 0\n", 1, 6, "info 'energy'", "'abc' is not a number"),
                Arguments.of("1\nstress=\"1 2 3 4 5\"\nSi 0 0 0\n", 0, 2, "info 'stress'", "9 numbers"),
                Arguments.of("1\nnote=\"unterminated\nSi 0 0 0\n", 0, 2, "comment line", "unterminated"),
                Arguments.of("1\nj=\"_JSON {\\\"a\\\": }\"\nSi 0 0 0\n", 0, 2, "info 'j'", "malformed _JSON"),
                Arguments.of("1\nProperties=species:S:1:pos:R:3:n:I:1\nSi 0 0 0 1.5\n", 0, 3, "column 'n' atom 0", "'1.5' is not an integer"),
                Arguments.of("1\nProperties=species:S:1:pos:R:3:b:L:1\nSi 0 0 0 yes\n", 0, 3, "column 'b' atom 0", "'yes' is not a logical"),
                Arguments.of("1\nProperties=species:S:1:pos:R:3:Z:I:1\nSi 0 0 0 8\n", 0, 3, "column 'Z' atom 0", "species is Si"),
                Arguments.of(GOOD + "\n\n" + GOOD, 1, 7, null, "after the blank line 5"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void namesWhereTheProblemIs(String text, int frame, int line, String field, String words) {
        StructureFileException e = failure(text);
        assertEquals("data.extxyz", e.file(), e.getMessage());
        assertEquals(frame, e.frame(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.problem().contains(words), e.getMessage());
        String prefix = "data.extxyz:" + line + " (frame " + frame + "): " + (field == null ? "" : field + ": ");
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }

    @Test
    void messageLayout() {
        StructureFileException e = failure("2\nProperties=species:S:1:pos:R:3:forces:R:3\nSi 0 0 0 1 2 3\nO 1 1 1 1 abc 3\n");
        assertEquals("data.extxyz:4 (frame 0): column 'forces' atom 1: 'abc' is not a real number", e.getMessage());
    }

    @Test
    void theGoodTextReads() {
        // the cases above are the good text broken in one place each
        try (ExtxyzReader r = new ExtxyzReader(new StringReader(GOOD + GOOD), "data.extxyz")) {
            assertEquals(2, r.stream().count());
        }
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path p = dir.resolve("absent.extxyz");
        StructureFileException e = assertThrows(StructureFileException.class, () -> ExtxyzReader.open(p));
        assertEquals(p.toString(), e.file());
        assertEquals(p + ": no such file", e.getMessage());
    }

    @Test
    void malformedUtf8(@TempDir Path dir) throws java.io.IOException {
        Path p = dir.resolve("bad.extxyz");
        byte[] good = GOOD.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 20);
        System.arraycopy("1\nnote=".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, bytes, good.length, 7);
        bytes[good.length + 7] = (byte) 0xff;
        StructureFileException e = assertThrows(StructureFileException.class, () -> ExtxyzReader.readAll(p));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        java.nio.file.Files.write(p, bytes);
        e = assertThrows(StructureFileException.class, () -> ExtxyzReader.readAll(p));
        assertEquals(p.toString(), e.file());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void anErrorIsRepeatedNotSkipped() {
        try (ExtxyzReader r = new ExtxyzReader(new StringReader("x\n" + GOOD), "data.extxyz")) {
            StructureFileException first = assertThrows(StructureFileException.class, r::next);
            assertEquals(first, assertThrows(StructureFileException.class, r::next));
        }
    }
}
