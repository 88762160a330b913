package potentia.md;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import potentia.io.ExtxyzWriter;
import potentia.potential.Potential;

/**
 * A run with its output directory: an extended XYZ trajectory, a log table, restart files, and
 * continuation after a crash or kill exactly where the last restart file left off.
 *
 * <p>Files in the directory:
 * <ul>
 *   <li>{@value #TRAJECTORY}: a frame every {@link Plan#trajectoryEvery} steps (and step 0):
 *       positions (Å; unwrapped unless {@link Plan#wrap}), per-atom {@code velocities} (Å/fs),
 *       {@code forces} (eV/Å), info {@code energy} (eV), {@code stress} (eV/Å³, ASE sign),
 *       {@code step}, {@code time} (fs), and {@code move_mask} when atoms are fixed;</li>
 *   <li>{@value #LOG}: CSV with header {@value #LOG_HEADER}, a row every
 *       {@link Plan#logEvery} steps (and step 0); "conserved" is total energy + P₀V + the energy the
 *       thermostat and barostat exchanged ({@link MdSample#conserved});</li>
 *   <li>{@value #RESTART}: written atomically every {@link Plan#checkpointEvery} steps, at step 0
 *       and at the end ({@link RestartFile}); it records the trajectory's and log's lengths, and a
 *       continued run cuts them back to those lengths before appending, so the files read as if the
 *       run had never stopped;</li>
 *   <li>{@value #FINAL}: the last state, every digit kept, when the run completes.</li>
 * </ul>
 * Not thread-safe; {@link #close()} flushes and closes the files.
 */
public final class MdRun implements AutoCloseable {
    public static final String TRAJECTORY = "trajectory.extxyz";
    public static final String LOG = "log.csv";
    public static final String RESTART = "restart.bin";
    public static final String FINAL = "final.extxyz";
    public static final String LOG_HEADER =
            "step,time_fs,potential_eV,kinetic_eV,total_eV,conserved_eV,temperature_K,pressure_GPa,volume_A3";

    private static final String KEY_STEPS = "run.steps";
    private static final String KEY_TRAJECTORY_EVERY = "output.trajectory_every";
    private static final String KEY_LOG_EVERY = "output.log_every";
    private static final String KEY_CHECKPOINT_EVERY = "output.checkpoint_every";
    private static final String KEY_WRAP = "output.wrap";
    private static final String KEY_TRAJECTORY_BYTES = "output.trajectory_bytes";
    private static final String KEY_LOG_BYTES = "output.log_bytes";

    /**
     * What to run and write.
     *
     * @param steps the total number of steps of the run (counted from its start, also when continued)
     * @param trajectoryEvery steps between trajectory frames, 0 for no trajectory
     * @param logEvery steps between log rows, ≥ 1
     * @param checkpointEvery steps between restart files, 0 for only at the start and the end
     * @param wrap whether trajectory positions are wrapped into the cell (the dynamics never wraps)
     */
    public record Plan(long steps, long trajectoryEvery, long logEvery, long checkpointEvery, boolean wrap) {
        public Plan {
            if (steps < 0) {
                throw new IllegalArgumentException("number of steps must be ≥ 0, got " + steps);
            }
            if (trajectoryEvery < 0 || checkpointEvery < 0) {
                throw new IllegalArgumentException("trajectory and checkpoint intervals must be ≥ 0 steps");
            }
            if (logEvery < 1) {
                throw new IllegalArgumentException("log interval must be ≥ 1 step, got " + logEvery);
            }
        }

        /** This plan with another total number of steps. */
        public Plan withSteps(long total) {
            return new Plan(total, trajectoryEvery, logEvery, checkpointEvery, wrap);
        }
    }

    private final Path dir;
    private final MolecularDynamics md;
    private final Plan plan;
    private final Map<String, String> metadata;
    private final AppendFile trajectory;
    private final ExtxyzWriter trajectoryWriter;
    private final AppendFile log;
    private long lastCheckpoint = -1;
    private boolean closed;

