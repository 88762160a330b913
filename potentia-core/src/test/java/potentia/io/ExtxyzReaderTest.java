package potentia.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import potentia.structure.AtomArray;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.InfoValue;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

class ExtxyzReaderTest {

    static List<Structure> read(String text) {
        try (ExtxyzReader r = new ExtxyzReader(new StringReader(text), "test.extxyz")) {
            List<Structure> all = new ArrayList<>();
            for (Structure s : r) {
                all.add(s);
            }
            return all;
        }
    }

    static Map<String, InfoValue> infoOf(String comment) {
        return read("1\n" + comment + "\nH 0 0 0\n").get(0).info();
    }

    @Test
    void readsAseWrittenFramesAsAseReadsThem() {
        List<Structure> expected = Fixtures.expected("ase_mixed.expected");
        List<Structure> actual = ExtxyzReader.readAll(Fixtures.path("ase_mixed.extxyz"));
        assertEquals(expected.size(), actual.size());
        for (int f = 0; f < expected.size(); f++) {
            Structure e = expected.get(f);
            Structure a = actual.get(f);
            assertArrayEquals(e.atomicNumbers(), a.atomicNumbers(), "frame " + f);
            assertArrayEquals(e.positions(), a.positions(), "frame " + f);
            assertEquals(e.cell(), a.cell(), "frame " + f);
            assertEquals(List.copyOf(e.info().keySet()), List.copyOf(a.info().keySet()), "info order, frame " + f);
            assertEquals(e.info(), a.info(), "frame " + f);
            assertEquals(List.copyOf(e.arrays().keySet()), List.copyOf(a.arrays().keySet()), "array order, frame " + f);
            assertEquals(e.arrays(), a.arrays(), "frame " + f);
        }
    }

    @Test
    void readsTheSharedDataSets() {
        var dir = RandomStructures.shared();
        record Expect(String file, int frames, int atoms) {
        }
        for (Expect x : List.of(new Expect("data/si_pbe.extxyz", 85, 815), new Expect("data/srtio_pbe.extxyz", 95, 541),
                new Expect("data/ean_neuralil.extxyz", 75, 16875),
                new Expect("data/srtio3_bulk_neuralil.extxyz", 200, 27000),
                new Expect("reference/si_sw_lammps.extxyz", 5, 350))) {
            List<Structure> all = ExtxyzReader.readAll(dir.resolve(x.file()));
            assertEquals(x.frames(), all.size(), x.file());
            assertEquals(x.atoms(), all.stream().mapToInt(Structure::size).sum(), x.file());
            for (Structure s : all) {
                assertTrue(s.cell().fullyPeriodic(), x.file());
                assertTrue(s.info("energy").orElseThrow() instanceof InfoValue.Real, x.file());
                assertEquals(3, ((AtomArray.Reals) s.array("forces").orElseThrow()).columns(), x.file());
            }
        }
        Structure si = ExtxyzReader.readAll(dir.resolve("data/si_pbe.extxyz")).get(0);
        // values copied from the first frame of the file
        assertEquals(5.616147819624001, si.cell().get(0, 0));
        assertEquals(0.06292076359944378, si.cell().get(0, 1));
        assertEquals(5.1806666236110805, si.cell().get(2, 2));
        assertEquals(-42.73788771014026, si.info("energy").orElseThrow().asDouble());
        assertEquals(new InfoValue.Text("diamond"), si.info("config_type").orElseThrow());
        assertEquals(new InfoValue.Text("3x3x4"), si.info("kpts").orElseThrow());
        assertEquals(9, ((InfoValue.Reals) si.info("stress").orElseThrow()).length());
        assertEquals(-0.0069033289524173804, si.info("stress").orElseThrow().asDoubles()[0]);
        assertEquals(List.of("config_type", "kpts", "energy", "stress"), List.copyOf(si.info().keySet()));
        assertArrayEquals(new double[] {-0.00192864, 0.01360757, -0.00273133}, java.util.Arrays.copyOf(si.positions(), 3));
        AtomArray.Reals f = (AtomArray.Reals) si.array("forces").orElseThrow();
        assertEquals(0.37124635, f.get(0, 0));
        assertEquals(0.40617369, f.get(0, 2));
        assertEquals(Element.Si, si.element(0));
        Structure sw = ExtxyzReader.readAll(dir.resolve("reference/si_sw_lammps.extxyz")).get(0);
        assertEquals(List.of("forces", "energies"), List.copyOf(sw.arrays().keySet()));
        assertEquals(-4.12100030, ((AtomArray.Reals) sw.array("energies").orElseThrow()).get(0, 0));
    }

