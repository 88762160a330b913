package potentia.bench;

import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import potentia.neighbour.NeighbourList;
import potentia.potential.Property;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * Kernel timer for Stillinger-Weber energy + forces: a diamond Si supercell of about N atoms
 * (a = 5.431 Å, rattled by 0.05 Å, seed 1), its full neighbour list built once outside the timed
 * region, then for 1 and 2 threads: ≥ 2 s of warm-up, and the best of ≥ 5 timed rounds of
 * repeated evaluations. Reports atom-steps/s (atoms × evaluations per second).
 *
 * <p>Usage: {@code SwBench [atoms (default 100000)] [threads... (default 1 2)]}. Run it on a
 * quiet machine; other load distorts timings.
 */
public final class SwBench {
    private static final Set<Property> ENERGY_FORCES = EnumSet.of(Property.ENERGY, Property.FORCES);

    private SwBench() {
    }

    public static void main(String[] args) {
        int target = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int[] threads = {1, 2};
        if (args.length > 1) {
            threads = new int[args.length - 1];
            for (int k = 1; k < args.length; k++) {
                threads[k - 1] = Integer.parseInt(args[k]);
            }
        }
        int cells = Math.max(1, (int) Math.round(Math.cbrt(target / 8.0)));
        Structure s = rattledDiamond(5.431, cells, 0.05, new SplittableRandom(1));
        StillingerWeber sw = StillingerWeber.silicon();
        long t0 = System.nanoTime();
        NeighbourList list = NeighbourList.build(s, sw.cutoff(), true);
        System.out.printf("SW Si diamond %d^3 cells: %d atoms, %d pairs, list built in %.2f s (not timed below)%n",
                cells, s.size(), list.pairCount(), (System.nanoTime() - t0) * 1e-9);
        for (int n : threads) {
            double best = time(sw.withThreads(n), s, list);
            System.out.printf("threads %d: %.3f ms per evaluation, %.3g atom-steps/s%n", n, best * 1e3, s.size() / best);
        }
    }

    /** Diamond Si, conventional cell of edge a (Å) repeated n×n×n, coordinates displaced by N(0, sigma²) Å. */
    static Structure rattledDiamond(double a, int n, double sigma, SplittableRandom rng) {
        double[] f = {0, 0, 0, 0, .5, .5, .5, 0, .5, .5, .5, 0, .25, .25, .25, .25, .75, .75, .75, .25, .75, .75, .75, .25};
        double[] x = new double[24];
        for (int k = 0; k < 24; k++) {
            x[k] = f[k] * a;
        }
        int[] z = new int[8];
        java.util.Arrays.fill(z, Element.Si.number());
        Structure s = Structure.of(z, x, Cell.orthorhombic(a, a, a)).repeat(n, n, n);
        double[] p = s.positions();
        for (int k = 0; k < p.length; k++) {
            p[k] += sigma * rng.nextGaussian();
        }
        return s.withPositions(p);
    }

    /** Seconds per evaluation: best round after warm-up. */
    private static double time(StillingerWeber sw, Structure s, NeighbourList list) {
        double sink = 0;
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        int perRound = 0;
        long roundStart = System.nanoTime();
        while (System.nanoTime() < warmEnd) {
            sink += sw.compute(s, list, ENERGY_FORCES).energy();
            perRound++;
        }
        // rounds of ~0.4 s each (warm-up ran ~2 s)
        perRound = Math.max(1, perRound / 5);
        double best = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 7; round++) {
            roundStart = System.nanoTime();
            for (int k = 0; k < perRound; k++) {
                sink += sw.compute(s, list, ENERGY_FORCES).energy();
            }
            best = Math.min(best, (System.nanoTime() - roundStart) * 1e-9 / perRound);
        }
        if (sink == 42) {
            System.out.println(); // keeps the results alive
        }
        return best;
    }
}
