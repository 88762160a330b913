package potentia.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A table of named numeric columns written as CSV (comma-separated, header line), atomically. */
final class CsvTable {
    private final List<String> names = new ArrayList<>();
    private final List<double[]> columns = new ArrayList<>();

    /** Adds a column (not copied; not modified). All columns must have the same length. */
    CsvTable add(String name, double[] values) {
        if (!columns.isEmpty() && values.length != columns.get(0).length) {
            throw new IllegalArgumentException("column " + name + " has " + values.length + " rows, expected "
                    + columns.get(0).length);
        }
        names.add(name);
        columns.add(values);
        return this;
    }

    void write(Path file) {
        StringBuilder sb = new StringBuilder(String.join(",", names)).append('\n');
        int rows = columns.isEmpty() ? 0 : columns.get(0).length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    sb.append(',');
                }
                double v = columns.get(c)[r];
                sb.append(Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v) : "nan");
            }
            sb.append('\n');
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, sb, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
