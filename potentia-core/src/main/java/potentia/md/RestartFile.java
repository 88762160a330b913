package potentia.md;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import potentia.structure.Cell;

/**
 * The restart file of a run: a small binary file holding an {@link MdRestart} exactly (doubles
 * as their IEEE bits), so that a continued run is bit-identical.
 *
 * <p>Layout (big-endian, {@link DataOutputStream}): the 20 ASCII bytes
 * {@code "POTENTIA MD RESTART\n"}, the format version (int, currently {@value #VERSION}), the
 * payload length (long), the payload, and the CRC-32 of the payload (long). The payload holds,
 * in order: the atom count N; atomic numbers (N ints), masses (N doubles, amu), fixed flags (3N
 * bytes); the settings (time step fs, seed, skin Å, thermostat kind 0 none / 1 Langevin / 2 Bussi
 * with two doubles (temperature K and friction 1/fs or τ fs), barostat kind 0 none / 1 cell
 * rescaling with pressure eV/Å³, τ_p fs, compressibility Å³/eV and the anisotropic flag); the
 * state (step, time fs, reservoir energy eV, cell: 9 doubles Å and 3 periodicity bytes, positions
 * and velocities: 3N doubles each, Å and Å/fs); the neighbour-list reference (3N positions and a
 * cell); the potential's name (string) and cutoff (Å); and the metadata (count, then key–value
 * strings). Strings are an int byte count then UTF-8.
 *
 * <p>Files are written atomically (a temporary file in the same directory, forced to disk, then
 * renamed over the target), so a run killed while checkpointing leaves the previous restart
 * intact. Reading checks the header, version, length and checksum, and refuses anything else
 * with a message naming the file and what is wrong.
 */
public final class RestartFile {
    /** The format version this build writes and reads. */
    public static final int VERSION = 1;
    private static final byte[] MAGIC = "POTENTIA MD RESTART\n".getBytes(StandardCharsets.US_ASCII);

    private RestartFile() {
    }

