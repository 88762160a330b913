package potentia.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.structure.Cell;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

class RadialDistributionTest {

    /** Uniform random points: no minimum distance, every position equally likely. */
    private static Structure idealGas(SplittableRandom rng, Cell cell, int n) {
        double[] x = new double[3 * n];
        double[] h = cell.matrix();
        for (int i = 0; i < n; i++) {
            double a = rng.nextDouble();
            double b = rng.nextDouble();
            double c = rng.nextDouble();
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] = a * h[k] + b * h[3 + k] + c * h[6 + k];
            }
        }
        int[] z = new int[n];
        java.util.Arrays.fill(z, Element.Ar.number());
        return Structure.of(z, x, cell);
    }

    /**
     * An ideal gas gives g = 1 within Poisson noise, also beyond half the cell (r_max = 0.9 L,
     * counted through periodic images, below the shortest lattice vector).
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void idealGasIsOne(boolean triclinic) {
        var rng = new SplittableRandom(triclinic ? 2 : 1);
        Cell cell = triclinic ? Cell.periodic(new double[] {16, 0, 0, 3, 15, 0, -2, 2, 17}) : Cell.orthorhombic(15, 15, 15);
        int n = 400;
        int frames = 10;
        List<Structure> gas = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            gas.add(idealGas(rng, cell, n));
        }
        double shortest = Math.min(cell.lengths()[0], Math.min(cell.lengths()[1], cell.lengths()[2]));
        double rMax = 0.9 * Math.min(shortest, 15);
        Rdf rdf = RadialDistribution.of(gas, rMax, 30);
        double volume = cell.volume();
        double pooledDeviation = 0;
        double pooledWeight = 0;
        for (int k = 0; k < rdf.r().length; k++) {
            double lo = k * rdf.binWidth();
            double hi = lo + rdf.binWidth();
            double expectedPairs = 0.5 * n * (n - 1) * (4 * Math.PI / 3 * (hi * hi * hi - lo * lo * lo)) / volume * frames;
            double sigma = 1 / Math.sqrt(expectedPairs);
            assertEquals(1, rdf.total()[k], 5 * sigma, "bin " + k + " at r = " + rdf.r()[k]);
            pooledDeviation += (rdf.total()[k] - 1) * expectedPairs;
            pooledWeight += expectedPairs;
        }
        assertEquals(0, pooledDeviation / pooledWeight, 4 / Math.sqrt(pooledWeight), "pooled over bins");
    }

    /** Diamond shells: 4 at a√3/4, 12 at a/√2, 12 at a√11/4, 6 at a, 12 at a√19/4. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void diamondShellsAndCoordination(int repeat) {
        double a = 5.431;
        Structure s = Crystals.diamond(Element.Si, a).repeat(repeat, repeat, repeat);
        Rdf rdf = RadialDistribution.of(List.of(s), 6.2, 620);
        double[] shells = {a * Math.sqrt(3) / 4, a / Math.sqrt(2), a * Math.sqrt(11) / 4, a, a * Math.sqrt(19) / 4};
        int[] counts = {4, 12, 12, 6, 12};
        double cumulative = 0;
        for (int sh = 0; sh < shells.length; sh++) {
            cumulative += counts[sh];
            double between = sh + 1 < shells.length ? 0.5 * (shells[sh] + shells[sh + 1]) : 6.15;
            assertEquals(cumulative, valueAt(rdf.totalCoordination(), rdf, between), 1e-9, "coordination past shell " + sh);
            int bin = (int) (shells[sh] / rdf.binWidth());
            assertTrue(rdf.total()[bin] > 1, "peak at shell " + sh + " (r = " + shells[sh] + ")");
        }
        assertEquals(4, valueAt(rdf.coordination(SpeciesPair.parse("Si-Si")), rdf, 3.0), 1e-9, "partial Si-Si");
        for (int k = 0; k < rdf.r().length; k++) {
            double r = rdf.r()[k];
            boolean nearShell = false;
            for (double d : shells) {
                nearShell |= Math.abs(r - d) < rdf.binWidth();
            }
            if (!nearShell) {
                assertEquals(0, rdf.total()[k], 0.0, "nothing between shells, r = " + r);
            }
        }
        // the height of the first peak follows from the normalisation: 4 neighbours in one shell
        int first = (int) (shells[0] / rdf.binWidth());
        double lo = first * rdf.binWidth();
        double hi = lo + rdf.binWidth();
        double shell = 4 * Math.PI / 3 * (hi * hi * hi - lo * lo * lo);
        double expected = 4.0 / (shell * (s.size() - 1) / s.cell().volume());
        assertEquals(expected, rdf.total()[first], 1e-9 * expected);
    }

    private static double valueAt(double[] cumulative, Rdf rdf, double r) {
        return cumulative[(int) (r / rdf.binWidth()) - 1];
    }

    /** Σ over ordered pairs of w_ab g_ab equals g, with w_ab = N_a(N_b − δ_ab)/(N(N − 1)). */
    @Test
    void partialsSumToTheTotal() {
        var rng = new SplittableRandom(5);
        Cell cell = RandomStructures.randomCell(rng, 9, 11, 0.15, new boolean[] {true, true, true});
        List<Structure> frames = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            frames.add(RandomStructures.randomAtoms(rng, cell, 60, List.of(Element.Si, Element.O, Element.O), 1.5));
        }
        Rdf rdf = RadialDistribution.of(frames, 7, 70);
        assertEquals(3, rdf.partial().size(), "O-O, O-Si (canonical: lower Z first), Si-Si");
        double[] sum = new double[rdf.r().length];
        for (Structure s : frames) {
            int n = s.size();
            Map<Element, int[]> groups = SpeciesGroups.of(s.atomicNumbers());
            for (Element ea : groups.keySet()) {
                for (Element eb : groups.keySet()) {
                    int na = groups.get(ea).length;
                    int nb = groups.get(eb).length;
                    double w = (double) na * (nb - (ea == eb ? 1 : 0)) / ((double) n * (n - 1));
                    // per-frame partials: recompute for this frame alone
                    double[] g = RadialDistribution.of(List.of(s), 7, 70).partial(new SpeciesPair(ea, eb));
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] += w * g[k] / frames.size();
                    }
                }
            }
        }
        for (int k = 0; k < sum.length; k++) {
            assertEquals(rdf.total()[k], sum[k], 1e-9 * Math.max(1, rdf.total()[k]), "bin " + k);
        }
        assertTrue(rdf.total()[(int) (2.5 / rdf.binWidth())] > 0.5, "a non-trivial RDF");
    }

    /** Counts agree with an O(N²) minimum-image count when r_max is below half the cell. */
    @Test
    void countsAgreeWithBruteForceMinimumImage() {
        var rng = new SplittableRandom(9);
        Cell cell = Cell.orthorhombic(12, 13, 14);
        Structure s = RandomStructures.randomAtoms(rng, cell, 80, List.of(Element.Si, Element.Ge), 1.8);
        double rMax = 5.9;
        int bins = 59;
        Rdf rdf = RadialDistribution.of(List.of(s), rMax, bins);
        double[] perAtom = new double[bins];
        double[] x = s.positions();
        double[] edges = {12, 13, 14};
        for (int i = 0; i < s.size(); i++) {
            for (int j = 0; j < s.size(); j++) {
                if (i == j) {
                    continue;
                }
                double r2 = 0;
                for (int k = 0; k < 3; k++) {
                    double d = x[3 * j + k] - x[3 * i + k];
                    d -= edges[k] * Math.rint(d / edges[k]);
                    r2 += d * d;
                }
                double r = Math.sqrt(r2);
                if (r < rMax) {
                    perAtom[(int) (r / (rMax / bins))] += 1.0 / s.size();
                }
            }
        }
        double running = 0;
        for (int k = 0; k < bins; k++) {
            running += perAtom[k];
            assertEquals(running, rdf.totalCoordination()[k], 1e-9, "bin " + k);
        }
    }

    @Test
    void badInputIsRefused() {
        Structure cluster = Structure.of(List.of(Element.Si, Element.Si), new double[] {0, 0, 0, 2, 0, 0}, Cell.NONE);
        var e = assertThrows(IllegalArgumentException.class, () -> RadialDistribution.of(List.of(cluster), 5, 10));
        assertTrue(e.getMessage().contains("periodic along all three axes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RadialDistribution.Accumulator(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new RadialDistribution.Accumulator(5, 0));
        assertThrows(IllegalArgumentException.class, () -> SpeciesPair.parse("SiO"));
        assertThrows(IllegalArgumentException.class, () -> SpeciesPair.parse("Si-Xx"));
    }
}