    @Test
    void typesInfoValuesAsAse() {
        // expectations from ase.io.extxyz.key_val_str_to_dict (ASE 3.22.1)
        Map<String, InfoValue> m = infoOf("a=1 b=2.5 c=T d=F e f=\"x y\" g=1,2,3 h=\"1 2.5\" i=\"T F T\" j=abc");
        Map<String, InfoValue> want = new LinkedHashMap<>();
        want.put("a", new InfoValue.Int(1));
        want.put("b", new InfoValue.Real(2.5));
        want.put("c", new InfoValue.Bool(true));
        want.put("d", new InfoValue.Bool(false));
        want.put("e", new InfoValue.Bool(true));
        want.put("f", new InfoValue.Text("x y"));
        want.put("g", new InfoValue.Ints(new long[] {1, 2, 3}));
        want.put("h", new InfoValue.Reals(new double[] {1, 2.5}));
        want.put("i", new InfoValue.Bools(new boolean[] {true, false, true}));
        want.put("j", new InfoValue.Text("abc"));
        assertEquals(want, m);
        assertEquals(List.copyOf(want.keySet()), List.copyOf(m.keySet()));

        assertEquals(Map.of("k", new InfoValue.Int(5), "l", new InfoValue.Text("x"), "m", new InfoValue.Text("y")),
                infoOf("k = 5 l= x m =y"));
        assertEquals(Map.of("n", new InfoValue.Ints(new long[] {1, 2, 3}), "o", new InfoValue.Text("a b"),
                "p", new InfoValue.Text("q r"), "s", new InfoValue.Text("with \"quote\""), "t", new InfoValue.Text("a b")),
                infoOf("n={1 2 3} o=[a b] p='q r' s=\"with \\\"quote\\\"\" t=a\\ b"));
        Map<String, InfoValue> nums = infoOf("u=nan v=-inf w=1e5 x=+7 y=1_000 z=0x10");
        assertTrue(Double.isNaN(nums.get("u").asDouble()));
        assertEquals(Double.NEGATIVE_INFINITY, nums.get("v").asDouble());
        assertEquals(new InfoValue.Real(1e5), nums.get("w"));
        assertEquals(new InfoValue.Int(7), nums.get("x"));
        assertEquals(new InfoValue.Int(1000), nums.get("y"));
        assertEquals(new InfoValue.Text("0x10"), nums.get("z"));
        Map<String, InfoValue> json = infoOf("UID=0042 j1=\"_JSON {\\\"a\\\": 1}\" j2=\"_JSON \\\"str\\\"\" j3=\"_JSON [1, 2]\"");
        assertEquals(new InfoValue.Text("0042"), json.get("UID"));
        assertEquals(new InfoValue.Json("{\"a\": 1}"), json.get("j1"));
        assertEquals(new InfoValue.Text("str"), json.get("j2"));
        assertEquals(new InfoValue.Json("[1, 2]"), json.get("j3"));
        Map<String, InfoValue> odd = infoOf("q=a=b r=99999999999999999999 s=1.");
        assertEquals(new InfoValue.Text("a=b"), odd.get("q"));
        assertEquals(new InfoValue.Real(1e20), odd.get("r"));
        assertEquals(new InfoValue.Real(1.0), odd.get("s"));
    }

    @Test
    void cellAndPeriodicityDefaults() {
        Structure withLattice = read("1\nLattice=\"2 0 0 0 3 0 0 0 4\"\nH 0 0 0\n").get(0);
        assertEquals(Cell.orthorhombic(2, 3, 4), withLattice.cell());
        Structure mixed = read("1\nLattice=\"2 0 0 0 3 0 0 0 4\" pbc=\"T F T\"\nH 0 0 0\n").get(0);
        assertArrayEquals(new boolean[] {true, false, true}, mixed.cell().pbc());
        Structure none = read("1\nenergy=1.5\nH 0 0 0\n").get(0);
        assertEquals(Cell.NONE, none.cell());
        Structure oneFlag = read("1\nLattice=\"2 0 0 0 3 0 0 0 4\" pbc=F\nH 0 0 0\n").get(0);
        assertFalse(oneFlag.cell().anyPeriodic());
    }

