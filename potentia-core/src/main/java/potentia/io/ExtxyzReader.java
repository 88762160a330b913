package potentia.io;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import potentia.structure.AtomArray;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.InfoValue;
import potentia.structure.Structure;

/**
 * Reads extended XYZ frame by frame, as ASE 3.22 reads it ({@code ase.io.extxyz.read_xyz}),
 * holding one frame at a time: a file of any size streams through.
 *
 * <p>Each frame: a line with the atom count N; a comment line of key=value pairs (see
 * {@link ExtxyzInfo} for the language); N atom lines whose columns {@code Properties} declares
 * (default {@code species:S:1:pos:R:3}). Mapping onto {@link Structure}:
 * <ul>
 * <li>{@code species} (capitalised as ASE does: "SI" → Si) or {@code Z} → atomic numbers; an
 *     unknown element is an error. With both, Z is used (as ASE) and must agree with species.
 * <li>{@code pos} (R:3, Å) → positions, which must be finite.
 * <li>{@code Lattice} (9 numbers: a, b, c) and {@code pbc} (default T T T with a Lattice, F F F
 *     without) → the {@link Cell}; periodicity without a Lattice is an error.
 * <li>every other key → {@link Structure#info()}, in file order, typed as ASE types it. Results
 *     stay there under their own names: {@code energy}, {@code free_energy} (must be numbers),
 *     {@code stress} and {@code virial} (9 numbers as a 3×3 matrix — the file's order is kept — or,
 *     beyond ASE, 6 Voigt numbers xx yy zz yz xz xy, kept as 6).
 * <li>every other column → {@link Structure#arrays()}, in column order, typed R/I/L/S
 *     (logicals T, F, True or False).
 * </ul>
 * Departures from ASE, all turning silent damage into errors: an atom line must have exactly
 * the declared number of columns (ASE ignores extra ones); a blank line may only end the file
 * (ASE stops reading at the first blank line); logicals must be T/F/True/False (ASE reads
 * anything else as false); unterminated quotes, malformed {@code _JSON}, non-numeric
 * {@code energy}/{@code free_energy}, non-finite positions and Z disagreeing with species are
 * errors. One departure in kind: a {@code _JSON} value stays verbatim JSON text
 * ({@link InfoValue.Json}) even where ASE would turn a list of numbers into an array, so that
 * it is written back unchanged; a JSON string becomes text, as in ASE.
 *
 * <p>Not thread-safe. Errors are {@link StructureFileException}s naming file, line, frame and field.
 */
public final class ExtxyzReader implements StructureSource {
    private static final int BUFFER = 1 << 16;

    private final LineReader lines;
    private final String name;
    private final Map<String, Integer> speciesCache = new HashMap<>();
    private String lastSpecies;
    private int lastNumber;
    private long line;
    private int frame;
    private boolean finished;
    private boolean closed;
    private StructureFileException failure;
    private int[] starts = new int[16];
    private int[] ends = new int[16];

    /**
     * A reader over any text source, e.g. a decompressing stream.
     *
     * @param reader the text (buffered here; no need for a BufferedReader); closed by {@link #close()}
     * @param name the name errors show, e.g. the file name
     */
    public ExtxyzReader(Reader reader, String name) {
        this.lines = new LineReader(reader, BUFFER);
        this.name = name;
    }

