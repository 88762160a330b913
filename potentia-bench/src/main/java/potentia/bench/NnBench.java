package potentia.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import potentia.descriptor.Descriptor;
import potentia.neighbour.NeighbourList;
import potentia.nn.AtomicModel;
import potentia.nn.DescriptorSpec;
import potentia.nn.ElementNetworks;
import potentia.nn.MlpShape;
import potentia.nn.ModelInit;
import potentia.nn.NetworkModel;
import potentia.nn.NeuralNetworkPotential;
import potentia.nn.SharedMlpShape;
import potentia.nn.SharedNetwork;
import potentia.parallel.ParallelTasks;
import potentia.potential.Property;
import potentia.potential.SpeciesIndex;
import potentia.potential.Tally;
import potentia.structure.Cell;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * Network potential energy + forces: spherical Bessel descriptors (r_c = 5 Å, n_max = 5) and
 * 64-32-16 swish networks (one member, random weights, standardisation fitted on the smallest
 * structure) of either architecture — per-element networks ({@code --architecture element}, the
 * default) or NeuralIL's shared network with 2-number element embeddings and LayerNorm
 * ({@code --architecture shared}; {@code --embedding D}, {@code --no-layer-norm}; both with
 * {@code element,shared}) — on diamond Si (a = 5.431 Å) and cubic perovskite SrTiO₃
 * (a = 3.905 Å), rattled by 0.05 Å (seed 1), about 1k, 10k and 100k atoms, with 1 and 2 threads.
 *
 * <p>Reports atom-steps/s of the force call (full list built once, as an MD step with a Verlet
 * list reuses it), the time split between neighbour list, descriptors, network (forward + input
 * gradient) and back-propagation through the descriptor (each phase timed alone over the same
 * ranges the potential uses), memory per atom (bytes allocated per call, one thread; neighbour
 * list), and the network's FLOP count (matrix multiply-adds ×2, forward and input gradient;
 * activations not counted) with its GFLOP/s against the FP64 FMA peak of one core measured in
 * the same run (Vector API at the preferred width). Timing: ≥ 5 s of warm-up per case (Vector API code needs C2), best of 5 rounds.
 * With {@code --cpu-time} (one thread only) the rounds are timed by the calling thread's CPU time
 * instead of the wall clock: on a machine shared with other work, wall-clock rounds are stretched
 * by preemption and the comparison between two architectures drowns in noise, while CPU time
 * (one thread does all the work: one task runs inline) stays close to the unloaded value.
 */
public final class NnBench {
    private static final Set<Property> ENERGY_FORCES = EnumSet.of(Property.ENERGY, Property.FORCES);
    /** A constant species: C2 intrinsifies vector operations only for constant species. */
    private static final VectorSpecies<Double> V = DoubleVector.SPECIES_PREFERRED;

    /** Whether {@link #time} measures the calling thread's CPU time rather than the wall clock. */
    private static boolean cpuTime;

    private NnBench() {
    }

