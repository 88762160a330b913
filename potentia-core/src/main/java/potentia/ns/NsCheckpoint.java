package potentia.ns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import potentia.cmaes.CheckpointFile;
import potentia.structure.Cell;

/**
 * A run's checkpoint: how to rebuild the potential (the caller's specification text), the
 * atoms, the settings, the sampler's {@link NsState} and the lengths of the output files at
 * that moment (a resumed run cuts them back to these lengths, so its files equal those of an
 * uninterrupted run). Binary, every double exact; written atomically with a checksum
 * ({@link CheckpointFile}), so a crash leaves the previous checkpoint and a damaged file is
 * refused with a message naming it.
 *
 * @param potentialSpec how the caller builds the potential (e.g. "sw")
 * @param numbers atomic numbers, N
 * @param settings the run's settings
 * @param checkpointEvery iterations between checkpoints
 * @param state the sampler's state
 * @param samplesLength bytes of the samples file
 * @param snapshotsLength bytes of the snapshots file
 */
public record NsCheckpoint(String potentialSpec, int[] numbers, NsSettings settings, long checkpointEvery,
        NsState state, long samplesLength, long snapshotsLength) {
    private static final String KIND = "nested-sampling";
    /** 2: Hamiltonian moves (their weight, steps and kinetic cap; the walkers' velocities). */
    private static final int VERSION = 2;

    /** Writes the checkpoint atomically. */
    public void write(Path path) {
        CheckpointFile.write(path, KIND, out -> {
            out.writeInt(VERSION);
            out.writeUTF(potentialSpec);
            writeInts(out, numbers);
            writeSettings(out, settings);
            out.writeLong(checkpointEvery);
            writeState(out, state, numbers.length);
            out.writeLong(samplesLength);
            out.writeLong(snapshotsLength);
        });
    }

    /**
     * Reads a checkpoint.
     *
     * @throws IllegalArgumentException naming the file when it is missing, damaged or not a
     *     nested-sampling checkpoint
     */
    public static NsCheckpoint read(Path path) {
        return CheckpointFile.read(path, KIND, in -> {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("checkpoint " + path + " has format version " + version
                        + ", this build reads " + VERSION);
            }
            String spec = in.readUTF();
            int[] numbers = readInts(in);
            NsSettings settings;
            try {
                settings = readSettings(in);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("corrupt checkpoint " + path + ": " + e.getMessage(), e);
            }
            long every = in.readLong();
            NsState state = readState(in, settings.walkers(), numbers.length);
            return new NsCheckpoint(spec, numbers, settings, every, state, in.readLong(), in.readLong());
        });
    }

    private static void writeSettings(DataOutputStream out, NsSettings s) throws IOException {
        out.writeInt(s.walkers());
        out.writeInt(s.cull());
        out.writeInt(s.parallelWalks());
        out.writeInt(s.walkLength());
        out.writeLong(s.iterations());
        out.writeLong(s.seed());
        out.writeDouble(s.pressure());
        switch (s.container()) {
            case Container.VariableCell v -> {
                out.writeByte(0);
                out.writeDouble(v.maxVolume());
                out.writeDouble(v.minAspectRatio());
            }
            case Container.FixedCell f -> {
                out.writeByte(1);
                for (double x : f.cell().matrix()) {
                    out.writeDouble(x);
                }
            }
            case Container.Sphere sp -> {
                out.writeByte(2);
                out.writeDouble(sp.radius());
            }
            case Container.Box b -> {
                out.writeByte(3);
                out.writeDouble(b.a());
                out.writeDouble(b.b());
                out.writeDouble(b.c());
            }
        }
        for (MoveKind k : MoveKind.values()) {
            out.writeDouble(s.moves().weight(k));
        }
        out.writeInt(s.moves().galileanSteps());
        out.writeInt(s.moves().hamiltonianSteps());
        out.writeDouble(s.moves().kineticTemperature());
        for (MoveKind k : MoveKind.values()) {
            out.writeDouble(s.initialSteps().get(k));
        }
        Tuning t = s.tuning();
        out.writeDouble(t.lowRate());
        out.writeDouble(t.highRate());
        out.writeDouble(t.factor());
        out.writeInt(t.every());
        out.writeInt(t.minAttempts());
        out.writeInt(s.snapshotEvery());
    }

    private static NsSettings readSettings(DataInputStream in) throws IOException {
        int walkers = in.readInt();
        int cull = in.readInt();
        int parallel = in.readInt();
        int length = in.readInt();
        long iterations = in.readLong();
        long seed = in.readLong();
        double pressure = in.readDouble();
        int kind = in.readByte();
        Container c = switch (kind) {
            case 0 -> new Container.VariableCell(in.readDouble(), in.readDouble());
            case 1 -> {
                double[] h = new double[9];
                for (int a = 0; a < 9; a++) {
                    h[a] = in.readDouble();
                }
                yield new Container.FixedCell(Cell.periodic(h));
            }
            case 2 -> new Container.Sphere(in.readDouble());
            case 3 -> new Container.Box(in.readDouble(), in.readDouble(), in.readDouble());
            default -> throw new IllegalArgumentException("unknown container kind " + kind);
        };
        Map<MoveKind, Double> weights = new EnumMap<>(MoveKind.class);
        for (MoveKind k : MoveKind.values()) {
            weights.put(k, in.readDouble());
        }
        MoveMix moves = new MoveMix(weights, in.readInt(), in.readInt(), in.readDouble());
        Map<MoveKind, Double> sizes = new EnumMap<>(MoveKind.class);
        for (MoveKind k : MoveKind.values()) {
            sizes.put(k, in.readDouble());
        }
        Tuning tuning = new Tuning(in.readDouble(), in.readDouble(), in.readDouble(), in.readInt(), in.readInt());
        int snapshots = in.readInt();
        return new NsSettings(walkers, cull, parallel, length, iterations, seed, pressure, c, moves,
                new StepSizes(sizes), tuning, snapshots);
    }

    private static void writeState(DataOutputStream out, NsState s, int atoms) throws IOException {
        out.writeLong(s.iteration());
        for (MoveKind k : MoveKind.values()) {
            out.writeDouble(s.steps().get(k));
        }
        for (int w = 0; w < s.positions().length; w++) {
            writeDoubles(out, s.positions()[w]);
            writeDoubles(out, s.cells()[w]);
            out.writeDouble(s.energies()[w]);
            out.writeDouble(s.volumes()[w]);
        }
        out.writeInt(s.velocities().length);
        for (double[] v : s.velocities()) {
            writeDoubles(out, v);
        }
        writeLongs(out, s.tuneAttempts());
        writeLongs(out, s.tuneAccepted());
        writeDoubles(out, s.recentLimits());
    }

    private static NsState readState(DataInputStream in, int walkers, int atoms) throws IOException {
        long iteration = in.readLong();
        Map<MoveKind, Double> sizes = new EnumMap<>(MoveKind.class);
        for (MoveKind k : MoveKind.values()) {
            sizes.put(k, in.readDouble());
        }
        double[][] x = new double[walkers][];
        double[][] h = new double[walkers][];
        double[] e = new double[walkers];
        double[] v = new double[walkers];
        for (int w = 0; w < walkers; w++) {
            x[w] = readDoubles(in);
            h[w] = readDoubles(in);
            if (x[w].length != 3 * atoms || h[w].length != 9) {
                throw new IOException("walker " + w + " has " + x[w].length + " coordinates, expected " + 3 * atoms);
            }
            e[w] = in.readDouble();
            v[w] = in.readDouble();
        }
        int moving = in.readInt();
        if (moving != 0 && moving != walkers) {
            throw new IOException("velocities for " + moving + " walkers, expected 0 or " + walkers);
        }
        double[][] u = new double[moving][];
        for (int w = 0; w < moving; w++) {
            u[w] = readDoubles(in);
            if (u[w].length != 3 * atoms) {
                throw new IOException("walker " + w + " has " + u[w].length + " velocity components, expected " + 3 * atoms);
            }
        }
        return new NsState(iteration, new StepSizes(sizes), x, h, e, v, u, readLongs(in), readLongs(in),
                readDoubles(in));
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] a = new int[checkedLength(in.readInt())];
        for (int k = 0; k < a.length; k++) {
            a[k] = in.readInt();
        }
        return a;
    }

    private static void writeLongs(DataOutputStream out, long[] a) throws IOException {
        out.writeInt(a.length);
        for (long v : a) {
            out.writeLong(v);
        }
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        long[] a = new long[checkedLength(in.readInt())];
        for (int k = 0; k < a.length; k++) {
            a[k] = in.readLong();
        }
        return a;
    }

    private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] a = new double[checkedLength(in.readInt())];
        for (int k = 0; k < a.length; k++) {
            a[k] = in.readDouble();
        }
        return a;
    }

    private static int checkedLength(int n) throws IOException {
        if (n < 0 || n > 100_000_000) {
            throw new IOException("implausible array length " + n);
        }
        return n;
    }
}
