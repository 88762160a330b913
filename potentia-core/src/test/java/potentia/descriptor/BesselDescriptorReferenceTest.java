package potentia.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.neighbour.NeighbourList;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

/** Descriptor values against published and independent references. */
class BesselDescriptorReferenceTest {

    /** NeuralIL's own check (SCIENCE.md §1): one centre, four neighbours, n_max 4, r_c 3.7711 Å. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void reproducesNeuralIlTestVector(boolean exact) {
        double[] x = {
            0, 0, 0,
            1.3681827, -1.3103517, -1.3131874,
            -1.5151760, 1.3360077, -1.3477119,
            -1.3989598, -1.2973683, 1.3679189,
            1.2279369, 1.3400378, 1.4797429};
        Structure s = Structure.of(List.of(Element.Si, Element.Si, Element.Si, Element.Si, Element.Si), x, Cell.NONE);
        BesselDescriptor d = exact ? BesselDescriptor.exact(3.7711, 4, List.of(Element.Si))
                : new BesselDescriptor(3.7711, 4, List.of(Element.Si));
        double[] expected = {
            0.031871, 0.138079, 0.099814, 0.000580, 0.106035,
            0.000416, 0.000514, 0.002311, 0.003456,
            0.002641, 0.001099, 0.005239,
            0.654837, 0.367765,
            0.483945};
        assertEquals(expected.length, d.featureCount());
        double[] out = new double[s.size() * d.featureCount()];
        d.features(s, NeighbourList.build(s, 3.7711, true), 0, 1, out);
        for (int f = 0; f < expected.length; f++) {
            assertEquals(expected[f], out[f], 5e-7, d.featureLabels().get(f));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void reproducesTheGoldenFile(boolean exact) throws IOException {
        Path file = RandomStructures.shared().resolve("reference/sb_descriptors_golden.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(Files.readString(file));
        double rc = (Double) root.get("r_c");
        int nMax = ((Double) root.get("n_max")).intValue();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> structures = (List<Map<String, Object>>) root.get("structures");
        assertEquals(3, structures.size());
        for (Map<String, Object> entry : structures) {
            String name = (String) entry.get("name");
            List<Element> species = new ArrayList<>();
            for (Object o : (List<?>) entry.get("species_order")) {
                species.add(Element.of((String) o));
            }
            BesselDescriptor d = exact ? BesselDescriptor.exact(rc, nMax, species) : new BesselDescriptor(rc, nMax, species);
            // the file's labels [b, c, l, n] name our features in our order
            List<?> labels = (List<?>) entry.get("feature_labels");
            assertEquals(labels.size(), d.featureCount(), name);
            for (int f = 0; f < labels.size(); f++) {
                List<?> lab = (List<?>) labels.get(f);
                String ours = lab.get(0) + "-" + lab.get(1) + " l=" + ((Double) lab.get(2)).intValue() + " n="
                        + ((Double) lab.get(3)).intValue();
                assertEquals(ours, d.featureLabels().get(f), name + " feature " + f);
            }
            Structure s = structure(entry);
            NeighbourList list = NeighbourList.build(s, rc, true);
            double[] out = new double[s.size() * d.featureCount()];
            d.features(s, list, 0, s.size(), out);
            List<?> expected = (List<?>) entry.get("descriptors");
            List<?> counts = (List<?>) entry.get("n_neighbours");
            double worst = 0;
            for (int i = 0; i < s.size(); i++) {
                assertEquals(((Double) counts.get(i)).intValue(), d.jacobian(s, list, i).pairCount(), name + " neighbours of " + i);
                List<?> row = (List<?>) expected.get(i);
                for (int f = 0; f < d.featureCount(); f++) {
                    double e = (Double) row.get(f);
                    double got = out[i * d.featureCount() + f];
                    worst = Math.max(worst, Math.abs(got - e) / Math.max(1, Math.abs(e)));
                    assertEquals(e, got, 1e-12 * Math.max(1, Math.abs(e)), name + " atom " + i + " " + d.featureLabels().get(f));
                }
            }
            System.out.printf("golden %s (%s radial): worst deviation %.2e%n", name, exact ? "exact" : "tabulated", worst);
        }
    }

    private static Structure structure(Map<String, Object> entry) {
        List<?> cellRows = (List<?>) entry.get("cell");
        double[] h = new double[9];
        for (int r = 0; r < 3; r++) {
            List<?> row = (List<?>) cellRows.get(r);
            for (int c = 0; c < 3; c++) {
                h[3 * r + c] = (Double) row.get(c);
            }
        }
        List<?> symbols = (List<?>) entry.get("symbols");
        List<?> pos = (List<?>) entry.get("positions");
        double[] x = new double[3 * symbols.size()];
        List<Element> el = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            el.add(Element.of((String) symbols.get(i)));
            List<?> p = (List<?>) pos.get(i);
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] = (Double) p.get(k);
            }
        }
        return Structure.of(el, x, Cell.periodic(h));
    }

    /** Y_lm route (tabulated and exact radial functions) against Legendre pair sums. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void fastRouteAgreesWithLegendrePairSums(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Element> species = List.of(Element.O, Element.Sr, Element.Ti);
        boolean small = seed % 2 == 0;
        // small triclinic cells: every atom sees its own images and several images of each neighbour
        Cell cell = small ? RandomStructures.randomCell(rng, 2.6, 3.6, 0.25, new boolean[] {true, true, true})
                : RandomStructures.randomCell(rng, 5.0, 7.0, 0.2, new boolean[] {true, true, seed % 3 != 0});
        Structure s = RandomStructures.randomAtoms(rng, cell, small ? 3 : 10, species, 1.3);
        double rc = 3.5 + rng.nextDouble();
        int nMax = 3 + rng.nextInt(3);
        LegendrePairReference reference = new LegendrePairReference(rc, nMax, species);
        NeighbourList list = NeighbourList.build(s, rc + 0.3, true);
        double[] expected = reference.features(s, list);
        for (BesselDescriptor d : List.of(BesselDescriptor.exact(rc, nMax, species), new BesselDescriptor(rc, nMax, species))) {
            double[] got = new double[expected.length];
            d.features(s, list, 0, s.size(), got);
            double scale = 0;
            for (double v : expected) {
                scale = Math.max(scale, Math.abs(v));
            }
            assertTrue(scale > 0.1, "features are not trivially small");
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], got[k], 1e-10 * Math.max(1, scale),
                        "atom " + k / d.featureCount() + " " + d.featureLabels().get(k % d.featureCount()));
            }
        }
    }

    @Test
    void featureIndexFollowsTheLabels() {
        BesselDescriptor d = new BesselDescriptor(4.0, 3, List.of(Element.O, Element.Sr, Element.Ti));
        assertEquals(6 * 10, d.featureCount());
        assertEquals("Sr-Ti l=2 n=3", d.featureLabels().get(d.featureIndex(1, 2, 2, 3)));
        assertEquals("O-O l=0 n=0", d.featureLabels().get(0));
        assertEquals("Ti-Ti l=3 n=3", d.featureLabels().get(d.featureCount() - 1));
    }
}
