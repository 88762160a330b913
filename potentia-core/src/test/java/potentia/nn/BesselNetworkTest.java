package potentia.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.descriptor.BesselDescriptor;
import potentia.potential.Result;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.InfoValue;
import potentia.structure.Structure;
import potentia.testing.FiniteDifference;
import potentia.testing.RandomStructures;

/** The network potential on the real spherical Bessel descriptor: derivatives, committee, model files. */
class BesselNetworkTest {
    private static final List<Element> STO = List.of(Element.Sr, Element.Ti, Element.O);

    @TempDir
    Path dir;

    private static NetworkModel model(List<Element> species, double cutoff, int nMax, int members, long seed,
            List<Structure> data) {
        return new ModelInit(new DescriptorSpec.Bessel(cutoff, nMax, species), List.of(12, 8), 1.0, true, members,
                seed).build(data, 1);
    }

    private static Structure smallTriclinic(long seed, int atoms, List<Element> species) {
        SplittableRandom rng = new SplittableRandom(seed);
        return RandomStructures.randomAtoms(rng,
                RandomStructures.randomCell(rng, 3.3, 4.3, 0.25, new boolean[] {true, true, true}), atoms, species, 1.4);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void multiSpeciesForcesAndStressMatchCentralDifferences(int seed) {
        // cells of 3.3–4.3 Å under a 4.5 Å cutoff: atoms see their own images
        Structure s = smallTriclinic(seed, 5, STO);
        NeuralNetworkPotential p = NeuralNetworkPotential.of(model(STO, 4.5, 3, 2, seed, List.of(s)));
        FiniteDifference.assertForces(p, s, 1e-5, 1e-6, 1e-9);
        FiniteDifference.assertStress(p, s, 1e-6, 1e-6, 1e-9);
    }

    @Test
    void siliconForcesAndStressMatchCentralDifferences() {
        Structure s = Crystals.diamond(Element.Si, 5.43).rattled(0.15, new SplittableRandom(3));
        NeuralNetworkPotential p = NeuralNetworkPotential.of(model(List.of(Element.Si), 5.0, 5, 1, 3, List.of(s)));
        FiniteDifference.assertForces(p, s, 1e-5, 1e-6, 1e-9);
        FiniteDifference.assertStress(p, s, 1e-6, 1e-6, 1e-9);
    }

    @Test
    void theSpecBuildsTheBesselDescriptor() {
        DescriptorSpec.Bessel spec = new DescriptorSpec.Bessel(5.0, 5, STO);
        BesselDescriptor d = assertInstanceOf(BesselDescriptor.class, spec.build());
        assertEquals(spec.featureCount(), d.featureCount());
        assertEquals(6 * 21, d.featureCount());
        assertEquals(5.0, d.cutoff());
        assertEquals(STO, d.species());
    }

    @Test
    void aModelFileRebuildsItsDescriptorAndPredictsBitForBit() {
        Structure s = smallTriclinic(7, 6, STO).withInfo("energy", new InfoValue.Real(-40.0));
        NetworkModel m = model(STO, 4.5, 3, 3, 7, List.of(s));
        Path file = dir.resolve("sto.potentia");
        ModelFile.write(file, m);
        NetworkModel back = ModelFile.read(file);
        assertInstanceOf(BesselDescriptor.class, back.descriptor());
        Result a = NeuralNetworkPotential.of(m).compute(s);
        Result b = NeuralNetworkPotential.of(back).withThreads(1).compute(s);
        assertEquals(a.energy(), b.energy(), 0);
        assertArrayEquals(a.forces(), b.forces(), 0);
        assertArrayEquals(a.virial(), b.virial(), 0);
        assertArrayEquals(a.forcesStd(), b.forcesStd(), 0);
        assertTrue(a.energyStd() > 0);
    }

    @Test
    void committeeSpreadsAreThoseOfTheMembersWithTheSharedBackwardToo() {
        Structure s = smallTriclinic(9, 6, STO);
        NeuralNetworkPotential committee = NeuralNetworkPotential.of(model(STO, 4.5, 3, 3, 9, List.of(s)));
        Result shared = committee.compute(s);
        Result oneByOne = committee.withSharedGradientBytes(0).compute(s);
        assertArrayEquals(oneByOne.forcesStd(), shared.forcesStd(), 1e-12);
        assertArrayEquals(oneByOne.stressStd(), shared.stressStd(), 1e-12);
        double[][] f = new double[3][];
        for (int k = 0; k < 3; k++) {
            f[k] = committee.member(k).compute(s).forces();
        }
        double[] fs = shared.forcesStd();
        for (int c = 0; c < fs.length; c++) {
            double m = (f[0][c] + f[1][c] + f[2][c]) / 3;
            double v = 0;
            for (double[] fk : f) {
                v += (fk[c] - m) * (fk[c] - m);
            }
            org.junit.jupiter.api.Assertions.assertEquals(Math.sqrt(v / 3), fs[c], 1e-10, "component " + c);
        }
    }
}
