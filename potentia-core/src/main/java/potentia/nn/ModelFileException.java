package potentia.nn;

/**
 * A model file could not be read or written; the message names the file and the problem, e.g.
 * {@code model.potentia: checksum mismatch: the content was modified or corrupted}.
 */
public final class ModelFileException extends IllegalArgumentException {
    private final String file;
    private final String problem;

    public ModelFileException(String file, String problem, Throwable cause) {
        super("model file " + file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public ModelFileException(String file, String problem) {
        this(file, problem, null);
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