    @Test
    void columnsSpeciesAndLineEndings() {
        String text = "2\r\nProperties=species:S:1:pos:R:3:Z:I:1:ok:L:2:name:S:1 \r\n"
                + "SI 1 2 3 14 T False a\r\n"
                + "o 4 5 6 8 True F bb\r\n";
        Structure s = read(text).get(0);
        assertArrayEquals(new int[] {14, 8}, s.atomicNumbers());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, s.positions());
        assertEquals(new AtomArray.Bools(new boolean[] {true, false, true, false}, 2), s.array("ok").orElseThrow());
        assertEquals(new AtomArray.Texts(new String[] {"a", "bb"}, 1), s.array("name").orElseThrow());
        assertEquals(List.of("ok", "name"), List.copyOf(s.arrays().keySet()));
        Structure zOnly = read("1\nProperties=Z:I:1:pos:R:3\n26 0 0 0\n").get(0);
        assertEquals(Element.Fe, zOnly.element(0));
        // plain XYZ: the comment's words become true flags, as in ASE
        Structure plain = read("1\nCubic silicon\nSi 0 0 0\n\n\n").get(0);
        assertEquals(Map.of("Cubic", new InfoValue.Bool(true), "silicon", new InfoValue.Bool(true)), plain.info());
        Structure empty = read("0\n\n").get(0);
        assertEquals(0, empty.size());
    }

    @Test
    void nextReturnsNullAtTheEndAndIteratesLazily() {
        String frame = "1\nenergy=1.0\nH 0 0 0\n";
        try (ExtxyzReader r = new ExtxyzReader(new StringReader(frame + frame), "x")) {
            assertEquals(1, r.next().size());
            assertEquals(1, r.framesRead());
            assertEquals(1, r.next().size());
            assertNull(r.next());
            assertNull(r.next());
        }
    }

    /** A source of many frames that fails once more than {@code limit} characters have been taken from it. */
    private static final class GeneratedFrames extends Reader {
        private final String frame;
        private final int frames;
        private final long limit;
        private long position;

        GeneratedFrames(String frame, int frames, long limit) {
            this.frame = frame;
            this.frames = frames;
            this.limit = limit;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            long total = (long) frame.length() * frames;
            if (position >= total) {
                return -1;
            }
            if (position >= limit) {
                throw new IOException("read past " + limit + " characters: the reader is not streaming");
            }
            int n = (int) Math.min(len, Math.min(total - position, limit - position));
            for (int k = 0; k < n; k++) {
                buf[off + k] = frame.charAt((int) ((position + k) % frame.length()));
            }
            position += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void streamsFrameByFrame() {
        var rng = new SplittableRandom(5);
        Structure s = RandomStructures.randomAtoms(rng, Cell.orthorhombic(10, 10, 10), 20, List.of(Element.Si, Element.O), 1.0);
        StringBuilder one = new StringBuilder("20\nLattice=\"10.0 0.0 0.0 0.0 10.0 0.0 0.0 0.0 10.0\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n");
        for (int i = 0; i < 20; i++) {
            one.append(String.format(java.util.Locale.ROOT, "%-2s %16.8f %16.8f %16.8f\n", s.element(i).symbol(), s.position(i, 0), s.position(i, 1), s.position(i, 2)));
        }
        String frame = one.toString();
        int frames = 5000;
        // taking 200 frames must read little more than 200 frames' text (plus one buffer)
        long limit = 200L * frame.length() + (1 << 16) + frame.length();
        try (ExtxyzReader r = new ExtxyzReader(new GeneratedFrames(frame, frames, limit), "generated")) {
            int k = 0;
            for (Structure x : r) {
                assertEquals(20, x.size());
                if (++k == 200) {
                    break;
                }
            }
            assertEquals(200, k);
        }
        // and all of them stream through when nothing limits the source
        try (ExtxyzReader r = new ExtxyzReader(new GeneratedFrames(frame, frames, Long.MAX_VALUE), "generated")) {
            assertEquals(frames, r.stream().count());
        }
        // while a limited source fails, with the place named, once the reader goes past it
        StructureFileException e = assertThrows(StructureFileException.class, () -> {
            try (ExtxyzReader r = new ExtxyzReader(new GeneratedFrames(frame, frames, limit), "generated")) {
                r.stream().count();
            }
        });
        assertTrue(e.getMessage().contains("not streaming"), e.getMessage());
    }
}
