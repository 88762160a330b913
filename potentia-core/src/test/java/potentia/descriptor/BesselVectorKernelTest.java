package potentia.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static potentia.descriptor.DescriptorFixtures.SPECIES;
import static potentia.descriptor.DescriptorFixtures.gaussian;
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

/** The Vector API kernel against the scalar reference loops: same features, forces, virial and tangents. */
class BesselVectorKernelTest {

    private static void assertAgree(double[] expected, double[] got, double tol, String what) {
        double scale = Math.max(1e-300, maxAbs(expected));
        assertTrue(maxAbs(expected) > 0, what + " is not trivially zero");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], got[k], tol * scale, what + " entry " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void vectorKernelAgreesWithScalarLoops(long seed) {
        Structure s = seed == 8 ? cluster() : DescriptorFixtures.random(seed);
        double rc = 3.6 + 0.2 * seed;
        int nMax = (int) (seed % 7); // 1 … 6 and 0: the smallest spectra too
        BesselDescriptor fast = new BesselDescriptor(rc, nMax, SPECIES);
        BesselDescriptor reference = fast.scalar();
        assertTrue(fast.vectorised(), "tests run with the Vector API module, so the fast kernel is in use");
        assertFalse(reference.vectorised());
        NeighbourList list = NeighbourList.build(s, rc + 0.4, true);
        int n = s.size();
        int nf = fast.featureCount();
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = gaussian(rng, n * nf);
        double[] v = gaussian(rng, 3 * n);
        double[] strain = gaussian(rng, 9);

        double[] gf = new double[n * nf];
        double[] gr = new double[n * nf];
        fast.features(s, list, 0, n, gf);
        reference.features(s, list, 0, n, gr);
        assertAgree(gr, gf, 1e-13, "features");

        Tally tf = new Tally(n, false);
        Tally tr = new Tally(n, false);
        fast.backward(s, list, w, 0, n, tf);
        reference.backward(s, list, w, 0, n, tr);
        assertAgree(tr.forces, tf.forces, 1e-12, "forces");
        assertAgree(tr.virial, tf.virial, 1e-12, "virial");

        double[] jf = new double[n * nf];
        double[] jr = new double[n * nf];
        fast.tangent(s, list, v, strain, 0, n, jf);
        reference.tangent(s, list, v, strain, 0, n, jr);
        assertAgree(jr, jf, 1e-12, "tangent");
        fast.tangent(s, list, null, strain, 0, n, jf);
        reference.tangent(s, list, null, strain, 0, n, jr);
        assertAgree(jr, jf, 1e-12, "strain-only tangent");
    }

    /**
     * The same input gives the same bits however warm the JVM is: the first calls run
     * interpreted or in C1, later ones in C2 with vector intrinsics (a lane reduction of
     * unspecified order once made the last bit depend on which). Run alone, this class starts cold.
     */
    @Test
    void repeatedCallsGiveIdenticalBitsAsTheJitWarmsUp() {
        Structure s = DescriptorFixtures.random(2);
        BesselDescriptor d = new BesselDescriptor(4.5, 5, SPECIES);
        NeighbourList list = NeighbourList.build(s, 4.5, true);
        int n = s.size();
        double[] first = new double[n * d.featureCount()];
        d.features(s, list, 0, n, first);
        double[] w = gaussian(new SplittableRandom(3), first.length);
        Tally firstTally = new Tally(n, false);
        d.backward(s, list, w, 0, n, firstTally);
        double[] again = new double[first.length];
        for (int call = 0; call < 1000; call++) {
            d.features(s, list, 0, n, again);
            org.junit.jupiter.api.Assertions.assertArrayEquals(first, again, "features at call " + call);
        }
        for (int call = 0; call < 500; call++) {
            Tally t = new Tally(n, false);
            d.backward(s, list, w, 0, n, t);
            org.junit.jupiter.api.Assertions.assertArrayEquals(firstTally.forces, t.forces, "forces at call " + call);
        }
    }

    /** A cluster where one species has no atoms near some centres and one atom has no neighbours. */
    private static Structure cluster() {
        double[] x = {0, 0, 0, 1.5, 0.2, 0.1, -0.3, 1.7, 0.4, 0.8, -0.9, 1.9, 30, 30, 30};
        return Structure.of(List.of(Element.O, Element.O, Element.Si, Element.O, Element.Sr), x, Cell.NONE);
    }

    @Test
    void anIsolatedAtomHasZeroFeaturesAndNoForce() {
        Structure s = cluster();
        BesselDescriptor d = new BesselDescriptor(4.0, 3, SPECIES);
        NeighbourList list = NeighbourList.build(s, 4.0, true);
        double[] g = new double[s.size() * d.featureCount()];
        java.util.Arrays.fill(g, 7);
        d.features(s, list, 0, s.size(), g);
        for (int f = 0; f < d.featureCount(); f++) {
            assertEquals(0, g[4 * d.featureCount() + f], "isolated atom's feature " + f);
        }
        Tally t = new Tally(s.size(), false);
        d.backward(s, list, gaussian(new SplittableRandom(1), g.length), 0, s.size(), t);
        assertEquals(0, t.forces[12]);
        assertTrue(maxAbs(t.forces) > 0);
    }
}
