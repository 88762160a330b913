package potentia.ns;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import potentia.io.ExtxyzWriter;
import potentia.potential.Potential;
import potentia.structure.InfoValue;
import potentia.structure.Structure;

/**
 * A nested-sampling run in a directory, resumable:
 * <ul>
 *   <li>{@value #INFO} — the run's description ({@link NsRunInfo});</li>
 *   <li>{@value #SAMPLES} — one line per removed walker: iteration, enthalpy (eV), energy (eV),
 *       volume (Å³), every number exact (shortest round-trip decimal);</li>
 *   <li>{@value #SNAPSHOTS} — every {@code snapshotEvery}-th iteration's removed walker
 *       (extended XYZ; info {@code ns_iteration}, {@code ns_enthalpy}, {@code energy},
 *       {@code ns_volume});</li>
 *   <li>{@value #LIVE} and {@value #LIVE_STRUCTURES} — the live walkers when the run stopped
 *       (their enthalpies, energies, volumes and structures);</li>
 *   <li>{@value #CHECKPOINT} — an atomic checkpoint ({@link NsCheckpoint}) every
 *       {@code checkpointEvery} iterations and at the end.</li>
 * </ul>
 * {@link #resume} cuts the samples and snapshots back to their length at the checkpoint and
 * continues, so the files of an interrupted and resumed run equal those of one that never
 * stopped. Mutable; one thread.
 */
public final class NsRun implements AutoCloseable {
    /** The run description. */
    public static final String INFO = "ns.run";
    /** The removed walkers. */
    public static final String SAMPLES = "samples.csv";
    /** The live walkers at the end. */
    public static final String LIVE = "live.csv";
    /** Structures of the live walkers at the end. */
    public static final String LIVE_STRUCTURES = "live.extxyz";
    /** Snapshots of removed walkers. */
    public static final String SNAPSHOTS = "snapshots.extxyz";
    /** The checkpoint. */
    public static final String CHECKPOINT = "checkpoint.bin";
    static final String HEADER = "iteration,enthalpy_eV,energy_eV,volume_A3\n";

    /** Told after every iteration. */
    @FunctionalInterface
    public interface Listener {
        void iteration(NestedSampling sampler, List<Culled> removed);
    }

    private final Path dir;
    private final String spec;
    private final int[] numbers;
    private final long checkpointEvery;
    private final NestedSampling sampler;
    private final FileChannel samplesChannel;
    private final FileChannel snapshotsChannel;
    private final Writer samples;
    private final Writer snapshots;

