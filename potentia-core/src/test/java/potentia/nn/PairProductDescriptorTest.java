package potentia.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.descriptor.Descriptor;
import potentia.neighbour.NeighbourList;
import potentia.potential.NumericalDerivatives;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.potential.Tally;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.FiniteDifference;
import potentia.testing.RandomStructures;

/** The test stand-in's own derivatives against central differences: it must be right to test with. */
class PairProductDescriptorTest {
    static final List<Element> SPECIES = List.of(Element.Si, Element.O);

    /** E = Σ_i w_i · G_i with fixed random w: its forces and stress come from backward alone. */
    record Linear(Descriptor d, double[] w) implements Potential {
        public String name() {
            return "linear in features";
        }

        public double cutoff() {
            return d.cutoff();
        }

        public boolean needsFullList() {
            return true;
        }

        public Set<Property> supported() {
            return EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS);
        }

        public Result compute(Structure s, NeighbourList nl, Set<Property> requested) {
            int n = s.size();
            double[] g = new double[n * d.featureCount()];
            d.features(s, nl, 0, n, g);
            Tally t = new Tally(n, false);
            for (int k = 0; k < g.length; k++) {
                t.energy += w[k] * g[k];
            }
            d.backward(s, nl, w, 0, n, t);
            return Tally.reduce(new Tally[] {t}, s.cell().volume());
        }
    }

    static Structure smallTriclinic(long seed, int atoms, boolean[] pbc) {
        SplittableRandom rng = new SplittableRandom(seed);
        return RandomStructures.randomAtoms(rng, RandomStructures.randomCell(rng, 3.2, 4.2, 0.25, pbc), atoms, SPECIES,
                1.2);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void backwardGivesForcesAndStressOfCentralDifferences(int seed) {
        Structure s = smallTriclinic(seed, 4, new boolean[] {true, true, seed != 3});
        PairProductDescriptor d = new PairProductDescriptor(4.5, SPECIES, 4);
        SplittableRandom rng = new SplittableRandom(seed + 100);
        double[] w = new double[s.size() * d.featureCount()];
        for (int k = 0; k < w.length; k++) {
            w[k] = rng.nextGaussian();
        }
        Linear p = new Linear(d, w);
        FiniteDifference.assertForces(p, s, 1e-5, 1e-6, 1e-9);
        FiniteDifference.assertStress(p, s, 1e-6, 1e-6, 1e-9);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void tangentIsTheDirectionalDerivativeUnderDisplacementAndStrain(int seed) {
        Structure s = smallTriclinic(seed, 5, new boolean[] {true, true, true});
        PairProductDescriptor d = new PairProductDescriptor(4.5, SPECIES, 3);
        SplittableRandom rng = new SplittableRandom(seed + 200);
        int n = s.size();
        double[] v = new double[3 * n];
        for (int k = 0; k < v.length; k++) {
            v[k] = rng.nextGaussian();
        }
        double[] eps = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b <= a; b++) {
                eps[3 * a + b] = eps[3 * b + a] = 0.3 * rng.nextGaussian();
            }
        }
        double[] tangent = new double[n * d.featureCount()];
        d.tangent(s, NeighbourList.build(s, d.cutoff(), true), v, eps, 0, n, tangent);
        double t = 1e-6;
        double[] gp = features(d, moved(s, v, eps, t));
        double[] gm = features(d, moved(s, v, eps, -t));
        for (int k = 0; k < tangent.length; k++) {
            double fd = (gp[k] - gm[k]) / (2 * t);
            assertEquals(fd, tangent[k], 1e-6 * Math.max(1, Math.abs(fd)), "feature entry " + k);
        }
    }

    private static Structure moved(Structure s, double[] v, double[] eps, double t) {
        double[] x = s.positions();
        for (int k = 0; k < x.length; k++) {
            x[k] += t * v[k];
        }
        double[] e = eps.clone();
        for (int k = 0; k < 9; k++) {
            e[k] *= t;
        }
        return NumericalDerivatives.strained(s.withPositions(x), e);
    }

    private static double[] features(Descriptor d, Structure s) {
        double[] g = new double[s.size() * d.featureCount()];
        d.features(s, NeighbourList.build(s, d.cutoff(), true), 0, s.size(), g);
        return g;
    }
}