    private MdRun(Path dir, MolecularDynamics md, Plan plan, Map<String, String> metadata, AppendFile trajectory,
            AppendFile log) {
        this.dir = dir;
        this.md = md;
        this.plan = plan;
        this.metadata = new LinkedHashMap<>(metadata);
        this.trajectory = trajectory;
        this.trajectoryWriter = trajectory == null ? null : new ExtxyzWriter(trajectory.writer());
        this.log = log;
        if (plan.trajectoryEvery() > 0) {
            md.observe(plan.trajectoryEvery(), s -> trajectoryWriter.write(s.structure(plan.wrap())));
        }
        md.observe(plan.logEvery(), this::writeLogRow);
        if (plan.checkpointEvery() > 0) {
            md.observe(plan.checkpointEvery(), s -> checkpoint());
        }
    }

    /**
     * Starts a run in {@code dir} (created if needed), writing step 0 (trajectory frame, log row,
     * restart file).
     *
     * @param metadata caller data stored in every restart file (e.g. how to rebuild the potential)
     * @throws IllegalArgumentException when {@code dir} already holds a run
     */
    public static MdRun start(Path dir, MolecularDynamics md, Plan plan, Map<String, String> metadata) {
        if (md.currentStep() != 0) {
            throw new IllegalArgumentException("a new run starts at step 0; this engine is at step " + md.currentStep());
        }
        if (Files.exists(dir.resolve(RESTART))) {
            throw new IllegalArgumentException(dir + " already holds a run (" + RESTART
                    + "): continue it with --resume, or choose another output directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + dir + ": " + e.getMessage(), e);
        }
        AppendFile trajectory = plan.trajectoryEvery() > 0 ? AppendFile.create(dir.resolve(TRAJECTORY), 0) : null;
        AppendFile log = AppendFile.create(dir.resolve(LOG), 0);
        MdRun run = new MdRun(dir, md, plan, metadata, trajectory, log);
        try {
            log.append(LOG_HEADER + "\n");
            MdSample first = md.sample();
            if (trajectory != null) {
                run.trajectoryWriter.write(first.structure(plan.wrap()));
            }
            run.writeLogRow(first);
            run.checkpoint();
        } catch (RuntimeException e) {
            run.closeQuietly();
            throw e;
        }
        return run;
    }

    /** Reads the restart file of the run in {@code dir} (e.g. to rebuild its potential from the metadata). */
    public static MdRestart readRestart(Path dir) {
        Path file = dir.resolve(RESTART);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(dir + " holds no run to resume (no " + RESTART + ")");
        }
        return RestartFile.read(file);
    }

