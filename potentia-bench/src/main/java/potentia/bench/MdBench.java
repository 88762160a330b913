package potentia.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import potentia.md.MdSettings;
import potentia.md.MdSystem;
import potentia.md.MolecularDynamics;
import potentia.md.Velocities;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * Molecular-dynamics throughput (atom-steps per second) with Stillinger-Weber silicon against
 * LAMMPS in the same run: NVE velocity Verlet from diamond Si (a = 5.431 Å) with velocities at
 * 1000 K, a 1 fs step, a full neighbour list with a 1 Å skin rebuilt when an atom has moved half
 * of it, on both sides.
 *
 * <p>Potentia: an engine on 1 or 2 threads (potential and list builds), warmed up for ≥ 3 s and
 * ≥ 50 steps, then the best of 3 rounds of K steps, K ≥ 200 (several list rebuilds per round)
 * and about 5 s, everything included (integration, list checks and rebuilds, energy and
 * forces). LAMMPS: a run of the same K steps ({@code velocity create}, {@code fix nve}, same skin
 * and step) on as many MPI ranks as Potentia has threads, timed by its own "Loop time" (the whole
 * MD loop, set-up excluded). Both report their neighbour-list builds, to show comparable work.
 */
public final class MdBench {
    private MdBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>(List.of(10_000, 100_000));
        List<Integer> threads = new ArrayList<>(List.of(1, 2));
        boolean peer = true;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--atoms" -> sizes = parse(args[++a]);
                case "--threads" -> threads = parse(args[++a]);
                case "--no-peer" -> peer = false;
                case "-h", "--help" -> {
                    System.out.println("bin/bench md [--atoms 10000,100000] [--threads 1,2] [--no-peer]");
                    return;
                }
                default -> throw new IllegalArgumentException("md bench: unknown option '" + args[a] + "'");
            }
        }
        LammpsPeer lammps = peer ? LammpsPeer.findOrNull() : null;
        System.out.printf(Locale.ROOT, "# SW Si NVE MD, 1 fs, 1000 K start, skin 1 Å; peer: %s%n",
                lammps == null ? "none" : "LAMMPS pair_style sw (Si.sw), velocity create + fix nve, Loop time");
        System.out.println();
        System.out.println("| atoms | threads | steps | Potentia atom-steps/s (list builds) | LAMMPS atom-steps/s (list builds) "
                + "| Potentia / LAMMPS |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int target : sizes) {
            int cells = Math.max(1, (int) Math.round(Math.cbrt(target / 8.0)));
            Structure s = Crystals.diamond(Element.Si, 5.431).repeat(cells, cells, cells);
            for (int n : threads) {
                Result ours = potentia(s, n);
                String theirs = "";
                String ratio = "";
                if (lammps != null) {
                    LammpsPeer.Timing t = lammps.runMd(s, "sw", "* * /usr/share/lammps/potentials/Si.sw Si", 1.0,
                            ours.steps(), n, 1000, 1.0, 12345);
                    double rate = (double) s.size() * t.steps() / t.loopSeconds();
                    theirs = String.format(Locale.ROOT, "%.3g (%d)", rate, t.neighbourBuilds());
                    ratio = String.format(Locale.ROOT, "%.2f×", ours.rate() / rate);
                }
                System.out.printf(Locale.ROOT, "| %d | %d | %d | %.3g (%d) | %s | %s |%n", s.size(), n, ours.steps(),
                        ours.rate(), ours.builds(), theirs, ratio);
            }
        }
    }

    private record Result(int steps, double rate, int builds) {
    }

    /** Best of 3 rounds of K ≥ 200 steps (about 5 s) after ≥ 3 s and ≥ 50 steps of warm-up. */
    private static Result potentia(Structure s, int threads) {
        MdSystem system = MdSystem.of(s);
        MolecularDynamics md = MolecularDynamics.create(StillingerWeber.silicon().withThreads(threads), system,
                MdSettings.nve(1.0, 12345).withSkin(1.0),
                MolecularDynamics.initialState(s, Velocities.maxwellBoltzmann(system, 1000, 12345)), threads);
        long warmEnd = System.nanoTime() + 3_000_000_000L;
        int warmSteps = 0;
        while (System.nanoTime() < warmEnd || warmSteps < 50) {
            md.step();
            warmSteps++;
        }
        long probe = System.nanoTime();
        md.run(10);
        double perStep = (System.nanoTime() - probe) * 1e-9 / 10;
        int k = (int) Math.max(200, Math.min(5000, Math.round(5.0 / perStep)));
        double best = Double.POSITIVE_INFINITY;
        int builds = 0;
        for (int round = 0; round < 3; round++) {
            int before = md.neighbourBuilds();
            long start = System.nanoTime();
            md.run(k);
            double seconds = (System.nanoTime() - start) * 1e-9;
            if (seconds < best) {
                best = seconds;
                builds = md.neighbourBuilds() - before;
            }
        }
        return new Result(k, (double) s.size() * k / best, builds);
    }

    private static List<Integer> parse(String list) {
        List<Integer> out = new ArrayList<>();
        for (String t : list.split(",")) {
            out.add(Integer.parseInt(t.trim()));
        }
        return out;
    }
}
