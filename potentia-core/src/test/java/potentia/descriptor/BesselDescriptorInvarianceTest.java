package potentia.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static potentia.descriptor.DescriptorFixtures.SPECIES;
import static potentia.descriptor.DescriptorFixtures.features;
import static potentia.descriptor.DescriptorFixtures.maxAbs;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.neighbour.NeighbourList;
import potentia.potential.Tally;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.Symmetry;

/** Symmetries of the descriptor, its behaviour at the cutoff, and its input checks. */
class BesselDescriptorInvarianceTest {
    private static final double RC = 4.5;
    private final BesselDescriptor d = new BesselDescriptor(RC, 5, SPECIES);

    private double[] of(Structure s) {
        return features(d, s, NeighbourList.build(s, RC, true));
    }

    private static void assertClose(double[] expected, double[] got, double tol, String what) {
        double scale = Math.max(1, maxAbs(expected));
        assertTrue(maxAbs(expected) > 1e-3, what + ": features are not trivially zero");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], got[k], tol * scale, what + " at entry " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void invariantUnderRotationAndTranslation(long seed) {
        Structure s = DescriptorFixtures.random(seed);
        SplittableRandom rng = new SplittableRandom(seed + 10);
        double[] reference = of(s);
        assertClose(reference, of(Symmetry.rotate(s, Symmetry.randomRotation(rng))), 1e-12, "rotation");
        double[] shift = {rng.nextGaussian() * 3, rng.nextGaussian() * 3, rng.nextGaussian() * 3};
        assertClose(reference, of(Symmetry.translate(s, shift)), 1e-12, "translation");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 3, 5})
    void permutingAtomsPermutesTheirFeatures(long seed) {
        Structure s = DescriptorFixtures.random(seed);
        int[] perm = Symmetry.randomPermutation(new SplittableRandom(seed + 20), s.size());
        double[] permuted = of(Symmetry.permute(s, perm));
        assertClose(Symmetry.permuteRows(of(s), perm, d.featureCount()), permuted, 1e-12, "permutation");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void choiceOfPeriodicImageChangesNothing(long seed) {
        Structure s = DescriptorFixtures.random(seed);
        double[] h = s.cell().matrix();
        double[] x = s.positions();
        SplittableRandom rng = new SplittableRandom(seed + 30);
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < 3; k++) {
                if (s.cell().periodic(k)) {
                    int n = rng.nextInt(5) - 2;
                    x[3 * i] += n * h[3 * k];
                    x[3 * i + 1] += n * h[3 * k + 1];
                    x[3 * i + 2] += n * h[3 * k + 2];
                }
            }
        }
        assertClose(of(s), of(s.withPositions(x)), 1e-12, "re-imaged atoms");
    }

    @Test
    void sameSpeciesOrderedDifferentlyRelabelsThePairs() {
        // species order defines the pairs: (O, Sr) swapped gives the same numbers under other labels
        Structure s = DescriptorFixtures.random(7);
        BesselDescriptor ab = new BesselDescriptor(RC, 3, List.of(Element.O, Element.Si, Element.Sr));
        BesselDescriptor ba = new BesselDescriptor(RC, 3, List.of(Element.Sr, Element.Si, Element.O));
        double[] gab = features(ab, s, NeighbourList.build(s, RC, true));
        double[] gba = features(ba, s, NeighbourList.build(s, RC, true));
        int nf = ab.featureCount();
        for (int i = 0; i < s.size(); i++) {
            for (int f = 0; f < nf; f++) {
                String[] label = ab.featureLabels().get(f).split("[- ]");
                String swapped = label[1] + "-" + label[0] + " " + label[2] + " " + label[3];
                int g = ba.featureLabels().indexOf(swapped);
                assertTrue(g >= 0, swapped);
                assertEquals(gab[i * nf + f], gba[i * nf + g], 1e-13, ab.featureLabels().get(f));
            }
        }
    }

    /**
     * A neighbour crossing r_c: its contribution and its gradient vanish (g and g' are 0 at r_c),
     * so the features jump by O(δ²) and the Jacobian by O(δ) when it sits δ inside.
     */
    @Test
    void neighbourCrossingTheCutoffChangesFeaturesContinuously() {
        double[] dir = {0.48, -0.6, 0.64};
        double[] jumps = new double[2];
        double[] slopes = new double[2];
        double[] deltas = {1e-2, 1e-3};
        for (int c = 0; c < 2; c++) {
            double inside = RC - deltas[c];
            double outside = RC + deltas[c];
            double[] gin = centreFeatures(inside, dir);
            double[] gout = centreFeatures(outside, dir);
            double jump = 0;
            for (int f = 0; f < gin.length; f++) {
                jump = Math.max(jump, Math.abs(gin[f] - gout[f]));
            }
            jumps[c] = jump;
            Structure s = crossing(inside, dir);
            CentreJacobian jac = d.jacobian(s, NeighbourList.build(s, RC, true), 0);
            slopes[c] = maxAbs(jac.atomDerivatives(3));
        }
        assertTrue(jumps[0] > 0 && slopes[0] > 0, "the crossing neighbour contributes inside r_c");
        assertTrue(jumps[1] < 0.02 * jumps[0], "feature jump should shrink like δ²: " + jumps[0] + " → " + jumps[1]);
        assertTrue(slopes[1] < 0.2 * slopes[0], "gradient should shrink like δ: " + slopes[0] + " → " + slopes[1]);
        assertTrue(jumps[1] < 1e-5 && slopes[1] < 1e-2, "jump " + jumps[1] + ", gradient " + slopes[1]);
    }

    private double[] centreFeatures(double distance, double[] dir) {
        Structure s = crossing(distance, dir);
        double[] all = features(d, s, NeighbourList.build(s, RC + 0.1, true));
        return java.util.Arrays.copyOf(all, d.featureCount());
    }

    /** A cluster: centre O at the origin, two neighbours inside, and an Sr at {@code distance} along dir. */
    private static Structure crossing(double distance, double[] dir) {
        double[] x = {0, 0, 0, 1.9, 0.3, -0.2, -0.4, 2.1, 1.0, distance * dir[0], distance * dir[1], distance * dir[2]};
        return Structure.of(List.of(Element.O, Element.Si, Element.Sr, Element.Sr), x, Cell.NONE);
    }

    @Test
    void refusesUnknownElementsHalfListsAndShortListsNamingTheProblem() {
        Structure s = Structure.of(List.of(Element.O, Element.Ti), new double[] {0, 0, 0, 1.8, 0, 0}, Cell.NONE);
        NeighbourList full = NeighbourList.build(s, RC, true);
        double[] out = new double[2 * d.featureCount()];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.features(s, full, 0, 1, out));
        assertTrue(e.getMessage().contains("Ti"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.backward(s, full, out, 1, 2, new Tally(2, false)));
        assertTrue(e.getMessage().contains("Ti"), e.getMessage());
        Structure ok = Structure.of(List.of(Element.O, Element.Sr), new double[] {0, 0, 0, 1.8, 0, 0}, Cell.NONE);
        e = assertThrows(IllegalArgumentException.class,
                () -> d.features(ok, NeighbourList.build(ok, RC, false), 0, 2, out));
        assertTrue(e.getMessage().contains("full"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> d.features(ok, NeighbourList.build(ok, RC - 1, true), 0, 2, out));
        assertTrue(e.getMessage().contains("cutoff"), e.getMessage());
        Structure overlap = Structure.of(List.of(Element.O, Element.Sr), new double[] {1, 1, 1, 1, 1, 1}, Cell.NONE);
        e = assertThrows(IllegalArgumentException.class,
                () -> d.features(overlap, NeighbourList.build(overlap, RC, true), 0, 2, out));
        assertTrue(e.getMessage().contains("coincide"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BesselDescriptor(RC, 3, List.of(Element.O, Element.O)));
        assertThrows(IllegalArgumentException.class, () -> new BesselDescriptor(RC, 3, List.of()));
    }
}
