package potentia.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import potentia.nn.DescriptorSpec;
import potentia.train.AdamW;
import potentia.train.DataSplit;
import potentia.train.ElementNetworkFactory;
import potentia.train.EpochRecord;
import potentia.train.LabelKeys;
import potentia.train.LearningRate;
import potentia.train.LossFunction;
import potentia.train.LossSettings;
import potentia.train.Sample;
import potentia.train.Samples;
import potentia.train.Trainer;
import potentia.train.TrainingListener;
import potentia.train.TrainingSettings;
import potentia.units.Units;

/**
 * Training throughput and memory: seconds per epoch, structures/s and atoms/s of
 * {@link Trainer} on the shared data sets at 1 and 2 threads, with the data set replicated ×1,
 * ×4 and ×16, and the heap it needs.
 *
 * <p>Before a data set's cases, training on it (×1, the most threads) runs untimed for
 * {@code --jit-warmup} seconds so that C2 has compiled the kernels. Each case is a fresh run (one member, per-element 32-16 swish networks, log-cosh loss on
 * energy and forces, batch 8, AdamW at a constant 1e-3, all frames training, no validation): the
 * first epochs, until {@code --warmup} seconds and at least one (it includes the descriptor
 * statistics), warm up the JIT and are not timed; then at least {@code --epochs} epochs and
 * {@code --min-time} seconds are timed between the trainer's epoch callbacks, and the listener
 * ends the run. Replication reads the file
 * k times, so the copies are distinct objects, as a k-times larger file would be.
 *
 * <p>Memory, two numbers per case: <em>peak</em> heap used (sum over heap pools of their peak
 * usage since a reset after a full GC before the run; includes garbage awaiting collection, so it
 * depends on the collector's sizing, an upper bound) and <em>live</em> heap (used after a full GC
 * at the end of each epoch, the largest; what training retains: data, model, optimiser state, and
 * any per-frame cache), beside the data's own share (heap after a full GC with the frames read,
 * less before). A trainer that cached descriptor Jacobians for the whole data set would
 * show live heap growing with the replication by far more than the data alone: live − data must stay flat.
 */
public final class TrainBench {
    /** Per-set descriptor settings (those of the examples and the notes). */
    private record SetConfig(String file, double cutoff, int nMax) {
    }

    private static final Map<String, SetConfig> SETS = new LinkedHashMap<>();

    static {
        SETS.put("si_pbe", new SetConfig("si_pbe.extxyz", 4.0, 5));
        SETS.put("srtio_pbe", new SetConfig("srtio_pbe.extxyz", 5.0, 5));
        SETS.put("ean_neuralil", new SetConfig("ean_neuralil.extxyz", 3.5, 4));
        SETS.put("srtio3_bulk_neuralil", new SetConfig("srtio3_bulk_neuralil.extxyz", 3.5, 4));
    }

    private static final double MIB = 1024.0 * 1024.0;

    /** One measured case. */
    private record Row(String set, int replicas, int frames, long atoms, int threads, int epochs, double secondsPerEpoch,
            double peakMiB, double liveMiB, double dataMiB) {
        Row withData(double mib) {
            return new Row(set, replicas, frames, atoms, threads, epochs, secondsPerEpoch, peakMiB, liveMiB, mib);
        }

        double structuresPerSecond() {
            return frames / secondsPerEpoch;
        }

        double atomsPerSecond() {
            return atoms / secondsPerEpoch;
        }
    }

    /** Epochs the trainer is set up for; the listener stops it long before. */
    private static final int MAX_EPOCHS = 1_000_000;

