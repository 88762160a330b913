package potentia.io;

import potentia.structure.Structure;

/**
 * Writes structures one after another. Writers to a path write atomically: the target appears
 * (or is replaced) only on a successful {@link #close()}; a failed write, or {@link #abort()},
 * leaves the target as it was.
 *
 * <p>With try-with-resources, {@code close()} also runs when the body throws, and then commits
 * what was written so far; call {@link #abort()} in a {@code catch} to discard it instead.
 */
public interface StructureSink extends AutoCloseable {

    /** Appends one structure. */
    void write(Structure structure);

    /** Finishes the output (commits the file); idempotent. Does nothing after {@link #abort()}. */
    @Override
    void close();

    /** Discards the output: the target file is left untouched (its temporary file deleted); idempotent. */
    void abort();
}
