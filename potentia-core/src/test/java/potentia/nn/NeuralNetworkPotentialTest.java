package potentia.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.neighbour.NeighbourList;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.FiniteDifference;
import potentia.testing.RandomStructures;
import potentia.testing.Symmetry;

/** The network potential on the descriptor stand-in: derivatives, invariances, committees, threads. */
class NeuralNetworkPotentialTest {
    private static final List<Element> SPECIES = List.of(Element.Si, Element.O);

    private static NeuralNetworkPotential potential(int members, long seed) {
        return NeuralNetworkPotential.of(TestModels.random(SPECIES, 4.5, 2, List.of(8, 6, 4), members, seed));
    }

    private static Structure structure(long seed, int atoms, boolean[] pbc) {
        return PairProductDescriptorTest.smallTriclinic(seed, atoms, pbc);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void forcesAndStressMatchCentralDifferences(int seed) {
        // cells of 3.2–4.2 Å with a 4.5 Å cutoff: every atom sees its own images
        boolean[] pbc = seed == 4 ? new boolean[] {true, false, true} : new boolean[] {true, true, true};
        Structure s = structure(seed, 3 + seed, pbc);
        NeuralNetworkPotential p = potential(seed % 2 + 1, seed);
        FiniteDifference.assertForces(p, s, 1e-5, 1e-6, 1e-10);
        FiniteDifference.assertStress(p, s, 1e-6, 1e-6, 1e-10);
    }

    @Test
    void clusterForcesMatchCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(8);
        Structure s = RandomStructures.randomAtoms(rng, RandomStructures.randomCell(rng, 5, 6, 0.1, new boolean[3]),
                8, SPECIES, 1.3).withCell(Cell.NONE, false);
        NeuralNetworkPotential p = potential(2, 8);
        FiniteDifference.assertForces(p, s, 1e-5, 1e-6, 1e-10);
        FiniteDifference.assertStress(p, s, 1e-6, 1e-6, 1e-10);
    }

    @Test
    void invariantUnderRotationTranslationAndPermutation() {
        Structure s = structure(11, 7, new boolean[] {true, true, true});
        NeuralNetworkPotential p = potential(1, 11);
        Result r = p.compute(s);
        SplittableRandom rng = new SplittableRandom(12);
        double[] rot = Symmetry.randomRotation(rng);
        Result rr = p.compute(Symmetry.rotate(s, rot));
        assertEquals(r.energy(), rr.energy(), 1e-10 * Math.abs(r.energy()));
        assertArrayEquals(Symmetry.rotateVectors(r.forces(), rot), rr.forces(), 1e-9);
        assertArrayEquals(Symmetry.rotateTensor(r.stress(), rot), rr.stress(), 1e-10);
        Result rt = p.compute(Symmetry.translate(s, new double[] {1.3, -7.2, 0.4}));
        assertEquals(r.energy(), rt.energy(), 1e-10 * Math.abs(r.energy()));
        assertArrayEquals(r.forces(), rt.forces(), 1e-9);
        int[] perm = Symmetry.randomPermutation(rng, s.size());
        Result rp = p.compute(Symmetry.permute(s, perm));
        assertEquals(r.energy(), rp.energy(), 1e-10 * Math.abs(r.energy()));
        assertArrayEquals(Symmetry.permuteRows(r.forces(), perm, 3), rp.forces(), 1e-9);
        assertArrayEquals(Symmetry.permuteRows(r.energies(), perm, 1), rp.energies(), 1e-10);
    }

    @Test
    void perAtomEnergiesSumToTheEnergyAndForcesSumToZero() {
        Structure s = structure(13, 9, new boolean[] {true, true, true});
        Result r = potential(3, 13).compute(s);
        double sum = 0;
        for (double e : r.energies()) {
            sum += e;
        }
        assertEquals(r.energy(), sum, 1e-12 * Math.abs(r.energy()));
        double[] f = r.forces();
        for (int c = 0; c < 3; c++) {
            double t = 0;
            for (int i = 0; i < s.size(); i++) {
                t += f[3 * i + c];
            }
            assertEquals(0, t, 1e-10, "net force component " + c);
        }
    }