    /** The plan stored in a restart file. */
    public static Plan plan(MdRestart restart) {
        Map<String, String> m = restart.metadata();
        try {
            return new Plan(Long.parseLong(m.get(KEY_STEPS)), Long.parseLong(m.get(KEY_TRAJECTORY_EVERY)),
                    Long.parseLong(m.get(KEY_LOG_EVERY)), Long.parseLong(m.get(KEY_CHECKPOINT_EVERY)),
                    Boolean.parseBoolean(m.get(KEY_WRAP)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("restart file lacks the run's output plan (was it written by MdRun?)");
        }
    }

    /**
     * Continues the run in {@code dir} from its restart file: the trajectory and log are cut back to
     * their lengths at that checkpoint, and the run goes on to {@code plan.steps()}.
     *
     * @param plan the stored plan ({@link #plan(MdRestart)}), possibly with another total step count
     * @param threads threads for neighbour lists and noise
     */
    public static MdRun resume(Path dir, MdRestart restart, Plan plan, Potential potential, int threads) {
        Plan stored = plan(restart);
        if (!stored.withSteps(plan.steps()).equals(plan)) {
            throw new IllegalArgumentException("a continued run keeps its output intervals; only the number of steps may change");
        }
        if (plan.steps() < restart.state().step()) {
            throw new IllegalArgumentException("the run is already at step " + restart.state().step()
                    + ", beyond the requested " + plan.steps() + " steps");
        }
        MolecularDynamics md = MolecularDynamics.resume(potential, restart, threads);
        Map<String, String> m = restart.metadata();
        AppendFile trajectory = plan.trajectoryEvery() > 0
                ? AppendFile.create(dir.resolve(TRAJECTORY), Long.parseLong(m.get(KEY_TRAJECTORY_BYTES))) : null;
        AppendFile log;
        try {
            log = AppendFile.create(dir.resolve(LOG), Long.parseLong(m.get(KEY_LOG_BYTES)));
        } catch (RuntimeException e) {
            if (trajectory != null) {
                trajectory.closeQuietly();
            }
            throw e;
        }
        Map<String, String> callerData = new LinkedHashMap<>(m);
        callerData.keySet().removeIf(k -> k.startsWith("run.") || k.startsWith("output."));
        MdRun run = new MdRun(dir, md, plan, callerData, trajectory, log);
        run.lastCheckpoint = restart.state().step();
        return run;
    }

    /** The engine (to add observers or read its state). */
    public MolecularDynamics engine() {
        return md;
    }

    /** The plan. */
    public Plan plan() {
        return plan;
    }

    /** The output directory. */
    public Path directory() {
        return dir;
    }

    /**
     * Steps until {@link Plan#steps()}, then writes the final restart file and {@value #FINAL}. On a
     * failure the files are flushed and closed, and the last restart file stays valid.
     */
    public void run() {
        try {
            md.run(plan.steps() - md.currentStep());
            if (lastCheckpoint != md.currentStep()) {
                checkpoint();
            }
            try (ExtxyzWriter w = ExtxyzWriter.open(dir.resolve(FINAL), ExtxyzWriter.Precision.FULL)) {
                w.write(md.sample().structure(false));
            }
        } finally {
            close();
        }
    }

    /** Flushes the trajectory and log to disk and writes the restart file for the current step. */
    public void checkpoint() {
        Map<String, String> m = new LinkedHashMap<>(metadata);
        m.put(KEY_STEPS, Long.toString(plan.steps()));
        m.put(KEY_TRAJECTORY_EVERY, Long.toString(plan.trajectoryEvery()));
        m.put(KEY_LOG_EVERY, Long.toString(plan.logEvery()));
        m.put(KEY_CHECKPOINT_EVERY, Long.toString(plan.checkpointEvery()));
        m.put(KEY_WRAP, Boolean.toString(plan.wrap()));
        m.put(KEY_TRAJECTORY_BYTES, Long.toString(trajectory == null ? 0 : trajectory.sync()));
        m.put(KEY_LOG_BYTES, Long.toString(log.sync()));
        RestartFile.write(dir.resolve(RESTART), md.checkpoint(m));
        lastCheckpoint = md.currentStep();
    }

    private void writeLogRow(MdSample s) {
        log.append(String.join(",", Long.toString(s.step()), number(s.time()), number(s.potentialEnergy()),
                number(s.kinetic()), number(s.totalEnergy()), number(s.conserved()), number(s.temperature()),
                number(s.pressureGPa()), number(s.volume())) + "\n");
    }

    private static String number(double d) {
        return Double.isFinite(d) ? Double.toString(d) : Double.isNaN(d) ? "nan" : (d > 0 ? "inf" : "-inf");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (AppendFile f : new AppendFile[] {trajectory, log}) {
            if (f != null) {
                try {
                    f.close();
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // already failing
        }
    }

    /** A text file appended to through a buffer, whose length on disk can be synchronised and read. */
    private static final class AppendFile {
        private final Path path;
        private final FileChannel channel;
        private final Writer writer;

        private AppendFile(Path path, FileChannel channel) {
            this.path = path;
            this.channel = channel;
            this.writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                    StandardCharsets.UTF_8), 1 << 16);
        }

        /** Opens {@code path} for appending after cutting it to {@code length} bytes (0 creates or empties it). */
        static AppendFile create(Path path, long length) {
            try {
                if (length > 0) {
                    if (!Files.exists(path)) {
                        throw new IllegalArgumentException("cannot continue the run: " + path + " is missing");
                    }
                    long size = Files.size(path);
                    if (size < length) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT,
                                "cannot continue the run: %s has %d bytes, fewer than the %d it had at the last "
                                        + "checkpoint (was it modified?)", path, size, length));
                    }
                }
                FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                ch.truncate(length);
                ch.position(length);
                return new AppendFile(path, ch);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open " + path + ": " + e.getMessage(), e);
            }
        }

        Writer writer() {
            return writer;
        }

        void append(String text) {
            try {
                writer.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
            }
        }

        /** Flushes to disk and returns the file's length in bytes. */
        long sync() {
            try {
                writer.flush();
                channel.force(false);
                return channel.size();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
            }
        }

        void close() {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
            }
        }

        void closeQuietly() {
            try {
                close();
            } catch (RuntimeException ignored) {
                // already failing
            }
        }
    }
}