    private NsRun(Path dir, String spec, int[] numbers, long checkpointEvery, NestedSampling sampler) throws IOException {
        this.dir = dir;
        this.spec = spec;
        this.numbers = numbers.clone();
        this.checkpointEvery = checkpointEvery;
        this.sampler = sampler;
        this.samplesChannel = FileChannel.open(dir.resolve(SAMPLES), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        this.snapshotsChannel = FileChannel.open(dir.resolve(SNAPSHOTS), StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        this.samples = new BufferedWriter(java.nio.channels.Channels.newWriter(samplesChannel, StandardCharsets.UTF_8),
                1 << 16);
        this.snapshots = new BufferedWriter(java.nio.channels.Channels.newWriter(snapshotsChannel,
                StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Starts a run in {@code dir} (created; it must not hold files already).
     *
     * @param spec how to rebuild the potential on resume (given back to the resume's factory)
     * @param checkpointEvery iterations between checkpoints, ≥ 1
     */
    public static NsRun start(Path dir, Potential potential, String spec, int[] numbers, NsSettings settings,
            long checkpointEvery, int threads) {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpoint interval must be ≥ 1 iteration, got " + checkpointEvery);
        }
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isPresent()) {
                        throw new IllegalArgumentException("output directory " + dir
                                + " is not empty (continue a run there with --resume)");
                    }
                }
            } else if (Files.exists(dir)) {
                throw new IllegalArgumentException("output " + dir + " exists and is not a directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        // the walkers first: a bad element or setting fails before anything is written
        NestedSampling sampler = NestedSampling.start(potential, numbers, settings, threads);
        try {
            Files.createDirectories(dir);
            NsRunInfo.of(spec, potential.name(), numbers, settings).write(dir.resolve(INFO));
            Files.writeString(dir.resolve(SAMPLES), HEADER);
            Files.writeString(dir.resolve(SNAPSHOTS), "");
            NsRun run = new NsRun(dir, spec, numbers, checkpointEvery, sampler);
            run.checkpoint();
            return run;
        } catch (IOException | RuntimeException e) {
            sampler.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot write in " + dir + ": " + e.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Continues the run in {@code dir} from its last checkpoint.
     *
     * @param potentials builds the potential from the specification the run was started with
     * @param iterations a new total number of iterations (to extend a finished run), or empty
     * @throws IllegalArgumentException for a directory without a valid checkpoint, output files
     *     shorter than the checkpoint says, or fewer iterations than already done
     */
    public static NsRun resume(Path dir, Function<String, Potential> potentials, OptionalLong iterations, int threads) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("cannot resume: " + dir + " is not a directory");
        }
        NsCheckpoint c = NsCheckpoint.read(dir.resolve(CHECKPOINT));
        NsSettings settings = c.settings();
        if (iterations.isPresent()) {
            if (iterations.getAsLong() < c.state().iteration()) {
                throw new IllegalArgumentException("cannot resume to " + iterations.getAsLong() + " iterations: the run has "
                        + "done " + c.state().iteration() + " already");
            }
            settings = settings.withIterations(iterations.getAsLong());
        }
        cut(dir.resolve(SAMPLES), c.samplesLength());
        cut(dir.resolve(SNAPSHOTS), c.snapshotsLength());
        Potential potential = potentials.apply(c.potentialSpec());
        NestedSampling sampler = NestedSampling.resume(potential, c.numbers(), settings, threads, c.state());
        try {
            NsRunInfo.of(c.potentialSpec(), potential.name(), c.numbers(), settings).write(dir.resolve(INFO));
            return new NsRun(dir, c.potentialSpec(), c.numbers(), c.checkpointEvery(), sampler);
        } catch (IOException | RuntimeException e) {
            sampler.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot write in " + dir + ": " + e.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    private static void cut(Path file, long length) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (ch.size() < length) {
                throw new IllegalArgumentException("corrupt run directory: " + file + " has " + ch.size()
                        + " bytes, fewer than the " + length + " its checkpoint recorded");
            }
            ch.truncate(length);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("corrupt run directory: " + file + " is missing");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** The sampler. */
    public NestedSampling sampler() {
        return sampler;
    }

    /** The run directory. */
    public Path directory() {
        return dir;
    }

    /**
     * Iterates to the settings' total, writing samples and snapshots, checkpointing, and at the
     * end writing the live walkers and a final checkpoint.
     */
    public void run(Listener listener) {
        long total = sampler.settings().iterations();
        try {
            while (sampler.iteration() < total) {
                List<Culled> removed = sampler.iterate();
                for (Culled c : removed) {
                    samples.write(Long.toString(c.iteration()));
                    samples.write(',');
                    samples.write(Double.toString(c.enthalpy()));
                    samples.write(',');
                    samples.write(Double.toString(c.energy()));
                    samples.write(',');
                    samples.write(Double.toString(c.volume()));
                    samples.write('\n');
                    if (c.structure() != null) {
                        snapshots.write(ExtxyzWriter.format(labelled(c)));
                    }
                }
                listener.iteration(sampler, removed);
                if (sampler.iteration() % checkpointEvery == 0 || sampler.iteration() == total) {
                    checkpoint();
                }
            }
            writeLive();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Structure labelled(Culled c) {
        return c.structure().withInfo("ns_iteration", new InfoValue.Int(c.iteration()))
                .withInfo("ns_enthalpy", new InfoValue.Real(c.enthalpy()))
                .withInfo("energy", new InfoValue.Real(c.energy()))
                .withInfo("ns_volume", new InfoValue.Real(c.volume()));
    }

    /** Flushes the outputs and writes a checkpoint recording their lengths. */
    public void checkpoint() throws IOException {
        samples.flush();
        snapshots.flush();
        samplesChannel.force(false);
        snapshotsChannel.force(false);
        new NsCheckpoint(spec, numbers, sampler.settings(), checkpointEvery, sampler.state(), samplesChannel.size(),
                snapshotsChannel.size()).write(dir.resolve(CHECKPOINT));
    }

    private void writeLive() throws IOException {
        List<Culled> live = sampler.live();
        StringBuilder csv = new StringBuilder("# live walkers after iteration ").append(sampler.iteration()).append('\n');
        csv.append(HEADER);
        StringBuilder xyz = new StringBuilder();
        for (Culled c : live) {
            csv.append(c.iteration()).append(',').append(c.enthalpy()).append(',').append(c.energy()).append(',')
                    .append(c.volume()).append('\n');
            xyz.append(ExtxyzWriter.format(labelled(c)));
        }
        atomically(dir.resolve(LIVE), csv.toString());
        atomically(dir.resolve(LIVE_STRUCTURES), xyz.toString());
    }

    private static void atomically(Path path, String text) throws IOException {
        Path tmp = path.resolveSibling("." + path.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        try {
            samples.close();
            snapshots.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the outputs in " + dir + ": " + e.getMessage(), e);
        } finally {
            sampler.close();
        }
    }
}
