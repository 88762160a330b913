package potentia.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import potentia.structure.Element;

/** The shared network's per-atom reference: layout by hand, derivatives of every parameter type by central differences. */
class ScalarSharedMlpTest {
    private static final List<Element> SPECIES = List.of(Element.Sr, Element.Ti, Element.O);

    static List<Integer> widths(String hidden) {
        return hidden.isEmpty() ? List.of() : Arrays.stream(hidden.split(";")).map(Integer::valueOf).toList();
    }

    static double[] randomVector(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = rng.nextGaussian();
        }
        return v;
    }

    /** What parameter k of the layout is, for messages and per-type checks. */
    static String kind(SharedMlpShape shape, int k) {
        if (k < shape.weightOffset(0)) {
            return "embedding";
        }
        for (int l = 0; l < shape.layers(); l++) {
            if (k < shape.biasOffset(l)) {
                return "weight";
            }
            int out = shape.width(l + 1);
            if (k < shape.biasOffset(l) + out) {
                return "bias";
            }
            if (shape.normalised(l) && k < shape.gainOffset(l) + out) {
                return "LayerNorm gain";
            }
            if (shape.normalised(l) && k < shape.shiftOffset(l) + out) {
                return "LayerNorm bias";
            }
            if (shape.activated(l) && k == shape.betaOffset(l)) {
                return "β";
            }
        }
        throw new IllegalArgumentException("parameter " + k + " is outside the layout");
    }

    @Test
    void layoutMatchesAHandCount() {
        SharedMlpShape s = new SharedMlpShape(3, 21, 2, List.of(64, 32, 16), true);
        // embeddings 3·2; 23·64+64+1; 64·32+32+2·32+1; 32·16+16+2·16+1; 16+1
        assertEquals(6 + 1537 + 2145 + 561 + 17, s.parameterCount());
        assertEquals(6, s.weightOffset(0));
        assertEquals(6 + 23 * 64, s.biasOffset(0));
        assertEquals(6 + 23 * 64 + 64, s.betaOffset(0));
        assertEquals(6 + 1537, s.weightOffset(1));
        assertEquals(6 + 1537 + 2048 + 32, s.gainOffset(1));
        assertEquals(6 + 1537 + 2048 + 64, s.shiftOffset(1));
        assertEquals(6 + 1537 + 2048 + 96, s.betaOffset(1));
        assertEquals(4, s.embeddingOffset(2));
        assertEquals(21 * 64 + 64 * 32 + 32 * 16 + 16, s.multiplyAdds());
        assertEquals("21+2-64-32-16-1", s.describe());
        assertTrue(!s.normalised(0) && s.normalised(1) && s.normalised(2) && !s.normalised(3));
        SharedMlpShape plain = new SharedMlpShape(3, 21, 2, List.of(64, 32, 16), false);
        assertEquals(6 + 1537 + 2081 + 529 + 17, plain.parameterCount());
    }

    @ParameterizedTest
    @CsvSource({"1, 9;5;4, true", "3, 6;4, true", "2, 5, false", "2, '', false"})
    void featureGradientMatchesCentralDifferences(int embedding, String hidden, boolean layerNorm) {
        SplittableRandom rng = new SplittableRandom(embedding * 31L + hidden.length());
        int f = 7;
        SharedMlpShape shape = new SharedMlpShape(3, f, embedding, widths(hidden), layerNorm);
        double[] p = TestModels.randomShared(SPECIES, shape, rng).parameters();
        double[] z = randomVector(rng, f);
        for (int s = 0; s < 3; s++) {
            double[] grad = new double[f];
            double e = ScalarSharedMlp.energyAndGradient(shape, p, z, 0, s, grad, 0);
            assertEquals(ScalarSharedMlp.energy(shape, p, z, 0, s), e, 0);
            double h = 1e-5;
            for (int q = 0; q < f; q++) {
                double[] zp = z.clone();
                double[] zm = z.clone();
                zp[q] += h;
                zm[q] -= h;
                double fd = (ScalarSharedMlp.energy(shape, p, zp, 0, s) - ScalarSharedMlp.energy(shape, p, zm, 0, s))
                        / (2 * h);
                assertEquals(fd, grad[q], 1e-8 * Math.max(1, Math.abs(fd)), "species " + s + ", feature " + q);
            }
        }
    }

    /** Embedding size, hidden widths, LayerNorm: every parameter type, with and without LayerNorm. */
    @ParameterizedTest
    @CsvSource({"1, 6;5;4, true", "3, 6;4, true", "4, 6;5;4, false", "2, 5, false", "2, '', false"})
    void parameterGradientsOfEveryTypeMatchCentralDifferences(int embedding, String hidden, boolean layerNorm) {
        SplittableRandom rng = new SplittableRandom(embedding * 17L + hidden.length() + (layerNorm ? 1 : 0));
        int f = 5;
        SharedMlpShape shape = new SharedMlpShape(3, f, embedding, widths(hidden), layerNorm);
        double[] p = TestModels.randomShared(SPECIES, shape, rng).parameters();
        double[] z = randomVector(rng, f);
        double[] u = randomVector(rng, f);
        int s = 1;
        double weight = 1.7;
        double[] gE = new double[p.length];
        double[] gF = new double[p.length];
        double e = ScalarSharedMlp.parameterGradient(shape, p, z, 0, s, weight, gE);
        assertEquals(ScalarSharedMlp.energy(shape, p, z, 0, s), e, 0);
        double phi = ScalarSharedMlp.forceParameterGradient(shape, p, z, 0, s, u, 0, weight, gF);
        assertEquals(directional(shape, p, z, u, s), phi, 1e-13 * Math.max(1, Math.abs(phi)));
        double h = 1e-6;
        Map<String, Double> worstE = new LinkedHashMap<>();
        Map<String, Double> worstF = new LinkedHashMap<>();
        Map<String, Double> largest = new LinkedHashMap<>();
        for (int k = 0; k < p.length; k++) {
            double[] pp = p.clone();
            double[] pm = p.clone();
            pp[k] += h;
            pm[k] -= h;
            double fdE = weight * (ScalarSharedMlp.energy(shape, pp, z, 0, s) - ScalarSharedMlp.energy(shape, pm, z, 0, s))
                    / (2 * h);
            double fdF = weight * (directional(shape, pp, z, u, s) - directional(shape, pm, z, u, s)) / (2 * h);
            String kind = kind(shape, k);
            worstE.merge(kind, Math.abs(fdE - gE[k]) / Math.max(1, Math.abs(fdE)), Math::max);
            worstF.merge(kind, Math.abs(fdF - gF[k]) / Math.max(1, Math.abs(fdF)), Math::max);
            largest.merge(kind, Math.max(Math.abs(gE[k]), Math.abs(gF[k])), Math::max);
        }
        List<String> expected = new ArrayList<>(List.of("embedding", "weight", "bias"));
        if (layerNorm) {
            expected.addAll(List.of("LayerNorm gain", "LayerNorm bias"));
        }
        if (!hidden.isEmpty()) {
            expected.add("β");
        }
        assertEquals(Set.copyOf(expected), worstE.keySet(), "parameter types of this layout");
        for (String kind : expected) {
            assertTrue(worstE.get(kind) < 1e-7, kind + ": energy parameter gradient off by " + worstE.get(kind));
            assertTrue(worstF.get(kind) < 1e-7, kind + ": force parameter gradient off by " + worstF.get(kind));
            assertTrue(largest.get(kind) > 1e-3, kind + ": gradients all but vanish, the check would be empty");
        }
    }

    @Test
    void onlyTheAtomsOwnEmbeddingGetsAGradient() {
        SplittableRandom rng = new SplittableRandom(6);
        SharedMlpShape shape = new SharedMlpShape(3, 4, 2, List.of(5, 3), true);
        double[] p = TestModels.randomShared(SPECIES, shape, rng).parameters();
        double[] z = randomVector(rng, 4);
        double[] u = randomVector(rng, 4);
        double[] gE = new double[p.length];
        double[] gF = new double[p.length];
        ScalarSharedMlp.parameterGradient(shape, p, z, 0, 2, 1, gE);
        ScalarSharedMlp.forceParameterGradient(shape, p, z, 0, 2, u, 0, 1, gF);
        for (int k = 0; k < 4; k++) {
            assertEquals(0, gE[k], 0, "embedding entry " + k + " of another species");
            assertEquals(0, gF[k], 0, "embedding entry " + k + " of another species");
        }
        assertTrue(gE[4] != 0 && gE[5] != 0 && gF[4] != 0 && gF[5] != 0);
    }

    /** ∇_z ε · u from the feature gradient. */
    static double directional(SharedMlpShape shape, double[] p, double[] z, double[] u, int s) {
        double[] g = new double[z.length];
        ScalarSharedMlp.energyAndGradient(shape, p, z, 0, s, g, 0);
        double sum = 0;
        for (int q = 0; q < z.length; q++) {
            sum += g[q] * u[q];
        }
        return sum;
    }
}
