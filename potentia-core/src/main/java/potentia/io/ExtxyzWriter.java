package potentia.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import potentia.structure.AtomArray;
import potentia.structure.Cell;
import potentia.structure.InfoValue;
import potentia.structure.Structure;

/**
 * Writes extended XYZ byte for byte as ASE 3.22 writes it ({@code ase.io.extxyz.write_xyz}), so
 * that reading an ASE-written file and writing it back reproduces the file.
 *
 * <p>Per frame: the atom count; the comment line {@code Lattice="a b c"} (when the cell is not
 * all zeros), {@code Properties=species:S:1:pos:R:3} then one {@code name:type:columns} per
 * array in order, the info entries in order (see {@link ExtxyzInfo} for values), {@code pbc}
 * last; then one line per atom: species left-aligned in 2 characters, reals {@code %16.8f},
 * integers {@code %8d}, logicals {@code " T"}, strings as they are, separated by one space.
 * Numbers on the comment line are Python's {@code repr} (shortest round-trip digits), so info
 * values come back exactly; per-atom reals keep ASE's 8 decimals unless {@link Precision#FULL}
 * is chosen, which prints their shortest round-trip digits right-aligned in 16 characters
 * (ASE reads that too).
 *
 * <p>Refused, with an error naming the field: info keys {@code Lattice}, {@code pbc} and
 * {@code Properties} (they come from the cell and arrays); {@code stress}/{@code virial} that
 * are not 9 or 6 numbers; empty info vectors (ASE would read the next pair as their value);
 * array names or per-atom strings that would break the line (empty, whitespace, quotes, ':').
 * A failed write leaves a path-based writer failed: {@link #close()} then discards the file.
 *
 * <p>ASE reads integer columns as 32-bit integers and silently wraps larger values; this
 * reader keeps 64 bits.
 */
public final class ExtxyzWriter implements StructureSink {

    /** How per-atom reals (positions, forces, ...) are printed. */
    public enum Precision {
        /** {@code %16.8f}, as ASE: 8 decimals. */
        ASE,
        /** Python's {@code repr}, right-aligned in 16 characters: every double comes back exactly. */
        FULL
    }

    private final Writer out;
    private final AtomicFile file;
    private final String name;
    private final Precision precision;
    private int frame;
    private boolean failed;
    private boolean closed;

    /**
     * A writer over any text sink, in ASE's precision.
     *
     * @param out where the text goes; closed by {@link #close()}
     */
    public ExtxyzWriter(Writer out) {
        this(out, Precision.ASE);
    }

    /** A writer over any text sink; {@code out} is closed by {@link #close()}. */
    public ExtxyzWriter(Writer out, Precision precision) {
        this(out, null, "<writer>", precision);
    }

    private ExtxyzWriter(Writer out, AtomicFile file, String name, Precision precision) {
        this.out = out;
        this.file = file;
        this.name = name;
        this.precision = precision;
    }

    /** Writes {@code path} atomically (it appears on {@link #close()}), in ASE's precision. */
    public static ExtxyzWriter open(Path path) {
        return open(path, Precision.ASE);
    }

    /** Writes {@code path} atomically (it appears on {@link #close()}). */
    public static ExtxyzWriter open(Path path, Precision precision) {
        AtomicFile f = AtomicFile.create(path);
        return new ExtxyzWriter(f.writer(), f, path.toString(), precision);
    }

    /** Writes all structures to {@code path} atomically, in ASE's precision. */
    public static void writeAll(Path path, Iterable<Structure> structures) {
        try (ExtxyzWriter w = open(path)) {
            try {
                for (Structure s : structures) {
                    w.write(s);
                }
            } catch (RuntimeException e) {
                w.abort();
                throw e;
            }
        }
    }

    /** One frame as text, in ASE's precision. */
    public static String format(Structure s) {
        StringBuilder sb = new StringBuilder();
        appendFrame(sb, s, Precision.ASE, "<string>", 0);
        return sb.toString();
    }