    /** Writes {@code restart} to {@code path} atomically. */
    public static void write(Path path, MdRestart restart) {
        byte[] payload = payload(restart);
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(payload.length);
            out.write(payload);
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path abs = path.toAbsolutePath();
        Path temp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray());
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
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
                // the temporary file's name starts with '.' and ends with .tmp
            }
            throw new UncheckedIOException("cannot write restart file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a restart file.
     *
     * @throws IllegalArgumentException naming the file when it is missing, not a restart file, of
     *     another format version, truncated, corrupt or inconsistent
     */
    public static MdRestart read(Path path) {
        byte[] all;
        try {
            all = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("restart file " + path + " not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read restart file " + path + ": " + e.getMessage(), e);
        }
        if (all.length < MAGIC.length + 12 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException(path + " is not a Potentia MD restart file");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length, all.length))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("restart file " + path + " has format version " + version
                        + "; this build reads version " + VERSION);
            }
            long length = in.readLong();
            long expected = MAGIC.length + 4 + 8 + length + 8;
            if (length < 0 || expected != all.length) {
                throw new IllegalArgumentException("restart file " + path + " is truncated or has trailing bytes ("
                        + all.length + " bytes, header says " + expected + ")");
            }
            byte[] payload = in.readNBytes((int) length);
            long storedCrc = in.readLong();
            CRC32 crc = new CRC32();
            crc.update(payload);
            if (crc.getValue() != storedCrc) {
                throw new IllegalArgumentException("restart file " + path + " is corrupt (checksum mismatch)");
            }
            return parse(payload);
        } catch (EOFException e) {
            throw new IllegalArgumentException("restart file " + path + " is truncated");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(m != null && m.contains(path.toString()) ? m
                    : "restart file " + path + ": " + m, e);
        }
    }

    private static byte[] payload(MdRestart r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            MdSystem sys = r.system();
            int n = sys.size();
            out.writeInt(n);
            for (int z : sys.atomicNumbers()) {
                out.writeInt(z);
            }
            doubles(out, sys.masses());
            for (boolean b : sys.frozen()) {
                out.writeBoolean(b);
            }
            MdSettings s = r.settings();
            out.writeDouble(s.timestep());
            out.writeLong(s.seed());
            out.writeDouble(s.skin());
            switch (s.thermostat()) {
                case Thermostat.None t -> {
                    out.writeByte(0);
                    out.writeDouble(0);
                    out.writeDouble(0);
                }
                case Thermostat.Langevin t -> {
                    out.writeByte(1);
                    out.writeDouble(t.temperature());
                    out.writeDouble(t.friction());
                }
                case Thermostat.Bussi t -> {
                    out.writeByte(2);
                    out.writeDouble(t.temperature());
                    out.writeDouble(t.tau());
                }
            }
            switch (s.barostat()) {
                case Barostat.None b -> out.writeByte(0);
                case Barostat.CellRescaling b -> {
                    out.writeByte(1);
                    out.writeDouble(b.pressure());
                    out.writeDouble(b.tau());
                    out.writeDouble(b.compressibility());
                    out.writeBoolean(b.anisotropic());
                }
            }
            MdState st = r.state();
            out.writeLong(st.step());
            out.writeDouble(st.time());
            out.writeDouble(st.reservoirEnergy());
            cell(out, st.cell());
            doubles(out, st.positions());
            doubles(out, st.velocities());
            doubles(out, r.listPositions());
            cell(out, r.listCell());
            string(out, r.potentialName());
            out.writeDouble(r.potentialCutoff());
            out.writeInt(r.metadata().size());
            for (Map.Entry<String, String> e : r.metadata().entrySet()) {
                string(out, e.getKey());
                string(out, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static MdRestart parse(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int n = in.readInt();
        if (n < 0 || 24L * n > payload.length) {
            throw new IllegalArgumentException("bad atom count " + n);
        }
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            z[i] = in.readInt();
        }
        double[] masses = doubles(in, n);
        boolean[] frozen = new boolean[3 * n];
        for (int k = 0; k < 3 * n; k++) {
            frozen[k] = in.readBoolean();
        }
        MdSystem system = new MdSystem(z, masses, frozen);
        double timestep = in.readDouble();
        long seed = in.readLong();
        double skin = in.readDouble();
        int tKind = in.readByte();
        double t1 = in.readDouble();
        double t2 = in.readDouble();
        Thermostat thermostat = switch (tKind) {
            case 0 -> new Thermostat.None();
            case 1 -> new Thermostat.Langevin(t1, t2);
            case 2 -> new Thermostat.Bussi(t1, t2);
            default -> throw new IllegalArgumentException("unknown thermostat kind " + tKind);
        };
        int bKind = in.readByte();
        Barostat barostat = switch (bKind) {
            case 0 -> new Barostat.None();
            case 1 -> new Barostat.CellRescaling(in.readDouble(), in.readDouble(), in.readDouble(), in.readBoolean());
            default -> throw new IllegalArgumentException("unknown barostat kind " + bKind);
        };
        MdSettings settings = new MdSettings(timestep, thermostat, barostat, seed, skin);
        long step = in.readLong();
        double time = in.readDouble();
        double reservoir = in.readDouble();
        Cell cell = cell(in);
        double[] x = doubles(in, 3 * n);
        double[] v = doubles(in, 3 * n);
        MdState state = new MdState(step, time, x, v, cell, reservoir);
        double[] listX = doubles(in, 3 * n);
        Cell listCell = cell(in);
        String name = string(in);
        double cutoff = in.readDouble();
        int count = in.readInt();
        if (count < 0) {
            throw new IllegalArgumentException("bad metadata count " + count);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int k = 0; k < count; k++) {
            metadata.put(string(in), string(in));
        }
        if (in.available() != 0) {
            throw new IllegalArgumentException(in.available() + " unexpected bytes after the metadata");
        }
        return new MdRestart(system, settings, state, listX, listCell, name, cutoff, metadata);
    }

    private static void doubles(DataOutputStream out, double[] a) throws IOException {
        for (double d : a) {
            out.writeDouble(d);
        }
    }

    private static double[] doubles(DataInputStream in, int count) throws IOException {
        double[] a = new double[count];
        for (int k = 0; k < count; k++) {
            a[k] = in.readDouble();
        }
        return a;
    }

    private static void cell(DataOutputStream out, Cell c) throws IOException {
        doubles(out, c.matrix());
        for (boolean b : c.pbc()) {
            out.writeBoolean(b);
        }
    }

    private static Cell cell(DataInputStream in) throws IOException {
        double[] h = doubles(in, 9);
        boolean[] pbc = {in.readBoolean(), in.readBoolean(), in.readBoolean()};
        return Cell.of(h, pbc);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > in.available()) {
            throw new IllegalArgumentException("bad string length " + len);
        }
        return new String(in.readNBytes(len), StandardCharsets.UTF_8);
    }
}
