package potentia.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import potentia.neighbour.NeighbourList;
import potentia.potential.Property;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * Stillinger-Weber energy + forces against LAMMPS's {@code pair_style sw}, on the same structure
 * in the same run: diamond Si (a = 5.431 Å) rattled by 0.05 Å (seed 1), about N atoms.
 *
 * <p>Both sides time the force computation alone with a neighbour list built once with the same
 * skin: Potentia after ≥ 2 s of warm-up, the best of 7 rounds; LAMMPS its own "Pair" time over a
 * short NVE run with neighbour rebuilds off, on as many MPI ranks as Potentia has threads (the
 * Debian build has no OpenMP styles). Reports atom-steps/s and the ratio Potentia/LAMMPS.
 */
public final class SwBench {
    private static final Set<Property> ENERGY_FORCES = EnumSet.of(Property.ENERGY, Property.FORCES);

    private SwBench() {
    }

    public static void main(String[] args) throws Exception {
        int target = 100_000;
        List<Integer> threads = new ArrayList<>(List.of(1, 2));
        double skin = 1.0;
        int lammpsSteps = 20;
        boolean peer = true;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--atoms" -> target = Integer.parseInt(args[++a]);
                case "--threads" -> {
                    threads.clear();
                    for (String t : args[++a].split(",")) {
                        threads.add(Integer.parseInt(t.trim()));
                    }
                }
                case "--skin" -> skin = Double.parseDouble(args[++a]);
                case "--lammps-steps" -> lammpsSteps = Integer.parseInt(args[++a]);
                case "--no-peer" -> peer = false;
                case "-h", "--help" -> {
                    System.out.println("bin/bench sw [--atoms 100000] [--threads 1,2] [--skin 1.0 (Å)] "
                            + "[--lammps-steps 20] [--no-peer]");
                    return;
                }
                default -> throw new IllegalArgumentException("sw bench: unknown option '" + args[a] + "'");
            }
        }
        int cells = Math.max(1, (int) Math.round(Math.cbrt(target / 8.0)));
        Structure s = Crystals.diamond(Element.Si, 5.431).repeat(cells, cells, cells).rattled(0.05, new SplittableRandom(1));
        StillingerWeber sw = StillingerWeber.silicon();
        NeighbourList list = NeighbourList.build(s, sw.cutoff() + skin, true);
        LammpsPeer lammps = peer ? LammpsPeer.findOrNull() : null;
        System.out.printf(Locale.ROOT, "# SW Si: diamond %d^3 cells rattled 0.05 Å, %d atoms; full list, cutoff %.4f + skin %.2f Å, %d pairs%n",
                cells, s.size(), sw.cutoff(), skin, list.pairCount());
        System.out.printf(Locale.ROOT, "# peer: %s%n", lammps == null ? "none (lmp not found or --no-peer)"
                : "LAMMPS pair_style sw (Si.sw), " + lammpsSteps + " NVE steps, Pair time");
        double energy = sw.compute(s, list, ENERGY_FORCES).energy();
        System.out.println();
        System.out.println("| threads | Potentia atom-steps/s | LAMMPS atom-steps/s (MPI ranks) | Potentia / LAMMPS |");
        System.out.println("|---:|---:|---:|---:|");
        for (int n : threads) {
            double seconds = time(sw.withThreads(n), s, list);
            double ours = s.size() / seconds;
            String theirs = "";
            String ratio = "";
            if (lammps != null) {
                LammpsPeer.Timing t = lammps.run(s, "sw", "* * /usr/share/lammps/potentials/Si.sw Si", skin,
                        lammpsSteps, n);
                if (Math.abs(t.initialEnergy() - energy) > 1e-6 * Math.abs(energy)) {
                    throw new IllegalStateException("LAMMPS computes another energy: " + t.initialEnergy()
                            + " eV vs " + energy + " eV — not the same system");
                }
                theirs = String.format(Locale.ROOT, "%.3g", t.pairAtomStepsPerSecond());
                ratio = String.format(Locale.ROOT, "%.2f×", ours / t.pairAtomStepsPerSecond());
            }
            System.out.printf(Locale.ROOT, "| %d | %.3g | %s | %s |%n", n, ours, theirs, ratio);
        }
        System.out.printf(Locale.ROOT, "%n# energy %.10f eV (%.10f eV/atom)%s%n", energy, energy / s.size(),
                lammps != null ? ", LAMMPS agrees to 1e-6" : "");
    }

    /** Seconds per evaluation: the best of 7 rounds after ≥ 2 s of warm-up. */
    private static double time(StillingerWeber sw, Structure s, NeighbourList list) {
        double sink = 0;
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        int evaluations = 0;
        while (System.nanoTime() < warmEnd) {
            sink += sw.compute(s, list, ENERGY_FORCES).energy();
            evaluations++;
        }
        int perRound = Math.max(1, evaluations / 5); // rounds of about 0.4 s
        double best = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 7; round++) {
            long start = System.nanoTime();
            for (int k = 0; k < perRound; k++) {
                sink += sw.compute(s, list, ENERGY_FORCES).energy();
            }
            best = Math.min(best, (System.nanoTime() - start) * 1e-9 / perRound);
        }
        if (sink == 42) {
            System.out.println(); // keeps the results alive
        }
        return best;
    }
}
