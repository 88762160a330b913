package potentia.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file written under a temporary name in the target's directory and renamed over the target
 * only when complete, so that readers never see half a file and a failure leaves the old one.
 */
final class AtomicFile {
    private final Path target;
    private final Path temp;
    private final Writer writer;
    private boolean done;

    private AtomicFile(Path target, Path temp, Writer writer) {
        this.target = target;
        this.temp = temp;
        this.writer = writer;
    }

    /**
     * Starts writing {@code target} (UTF-8).
     *
     * @throws StructureFileException when the temporary file cannot be created
     */
    static AtomicFile create(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        String name = abs.getFileName().toString();
        for (int attempt = 0; ; attempt++) {
            // not Files.createTempFile: its 0600 permissions would end up on the target
            Path temp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                var out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new AtomicFile(target, temp,
                        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw ExtxyzReader.ioFailure(target.toString(), e);
                }
            } catch (IOException e) {
                throw new StructureFileException(target.toString(), -1, 0, null,
                        "cannot write: " + ExtxyzReader.describe(e) + " (" + dir + ")", e);
            }
        }
    }

    /** Where the text goes until {@link #commit()}. */
    Writer writer() {
        return writer;
    }

    /** The temporary file (for tests). */
    Path temp() {
        return temp;
    }

    /** Closes and renames over the target; on failure the temporary file is deleted. */
    void commit() {
        if (done) {
            return;
        }
        done = true;
        try {
            writer.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly();
            throw new StructureFileException(target.toString(), -1, 0, null, "cannot write: " + ExtxyzReader.describe(e), e);
        }
    }

    /** Closes and deletes the temporary file; the target is untouched. */
    void discard() {
        if (done) {
            return;
        }
        done = true;
        try {
            writer.close();
        } catch (IOException e) {
            // discarding anyway
        }
        deleteQuietly();
    }

    private void deleteQuietly() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // nothing more can be done; the name starts with '.' and ends with .tmp
        }
    }
}
