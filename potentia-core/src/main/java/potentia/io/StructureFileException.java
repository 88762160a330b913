package potentia.io;

/**
 * A structure file could not be read or written: bad content, or an I/O failure. Unchecked, so
 * that it passes through iterators and streams of structures.
 *
 * <p>The message names where the problem is, as far as it is known:
 * {@code data.extxyz:14 (frame 2): column 'forces' atom 3: 'abc' is not a real number}.
 * The parts are also available one by one.
 */
public final class StructureFileException extends RuntimeException {
    private final String file;
    private final int frame;
    private final long line;
    private final String field;
    private final String problem;

    /**
     * @param file the file's display name (as the user gave it), or null when there is none
     * @param frame 0-based frame index, or -1 when not known or not relevant
     * @param line 1-based line number, or 0 when not known or not relevant
     * @param field what was being read, e.g. {@code column 'forces' atom 3} or {@code info 'Lattice'},
     *     or null
     * @param problem what is wrong
     * @param cause the underlying exception, or null
     */
    public StructureFileException(String file, int frame, long line, String field, String problem, Throwable cause) {
        super(compose(file, frame, line, field, problem), cause);
        this.file = file;
        this.frame = frame;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public StructureFileException(String file, int frame, long line, String field, String problem) {
        this(file, frame, line, field, problem, null);
    }

    private static String compose(String file, int frame, long line, String field, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<unnamed>" : file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (frame >= 0) {
            sb.append(" (frame ").append(frame).append(')');
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        sb.append(problem);
        return sb.toString();
    }

    /** The file's display name, or null. */
    public String file() {
        return file;
    }

    /** The 0-based frame index, or -1 when not known. */
    public int frame() {
        return frame;
    }

    /** The 1-based line number, or 0 when not known. */
    public long line() {
        return line;
    }

    /** What was being read or written (e.g. {@code column 'forces' atom 3}), or null. */
    public String field() {
        return field;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
