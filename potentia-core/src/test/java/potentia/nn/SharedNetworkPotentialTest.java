package potentia.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.descriptor.BesselDescriptor;
import potentia.potential.Result;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.FiniteDifference;
import potentia.testing.RandomStructures;
import potentia.testing.Symmetry;

/** The network potential with shared-network members: forces and stress by central differences, invariances, threads. */
class SharedNetworkPotentialTest {
    private static final List<Element> STO = List.of(Element.Sr, Element.Ti, Element.O);
    private static final List<Element> SI_O = List.of(Element.Si, Element.O);

    /**
     * A model on the real spherical Bessel descriptor with {@code members} shared networks whose
     * every parameter is away from its initial value (standardisation fitted on {@code data}).
     */
    private static NetworkModel besselModel(List<Element> species, double cutoff, int nMax, List<Integer> hidden,
            int embedding, boolean layerNorm, int members, long seed, List<Structure> data) {
        NetworkModel init = new ModelInit(new DescriptorSpec.Bessel(cutoff, nMax, species), hidden, 1.0, true, members,
                seed, new ModelInit.Architecture.Shared(embedding, layerNorm)).build(data, 1);
        SharedMlpShape shape = ((SharedNetwork) init.members().getFirst()).shape();
        SplittableRandom rng = new SplittableRandom(seed);
        List<AtomicModel> list = new ArrayList<>();
        for (int k = 0; k < members; k++) {
            list.add(TestModels.randomShared(species, shape, rng));
        }
        return init.withMembers(list);
    }

    private static Structure smallTriclinic(long seed, int atoms, List<Element> species) {
        SplittableRandom rng = new SplittableRandom(seed);
        return RandomStructures.randomAtoms(rng,
                RandomStructures.randomCell(rng, 3.3, 4.3, 0.25, new boolean[] {true, true, true}), atoms, species, 1.4);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void besselMultiSpeciesForcesAndStressMatchCentralDifferences(int seed) {
        // cells of 3.3–4.3 Å under a 4.5 Å cutoff: atoms see their own images
        Structure s = smallTriclinic(seed, 5, STO);
        NetworkModel m = besselModel(STO, 4.5, 3, List.of(12, 8, 6), seed, seed == 1, 2, seed, List.of(s));
        assertInstanceOf(BesselDescriptor.class, m.descriptor());
        NeuralNetworkPotential p = NeuralNetworkPotential.of(m);
        FiniteDifference.assertForces(p, s, 1e-5, 1e-6, 1e-9);
        FiniteDifference.assertStress(p, s, 1e-6, 1e-6, 1e-9);
    }

    @Test
    void besselTwoSpeciesWithEmbeddingsOfFourMatchesCentralDifferences() {
        Structure s = smallTriclinic(5, 6, SI_O);
        NeuralNetworkPotential p = NeuralNetworkPotential.of(
                besselModel(SI_O, 4.0, 4, List.of(10, 8), 4, true, 1, 5, List.of(s)));
        FiniteDifference.assertForces(p, s, 1e-5, 1e-6, 1e-9);
        FiniteDifference.assertStress(p, s, 1e-6, 1e-6, 1e-9);
    }

    @Test
    void besselSiliconMatchesCentralDifferences() {
        Structure s = Crystals.diamond(Element.Si, 5.43).rattled(0.15, new SplittableRandom(3));
        NeuralNetworkPotential p = NeuralNetworkPotential.of(
                besselModel(List.of(Element.Si), 5.0, 5, List.of(16, 8), 1, true, 1, 3, List.of(s)));
        FiniteDifference.assertForces(p, s, 1e-5, 1e-6, 1e-9);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void standInDescriptorForcesAndStressMatchCentralDifferences(int seed) {
        boolean[] pbc = seed == 3 ? new boolean[] {true, false, true} : new boolean[] {true, true, true};
        Structure s = PairProductDescriptorTest.smallTriclinic(seed, 4 + seed, pbc);
        NeuralNetworkPotential p = NeuralNetworkPotential.of(
                TestModels.randomSharedModel(SI_O, 4.5, 2, List.of(8, 6, 4), seed, seed != 2, seed % 2 + 1, seed));
        FiniteDifference.assertForces(p, s, 1e-5, 1e-6, 1e-10);
        FiniteDifference.assertStress(p, s, 1e-6, 1e-6, 1e-10);
    }

    @Test
    void invariantUnderRotationTranslationAndPermutation() {
        Structure s = smallTriclinic(11, 7, STO);
        NeuralNetworkPotential p = NeuralNetworkPotential.of(
                besselModel(STO, 4.5, 3, List.of(12, 8), 2, true, 1, 11, List.of(s)));
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
    void threadCountsAgreeAndEachIsReproducible() {
        Structure s = RandomStructures.rattle(Crystals.diamond(Element.Si, 5.43).repeat(2, 2, 2),
                new SplittableRandom(15), 0.1);
        NeuralNetworkPotential p = NeuralNetworkPotential.of(
                TestModels.randomSharedModel(List.of(Element.Si), 4.0, 3, List.of(16, 8), 2, true, 2, 15));
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
    void aMixedCommitteeAveragesItsMembers() {
        Structure s = PairProductDescriptorTest.smallTriclinic(21, 6, new boolean[] {true, true, true});
        NetworkModel shared = TestModels.randomSharedModel(SI_O, 4.5, 2, List.of(8, 6), 2, true, 1, 21);
        NetworkModel element = TestModels.random(SI_O, 4.5, 2, List.of(8, 6), 1, 22);
        NetworkModel mixed = shared.withMembers(List.of(shared.members().getFirst(), element.members().getFirst()));
        NeuralNetworkPotential p = NeuralNetworkPotential.of(mixed);
        Result c = p.compute(s);
        Result a = p.member(0).compute(s);
        Result b = p.member(1).compute(s);
        assertEquals((a.energy() + b.energy()) / 2, c.energy(), 1e-12 * Math.abs(c.energy()));
        assertEquals(Math.abs(a.energy() - b.energy()) / 2, c.energyStd(), 1e-10);
        for (int k = 0; k < c.forces().length; k++) {
            assertEquals((a.forces()[k] + b.forces()[k]) / 2, c.forces()[k], 1e-12);
        }
        assertTrue(c.energyStd() > 0);
    }
}