    @Test
    void committeeMeanAndSpreadEqualThoseOfTheMembersOneByOne() {
        Structure s = structure(14, 8, new boolean[] {true, true, true});
        int k = 4;
        NeuralNetworkPotential committee = potential(k, 14);
        Result c = committee.compute(s);
        Result[] m = new Result[k];
        for (int j = 0; j < k; j++) {
            m[j] = committee.member(j).compute(s);
            assertFalse(m[j].has(Property.ENERGY_STD), "a single member has no spread");
        }
        double[] e = new double[k];
        for (int j = 0; j < k; j++) {
            e[j] = m[j].energy();
        }
        assertEquals(mean(e), c.energy(), 1e-12 * Math.abs(c.energy()));
        assertEquals(std(e), c.energyStd(), 1e-10 * std(e));
        assertTrue(c.energyStd() > 0, "members should disagree");
        compareRows(c.forces(), c.forcesStd(), m, Result::forces);
        compareRows(c.stress(), c.stressStd(), m, Result::stress);
        compareRows(c.energies(), c.energiesStd(), m, Result::energies);
        // the averaged-gradient path (no deviations requested) gives the same means
        Result meansOnly = committee.compute(s, EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS));
        assertArrayEquals(c.forces(), meansOnly.forces(), 1e-12);
        assertArrayEquals(c.virial(), meansOnly.virial(), 1e-11);
        assertFalse(meansOnly.has(Property.FORCES_STD));
        // members back-propagated one by one (when sharing would need too much memory): same numbers
        Result oneByOne = committee.withSharedGradientBytes(0).compute(s);
        assertArrayEquals(c.forcesStd(), oneByOne.forcesStd(), 1e-12);
        assertArrayEquals(c.stressStd(), oneByOne.stressStd(), 1e-12);
        assertArrayEquals(c.forces(), oneByOne.forces(), 1e-12);
    }

    private static void compareRows(double[] mean, double[] spread, Result[] members,
            java.util.function.Function<Result, double[]> get) {
        int k = members.length;
        for (int c = 0; c < mean.length; c++) {
            double[] v = new double[k];
            for (int j = 0; j < k; j++) {
                v[j] = get.apply(members[j])[c];
            }
            assertEquals(mean(v), mean[c], 1e-12 * Math.max(1, Math.abs(mean[c])), "mean of component " + c);
            assertEquals(std(v), spread[c], 1e-9 * Math.max(1e-3, std(v)), "spread of component " + c);
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    @Test
    void threadCountsAgreeAndEachIsReproducible() {
        Structure s = RandomStructures.rattle(
                potentia.structure.Crystals.diamond(Element.Si, 5.43).repeat(2, 2, 2), new SplittableRandom(15), 0.1);
        NeuralNetworkPotential p = NeuralNetworkPotential.of(
                TestModels.random(List.of(Element.Si), 4.0, 3, List.of(16, 8), 2, 15));
        Result one = p.compute(s);
        for (int t : new int[] {2, 3, 7}) {
            Result r = p.withThreads(t).compute(s);
            assertEquals(one.energy(), r.energy(), 0, "energies are summed in atom order whatever the threads");
            assertArrayEquals(one.forces(), r.forces(), 1e-12);
            assertArrayEquals(one.forcesStd(), r.forcesStd(), 1e-12);
            assertArrayEquals(one.virial(), r.virial(), 1e-11);
            Result again = p.withThreads(t).compute(s);
            assertArrayEquals(r.forces(), again.forces(), 0, "same thread count, same bits");
        }
    }

    @Test
    void extraPairsOfAVerletSkinChangeNothing() {
        Structure s = structure(16, 6, new boolean[] {true, true, true});
        NeuralNetworkPotential p = potential(2, 16);
        Result plain = p.compute(s);
        Result skin = p.compute(s, NeighbourList.build(s, p.cutoff() + 1.0, true), p.supported());
        assertEquals(plain.energy(), skin.energy(), 1e-12 * Math.abs(plain.energy()));
        assertArrayEquals(plain.forces(), skin.forces(), 1e-12);
    }

    @Test
    void energyAloneIsTheSameEnergyAndTheContractIsChecked() {
        Structure s = structure(17, 5, new boolean[] {true, true, true});
        NeuralNetworkPotential p = potential(1, 17);
        Result e = p.compute(s, EnumSet.of(Property.ENERGY));
        assertEquals(p.compute(s).energy(), e.energy(), 0);
        assertFalse(e.has(Property.FORCES));
        assertFalse(p.supported().contains(Property.FORCES_STD), "one member has no spread to offer");
        assertTrue(potential(2, 17).supported().contains(Property.FORCES_STD));
        Structure alien = Structure.of(List.of(Element.Si, Element.C), new double[] {0, 0, 0, 1.5, 0, 0}, Cell.NONE);
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> p.compute(alien));
        assertTrue(x.getMessage().contains("element C"), x.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> p.compute(s, NeighbourList.build(s, p.cutoff(), false), EnumSet.of(Property.ENERGY)));
    }
}