    /** Thrown by the listener to end a run once the timing is done. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    private TrainBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> sets = List.of("si_pbe", "ean_neuralil");
        int epochs = 2;
        List<Integer> replicas = List.of(1, 4, 16);
        List<Integer> threads = List.of(1, 2);
        long maxAtoms = 70_000;
        double jitWarmup = 10;
        double warmup = 1;
        double minTime = 2;
        Path dataDir = Path.of(System.getProperty("potentia.shared", "/work/shared")).resolve("data");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sets" -> sets = List.of(args[++i].split(","));
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--replicas" -> replicas = ints(args[++i]);
                case "--threads" -> threads = ints(args[++i]);
                case "--max-atoms" -> maxAtoms = Long.parseLong(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--jit-warmup" -> jitWarmup = Double.parseDouble(args[++i]);
                case "--min-time" -> minTime = Double.parseDouble(args[++i]);
                case "--data" -> dataDir = Path.of(args[++i]);
                case "-h", "--help" -> {
                    System.out.println("""
                            usage: bin/bench train [--sets si_pbe,ean_neuralil] [--epochs 2] [--replicas 1,4,16]
                                                   [--threads 1,2] [--max-atoms 70000] [--jit-warmup 10] [--warmup 1]
                                                   [--min-time 2] [--data /work/shared/data]
                              sets: %s
                              --epochs     timed epochs per case (at least), after the warm-up
                              --jit-warmup untimed training on each set (×1, most threads) for this many seconds first
                              --warmup     untimed warm-up of each case: epochs until this many seconds (≥ 1 epoch)
                              --min-time   keep timing epochs until this many seconds (and --epochs epochs)
                              --replicas   data-set replications (the frame list read k times)
                              --max-atoms  skip replications whose atoms (all frames) exceed this
                            """.formatted(String.join(", ", SETS.keySet())));
                    return;
                }
                default -> throw new IllegalArgumentException("train: unknown option '" + args[i] + "' (see --help)");
            }
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be ≥ 1, got " + epochs);
        }
        for (String s : sets) {
            if (!SETS.containsKey(s)) {
                throw new IllegalArgumentException("unknown data set '" + s + "' (known: " + SETS.keySet() + ")");
            }
        }
        System.out.printf(Locale.ROOT, "# train bench: per set %.0f s of JIT warm-up; per case ≥ %d timed epochs and ≥ %.0f s after "
                + "≥ %.0f s (≥ 1 epoch) of warm-up; cores %d; max heap %.0f MiB; %s%n", jitWarmup, epochs, minTime,
                warmup, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / MIB,
                Runtime.version());
        List<Row> rows = new ArrayList<>();
        for (String name : sets) {
            SetConfig c = SETS.get(name);
            Path file = dataDir.resolve(c.file());
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("data set " + name + ": no file " + file);
            }
            List<Sample> once = Samples.read(List.of(file), LabelKeys.ASE, Map.of());
            int most = threads.stream().mapToInt(Integer::intValue).max().orElse(1);
            run(name, c, once, 1, 0, most, 1, jitWarmup, 0);
            once = null;
            for (int k : replicas) {
                long before = liveHeap();
                List<Sample> samples = Samples.read(Collections.nCopies(k, file), LabelKeys.ASE, Map.of());
                double dataMiB = (liveHeap() - before) / MIB;
                long atoms = samples.stream().mapToLong(Sample::size).sum();
                if (atoms > maxAtoms) {
                    System.out.printf(Locale.ROOT, "# %s ×%d: %d atoms > --max-atoms %d, skipped%n", name, k, atoms,
                            maxAtoms);
                    continue;
                }
                for (int t : threads) {
                    Row r = run(name, c, samples, k, atoms, t, epochs, warmup, minTime).withData(dataMiB);
                    rows.add(r);
                    System.out.printf(Locale.ROOT, "# %s ×%d (%d frames, %d atoms), %d thread(s): %.3f s/epoch, "
                            + "peak %.0f MiB, live %.0f MiB%n", name, k, r.frames(), atoms, t, r.secondsPerEpoch(),
                            r.peakMiB(), r.liveMiB());
                }
                samples = null;
            }
        }
        printTables(rows, threads);
    }

    private static Row run(String name, SetConfig c, List<Sample> samples, int replicas, long atoms, int threads,
            int epochs, double warmupSeconds, double minTimedSeconds) {
        DescriptorSpec spec = new DescriptorSpec.Bessel(c.cutoff(), c.nMax(), Samples.species(samples));
        LossSettings loss = new LossSettings(LossFunction.LOGCOSH, 1.0, 1.0, 0.0, 0.02, 0.2, Units.fromGPa(0.5));
        TrainingSettings settings = new TrainingSettings(loss, new AdamW.Settings(0.9, 0.999, 1e-8, 0.0),
                new LearningRate(LearningRate.Kind.CONSTANT, 1e-3, 1e-5, 0, 10, 0.5), 0, MAX_EPOCHS, 8, 0, 1,
                false, false, 1, MAX_EPOCHS);
        Trainer trainer = new Trainer(settings, spec, new ElementNetworkFactory(List.of(32, 16), 1.0, false), threads);
        DataSplit split = new DataSplit(samples, List.of());
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        double[] warmed = new double[1];
        double[] timed = new double[1];
        int[] timedEpochs = new int[1];
        long[] live = new long[1];
        long[] epochStart = {System.nanoTime()};
        try {
            trainer.train(split, null, new TrainingListener() {
                @Override
                public void epoch(int epoch, int planned, List<EpochRecord> members, boolean checkpointed) {
                    double seconds = (System.nanoTime() - epochStart[0]) * 1e-9;
                    if (warmed[0] < warmupSeconds || epoch == 1) {
                        warmed[0] += seconds;
                    } else {
                        timed[0] += seconds;
                        timedEpochs[0]++;
                    }
                    // a full GC outside the timed span: what the run retains between epochs
                    live[0] = Math.max(live[0], liveHeap());
                    if (timedEpochs[0] >= epochs && timed[0] >= minTimedSeconds) {
                        throw new Enough();
                    }
                    epochStart[0] = System.nanoTime();
                }
            });
            throw new IllegalStateException("training ended after " + MAX_EPOCHS + " epochs before the timing did");
        } catch (Enough done) {
            // the listener stops the run once enough epochs are timed
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Row(name, replicas, samples.size(), atoms, threads, timedEpochs[0], timed[0] / timedEpochs[0],
                peak / MIB, live[0] / MIB, Double.NaN);
    }

    private static void printTables(List<Row> rows, List<Integer> threads) {
        System.out.println();
        System.out.println("| data set | × | frames | atoms | threads | epochs timed | s/epoch | structures/s | atoms/s | peak heap MiB | live heap MiB | data MiB | live − data MiB |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.3f | %.1f | %.0f | %.0f | %.1f | %.1f | %.1f |%n",
                    r.set(), r.replicas(), r.frames(), r.atoms(), r.threads(), r.epochs(), r.secondsPerEpoch(), r.structuresPerSecond(),
                    r.atomsPerSecond(), r.peakMiB(), r.liveMiB(), r.dataMiB(), r.liveMiB() - r.dataMiB());
        }
        System.out.println();
        if (threads.contains(1) && threads.contains(2)) {
            System.out.println("2-thread / 1-thread throughput (structures/s ratio; baseline measured in this run):");
            System.out.println();
            System.out.println("| data set | × | 1 thread s/epoch | 2 threads s/epoch | speed-up 2t/1t |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (Row one : rows) {
                if (one.threads() != 1) {
                    continue;
                }
                for (Row two : rows) {
                    if (two.threads() == 2 && two.set().equals(one.set()) && two.replicas() == one.replicas()) {
                        System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.2f |%n", one.set(), one.replicas(),
                                one.secondsPerEpoch(), two.secondsPerEpoch(),
                                one.secondsPerEpoch() / two.secondsPerEpoch());
                    }
                }
            }
            System.out.println();
        }
        System.out.println("Scaling with data-set size against ×1 (same set and threads): time per epoch should grow "
                + "×k, memory should not:");
        System.out.println();
        System.out.println("| data set | threads | × | s/epoch ratio | peak heap ratio | live heap ratio | (live − data) ratio |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Row base : rows) {
            if (base.replicas() != 1) {
                continue;
            }
            for (Row r : rows) {
                if (r.replicas() > 1 && r.set().equals(base.set()) && r.threads() == base.threads()) {
                    System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %.2f | %.2f |%n", r.set(),
                            r.threads(), r.replicas(), r.secondsPerEpoch() / base.secondsPerEpoch(),
                            r.peakMiB() / base.peakMiB(), r.liveMiB() / base.liveMiB(),
                            (r.liveMiB() - r.dataMiB()) / (base.liveMiB() - base.dataMiB()));
                }
            }
        }
    }

    /** Heap used after a full GC, bytes. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }
}
