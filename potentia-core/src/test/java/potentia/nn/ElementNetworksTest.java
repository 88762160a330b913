package potentia.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import potentia.structure.Element;

/** The batched SIMD kernel against the scalar reference, and the flat parameter vector's contract. */
class ElementNetworksTest {
    private static final List<Element> SPECIES = List.of(Element.Sr, Element.Ti, Element.O);

    /** atoms, hidden widths: partial batches, several batches, widths not multiples of the register block. */
    @ParameterizedTest
    @CsvSource({"1, 64;32;16", "7, 5", "64, 64;32;16", "200, 13;7;3", "333, 64;32;16", "50, ''"})
    void vectorKernelAgreesWithScalarReference(int atoms, String hidden) {
        List<Integer> widths = hidden.isEmpty() ? List.of()
                : java.util.Arrays.stream(hidden.split(";")).map(Integer::valueOf).toList();
        SplittableRandom rng = new SplittableRandom(atoms);
        int f = 23;
        ElementNetworks nets = TestModels.randomNetworks(SPECIES, new MlpShape(f, widths), rng);
        double[] z = new double[atoms * f];
        int[] type = new int[atoms];
        for (int i = 0; i < atoms; i++) {
            type[i] = rng.nextInt(SPECIES.size());
            for (int q = 0; q < f; q++) {
                z[i * f + q] = 1.5 * rng.nextGaussian();
            }
        }
        double[] eFast = new double[atoms];
        double[] gFast = new double[atoms * f];
        double[] eRef = new double[atoms];
        double[] gRef = new double[atoms * f];
        nets.evaluate(z, type, 0, atoms, eFast, gFast);
        nets.evaluateReference(z, type, 0, atoms, eRef, gRef);
        for (int i = 0; i < atoms; i++) {
            assertEquals(eRef[i], eFast[i], 1e-12 * Math.max(1, Math.abs(eRef[i])), "energy of atom " + i);
        }
        for (int k = 0; k < gRef.length; k++) {
            assertEquals(gRef[k], gFast[k], 1e-12 * Math.max(1, Math.abs(gRef[k])), "gradient " + k);
        }
        double[] eOnly = new double[atoms];
        nets.evaluate(z, type, 0, atoms, eOnly, null);
        assertEquals(0, java.util.Arrays.compare(eFast, eOnly), "energies without gradient differ");
    }

    @Test
    void aRangeWritesOnlyItsRows() {
        SplittableRandom rng = new SplittableRandom(3);
        int f = 4;
        ElementNetworks nets = TestModels.randomNetworks(SPECIES, new MlpShape(f, List.of(5)), rng);
        int n = 30;
        double[] z = new double[n * f];
        int[] type = new int[n];
        for (int i = 0; i < n; i++) {
            type[i] = i % 3;
            z[i * f] = i;
        }
        double[] e = new double[n];
        double[] g = new double[n * f];
        java.util.Arrays.fill(e, Double.NaN);
        java.util.Arrays.fill(g, Double.NaN);
        nets.evaluate(z, type, 10, 20, e, g);
        for (int i = 0; i < n; i++) {
            boolean inside = i >= 10 && i < 20;
            assertEquals(inside, !Double.isNaN(e[i]), "atom " + i);
            assertEquals(inside, !Double.isNaN(g[i * f]), "gradient row " + i);
        }
    }

    @Test
    void elementsUseTheirOwnBlock() {
        SplittableRandom rng = new SplittableRandom(4);
        MlpShape shape = new MlpShape(3, List.of(4));
        ElementNetworks nets = TestModels.randomNetworks(SPECIES, shape, rng);
        double[] z = {0.3, -1, 2, 0.3, -1, 2, 0.3, -1, 2};
        double[] e = new double[3];
        nets.evaluate(z, new int[] {0, 1, 2}, 0, 3, e, null);
        for (int s = 0; s < 3; s++) {
            assertEquals(ScalarMlp.energy(shape, nets.parameters(), nets.offset(s), z, 0), e[s], 1e-13);
        }
        assertTrue(e[0] != e[1] && e[1] != e[2], "the three elements' networks should differ");
    }

    @Test
    void batchedParameterGradientsSumPerAtomOnes() {
        SplittableRandom rng = new SplittableRandom(5);
        MlpShape shape = new MlpShape(3, List.of(4));
        ElementNetworks nets = TestModels.randomNetworks(SPECIES, shape, rng);
        double[] z = new double[5 * 3];
        for (int k = 0; k < z.length; k++) {
            z[k] = rng.nextGaussian();
        }
        int[] type = {0, 2, 2, 1, 0};
        double[] w = {1, 2, 3, 4, 5};
        double[] total = new double[nets.parameterCount()];
        nets.parameterGradient(z, type, 0, 5, w, total);
        double[] expected = new double[nets.parameterCount()];
        for (int i = 0; i < 5; i++) {
            ScalarMlp.parameterGradient(shape, nets.parameters(), nets.offset(type[i]), z, 3 * i, w[i], expected,
                    nets.offset(type[i]));
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, total, 1e-14);
    }

    @Test
    void fixedBetasAreNotTrainableAndShapesAreChecked() {
        MlpShape shape = new MlpShape(3, List.of(4, 2));
        ElementNetworks fixed = ElementNetworks.random(SPECIES, shape, 1.0, false, new SplittableRandom(1));
        assertFalse(fixed.trainable(shape.parameterCount() + shape.betaOffset(1)));
        assertTrue(fixed.trainable(shape.parameterCount() + shape.betaOffset(1) - 1));
        ElementNetworks learnable = ElementNetworks.random(SPECIES, shape, 1.0, true, new SplittableRandom(1));
        assertTrue(learnable.trainable(shape.betaOffset(0)));
        assertEquals(1.0, fixed.parameters()[shape.betaOffset(1)]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fixed.withParameters(new double[5]));
        assertTrue(e.getMessage().contains("need " + 3 * shape.parameterCount() + " parameters"), e.getMessage());
        double[] bad = fixed.parameters();
        bad[7] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> fixed.withParameters(bad));
    }
}
