package potentia.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import potentia.descriptor.BesselDescriptor;
import potentia.neighbour.NeighbourList;
import potentia.parallel.ParallelTasks;
import potentia.potential.Tally;
import potentia.structure.Cell;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * The spherical Bessel descriptor alone and with its backward pass (forces and virial from
 * ∂E/∂G), on diamond Si and cubic perovskite SrTiO₃ (a = 3.905 Å), both rattled by 0.05 Å
 * (seed 1), at about 1k, 10k and 100k atoms, on 1 and 2 threads. The neighbour list (full,
 * cutoff r_c) is built once and not timed. "features+backward" is what a force call costs the
 * descriptor: each thread computes the features of its range of atoms and then the backward
 * pass of the same range (with a fixed random ∂E/∂G standing in for the network), into its own
 * tally as {@link Tally#evaluate} does.
 *
 * <p>Timing: repeated for ≥ 2 s of warm-up per case, then the best of 5 rounds of ≥ 0.3 s, in
 * wall time and in the worker threads' CPU time (which, on a machine shared with other work,
 * is the more honest per-core cost). GFLOP/s per core divides a rough count of the floating-point
 * operations of the code's loops ({@link #flops}) by the CPU time.
 */
public final class DescriptorBench {
    private DescriptorBench() {
    }

