package potentia.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import potentia.structure.Element;

/** NeuralIL's shared network: batched kernel against the reference, model-level gradients, the parameter vector's contract. */
class SharedNetworkTest {
    private static final List<Element> SPECIES = List.of(Element.Sr, Element.Ti, Element.O);

    private static double[] features(SplittableRandom rng, int atoms, int f) {
        double[] z = new double[atoms * f];
        for (int k = 0; k < z.length; k++) {
            z[k] = 1.5 * rng.nextGaussian();
        }
        return z;
    }

    private static int[] types(SplittableRandom rng, int atoms) {
        int[] type = new int[atoms];
        for (int i = 0; i < atoms; i++) {
            type[i] = rng.nextInt(SPECIES.size());
        }
        return type;
    }

    /** atoms, hidden widths, embedding, LayerNorm: partial and several batches, odd widths, no hidden layer. */
    @ParameterizedTest
    @CsvSource({"1, 64;32;16, 2, true", "7, 5;3, 1, true", "64, 64;32;16, 4, true", "200, 13;7;3, 3, true",
        "333, 64;32;16, 2, false", "50, 9, 2, false", "40, '', 3, false"})
    void vectorKernelAgreesWithScalarReference(int atoms, String hidden, int embedding, boolean layerNorm) {
        SplittableRandom rng = new SplittableRandom(atoms);
        int f = 23;
        SharedMlpShape shape = new SharedMlpShape(3, f, embedding, ScalarSharedMlpTest.widths(hidden), layerNorm);
        SharedNetwork net = TestModels.randomShared(SPECIES, shape, rng);
        double[] z = features(rng, atoms, f);
        int[] type = types(rng, atoms);
        double[] eFast = new double[atoms];
        double[] gFast = new double[atoms * f];
        double[] eRef = new double[atoms];
        double[] gRef = new double[atoms * f];
        net.evaluate(z, type, 0, atoms, eFast, gFast);
        net.evaluateReference(z, type, 0, atoms, eRef, gRef);
        for (int i = 0; i < atoms; i++) {
            assertEquals(eRef[i], eFast[i], 1e-12 * Math.max(1, Math.abs(eRef[i])), "energy of atom " + i);
        }
        for (int k = 0; k < gRef.length; k++) {
            assertEquals(gRef[k], gFast[k], 1e-12 * Math.max(1, Math.abs(gRef[k])), "gradient " + k);
        }
        double[] eOnly = new double[atoms];
        net.evaluate(z, type, 0, atoms, eOnly, null);
        assertEquals(0, Arrays.compare(eFast, eOnly), "energies without gradient differ");
        double[] eRefOnly = new double[atoms];
        net.evaluateReference(z, type, 0, atoms, eRefOnly, null);
        assertEquals(0, Arrays.compare(eRef, eRefOnly), "reference energies without gradient differ");
    }

    @Test
    void aRangeWritesOnlyItsRows() {
        SplittableRandom rng = new SplittableRandom(3);
        int f = 4;
        SharedNetwork net = TestModels.randomShared(SPECIES, new SharedMlpShape(3, f, 2, List.of(5, 4), true), rng);
        int n = 30;
        double[] z = features(rng, n, f);
        int[] type = new int[n];
        for (int i = 0; i < n; i++) {
            type[i] = i % 3;
        }
        double[] e = new double[n];
        double[] g = new double[n * f];
        Arrays.fill(e, Double.NaN);
        Arrays.fill(g, Double.NaN);
        net.evaluate(z, type, 10, 20, e, g);
        for (int i = 0; i < n; i++) {
            boolean inside = i >= 10 && i < 20;
            assertEquals(inside, !Double.isNaN(e[i]), "atom " + i);
            assertEquals(inside, !Double.isNaN(g[i * f]), "gradient row " + i);
        }
    }

    @Test
    void theEmbeddingIsWhatTellsElementsApart() {
        SplittableRandom rng = new SplittableRandom(4);
        SharedMlpShape shape = new SharedMlpShape(3, 3, 2, List.of(6, 4), true);
        SharedNetwork net = TestModels.randomShared(SPECIES, shape, rng);
        double[] z = {0.3, -1, 2, 0.3, -1, 2, 0.3, -1, 2};
        int[] type = {0, 1, 2};
        double[] e = new double[3];
        net.evaluate(z, type, 0, 3, e, null);
        assertTrue(e[0] != e[1] && e[1] != e[2] && e[0] != e[2], "the same features on three elements");
        // give Ti the embedding of Sr: Ti atoms now get Sr's energies; Sr and O are untouched
        double[] p = net.parameters();
        System.arraycopy(p, shape.embeddingOffset(0), p, shape.embeddingOffset(1), 2);
        double[] e2 = new double[3];
        net.withParameters(p).evaluate(z, type, 0, 3, e2, null);
        assertEquals(e[0], e2[0], 0);
        assertEquals(e[0], e2[1], 1e-14);
        assertEquals(e[2], e2[2], 0);
        assertArrayEquals(new double[] {p[4], p[5]}, net.withParameters(p).embedding(2), 0);
    }

