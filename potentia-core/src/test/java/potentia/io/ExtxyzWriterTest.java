package potentia.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.structure.AtomArray;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.InfoValue;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

class ExtxyzWriterTest {

    static String write(List<Structure> frames, ExtxyzWriter.Precision precision) {
        StringWriter sw = new StringWriter();
        try (ExtxyzWriter w = new ExtxyzWriter(sw, precision)) {
            frames.forEach(w::write);
        }
        return sw.toString();
    }

    static List<Structure> read(String text) {
        try (ExtxyzReader r = new ExtxyzReader(new StringReader(text), "text")) {
            return r.stream().toList();
        }
    }

    static void assertSameBytes(Path file) throws IOException {
        String original = Files.readString(file, StandardCharsets.UTF_8);
        String rewritten = write(ExtxyzReader.readAll(file), ExtxyzWriter.Precision.ASE);
        if (!original.equals(rewritten)) {
            String[] a = original.split("\n", -1);
            String[] b = rewritten.split("\n", -1);
            for (int k = 0; k < Math.min(a.length, b.length); k++) {
                assertEquals(a[k], b[k], file + " line " + (k + 1));
            }
            assertEquals(a.length, b.length, file + ": number of lines");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ase_mixed.extxyz", "ase_big.extxyz"})
    void rewritesAseFixturesByteForByte(String name) throws IOException {
        assertSameBytes(Fixtures.path(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"data/si_pbe.extxyz", "data/srtio_pbe.extxyz", "data/ean_neuralil.extxyz",
        "data/srtio3_bulk_neuralil.extxyz", "reference/si_sw_lammps.extxyz"})
    void rewritesTheSharedDataByteForByte(String name) throws IOException {
        assertSameBytes(RandomStructures.shared().resolve(name));
    }

    /** A structure with random info and arrays of every kind, in a random order. */
    static Structure randomLabelled(SplittableRandom rng, int atoms) {
        boolean[] pbc = {rng.nextBoolean(), rng.nextBoolean(), rng.nextBoolean()};
        Cell cell = rng.nextInt(4) == 0 && !(pbc[0] || pbc[1] || pbc[2])
                ? Cell.NONE : RandomStructures.randomCell(rng, 3, 12, 0.3, pbc);
        if (cell == Cell.NONE || !cell.anyPeriodic() && rng.nextBoolean()) {
            cell = Cell.NONE;
        }
        Structure s = RandomStructures.randomAtoms(rng, cell.isZero() ? Cell.orthorhombic(8, 8, 8) : cell, atoms,
                List.of(Element.Si, Element.O, Element.H, Element.Sr, Element.Ti, Element.C), 0.5);
        Structure.Builder b = Structure.builder().atomicNumbers(s.atomicNumbers()).positions(s.positions()).cell(cell);
        List<Runnable> adds = new java.util.ArrayList<>();
        adds.add(() -> b.info("energy", new InfoValue.Real(rng.nextGaussian() * 100)));
        adds.add(() -> b.info("free_energy", new InfoValue.Real(rng.nextGaussian() * 100)));
        adds.add(() -> b.info("stress", new InfoValue.Reals(gaussians(rng, 9, 0.01))));
        adds.add(() -> b.info("virial", new InfoValue.Reals(gaussians(rng, 9, 10))));
        adds.add(() -> b.info("step", new InfoValue.Int(rng.nextLong())));
        adds.add(() -> b.info("tiny", new InfoValue.Real(rng.nextGaussian() * Math.pow(10, rng.nextInt(-30, 30)))));
        adds.add(() -> b.info("flag", new InfoValue.Bool(rng.nextBoolean())));
        adds.add(() -> b.info("name", new InfoValue.Text(randomText(rng))));
        adds.add(() -> b.info("looks_numeric", new InfoValue.Text(Integer.toString(rng.nextInt()))));
        adds.add(() -> b.info("empty", new InfoValue.Text("")));
        adds.add(() -> b.info("kpts", new InfoValue.Ints(new long[] {rng.nextInt(1, 9), rng.nextInt(1, 9), rng.nextInt(1, 9)})));
        adds.add(() -> b.info("flags", new InfoValue.Bools(new boolean[] {rng.nextBoolean(), rng.nextBoolean()})));
        adds.add(() -> b.info("json", new InfoValue.Json("{\"a\": [1, 2.5, \"x \\\"y\\\"\"], \"b\": null}")));
        adds.add(() -> b.array("forces", new AtomArray.Reals(gaussians(rng, 3 * atoms, 3), 3)));
        adds.add(() -> b.array("energies", new AtomArray.Reals(gaussians(rng, atoms, 5), 1)));
        adds.add(() -> b.array("tags", new AtomArray.Ints(rng.longs(atoms, -100_000, 100_000_000).toArray(), 1)));
        adds.add(() -> {
            boolean[] m = new boolean[3 * atoms];
            for (int k = 0; k < m.length; k++) {
                m[k] = rng.nextBoolean();
            }
            b.array("move_mask", new AtomArray.Bools(m, 3));
        });
        adds.add(() -> {
            String[] t = new String[atoms];
            for (int k = 0; k < atoms; k++) {
                t[k] = rng.nextBoolean() ? "x" : "site_" + rng.nextInt(100);
            }
            b.array("label", new AtomArray.Texts(t, 1));
        });
        java.util.Collections.shuffle(adds, new java.util.Random(rng.nextLong()));
        adds.forEach(Runnable::run);
        return b.build();
    }

    static double[] gaussians(SplittableRandom rng, int n, double scale) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = rng.nextGaussian() * scale;
        }
        return v;
    }

    static String randomText(SplittableRandom rng) {
        String alphabet = "ab Z9_\"'{}[]=\\,:é-";
        StringBuilder sb = new StringBuilder();
        int len = rng.nextInt(1, 12);
        for (int k = 0; k < len; k++) {
            sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @RepeatedTest(20)
    void roundTripsRandomStructures(RepetitionInfo rep) {
        var rng = new SplittableRandom(1000 + rep.getCurrentRepetition());
        List<Structure> frames = Stream.generate(() -> randomLabelled(rng, rng.nextInt(1, 12))).limit(3).toList();
        // full precision: everything comes back exactly
        List<Structure> full = read(write(frames, ExtxyzWriter.Precision.FULL));
        for (int f = 0; f < frames.size(); f++) {
            assertEquals(frames.get(f).info(), full.get(f).info());
            assertEquals(frames.get(f).arrays(), full.get(f).arrays());
            assertEquals(frames.get(f), full.get(f));
            assertEquals(List.copyOf(frames.get(f).info().keySet()), List.copyOf(full.get(f).info().keySet()));
            assertEquals(List.copyOf(frames.get(f).arrays().keySet()), List.copyOf(full.get(f).arrays().keySet()));
        }
        // ASE precision: info and cell exactly, per-atom reals to 8 decimals
        String text = write(frames, ExtxyzWriter.Precision.ASE);
        List<Structure> back = read(text);
        for (int f = 0; f < frames.size(); f++) {
            Structure a = frames.get(f);
            Structure b = back.get(f);
            assertEquals(a.info(), b.info());
            assertEquals(a.cell(), b.cell());
            assertArrayEquals(a.atomicNumbers(), b.atomicNumbers());
            assertArrayEquals(a.positions(), b.positions(), 0.5e-8 + 1e-15);
            for (var e : a.arrays().entrySet()) {
                if (e.getValue() instanceof AtomArray.Reals r) {
                    assertArrayEquals(r.values(), ((AtomArray.Reals) b.array(e.getKey()).orElseThrow()).values(), 0.5e-8 + 1e-14);
                } else {
                    assertEquals(e.getValue(), b.array(e.getKey()).orElseThrow());
                }
            }
        }
        // and writing what was read gives the same text again
        assertEquals(text, write(back, ExtxyzWriter.Precision.ASE));
    }

    @Test
    void layoutOfOneFrame() {
        Structure s = Structure.builder()
                .atomicNumbers(new int[] {1, 14})
                .positions(new double[] {0.125, -0.000000005, 1e-5, 12345.678901234, 2, -3})
                .cell(Cell.of(new double[] {5, 0, 0, 0, 6, 0, 0, 0, 7}, new boolean[] {true, false, true}))
                .info("energy", new InfoValue.Real(-1.5))
                .info("note", new InfoValue.Text("two words"))
                .info("n", new InfoValue.Int(3))
                .array("forces", new AtomArray.Reals(new double[] {1, 2, 3, 4, 5, 6}, 3))
                .array("tag", new AtomArray.Ints(new long[] {7, -8}, 1))
                .array("fixed", new AtomArray.Bools(new boolean[] {true, false}, 1))
                .array("kind", new AtomArray.Texts(new String[] {"a", "bc"}, 1))
                .build();
        String expected = """
                2
                Lattice="5.0 0.0 0.0 0.0 6.0 0.0 0.0 0.0 7.0" Properties=species:S:1:pos:R:3:forces:R:3:tag:I:1:fixed:L:1:kind:S:1 energy=-1.5 note="two words" n=3 pbc="T F T"
                H        0.12500000      -0.00000001       0.00001000       1.00000000       2.00000000       3.00000000        7  T a
                Si   12345.67890123       2.00000000      -3.00000000       4.00000000       5.00000000       6.00000000       -8  F bc
                """;
        assertEquals(expected, ExtxyzWriter.format(s));
        Structure cluster = Structure.of(List.of(Element.O), new double[] {0, 0, 0}, Cell.NONE);
        assertEquals("1\nProperties=species:S:1:pos:R:3 pbc=\"F F F\"\nO        0.00000000       0.00000000       0.00000000\n",
                ExtxyzWriter.format(cluster));
    }

    @Test
    void textsThatAseWouldMisreadComeBackAsText() {
        for (String t : List.of("", "5", "1.5e3", "T", "F T", "nan", "_JSON [1]", "a\\b", "tab\there", "line\nbreak", " lead", "\"", "a=", "=", "a=b")) {
            Structure s = Structure.of(List.of(Element.H), new double[3], Cell.NONE).withInfo("x", new InfoValue.Text(t));
            String text = ExtxyzWriter.format(s);
            assertEquals(new InfoValue.Text(t), read(text).get(0).info("x").orElseThrow(), text);
            assertEquals(3, text.split("\n").length, text);
        }
    }

    @Test
    void refusesWhatCannotBeWritten() {
        Structure base = Structure.of(List.of(Element.H), new double[3], Cell.NONE);
        record Case(Structure s, String field) {
        }
        for (Case c : List.of(
                new Case(base.withInfo("pbc", new InfoValue.Bool(true)), "info 'pbc'"),
                new Case(base.withInfo("Lattice", new InfoValue.Reals(new double[9])), "info 'Lattice'"),
                new Case(base.withInfo("stress", new InfoValue.Real(1)), "info 'stress'"),
                new Case(base.withInfo("v", new InfoValue.Reals(new double[0])), "info 'v'"),
                new Case(base.withInfo("a=b", new InfoValue.Int(1)), "info 'a=b'"),
                new Case(base.withArray("bad name", new AtomArray.Reals(new double[1], 1)), "column 'bad name'"),
                new Case(base.withArray("kind", new AtomArray.Texts(new String[] {"a b"}, 1)), "column 'kind' atom 0"))) {
            StringWriter sw = new StringWriter();
            try (ExtxyzWriter w = new ExtxyzWriter(sw)) {
                StructureFileException e = assertThrows(StructureFileException.class, () -> w.write(c.s()));
                assertEquals(c.field(), e.field(), e.getMessage());
                assertEquals(0, e.frame());
                assertEquals("", sw.toString(), "nothing of a refused frame is written");
            }
        }
    }

    @Test
    void writesAtomically(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.extxyz");
        Files.writeString(target, "old");
        Structure s = Structure.of(List.of(Element.H), new double[3], Cell.NONE);
        try (ExtxyzWriter w = ExtxyzWriter.open(target)) {
            w.write(s);
            assertEquals("old", Files.readString(target), "the target changes only on close");
        }
        assertEquals(ExtxyzWriter.format(s), Files.readString(target));
        // abort keeps the old content
        try (ExtxyzWriter w = ExtxyzWriter.open(target)) {
            w.write(s);
            w.write(s);
            w.abort();
        }
        assertEquals(ExtxyzWriter.format(s), Files.readString(target));
        // a failed write discards the file on close
        try (ExtxyzWriter w = ExtxyzWriter.open(dir.resolve("new.extxyz"))) {
            w.write(s);
            assertThrows(StructureFileException.class, () -> w.write(s.withInfo("pbc", new InfoValue.Bool(true))));
        }
        assertFalse(Files.exists(dir.resolve("new.extxyz")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary files are left");
        }
        StructureFileException e = assertThrows(StructureFileException.class,
                () -> ExtxyzWriter.open(dir.resolve("no/such/dir/x.extxyz")));
        assertTrue(e.getMessage().contains("cannot write"), e.getMessage());
    }
}
