package potentia.bench;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import potentia.md.MdSettings;
import potentia.md.MdSystem;
import potentia.md.MolecularDynamics;
import potentia.md.Velocities;
import potentia.ns.Container;
import potentia.ns.MoveKind;
import potentia.ns.MoveMix;
import potentia.ns.NestedSampling;
import potentia.neighbour.NeighbourList;
import potentia.ns.NsSettings;
import potentia.potential.LocalEnergy;
import potentia.potential.LocalMoves;
import potentia.potential.Potential;
import potentia.potential.lj.CutoffMode;
import potentia.potential.lj.LennardJones;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * Nested-sampling costs. Part 1: single-atom Monte Carlo moves per second (Gaussian trial of
 * σ = 0.1 Å, accepted when the energy rises by less than 0.05 eV) with the local energy update
 * ({@link LocalMoves}: O(neighbours)) against a full energy evaluation per trial, for LJ argon
 * (fcc, 256 atoms) and SW silicon (diamond, 64 and 512 atoms; 64 atoms disordered), one thread. Part 2: nested-sampling
 * iterations per second of 64-atom SW Si at 0 GPa (K = 128, 8 walks per iteration, walk lengths
 * L = 32 and 256 by default, the default move mix) on 1 and 2 threads, after 300 warm-up iterations
 * from the gas: with short walks the serial work between iterations (culling, cloning) weighs
 * more, so the efficiency is given per L. Part 3: the cost of the two ways to move every atom of
 * a 64-atom disordered SW Si cell — a sweep of 64 local single-atom moves against one step of a
 * Hamiltonian trajectory (8 NVE velocity-Verlet steps from a fresh {@link MolecularDynamics}
 * with a 0.5 Å skin, as the sampler runs them) — and the nested-sampling iteration rate with
 * either mix at the same walk length (atom=8 against hmc=8, cell moves 1 each), one thread.
 * Part 4: the neighbour list of a whole small cell (what every cell move, swap and Hamiltonian
 * step builds), by the cell-list method against {@link NeighbourList#build} (direct pair checks
 * up to 32 atoms, and up to 64 when the cutoff exceeds half a cell width), for 16–64 LJ atoms at r_c = 3σ (several
 * images of a pair) and 16–64 SW Si atoms, one thread.
 */
public final class NsBench {
    private NsBench() {
    }