    /** Model-level ∂(Σ w_i ε_i)/∂θ and ∂(Σ ∇ε_i·u_i)/∂θ over mixed species, by parameter type. */
    @ParameterizedTest
    @CsvSource({"2, 6;5;4, true", "1, 5, false"})
    void modelGradientsMatchCentralDifferencesForEveryParameterType(int embedding, String hidden, boolean layerNorm) {
        SplittableRandom rng = new SplittableRandom(11 + embedding);
        int f = 5;
        int n = 7;
        SharedMlpShape shape = new SharedMlpShape(3, f, embedding, ScalarSharedMlpTest.widths(hidden), layerNorm);
        SharedNetwork net = TestModels.randomShared(SPECIES, shape, rng);
        double[] z = features(rng, n, f);
        int[] type = {0, 1, 2, 2, 0, 1, 1};
        double[] w = {0.5, 1, 1.5, 2, 2.5, 3, 3.5};
        double[] u = features(rng, n, f);
        int from = 1;
        int to = 7;
        double[] gE = new double[net.parameterCount()];
        double[] gF = new double[net.parameterCount()];
        net.parameterGradient(z, type, from, to, w, gE);
        net.forceParameterGradient(z, type, from, to, u, gF);
        double[] p = net.parameters();
        double h = 1e-6;
        Map<String, Double> worst = new LinkedHashMap<>();
        for (int k = 0; k < p.length; k++) {
            double[] pp = p.clone();
            double[] pm = p.clone();
            pp[k] += h;
            pm[k] -= h;
            SharedNetwork plus = net.withParameters(pp);
            SharedNetwork minus = net.withParameters(pm);
            double fdE = (weighted(plus, z, type, from, to, w) - weighted(minus, z, type, from, to, w)) / (2 * h);
            double fdF = (force(plus, z, type, from, to, u) - force(minus, z, type, from, to, u)) / (2 * h);
            double err = Math.max(Math.abs(fdE - gE[k]) / Math.max(1, Math.abs(fdE)),
                    Math.abs(fdF - gF[k]) / Math.max(1, Math.abs(fdF)));
            worst.merge(ScalarSharedMlpTest.kind(shape, k), err, Math::max);
        }
        for (Map.Entry<String, Double> e : worst.entrySet()) {
            assertTrue(e.getValue() < 1e-7, e.getKey() + " gradients off by " + e.getValue());
        }
        assertEquals(layerNorm ? 6 : 4, worst.size(), "parameter types checked: " + worst.keySet());
        // atom 0 (Sr) is outside the range, but atom 4 is Sr: every embedding row has a gradient
        for (int s = 0; s < 3; s++) {
            assertNotEquals(0.0, gE[shape.embeddingOffset(s)], "embedding of species " + s);
        }
    }

    private static double weighted(SharedNetwork net, double[] z, int[] type, int from, int to, double[] w) {
        double[] e = new double[type.length];
        net.evaluateReference(z, type, from, to, e, null);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += w[i] * e[i];
        }
        return sum;
    }

    private static double force(SharedNetwork net, double[] z, int[] type, int from, int to, double[] u) {
        double[] e = new double[type.length];
        double[] g = new double[z.length];
        net.evaluateReference(z, type, from, to, e, g);
        double sum = 0;
        int f = net.featureCount();
        for (int k = from * f; k < to * f; k++) {
            sum += g[k] * u[k];
        }
        return sum;
    }

    @Test
    void initialisationAndTrainability() {
        SharedMlpShape shape = new SharedMlpShape(3, 4, 2, List.of(6, 5, 3), true);
        SharedNetwork fixed = SharedNetwork.random(SPECIES, shape, 1.0, false, new SplittableRandom(1));
        double[] p = fixed.parameters();
        for (int k = 1; k <= 2; k++) {
            for (int o = 0; o < shape.width(k + 1); o++) {
                assertEquals(1.0, p[shape.gainOffset(k) + o], "LayerNorm gains start at 1");
                assertEquals(0.0, p[shape.shiftOffset(k) + o], "LayerNorm biases start at 0");
            }
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(1.0, p[shape.betaOffset(k)]);
            assertFalse(fixed.trainable(shape.betaOffset(k)), "a fixed β is not trainable");
            assertEquals(0.0, p[shape.biasOffset(k)]);
        }
        assertTrue(fixed.trainable(0) && fixed.trainable(shape.gainOffset(1)) && fixed.trainable(shape.shiftOffset(2)));
        assertTrue(fixed.trainable(shape.betaOffset(0) - 1));
        SharedNetwork learnable = SharedNetwork.random(SPECIES, shape, 1.0, true, new SplittableRandom(1));
        for (int k = 0; k < learnable.parameterCount(); k++) {
            assertTrue(learnable.trainable(k), "parameter " + k);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> fixed.trainable(shape.parameterCount()));
        assertFalse(Arrays.equals(fixed.embedding(0), fixed.embedding(1)), "embeddings are random");
        assertEquals("shared MLP 4+2-6-5-3-1 (2-number element embeddings, LayerNorm (ε = 1.0E-6) on hidden layers 2–3), "
                + "swish β=1.0 fixed", fixed.describe());
    }

    @Test
    void shapesAndParametersAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SharedMlpShape(3, 4, 2, List.of(8), true));
        assertTrue(e.getMessage().contains("LayerNorm needs at least two hidden layers"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SharedMlpShape(3, 4, 0, List.of(8), false));
        assertThrows(IllegalArgumentException.class, () -> new SharedMlpShape(3, 4, 2, List.of(8, 4), true, 0.0));
        SharedMlpShape shape = new SharedMlpShape(3, 4, 2, List.of(5, 3), true);
        SharedNetwork net = SharedNetwork.random(SPECIES, shape, 1.0, false, new SplittableRandom(2));
        e = assertThrows(IllegalArgumentException.class, () -> net.withParameters(new double[5]));
        assertTrue(e.getMessage().contains("needs " + shape.parameterCount() + " parameters"), e.getMessage());
        double[] bad = net.parameters();
        bad[3] = Double.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> net.withParameters(bad));
        e = assertThrows(IllegalArgumentException.class,
                () -> new SharedNetwork(List.of(Element.Si), shape, false, net.parameters()));
        assertTrue(e.getMessage().contains("for 3 element(s)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net.parameterGradient(new double[4], new int[1], 0, 1, null,
                new double[3]));
    }
}
