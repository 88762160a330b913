package potentia.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import potentia.structure.AtomArray;
import potentia.structure.Cell;
import potentia.structure.InfoValue;
import potentia.structure.Structure;

/** The ASE-made test resources of src/test/resources/io (see make_fixtures.py there). */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource io/" + name, e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Frames as ASE read them, from a {@code .expected} dump written by make_fixtures.py: lines
     * {@code frame N}, {@code numbers}, {@code cell}, {@code pbc}, {@code positions}, then
     * {@code info KEY TYPE VALUES} and {@code array NAME TYPE NCOLS VALUES}, closed by {@code end}.
     */
    static List<Structure> expected(String name) {
        List<Structure> out = new ArrayList<>();
        Structure.Builder b = null;
        double[] cell = null;
        boolean[] pbc = null;
        for (String line : text(name).split("\n")) {
            String[] f = line.split(" ", -1);
            String rest = line.indexOf(' ') < 0 ? "" : line.substring(line.indexOf(' ') + 1);
            switch (f[0]) {
                case "frame" -> b = Structure.builder();
                case "numbers" -> b.atomicNumbers(rest.isEmpty() ? new int[0] : Arrays.stream(f, 1, f.length).mapToInt(Integer::parseInt).toArray());
                case "cell" -> cell = reals(f, 1, f.length);
                case "pbc" -> pbc = bools(f, 1, f.length);
                case "positions" -> b.positions(rest.isEmpty() ? new double[0] : reals(f, 1, f.length));
                case "info" -> b.info(f[1], info(f[2], line.substring(("info " + f[1] + " " + f[2] + " ").length()), f));
                case "array" -> b.array(f[1], array(f[2], Integer.parseInt(f[3]), f));
                case "end" -> {
                    boolean zero = Arrays.stream(cell).allMatch(v -> v == 0);
                    b.cell(zero && !pbc[0] && !pbc[1] && !pbc[2] ? Cell.NONE : Cell.of(cell, pbc));
                    out.add(b.build());
                }
                default -> throw new IllegalStateException("bad line in " + name + ": " + line);
            }
        }
        return out;
    }

    private static InfoValue info(String type, String text, String[] f) {
        return switch (type) {
            case "int" -> new InfoValue.Int(Long.parseLong(text));
            case "real" -> new InfoValue.Real(PyNumbers.parseFloatReference(text, 0, text.length()));
            case "bool" -> new InfoValue.Bool(text.equals("T"));
            case "text" -> new InfoValue.Text(JsonText.asString(text));
            case "json" -> new InfoValue.Json(text);
            case "ints" -> new InfoValue.Ints(Arrays.stream(f, 3, f.length).mapToLong(Long::parseLong).toArray());
            case "reals" -> new InfoValue.Reals(reals(f, 3, f.length));
            case "bools" -> new InfoValue.Bools(bools(f, 3, f.length));
            default -> throw new IllegalStateException(type);
        };
    }

    private static AtomArray array(String type, int cols, String[] f) {
        return switch (type) {
            case "R" -> new AtomArray.Reals(reals(f, 4, f.length), cols);
            case "I" -> new AtomArray.Ints(Arrays.stream(f, 4, f.length).mapToLong(Long::parseLong).toArray(), cols);
            case "L" -> new AtomArray.Bools(bools(f, 4, f.length), cols);
            case "S" -> new AtomArray.Texts(Arrays.copyOfRange(f, 4, f.length), cols);
            default -> throw new IllegalStateException(type);
        };
    }

    static double[] reals(String[] f, int from, int to) {
        double[] v = new double[to - from];
        for (int k = from; k < to; k++) {
            v[k - from] = PyNumbers.parseFloatReference(f[k], 0, f[k].length());
        }
        return v;
    }

    static boolean[] bools(String[] f, int from, int to) {
        boolean[] v = new boolean[to - from];
        for (int k = from; k < to; k++) {
            v[k - from] = f[k].equals("T");
        }
        return v;
    }
}
