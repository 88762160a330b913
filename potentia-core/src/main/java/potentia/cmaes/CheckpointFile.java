package potentia.cmaes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * A checkpoint on disk: the magic bytes {@code POTENTIA}, a kind (e.g. "cmaes"), the payload
 * and a CRC-32 of everything before it. Written under a temporary name and renamed over the
 * target, so a crash mid-write leaves the previous checkpoint intact; read back with every byte
 * checked, so a damaged file is refused with a message that names it.
 */
public final class CheckpointFile {
    private static final byte[] MAGIC = {'P', 'O', 'T', 'E', 'N', 'T', 'I', 'A'};

    private CheckpointFile() {
    }

    /** Writes a payload. */
    @FunctionalInterface
    public interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a payload. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /**
     * Writes {@code path} atomically.
     *
     * @throws UncheckedIOException when the file cannot be written (the old one, if any, is kept)
     */
    public static void write(Path path, String kind, Writer body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeUTF(kind);
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode checkpoint " + path, e);
        }
        CRC32 crc = new CRC32();
        byte[] data = bytes.toByteArray();
        crc.update(data);
        Path abs = path.toAbsolutePath();
        Path temp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toHexString(
                ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (var ch = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(data);
                ch.write(ByteBuffer.allocate(8).putLong(crc.getValue()).array());
            }
            try {
                Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temporary name starts with '.' and ends with .tmp
            }
            throw new UncheckedIOException("cannot write checkpoint " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code path}, checking the magic, the kind and the checksum and that the payload is
     * read to its end.
     *
     * @throws IllegalArgumentException naming the file when it is missing, damaged or of another kind
     */
    public static <T> T read(Path path, String kind, Reader<T> body) {
        byte[] all;
        try {
            all = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("checkpoint " + path + " not found");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read checkpoint " + path + ": " + e.getMessage(), e);
        }
        if (all.length < MAGIC.length + 8) {
            throw new IllegalArgumentException("corrupt checkpoint " + path + ": only " + all.length + " bytes");
        }
        for (int k = 0; k < MAGIC.length; k++) {
            if (all[k] != MAGIC[k]) {
                throw new IllegalArgumentException("corrupt checkpoint " + path + ": not a Potentia checkpoint");
            }
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = ByteBuffer.wrap(all, all.length - 8, 8).getLong();
        if (stored != crc.getValue()) {
            throw new IllegalArgumentException("corrupt checkpoint " + path + ": checksum mismatch (damaged or truncated)");
        }
        ByteArrayInputStream bytes = new ByteArrayInputStream(all, MAGIC.length, all.length - 8 - MAGIC.length);
        try (DataInputStream in = new DataInputStream(bytes)) {
            String found = in.readUTF();
            if (!found.equals(kind)) {
                throw new IllegalArgumentException("checkpoint " + path + " holds a '" + found + "', expected '" + kind
                        + "'");
            }
            T value = body.read(in);
            if (in.available() != 0) {
                throw new IllegalArgumentException("corrupt checkpoint " + path + ": " + in.available()
                        + " unexpected bytes after the data");
            }
            return value;
        } catch (EOFException e) {
            throw new IllegalArgumentException("corrupt checkpoint " + path + ": data ends early");
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt checkpoint " + path + ": " + e.getMessage(), e);
        }
    }
}