    @Override
    public void write(Structure structure) {
        if (closed) {
            throw new IllegalStateException(name + ": writer is closed");
        }
        if (failed) {
            throw new IllegalStateException(name + ": an earlier write failed");
        }
        try {
            StringBuilder sb = new StringBuilder(64 + structure.size() * 64);
            appendFrame(sb, structure, precision, name, frame);
            out.write(sb.toString());
            frame++;
        } catch (IOException e) {
            failed = true;
            throw new StructureFileException(name, frame, 0, null, "cannot write: " + ExtxyzReader.describe(e), e);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /** Number of frames written. */
    public int framesWritten() {
        return frame;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (file != null) {
            if (failed) {
                file.discard();
            } else {
                file.commit();
            }
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new StructureFileException(name, -1, 0, null, "cannot write: " + ExtxyzReader.describe(e), e);
        }
    }

    @Override
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        if (file != null) {
            file.discard();
        } else {
            try {
                out.close();
            } catch (IOException e) {
                // aborting anyway
            }
        }
    }

    static void appendFrame(StringBuilder sb, Structure s, Precision precision, String name, int frame) {
        int n = s.size();
        Map<String, AtomArray> arrays = s.arrays();
        AtomArray[] cols = arrays.values().toArray(new AtomArray[0]);
        String[] names = arrays.keySet().toArray(new String[0]);
        for (int c = 0; c < cols.length; c++) {
            checkArray(names[c], cols[c], name, frame);
        }
        sb.append(n).append('\n');
        Cell cell = s.cell();
        if (!cell.isZero()) {
            sb.append("Lattice=\"");
            double[] h = cell.matrix();
            for (int k = 0; k < 9; k++) {
                if (k > 0) {
                    sb.append(' ');
                }
                PyNumbers.appendRepr(sb, h[k]);
            }
            sb.append("\" ");
        }
        // numpy gives an empty list of symbols a float dtype, so ASE declares species:R:1 then
        sb.append(n == 0 ? "Properties=species:R:1:pos:R:3" : "Properties=species:S:1:pos:R:3");
        for (int c = 0; c < cols.length; c++) {
            sb.append(':').append(names[c]).append(':').append(cols[c].typeCode()).append(':').append(cols[c].columns());
        }
        for (Map.Entry<String, InfoValue> e : s.info().entrySet()) {
            String key = e.getKey();
            checkInfo(key, e.getValue(), name, frame);
            sb.append(' ');
            try {
                ExtxyzInfo.appendPair(sb, key, e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new StructureFileException(name, frame, 0, "info '" + key + "'", ex.getMessage());
            }
        }
        sb.append(" pbc=\"");
        for (int k = 0; k < 3; k++) {
            sb.append(k > 0 ? " " : "").append(cell.periodic(k) ? 'T' : 'F');
        }
        sb.append("\"\n");
        for (int i = 0; i < n; i++) {
            String symbol = s.element(i).symbol();
            sb.append(symbol);
            if (symbol.length() < 2) {
                sb.append(' ');
            }
            for (int k = 0; k < 3; k++) {
                sb.append(' ');
                appendReal(sb, s.position(i, k), precision);
            }
            for (AtomArray col : cols) {
                appendRow(sb, col, i, precision);
            }
            sb.append('\n');
        }
    }

    private static void appendRow(StringBuilder sb, AtomArray col, int atom, Precision precision) {
        int m = col.columns();
        switch (col) {
            case AtomArray.Reals r -> {
                for (int k = 0; k < m; k++) {
                    sb.append(' ');
                    appendReal(sb, r.get(atom, k), precision);
                }
            }
            case AtomArray.Ints r -> {
                for (int k = 0; k < m; k++) {
                    sb.append(' ');
                    String t = Long.toString(r.get(atom, k));
                    sb.repeat(' ', Math.max(0, 8 - t.length()));
                    sb.append(t);
                }
            }
            case AtomArray.Bools r -> {
                for (int k = 0; k < m; k++) {
                    sb.append("  ").append(r.get(atom, k) ? 'T' : 'F');
                }
            }
            case AtomArray.Texts r -> {
                for (int k = 0; k < m; k++) {
                    sb.append(' ').append(r.get(atom, k));
                }
            }
        }
    }

    private static void appendReal(StringBuilder sb, double v, Precision precision) {
        if (precision == Precision.ASE) {
            PyNumbers.appendFixed8(sb, v, 16);
        } else {
            String t = PyNumbers.repr(v);
            sb.repeat(' ', Math.max(0, 16 - t.length()));
            sb.append(t);
        }
    }

    private static void checkInfo(String key, InfoValue v, String name, int frame) {
        String field = "info '" + key + "'";
        switch (key) {
            case "Lattice", "pbc", "Properties" -> throw new StructureFileException(name, frame, 0, field,
                    "this key is reserved for the cell and the columns; remove it from info");
            case "stress", "virial" -> {
                int len = switch (v) {
                    case InfoValue.Reals r -> r.length();
                    case InfoValue.Ints i -> i.length();
                    default -> -1;
                };
                if (len != 9 && len != 6) {
                    throw new StructureFileException(name, frame, 0, field,
                            "must be 9 numbers (3×3 matrix) or 6 (Voigt), found " + v);
                }
            }
            default -> {
            }
        }
    }

    private static void checkArray(String key, AtomArray a, String name, int frame) {
        String field = "column '" + key + "'";
        if (key.isEmpty() || !key.chars().allMatch(ExtxyzWriter::nameChar)) {
            throw new StructureFileException(name, frame, 0, field,
                    "array name must be non-empty without whitespace, quotes, brackets, '\\', '=', ',' or ':'");
        }
        if (a instanceof AtomArray.Texts t) {
            String[] values = t.values();
            for (int k = 0; k < values.length; k++) {
                String v = values[k];
                if (v.isEmpty() || !v.chars().noneMatch(c -> PyText.isSpace((char) c))) {
                    throw new StructureFileException(name, frame, 0, "column '" + key + "' atom " + k / t.columns(),
                            "text '" + v + "' is empty or contains whitespace, which would break the columns");
                }
            }
        }
    }

    private static boolean nameChar(int c) {
        return !PyText.isSpace((char) c) && "\"'{}[]\\=,:".indexOf(c) < 0;
    }
}
