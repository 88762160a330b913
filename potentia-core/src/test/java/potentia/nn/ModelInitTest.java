package potentia.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import potentia.neighbour.NeighbourList;
import potentia.potential.SpeciesIndex;
import potentia.structure.Element;
import potentia.structure.InfoValue;
import potentia.structure.Structure;

class ModelInitTest {
    private static final List<Element> SPECIES = List.of(Element.Si, Element.O);
    private static final DescriptorSpec.Bessel SPEC = new DescriptorSpec.Bessel(4.5, 2, SPECIES);

    private static NetworkModel init(long seed, List<Structure> data) {
        return new ModelInit(SPEC, List.of(8, 4), 1.0, false, 3, seed).build(PairProductDescriptor.like(SPEC), data, 2);
    }

    @Test
    void withoutDataMembersAreRandomDistinctAndReproducible() {
        NetworkModel a = init(1, List.of());
        NetworkModel b = init(1, List.of());
        NetworkModel c = init(2, List.of());
        assertEquals(3, a.committeeSize());
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(a.members().get(k).parameters(), b.members().get(k).parameters(), 0);
            assertFalse(Arrays.equals(a.members().get(k).parameters(), c.members().get(k).parameters()));
        }
        assertFalse(Arrays.equals(a.members().get(0).parameters(), a.members().get(1).parameters()));
        assertArrayEquals(new double[2], a.referenceEnergies(), 0);
        assertTrue(Arrays.stream(a.standardisation().std()).allMatch(v -> v == 1.0));
        assertTrue(a.metadata().get("initialisation").contains("seed 1"), a.metadata().toString());
    }

    @Test
    void dataGiveUnitScaleFeaturesAndLeastSquaresReferenceEnergies() {
        double[] e0 = {-5.25, -3.5};
        List<Structure> data = new ArrayList<>();
        SpeciesIndex index = new SpeciesIndex(SPECIES);
        for (int n = 0; n < 6; n++) {
            Structure s = PairProductDescriptorTest.smallTriclinic(40 + n, 3 + n % 3, new boolean[] {true, true, true});
            double e = 0;
            for (int t : index.types(s, "test")) {
                e += e0[t];
            }
            data.add(s.withInfo("energy", new InfoValue.Real(e)));
        }
        NetworkModel m = init(3, data);
        assertArrayEquals(e0, m.referenceEnergies(), 1e-9);
        // the standardised features of the data: mean 0 and deviation 1 per element and feature
        PairProductDescriptor d = PairProductDescriptor.like(SPEC);
        int f = d.featureCount();
        double[][] sum = new double[2][f];
        double[][] sq = new double[2][f];
        int[] count = new int[2];
        for (Structure s : data) {
            int[] t = index.types(s, "test");
            double[] z = new double[s.size() * f];
            d.features(s, NeighbourList.build(s, d.cutoff(), true), 0, s.size(), z);
            m.standardisation().apply(z, t, 0, s.size());
            for (int i = 0; i < s.size(); i++) {
                count[t[i]]++;
                for (int q = 0; q < f; q++) {
                    sum[t[i]][q] += z[i * f + q];
                    sq[t[i]][q] += z[i * f + q] * z[i * f + q];
                }
            }
        }
        for (int sp = 0; sp < 2; sp++) {
            for (int q = 0; q < f; q++) {
                double mean = sum[sp][q] / count[sp];
                assertEquals(0, mean, 1e-9, SPECIES.get(sp) + " feature " + q);
                double var = sq[sp][q] / count[sp] - mean * mean;
                // constant features (cross-species sums of an element without partners) stay unscaled
                assertTrue(Math.abs(var - 1) < 1e-9 || var < 1e-18, SPECIES.get(sp) + " feature " + q + " variance " + var);
            }
        }
        assertTrue(m.metadata().get("reference_energies").startsWith("least squares"));
    }
}