    public static void main(String[] args) {
        List<Integer> sizes = new ArrayList<>(List.of(1_000, 10_000, 100_000));
        List<Integer> threads = new ArrayList<>(List.of(1, 2));
        List<String> systems = new ArrayList<>(List.of("si", "srtio3"));
        double cutoff = 5.0;
        int nMax = 5;
        double warmup = 2.0;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--atoms" -> sizes = ints(args[++a]);
                case "--threads" -> threads = ints(args[++a]);
                case "--systems" -> systems = List.of(args[++a].split(","));
                case "--cutoff" -> cutoff = Double.parseDouble(args[++a]);
                case "--nmax" -> nMax = Integer.parseInt(args[++a]);
                case "--warmup" -> warmup = Double.parseDouble(args[++a]);
                case "-h", "--help" -> {
                    System.out.println("bin/bench descriptor [--atoms 1000,10000,100000] [--threads 1,2] "
                            + "[--systems si,srtio3] [--cutoff 5.0 (Å)] [--nmax 5] [--warmup 2.0 (s per case)]");
                    return;
                }
                default -> throw new IllegalArgumentException("descriptor bench: unknown option '" + args[a] + "'");
            }
        }
        System.out.printf(Locale.ROOT, "# Spherical Bessel descriptor, r_c %.2f Å, n_max %d; %s; %d cores available%n",
                cutoff, nMax, Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.println();
        System.out.println("| system | atoms | features | neighbours/atom (< r_c) | threads | features: atom-steps/s | µs/atom "
                + "| CPU µs/atom | GFLOP/s | features+backward: atom-steps/s | µs/atom | CPU µs/atom | GFLOP/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String system : systems) {
            List<Element> species = switch (system) {
                case "si" -> List.of(Element.Si);
                case "srtio3" -> List.of(Element.O, Element.Ti, Element.Sr);
                default -> throw new IllegalArgumentException("descriptor bench: unknown system '" + system + "' (si, srtio3)");
            };
            BesselDescriptor d = new BesselDescriptor(cutoff, nMax, species);
            for (int target : sizes) {
                Structure s = build(system, target);
                NeighbourList list = NeighbourList.build(s, cutoff, true, 2);
                double neighbours = neighboursInside(s, list, cutoff) / (double) s.size();
                double[] flops = flops(nMax, species.size(), neighbours);
                int n = s.size();
                double[] out = new double[n * d.featureCount()];
                double[] dEdG = new double[n * d.featureCount()];
                SplittableRandom rng = new SplittableRandom(2);
                for (int k = 0; k < dEdG.length; k++) {
                    dEdG[k] = rng.nextGaussian();
                }
                for (int t : threads) {
                    int tasks = ParallelTasks.tasksFor(n, t);
                    double[] tf = time(warmup, () -> ParallelTasks.run(tasks, task -> {
                        long c0 = THREADS.getCurrentThreadCpuTime();
                        d.features(s, list, ParallelTasks.chunkStart(n, tasks, task), ParallelTasks.chunkStart(n, tasks, task + 1), out);
                        CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
                    }));
                    double[] tb = time(warmup, () -> Tally.evaluate(n, t, false, s.cell().volume(), (from, to, tally) -> {
                        long c0 = THREADS.getCurrentThreadCpuTime();
                        d.features(s, list, from, to, out);
                        d.backward(s, list, dEdG, from, to, tally);
                        CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
                    }));
                    System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %d | %.3g | %.2f | %.2f | %.1f | %.3g | %.2f | %.2f | %.1f |%n",
                            system.equals("si") ? "Si" : "SrTiO₃", n, d.featureCount(), neighbours, t, n / tf[0], tf[0] / n * 1e6,
                            tf[1] / n * 1e6, flops[0] * n / tf[1] * 1e-9, n / tb[0], tb[0] / n * 1e6, tb[1] / n * 1e6,
                            flops[1] * n / tb[1] * 1e-9);
                }
            }
        }
        System.out.println();
        System.out.println("# µs/atom: wall time per atom; CPU µs/atom: the workers' thread CPU time per atom, summed over");
        System.out.println("# threads (on a busy machine the honest per-core cost: 1e6/that = atom-steps/s per core); GFLOP/s per core");
        System.out.println("# from CPU time and a rough count of the loops' operations (an FMA counts 2).");
    }

    /** Diamond Si (a = 5.431 Å) or cubic SrTiO₃ (a = 3.905 Å) repeated to about {@code target} atoms, rattled 0.05 Å. */
    static Structure build(String system, int target) {
        Structure cell = system.equals("si") ? Crystals.diamond(Element.Si, 5.431) : perovskite();
        int n = Math.max(1, (int) Math.round(Math.cbrt(target / (double) cell.size())));
        return cell.repeat(n, n, n).rattled(0.05, new SplittableRandom(1));
    }

    /** Cubic perovskite SrTiO₃, 5 atoms: Sr at the corner, Ti at the body centre, O at the face centres. */
    static Structure perovskite() {
        double a = 3.905;
        double h = a / 2;
        return Structure.of(List.of(Element.Sr, Element.Ti, Element.O, Element.O, Element.O),
                new double[] {0, 0, 0, h, h, h, h, h, 0, h, 0, h, 0, h, h}, Cell.orthorhombic(a, a, a));
    }

    private static long neighboursInside(Structure s, NeighbourList list, double cutoff) {
        double[] x = s.positions();
        double[] h = s.cell().matrix();
        double[] d = new double[3];
        long count = 0;
        for (int i = 0; i < s.size(); i++) {
            for (int p = list.start(i); p < list.end(i); p++) {
                list.separation(p, i, x, h, d);
                if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < cutoff * cutoff) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Rough floating-point operations per atom of the features and of features+backward, from
     * the loops of {@code BesselKernel} and {@code RadialTable} (FMA = 2; sqrt and division 1).
     * Per neighbour: separation 12; table lookup of R = (n+1)(n+2)/2 functions of degree 8:
     * 16R (values), +14R (slopes); harmonics H = (n+1)²: ≈ 6H, ≈ 12H with gradients;
     * c += gY: 2C (C = Σ_l (n−l+1)(2l+1) coefficients); backward: b and t 4C, s and V 8H,
     * gradient and forces ≈ 40. Per centre: power spectrum 2·C·P (P species pairs), adjoint
     * 2·C·(S + 2P).
     *
     * @return {features, features+backward} per atom
     */
    static double[] flops(int nMax, int species, double neighbours) {
        double r = (nMax + 1) * (nMax + 2) / 2.0;
        double h = (nMax + 1) * (nMax + 1);
        double c = 0;
        for (int l = 0; l <= nMax; l++) {
            c += (nMax - l + 1) * (2 * l + 1);
        }
        double pairs = species * (species + 1) / 2.0;
        double forward = neighbours * (12 + 16 * r + 6 * h + 2 * c) + 2 * c * pairs;
        double backward = neighbours * (12 + 30 * r + 12 * h + 2 * c + 4 * c + 8 * h + 40) + 2 * c * (species + 2 * pairs);
        return new double[] {forward, forward + backward};
    }

    /**
     * Seconds per call, wall and CPU time of the worker tasks (which add their own thread CPU time
     * to {@link #CPU_NANOS}): ≥ warm-up seconds of calls, then 5 rounds of ≥ 0.3 s; the best wall
     * time and the best CPU time.
     */
    private static double[] time(double warmup, Runnable work) {
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        int calls = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < warmEnd || calls < 2) {
            work.run();
            calls++;
        }
        double perCall = (System.nanoTime() - start) * 1e-9 / calls;
        int perRound = Math.max(1, (int) Math.ceil(0.3 / perCall));
        double best = Double.POSITIVE_INFINITY;
        double bestCpu = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 5; round++) {
            CPU_NANOS.set(0);
            long t0 = System.nanoTime();
            for (int k = 0; k < perRound; k++) {
                work.run();
            }
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9 / perRound);
            bestCpu = Math.min(bestCpu, CPU_NANOS.get() * 1e-9 / perRound);
        }
        return new double[] {best, bestCpu};
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    /** CPU time the worker tasks spent, summed over threads, since the last reset. */
    private static final java.util.concurrent.atomic.AtomicLong CPU_NANOS = new java.util.concurrent.atomic.AtomicLong();

    private static List<Integer> ints(String csv) {
        List<Integer> list = new ArrayList<>();
        for (String t : csv.split(",")) {
            list.add(Integer.parseInt(t.trim()));
        }
        return list;
    }
}