    public static void main(String[] args) {
        List<Integer> sizes = new ArrayList<>(List.of(1000, 10_000, 100_000));
        List<Integer> threads = new ArrayList<>(List.of(1, 2));
        List<String> systems = new ArrayList<>(List.of("si", "srtio3"));
        List<Integer> layers = List.of(64, 32, 16);
        double cutoff = 5.0;
        int nMax = 5;
        double warmup = 5.0;
        boolean networkOnly = false;
        List<String> architectures = List.of("element");
        int embedding = 2;
        boolean layerNorm = true;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--atoms" -> sizes = ints(args[++a]);
                case "--threads" -> threads = ints(args[++a]);
                case "--systems" -> systems = List.of(args[++a].split(","));
                case "--layers" -> layers = ints(args[++a]);
                case "--cutoff" -> cutoff = Double.parseDouble(args[++a]);
                case "--nmax" -> nMax = Integer.parseInt(args[++a]);
                case "--warmup" -> warmup = Double.parseDouble(args[++a]);
                case "--network-only" -> networkOnly = true;
                case "--architecture" -> architectures = List.of(args[++a].split(","));
                case "--embedding" -> embedding = Integer.parseInt(args[++a]);
                case "--no-layer-norm" -> layerNorm = false;
                case "--cpu-time" -> cpuTime = true;
                case "-h", "--help" -> {
                    System.out.println("bin/bench nn [--atoms 1000,10000,100000] [--threads 1,2] [--systems si,srtio3] "
                            + "[--layers 64,32,16] [--cutoff 5] [--nmax 5] [--warmup 5 (s)] [--network-only] "
                            + "[--architecture element|shared|element,shared] [--embedding 2] [--no-layer-norm] "
                            + "[--cpu-time (with --threads 1)]");
                    return;
                }
                default -> throw new IllegalArgumentException("nn bench: unknown option '" + args[a] + "'");
            }
        }
        if (cpuTime && !threads.equals(List.of(1))) {
            throw new IllegalArgumentException("nn bench: --cpu-time times the calling thread, so it needs --threads 1");
        }
        List<ModelInit.Architecture> archs = new ArrayList<>();
        for (String name : architectures) {
            archs.add(switch (name) {
                case "element" -> new ModelInit.Architecture.PerElement();
                case "shared" -> new ModelInit.Architecture.Shared(embedding, layerNorm);
                default -> throw new IllegalArgumentException("nn bench: unknown architecture '" + name
                        + "' (element, shared)");
            });
        }
        double peak = fmaPeak();
        System.out.printf(Locale.ROOT, "# FP64 FMA peak of one core (DoubleVector, %d lanes): %.1f GFLOP/s%n",
                DoubleVector.SPECIES_PREFERRED.length(), peak / 1e9);
        System.out.printf(Locale.ROOT, "# descriptor r_c = %.2f Å, n_max = %d; networks %s; Java %s; %d processors%n",
                cutoff, nMax, layers, Runtime.version(), Runtime.getRuntime().availableProcessors());
        if (cpuTime) {
            System.out.println("# times are CPU time of the calling thread (--cpu-time), not wall clock");
        }
        System.out.println();
        if (networkOnly) {
            networks(systems, layers, nMax, archs, warmup, peak);
            return;
        }
        System.out.println("| system | network | atoms | threads | atom-steps/s | per core | list ms | descriptors ms "
                + "| network ms | backprop ms | force call ms | network GFLOP/s (% peak) | alloc B/atom | list B/atom |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String system : systems) {
            List<Element> species = switch (system) {
                case "si" -> List.of(Element.Si);
                case "srtio3" -> List.of(Element.Sr, Element.Ti, Element.O);
                default -> throw new IllegalArgumentException("nn bench: unknown system '" + system + "' (si, srtio3)");
            };
            DescriptorSpec spec = new DescriptorSpec.Bessel(cutoff, nMax, species);
            for (ModelInit.Architecture arch : archs) {
                NetworkModel model = new ModelInit(spec, layers, 1.0, false, 1, 1, arch)
                        .build(List.of(structure(system, sizes.getFirst())), 2);
                for (int target : sizes) {
                    Structure s = structure(system, target);
                    for (int n : threads) {
                        row(system, s, model, n, warmup, peak);
                    }
                }
            }
        }
    }

    private static void row(String system, Structure s, NetworkModel model, int threads, double warmup, double peak) {
        int n = s.size();
        Descriptor d = model.descriptor();
        NeuralNetworkPotential pot = NeuralNetworkPotential.of(model).withThreads(threads);
        double tList = time(warmup, () -> NeighbourList.build(s, d.cutoff(), true, threads).pairCount());
        NeighbourList list = NeighbourList.build(s, d.cutoff(), true, threads);
        double tCall = time(warmup, () -> pot.compute(s, list, ENERGY_FORCES).energy());
        // the phases alone, over the ranges the potential uses
        int f = d.featureCount();
        int[] type = new SpeciesIndex(model.species()).types(s, "bench");
        int tasks = ParallelTasks.tasksFor(n, threads);
        double[] g = new double[n * f];
        double[] grad = new double[n * f];
        double[] e = new double[n];
        AtomicModel member = model.members().getFirst();
        double tDesc = time(warmup, () -> {
            ParallelTasks.run(tasks, t -> d.features(s, list, lo(n, tasks, t), lo(n, tasks, t + 1), g));
            return g[0];
        });
        double tNet = time(warmup, () -> {
            ParallelTasks.run(tasks, t -> member.evaluate(g, type, lo(n, tasks, t), lo(n, tasks, t + 1), e, grad));
            return e[0];
        });
        double tBack = time(warmup, () -> {
            Tally[] parts = new Tally[tasks];
            ParallelTasks.run(tasks, t -> {
                parts[t] = new Tally(n, false);
                d.backward(s, list, grad, lo(n, tasks, t), lo(n, tasks, t + 1), parts[t]);
            });
            return parts[0].forces[0];
        });
        long alloc = threads == 1 ? allocatedBytes(() -> pot.compute(s, list, ENERGY_FORCES)) : -1;
        long listBytes = 4L * (n + 1) + 8L * list.pairCount();
        double flops = networkFlopsPerAtom(member) * n;
        double gflops = flops / tNet / 1e9;
        double rate = n / tCall;
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.0f | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f (%.0f %%) | %s | %d |%n",
                system.equals("si") ? "Si" : "SrTiO₃", network(member), n, threads, rate, rate / threads, tList * 1e3,
                tDesc * 1e3,
                tNet * 1e3, tBack * 1e3, tCall * 1e3, gflops, 100 * gflops * 1e9 / (peak * threads),
                alloc < 0 ? "" : Long.toString(alloc / n), listBytes / n);
    }

    /** The networks alone on random standardised features (10,000 atoms, one thread): batched kernel and scalar reference. */
    private static void networks(List<String> systems, List<Integer> layers, int nMax, List<ModelInit.Architecture> archs,
            double warmup, double peak) {
        System.out.println("| species | features | network | batched atoms/s | GFLOP/s (% peak) | scalar reference atoms/s | speed-up |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|");
        for (String system : systems) {
            for (ModelInit.Architecture arch : archs) {
                networkRow(system, layers, nMax, arch, warmup, peak);
            }
        }
    }

    private static void networkRow(String system, List<Integer> layers, int nMax, ModelInit.Architecture arch,
            double warmup, double peak) {
        int ns = system.equals("si") ? 1 : 3;
        List<Element> species = ns == 1 ? List.of(Element.Si) : List.of(Element.Sr, Element.Ti, Element.O);
        int f = ns * (ns + 1) / 2 * (nMax + 1) * (nMax + 2) / 2;
        SplittableRandom rng = new SplittableRandom(1);
        AtomicModel nets = switch (arch) {
            case ModelInit.Architecture.PerElement _ ->
                    ElementNetworks.random(species, new MlpShape(f, layers), 1.0, false, rng);
            case ModelInit.Architecture.Shared a -> SharedNetwork.random(species,
                    new SharedMlpShape(ns, f, a.embedding(), layers, a.layerNorm()), 1.0, false, rng);
        };
        int n = 10_000;
        double[] z = new double[n * f];
        int[] type = new int[n];
        for (int i = 0; i < n; i++) {
            type[i] = i % ns;
            for (int q = 0; q < f; q++) {
                z[i * f + q] = rng.nextGaussian();
            }
        }
        double[] e = new double[n];
        double[] grad = new double[n * f];
        double fast = time(warmup, () -> {
            nets.evaluate(z, type, 0, n, e, grad);
            return e[0];
        });
        double slow = time(warmup, () -> {
            nets.evaluateReference(z, type, 0, n, e, grad);
            return e[0];
        });
        double gflops = networkFlopsPerAtom(nets) * n / fast / 1e9;
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %.3g | %.1f (%.0f %%) | %.3g | %.1f× |%n", species, f,
                network(nets), n / fast, gflops, 100 * gflops * 1e9 / peak, n / slow, slow / fast);
    }

    /** "element 21-64-32-16-1" or "shared 21+2-64-32-16-1 LN". */
    private static String network(AtomicModel m) {
        return switch (m) {
            case ElementNetworks e -> "element " + e.shape().describe();
            case SharedNetwork s -> "shared " + s.shape().describe() + (s.shape().layerNorm() ? " LN" : "");
        };
    }

    /**
     * Matrix FLOPs per atom of forward + input gradient: 2·(multiply-adds) each way, less the output
     * layer's gradient (a copy). Shared networks fold the embedding into a per-element bias, so
     * their first layer counts the F feature columns only; LayerNorm, like swish, is not counted.
     */
    static double networkFlopsPerAtom(AtomicModel m) {
        return switch (m) {
            case ElementNetworks e -> matrixFlops(e.shape().multiplyAdds(), e.shape().width(e.shape().layers() - 1));
            case SharedNetwork s -> matrixFlops(s.shape().multiplyAdds(), s.shape().width(s.shape().layers() - 1));
        };
    }

    private static double matrixFlops(long multiplyAdds, long outputLayer) {
        return 2.0 * multiplyAdds + 2.0 * (multiplyAdds - outputLayer);
    }

    private static int lo(int n, int tasks, int t) {
        return ParallelTasks.chunkStart(n, tasks, t);
    }

    static Structure structure(String system, int target) {
        SplittableRandom rng = new SplittableRandom(1);
        return switch (system) {
            case "si" -> {
                int c = Math.max(1, (int) Math.round(Math.cbrt(target / 8.0)));
                yield Crystals.diamond(Element.Si, 5.431).repeat(c, c, c).rattled(0.05, rng);
            }
            case "srtio3" -> {
                int c = Math.max(1, (int) Math.round(Math.cbrt(target / 5.0)));
                yield perovskite(3.905).repeat(c, c, c).rattled(0.05, rng);
            }
            default -> throw new IllegalArgumentException("unknown system " + system);
        };
    }

    /** Cubic perovskite SrTiO₃: Sr at the corner, Ti at the centre, O at the face centres. */
    static Structure perovskite(double a) {
        double h = a / 2;
        return Structure.of(List.of(Element.Sr, Element.Ti, Element.O, Element.O, Element.O),
                new double[] {0, 0, 0, h, h, h, h, h, 0, h, 0, h, 0, h, h}, Cell.orthorhombic(a, a, a));
    }

    @FunctionalInterface
    private interface Job {
        double run();
    }

    /** Seconds per run: the best of ≥ 3 rounds (about 0.3 s each) after the warm-up. */
    private static double time(double warmup, Job job) {
        double sink = 0;
        long end = System.nanoTime() + (long) (warmup * 1e9);
        int runs = 0;
        long start = System.nanoTime();
        do {
            sink += job.run();
            runs++;
        } while (System.nanoTime() < end);
        double each = (System.nanoTime() - start) * 1e-9 / runs;
        int perRound = Math.max(1, (int) (0.3 / each));
        double best = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 5; round++) {
            long t0 = now();
            for (int k = 0; k < perRound; k++) {
                sink += job.run();
            }
            best = Math.min(best, (now() - t0) * 1e-9 / perRound);
        }
        if (sink == 42.4242) {
            System.out.println();
        }
        return best;
    }

    /** Nanoseconds: the wall clock, or with --cpu-time the calling thread's CPU time. */
    private static long now() {
        return cpuTime ? ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static long allocatedBytes(Runnable r) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long before = bean.getThreadAllocatedBytes(id);
        r.run();
        return bean.getThreadAllocatedBytes(id) - before;
    }

    /** FP64 FMA throughput of one core: 12 independent accumulator chains at the preferred width. */
    static double fmaPeak() {
        double best = 0;
        double sink = 0;
        // short calls first, so that the method is compiled whole with its vectors in registers: a
        // first long call runs interpreted (boxed vectors, ~1000x slower) or on-stack-replaced,
        // and on a loaded machine three seconds of that once reported a peak of 0.1 GFLOP/s
        long warm = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warm) {
            sink += fmaChains(10_000);
        }
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) {
            int iterations = 1_000_000;
            long t0 = System.nanoTime();
            sink += fmaChains(iterations);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            best = Math.max(best, 12.0 * 2 * V.length() * iterations / seconds);
        }
        if (sink == 42.4242) {
            System.out.println();
        }
        return best;
    }

    private static double fmaChains(int iterations) {
        DoubleVector m = DoubleVector.broadcast(V, 0.999999);
        DoubleVector c = DoubleVector.broadcast(V, 1e-7);
        DoubleVector a0 = DoubleVector.broadcast(V, 1.0);
        DoubleVector a1 = a0.add(0.1);
        DoubleVector a2 = a0.add(0.2);
        DoubleVector a3 = a0.add(0.3);
        DoubleVector a4 = a0.add(0.4);
        DoubleVector a5 = a0.add(0.5);
        DoubleVector a6 = a0.add(0.6);
        DoubleVector a7 = a0.add(0.7);
        DoubleVector a8 = a0.add(0.8);
        DoubleVector a9 = a0.add(0.9);
        DoubleVector a10 = a0.add(1.0);
        DoubleVector a11 = a0.add(1.1);
        for (int k = 0; k < iterations; k++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    private static List<Integer> ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String t : csv.split(",")) {
            out.add(Integer.parseInt(t.trim()));
        }
        return out;
    }
}