    /**
     * Opens a file (UTF-8).
     *
     * @throws StructureFileException when it cannot be opened
     */
    public static ExtxyzReader open(Path path) {
        try {
            // a strict decoder: malformed UTF-8 is an error, not replacement characters
            return new ExtxyzReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8.newDecoder()),
                    path.toString());
        } catch (IOException e) {
            throw ioFailure(path.toString(), e);
        }
    }

    /** All frames of a file (which must fit in memory; prefer {@link #open} and iteration for large files). */
    public static List<Structure> readAll(Path path) {
        try (ExtxyzReader r = open(path)) {
            List<Structure> all = new ArrayList<>();
            for (Structure s = r.next(); s != null; s = r.next()) {
                all.add(s);
            }
            return all;
        }
    }

    /** Number of frames returned so far. */
    public int framesRead() {
        return frame;
    }

    @Override
    public Structure next() {
        if (closed) {
            throw new IllegalStateException(name + ": reader is closed");
        }
        if (failure != null) {
            throw failure;
        }
        if (finished) {
            return null;
        }
        try {
            Structure s = readFrame();
            if (s == null) {
                finished = true;
            } else {
                frame++;
            }
            return s;
        } catch (StructureFileException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                lines.close();
            } catch (IOException e) {
                throw ioFailure(name, e);
            }
        }
    }

    private Structure readFrame() {
        String countLine = readLine();
        if (countLine == null) {
            return null;
        }
        if (PyText.isBlank(countLine)) {
            long blank = line;
            for (String l = readLine(); l != null; l = readLine()) {
                if (!PyText.isBlank(l)) {
                    throw fail(line, null, "more text after the blank line " + blank
                            + " (frames must follow one another without blank lines)");
                }
            }
            return null;
        }
        int n = atomCount(countLine);
        String comment = readLine();
        if (comment == null) {
            throw fail(line + 1, null, "file ends before the comment line of a frame of " + n + " atoms (truncated frame)");
        }
        long commentLine = line;
        Header h = header(comment, commentLine);
        return atoms(n, h, commentLine);
    }

    private int atomCount(String text) {
        String t = PyText.strip(text);
        long n;
        try {
            n = PyNumbers.parseInt(t);
        } catch (NumberFormatException e) {
            String hint = frame > 0 ? " (does the previous frame have more atom lines than its count says?)" : "";
            throw fail(line, "atom count", "expected the number of atoms of a frame, found '" + shorten(t) + "'" + hint);
        }
        if (n < 0 || n > Integer.MAX_VALUE / 3) {
            throw fail(line, "atom count", "atom count " + n + " is out of range");
        }
        return (int) n;
    }

    /** What the comment line says besides info. */
    private record Header(LinkedHashMap<String, InfoValue> info, double[] lattice, boolean[] pbc, ExtxyzColumns columns) {
    }

    private Header header(String comment, long at) {
        List<ExtxyzInfo.Pair> pairs;
        try {
            pairs = ExtxyzInfo.split(comment);
        } catch (IllegalArgumentException e) {
            throw fail(at, "comment line", e.getMessage());
        }
        LinkedHashMap<String, InfoValue> info = new LinkedHashMap<>();
        double[] lattice = null;
        boolean[] pbc = null;
        String properties = ExtxyzColumns.DEFAULT;
        for (ExtxyzInfo.Pair p : pairs) {
            String key = p.key();
            String field = "info '" + key + "'";
            InfoValue v;
            try {
                v = ExtxyzInfo.typed(key, p.value());
            } catch (IllegalArgumentException e) {
                throw fail(at, field, e.getMessage());
            }
            switch (key) {
                case "Lattice" -> lattice = lattice(v, p.value(), at);
                case "pbc" -> pbc = pbc(v, p.value(), at);
                case "Properties" -> {
                    if (!(v instanceof InfoValue.Text t)) {
                        throw fail(at, field, "expected name:type:columns triples, found '" + shorten(p.value()) + "'");
                    }
                    properties = t.value();
                }
                default -> {
                    checkKnownKey(key, v, p.value(), at);
                    info.put(key, v);
                }
            }
        }
        ExtxyzColumns columns;
        try {
            columns = ExtxyzColumns.parse(properties);
        } catch (IllegalArgumentException e) {
            throw fail(at, "info 'Properties'", e.getMessage());
        }
        return new Header(info, lattice, pbc, columns);
    }

    private double[] lattice(InfoValue v, String raw, long at) {
        double[] h = numbers(v);
        if (h == null || h.length != 9) {
            throw fail(at, "info 'Lattice'", "expected 9 numbers (lattice vectors a, b, c), found '" + shorten(raw) + "'");
        }
        return h;
    }

    private boolean[] pbc(InfoValue v, String raw, long at) {
        return switch (v) {
            case InfoValue.Bool b -> new boolean[] {b.value(), b.value(), b.value()};
            case InfoValue.Bools b when b.length() == 3 -> b.values();
            default -> throw fail(at, "info 'pbc'", "expected 3 logicals (T or F), found '" + shorten(raw) + "'");
        };
    }

    private void checkKnownKey(String key, InfoValue v, String raw, long at) {
        switch (key) {
            case "stress", "virial" -> {
                double[] x = numbers(v);
                if (x == null || (x.length != 9 && x.length != 6)) {
                    throw fail(at, "info '" + key + "'",
                            "expected 9 numbers (3×3 matrix) or 6 (Voigt), found '" + shorten(raw) + "'");
                }
            }
            case "energy", "free_energy" -> {
                if (!(v instanceof InfoValue.Real || v instanceof InfoValue.Int)) {
                    throw fail(at, "info '" + key + "'", "'" + shorten(raw) + "' is not a number");
                }
            }
            default -> {
            }
        }
    }

    private static double[] numbers(InfoValue v) {
        return switch (v) {
            case InfoValue.Reals r -> r.values();
            case InfoValue.Ints i -> v.asDoubles();
            case InfoValue.Real r -> new double[] {r.value()};
            case InfoValue.Int i -> new double[] {i.value()};
            default -> null;
        };
    }

    private Structure atoms(int n, Header h, long commentLine) {
        ExtxyzColumns cols = h.columns();
        ExtxyzColumns.Column species = cols.find("species");
        ExtxyzColumns.Column zColumn = cols.find("Z");
        ExtxyzColumns.Column pos = cols.find("pos");
        String spec = "Properties=" + describe(cols);
        if (n > 0) {
            // ASE writes species:R:1 for a frame without atoms (numpy's dtype of an empty list)
            requireShape(species, 'S', 1, commentLine);
        }
        requireShape(zColumn, 'I', 1, commentLine);
        requireShape(pos, 'R', 3, commentLine);
        if (species == null && zColumn == null) {
            throw fail(commentLine, "info 'Properties'", "no species (or Z) column in " + spec);
        }
        if (pos == null) {
            throw fail(commentLine, "info 'Properties'", "no pos column in " + spec);
        }
        int width = cols.width();
        if (starts.length <= width) {
            starts = new int[width + 1];
            ends = new int[width + 1];
        }
        List<ExtxyzColumns.Column> list = cols.columns();
        Object[] data = new Object[list.size()];
        for (int c = 0; c < data.length; c++) {
            ExtxyzColumns.Column col = list.get(c);
            int size = n * col.count();
            data[c] = switch (col.type()) {
                case 'R' -> new double[size];
                case 'I' -> new long[size];
                case 'L' -> new boolean[size];
                default -> new String[size];
            };
        }
        int[] numbers = new int[n];
        double[] positions = (double[]) data[list.indexOf(pos)];
        long[] zs = zColumn == null ? null : (long[]) data[list.indexOf(zColumn)];
        for (int a = 0; a < n; a++) {
            if (!nextLine()) {
                throw fail(line + 1, null, "file ends after " + a + " of " + n + " atoms (truncated frame)");
            }
            char[] l = lines.buffer();
            int tokens = PyText.split(l, lines.start(), lines.end(), starts, ends);
            if (tokens != width) {
                throw fail(line, "atom " + a, "expected " + width + " columns (" + spec + "), found " + tokens);
            }
            for (int c = 0; c < data.length; c++) {
                ExtxyzColumns.Column col = list.get(c);
                if (col == species) {
                    numbers[a] = element(l, starts[col.offset()], ends[col.offset()], a);
                } else {
                    parseColumn(l, col, data[c], a);
                }
            }
            for (int k = 0; k < 3; k++) {
                if (!Double.isFinite(positions[3 * a + k])) {
                    throw fail(line, "column 'pos' atom " + a, "position '"
                            + token(l, starts[pos.offset() + k], ends[pos.offset() + k]) + "' is not finite");
                }
            }
            if (zs != null) {
                long z = zs[a];
                if (z < 0 || z > 118) {
                    throw fail(line, "column 'Z' atom " + a, "no element has atomic number " + z);
                }
                if (species != null && numbers[a] != z) {
                    throw fail(line, "column 'Z' atom " + a, "Z = " + z + " but species is "
                            + Element.ofNumber(numbers[a]).symbol());
                }
                numbers[a] = (int) z;
            }
        }
        return build(n, h, numbers, data, species, zColumn, pos, commentLine);
    }

    private Structure build(int n, Header h, int[] numbers, Object[] data, ExtxyzColumns.Column species,
            ExtxyzColumns.Column zColumn, ExtxyzColumns.Column pos, long commentLine) {
        boolean[] pbc = h.pbc() != null ? h.pbc() : new boolean[] {h.lattice() != null, h.lattice() != null, h.lattice() != null};
        Cell cell;
        if (h.lattice() == null) {
            if (pbc[0] || pbc[1] || pbc[2]) {
                throw fail(commentLine, "info 'pbc'", "periodic along some axis but the frame has no Lattice");
            }
            cell = Cell.NONE;
        } else {
            try {
                cell = Cell.of(h.lattice(), pbc);
            } catch (IllegalArgumentException e) {
                throw fail(commentLine, "info 'Lattice'", e.getMessage());
            }
        }
        Structure.Builder b = Structure.builder().atomicNumbers(numbers).cell(cell);
        h.info().forEach(b::info);
        List<ExtxyzColumns.Column> list = h.columns().columns();
        for (int c = 0; c < list.size(); c++) {
            ExtxyzColumns.Column col = list.get(c);
            if (col == pos) {
                b.positions((double[]) data[c]);
            } else if (col != species && col != zColumn) {
                b.array(col.name(), switch (col.type()) {
                    case 'R' -> new AtomArray.Reals((double[]) data[c], col.count());
                    case 'I' -> new AtomArray.Ints((long[]) data[c], col.count());
                    case 'L' -> new AtomArray.Bools((boolean[]) data[c], col.count());
                    default -> new AtomArray.Texts((String[]) data[c], col.count());
                });
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw fail(commentLine, null, e.getMessage());
        }
    }

    private void parseColumn(char[] l, ExtxyzColumns.Column col, Object store, int atom) {
        int base = atom * col.count();
        for (int k = 0; k < col.count(); k++) {
            int t = col.offset() + k;
            int a = starts[t];
            int e = ends[t];
            switch (col.type()) {
                case 'R' -> {
                    try {
                        ((double[]) store)[base + k] = PyNumbers.parseFloat(l, a, e);
                    } catch (NumberFormatException ex) {
                        throw fail(line, columnField(col, atom), "'" + shorten(token(l, a, e)) + "' is not a real number");
                    }
                }
                case 'I' -> {
                    try {
                        ((long[]) store)[base + k] = PyNumbers.parseInt(l, a, e);
                    } catch (NumberFormatException ex) {
                        throw fail(line, columnField(col, atom), "'" + shorten(token(l, a, e)) + "' is not an integer");
                    }
                }
                case 'L' -> ((boolean[]) store)[base + k] = logical(l, a, e, col, atom);
                default -> ((String[]) store)[base + k] = token(l, a, e);
            }
        }
    }

    private boolean logical(char[] l, int a, int e, ExtxyzColumns.Column col, int atom) {
        int len = e - a;
        if (len == 1 && l[a] == 'T' || len == 4 && token(l, a, e).equals("True")) {
            return true;
        }
        if (len == 1 && l[a] == 'F' || len == 5 && token(l, a, e).equals("False")) {
            return false;
        }
        throw fail(line, columnField(col, atom), "'" + shorten(token(l, a, e)) + "' is not a logical (T or F)");
    }

    private static String token(char[] l, int a, int e) {
        return new String(l, a, e - a);
    }

    private int element(char[] l, int a, int e, int atom) {
        // consecutive atoms mostly share their species: compare with the last one before building a string
        String last = lastSpecies;
        if (last != null && last.length() == e - a) {
            boolean same = true;
            for (int k = 0; k < e - a && same; k++) {
                same = last.charAt(k) == l[a + k];
            }
            if (same) {
                return lastNumber;
            }
        }
        String token = token(l, a, e);
        Integer z = speciesCache.get(token);
        if (z == null) {
            String symbol = PyText.capitalize(token);
            if (!Element.isSymbol(symbol)) {
                throw fail(line, "column 'species' atom " + atom, "unknown element '" + shorten(token) + "'");
            }
            z = Element.of(symbol).number();
            speciesCache.put(token, z);
        }
        lastSpecies = token;
        lastNumber = z;
        return z;
    }

    private void requireShape(ExtxyzColumns.Column c, char type, int count, long at) {
        if (c != null && (c.type() != type || c.count() != count)) {
            throw fail(at, "info 'Properties'", "column '" + c.name() + "' must be " + type + ":" + count
                    + ", found " + c.type() + ":" + c.count());
        }
    }

    private static String describe(ExtxyzColumns cols) {
        StringBuilder sb = new StringBuilder();
        for (ExtxyzColumns.Column c : cols.columns()) {
            if (!sb.isEmpty()) {
                sb.append(':');
            }
            sb.append(c.name()).append(':').append(c.type()).append(':').append(c.count());
        }
        return sb.toString();
    }

    private static String columnField(ExtxyzColumns.Column col, int atom) {
        return "column '" + col.name() + "' atom " + atom;
    }

    private String readLine() {
        return nextLine() ? lines.text() : null;
    }

    private boolean nextLine() {
        try {
            boolean more = lines.next();
            if (more) {
                line++;
            }
            return more;
        } catch (IOException e) {
            // decoders work ahead in blocks, so the failing line is not known exactly
            throw new StructureFileException(name, frame, 0, null,
                    "cannot read beyond line " + line + ": " + describe(e), e);
        }
    }

    private StructureFileException fail(long at, String field, String problem) {
        return new StructureFileException(name, frame, at, field, problem);
    }

    static StructureFileException ioFailure(String file, IOException e) {
        return new StructureFileException(file, -1, 0, null, describe(e), e);
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "not valid UTF-8 text";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