    public static void main(String[] args) {
        double seconds = 3;
        int[] walkLengths = {32, 256};
        Set<String> parts = new HashSet<>(PARTS);
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++a]);
                case "--walk-lengths" -> walkLengths = Arrays.stream(args[++a].split(",")).mapToInt(Integer::parseInt)
                        .toArray();
                case "--parts" -> {
                    parts = new HashSet<>(Arrays.asList(args[++a].split(",")));
                    if (!PARTS.containsAll(parts)) {
                        throw new IllegalArgumentException("ns bench: --parts takes some of " + PARTS + ", got " + parts);
                    }
                }
                case "-h", "--help" -> {
                    System.out.println("bin/bench ns [--seconds 3 (time per measurement)] [--walk-lengths 32,256] [--parts "
                            + String.join(",", PARTS) + "]");
                    return;
                }
                default -> throw new IllegalArgumentException("ns bench: unknown option '" + args[a] + "'");
            }
        }
        LennardJones lj = LennardJones.builder().species(Element.Ar, 0.0104, 3.4, 8.5).cutoffMode(CutoffMode.shifted())
                .build();
        StillingerWeber sw = StillingerWeber.silicon().withThreads(1);
        LennardJones lj3 = LennardJones.builder().species(Element.Ar, 0.0104, 3.4, 10.2).cutoffMode(CutoffMode.shifted())
                .build();
        Structure liquid = Crystals.diamond(Element.Si, 5.431).repeat(2, 2, 2).rattled(0.4, new SplittableRandom(2));
        if (parts.contains("moves")) {
            movesTable(lj, lj3, sw, liquid, seconds);
        }
        if (parts.contains("iterations")) {
            iterationsTable(sw, walkLengths, seconds);
        }
        if (parts.contains("sweeps")) {
            sweepsTable(sw, liquid, seconds);
        }
        if (parts.contains("lists")) {
            listsTable(lj3, sw, seconds);
        }
        if (parts.contains("mixes")) {
            mixesTable(sw, seconds);
        }
    }

    private static final List<String> PARTS = List.of("moves", "iterations", "sweeps", "lists", "mixes");

    private static void movesTable(LennardJones lj, LennardJones lj3, StillingerWeber sw, Structure liquid, double seconds) {
        System.out.println("| system | atoms | local moves/s | full-recompute moves/s | speed-up |");
        System.out.println("|---|---:|---:|---:|---:|");
        moves("LJ Ar fcc", lj.withThreads(1), Crystals.fcc(Element.Ar, 5.26).repeat(4, 4, 4), seconds);
        // the periodic-LJ nested-sampling case: r_c = 3σ exceeds half the 64-atom cell, so several images
        moves("LJ Ar fcc, r_c 3σ", lj3.withThreads(1), Crystals.fcc(Element.Ar, 5.26).repeat(2, 2, 4), seconds);
        moves("SW Si diamond", sw, Crystals.diamond(Element.Si, 5.431).repeat(2, 2, 2), seconds);
        moves("SW Si diamond", sw, Crystals.diamond(Element.Si, 5.431).repeat(4, 4, 4), seconds);
        // disordered, as in the liquid that nested sampling spends most of a Si run in: more
        // neighbours per atom, whose legs a trial would otherwise re-derive
        moves("SW Si disordered (diamond rattled 0.4 Å)", sw, liquid, seconds);
        System.out.println();
    }

    private static void iterationsTable(StillingerWeber sw, int[] walkLengths, double seconds) {
        System.out.println("| walk length L | threads | NS iterations/s (SW Si64, K=128, P=8) | parallel efficiency |");
        System.out.println("|---:|---:|---:|---:|");
        for (int walkLength : walkLengths) {
            double one = 0;
            for (int threads : new int[] {1, 2}) {
                double rate = iterations(sw, threads, walkLength, seconds);
                if (threads == 1) {
                    one = rate;
                }
                System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.2f |%n", walkLength, threads, rate,
                        rate / (one * threads));
            }
        }
        System.out.println();
    }

    private static void sweepsTable(StillingerWeber sw, Structure liquid, double seconds) {
        double sweeps = rate(seconds, () -> localMoves(sw, liquid, 64 * 20)) / 64;
        double steps = rate(seconds, () -> trajectory(sw, liquid, 8));
        System.out.println("| SW Si64 disordered, one thread | per second | µs each |");
        System.out.println("|---|---:|---:|");
        System.out.printf(Locale.ROOT, "| atom sweep (64 local moves) | %.0f | %.1f |%n", sweeps, 1e6 / sweeps);
        System.out.printf(Locale.ROOT, "| Hamiltonian step (of 8-step trajectories) | %.0f | %.1f |%n", steps, 1e6 / steps);
        System.out.println();
    }

    private static void listsTable(LennardJones lj3, StillingerWeber sw, double seconds) {
        // cell moves, swaps and Hamiltonian trajectories evaluate whole small cells; NeighbourList.build
        // takes the direct pairs up to 32 atoms, and up to 64 when the cutoff exceeds half a cell width
        System.out.println("| small cell, one thread | atoms | neighbour list by cell lists, µs | by NeighbourList.build, µs | speed-up |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int[] r : new int[][] {{2, 2, 1}, {2, 2, 2}, {2, 2, 4}, {2, 4, 4}}) {
            listBuild("LJ Ar liquid-like (fcc rattled 0.3 Å), r_c 3σ", lj3,
                    Crystals.fcc(Element.Ar, 5.5).repeat(r[0], r[1], r[2]).rattled(0.3, new SplittableRandom(3)), seconds);
        }
        for (int[] r : new int[][] {{2, 1, 1}, {2, 2, 1}, {2, 2, 2}, {4, 2, 2}}) {
            listBuild("SW Si disordered (diamond rattled 0.4 Å)", sw,
                    Crystals.diamond(Element.Si, 5.431).repeat(r[0], r[1], r[2]).rattled(0.4, new SplittableRandom(2)),
                    seconds);
        }
        System.out.println();
    }

    private static void mixesTable(StillingerWeber sw, double seconds) {
        MoveMix atoms = MoveMix.defaults();
        MoveMix hmc = atoms.with(MoveKind.ATOM_SWEEP, 0).withHamiltonian(8, 8, 3000);
        System.out.println("| move mix (L = 32, K = 128, P = 8, one thread) | NS iterations/s, SW Si64 |");
        System.out.println("|---|---:|");
        System.out.printf(Locale.ROOT, "| atom=8, volume=1, shear=1, stretch=1 | %.1f |%n", iterations(sw, 1, 32, seconds, atoms));
        System.out.printf(Locale.ROOT, "| hmc=8 (8 steps), volume=1, shear=1, stretch=1 | %.1f |%n",
                iterations(sw, 1, 32, seconds, hmc));
    }

    private static void listBuild(String name, Potential p, Structure s, double seconds) {
        boolean full = p.needsFullList();
        LongSupplier cells = () -> {
            NeighbourList.buildWithCellLists(s, p.cutoff(), full, 1);
            return 1;
        };
        LongSupplier direct = () -> {
            NeighbourList.build(s, p.cutoff(), full);
            return 1;
        };
        // both compiled before either is timed: a first-timed builder would carry the JIT's work
        rate(seconds, cells);
        rate(seconds, direct);
        double c = rate(seconds, cells);
        double d = rate(seconds, direct);
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.2f |%n", name, s.size(), 1e6 / c, 1e6 / d, d / c);
    }

    /** One trajectory of the given steps from a fresh engine, with 1 fs steps at about 1700 K; returns its steps. */
    private static long trajectory(Potential p, Structure s, int steps) {
        MdSystem system = MdSystem.of(s);
        double[] v = Velocities.maxwellBoltzmann(system, 1700, 3);
        MolecularDynamics md = MolecularDynamics.create(p, system, MdSettings.nve(1.0, 0).withSkin(0.5),
                MolecularDynamics.initialState(s, v), 1);
        md.run(steps);
        return steps;
    }

    private static void moves(String name, Potential p, Structure s, double seconds) {
        Structure start = s.rattled(0.05, new SplittableRandom(1));
        double local = rate(seconds, () -> localMoves(p, start, 2000));
        double full = rate(seconds, () -> fullMoves(p, start, Math.max(20, 20_000 / s.size())));
        System.out.printf(Locale.ROOT, "| %s | %d | %.3g | %.3g | %.0f |%n", name, s.size(), local, full, local / full);
    }

    /** Moves per second: repeats the task (which returns its move count) for about the given time, after a warm-up. */
    private static double rate(double seconds, LongSupplier task) {
        long end = System.nanoTime() + (long) (seconds * 0.3e9);
        while (System.nanoTime() < end) {
            task.getAsLong();
        }
        long moves = 0;
        long t0 = System.nanoTime();
        end = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            moves += task.getAsLong();
        }
        return moves / ((System.nanoTime() - t0) / 1e9);
    }

    private static long localMoves(Potential p, Structure s, int count) {
        LocalMoves t = ((LocalEnergy) p).track(s).orElseThrow();
        SplittableRandom rng = new SplittableRandom(7);
        for (int m = 0; m < count; m++) {
            int i = rng.nextInt(s.size());
            double de = t.trial(i, t.position(i, 0) + 0.1 * rng.nextGaussian(), t.position(i, 1) + 0.1 * rng.nextGaussian(),
                    t.position(i, 2) + 0.1 * rng.nextGaussian());
            if (de < 0.05) {
                t.accept();
            }
        }
        return count;
    }

    private static long fullMoves(Potential p, Structure s, int count) {
        double[] x = s.positions();
        double e = p.compute(s).energy();
        SplittableRandom rng = new SplittableRandom(7);
        for (int m = 0; m < count; m++) {
            int i = rng.nextInt(s.size());
            double[] trial = x.clone();
            for (int k = 0; k < 3; k++) {
                trial[3 * i + k] += 0.1 * rng.nextGaussian();
            }
            double et = p.compute(s.withPositions(trial)).energy();
            if (et - e < 0.05) {
                x = trial;
                e = et;
            }
        }
        return count;
    }

    private static double iterations(Potential p, int threads, int walkLength, double seconds) {
        return iterations(p, threads, walkLength, seconds, MoveMix.defaults());
    }

    private static double iterations(Potential p, int threads, int walkLength, double seconds, MoveMix moves) {
        int n = 64;
        int[] z = new int[n];
        Arrays.fill(z, Element.Si.number());
        NsSettings settings = NsSettings.builder(new Container.VariableCell(2 * Math.pow(p.cutoff(), 3) * n, 0.8))
                .walkers(128).parallelWalks(8).walkLength(walkLength).iterations(Long.MAX_VALUE).seed(1).pressure(0)
                .moves(moves).build();
        try (NestedSampling ns = NestedSampling.start(p, z, settings, threads)) {
            for (int i = 0; i < 300; i++) {
                ns.iterate();
            }
            long t0 = System.nanoTime();
            long done = 0;
            while (System.nanoTime() - t0 < seconds * 1e9) {
                ns.iterate();
                done++;
            }
            return done / ((System.nanoTime() - t0) / 1e9);
        }
    }
}
