package potentia.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.structure.Element;

/** The reference MLP's derivatives against central differences, and its layout against a hand count. */
class ScalarMlpTest {

    private static double[] randomVector(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = rng.nextGaussian();
        }
        return v;
    }

    @Test
    void layoutMatchesAHandCount() {
        MlpShape s = new MlpShape(21, List.of(64, 32, 16));
        // 21·64+64+1 + 64·32+32+1 + 32·16+16+1 + 16·1+1
        assertEquals(1409 + 2081 + 529 + 17, s.parameterCount());
        assertEquals(1344 + 2048 + 512 + 16, s.multiplyAdds());
        assertEquals(21 * 64, s.biasOffset(0));
        assertEquals(21 * 64 + 64, s.betaOffset(0));
        assertEquals(1409, s.weightOffset(1));
        assertEquals("21-64-32-16-1", s.describe());
    }

    @Test
    void aNetworkWithoutHiddenLayersIsLinear() {
        MlpShape s = new MlpShape(3, List.of());
        double[] p = {0.5, -2, 3, 0.25};
        assertEquals(0.5 * 1 - 2 * 2 + 3 * 3 + 0.25, ScalarMlp.energy(s, p, 0, new double[] {1, 2, 3}, 0), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void inputGradientMatchesCentralDifferences(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        MlpShape shape = new MlpShape(7, List.of(9, 5, 4));
        double[] p = TestModels.randomNetworks(List.of(Element.Si), shape, rng).parameters();
        double[] x = randomVector(rng, 7);
        double[] grad = new double[7];
        double e = ScalarMlp.energyAndGradient(shape, p, 0, x, 0, grad, 0);
        assertEquals(ScalarMlp.energy(shape, p, 0, x, 0), e, 0);
        double h = 1e-5;
        for (int q = 0; q < 7; q++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[q] += h;
            xm[q] -= h;
            double fd = (ScalarMlp.energy(shape, p, 0, xp, 0) - ScalarMlp.energy(shape, p, 0, xm, 0)) / (2 * h);
            assertEquals(fd, grad[q], 1e-8 * Math.max(1, Math.abs(fd)), "feature " + q);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void parameterGradientsMatchCentralDifferences(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        MlpShape shape = new MlpShape(5, List.of(6, 3));
        double[] p = TestModels.randomNetworks(List.of(Element.Si), shape, rng).parameters();
        double[] x = randomVector(rng, 5);
        double[] u = randomVector(rng, 5);
        double weight = 1.7;
        double[] gE = new double[p.length];
        double[] gF = new double[p.length];
        ScalarMlp.parameterGradient(shape, p, 0, x, 0, weight, gE, 0);
        double phi = ScalarMlp.forceParameterGradient(shape, p, 0, x, 0, u, 0, 1, gF, 0);
        assertEquals(directional(shape, p, x, u), phi, 1e-13);
        double h = 1e-6;
        double worstE = 0;
        double worstF = 0;
        for (int k = 0; k < p.length; k++) {
            double[] pp = p.clone();
            double[] pm = p.clone();
            pp[k] += h;
            pm[k] -= h;
            double fdE = weight * (ScalarMlp.energy(shape, pp, 0, x, 0) - ScalarMlp.energy(shape, pm, 0, x, 0)) / (2 * h);
            double fdF = (directional(shape, pp, x, u) - directional(shape, pm, x, u)) / (2 * h);
            worstE = Math.max(worstE, Math.abs(fdE - gE[k]) / Math.max(1, Math.abs(fdE)));
            worstF = Math.max(worstF, Math.abs(fdF - gF[k]) / Math.max(1, Math.abs(fdF)));
        }
        assertTrue(worstE < 1e-7, "energy parameter gradient off by " + worstE);
        assertTrue(worstF < 1e-7, "force parameter gradient off by " + worstF);
    }

    /** ∇_x ε · u from the input gradient. */
    private static double directional(MlpShape shape, double[] p, double[] x, double[] u) {
        double[] g = new double[x.length];
        ScalarMlp.energyAndGradient(shape, p, 0, x, 0, g, 0);
        double s = 0;
        for (int q = 0; q < x.length; q++) {
            s += g[q] * u[q];
        }
        return s;
    }

    @Test
    void parametersAtAnOffsetAreReadThere() {
        SplittableRandom rng = new SplittableRandom(9);
        MlpShape shape = new MlpShape(4, List.of(3));
        ElementNetworks two = TestModels.randomNetworks(List.of(Element.Si, Element.O), shape, rng);
        double[] p = two.parameters();
        double[] x = randomVector(rng, 4);
        double[] second = java.util.Arrays.copyOfRange(p, shape.parameterCount(), p.length);
        assertEquals(ScalarMlp.energy(shape, second, 0, x, 0), ScalarMlp.energy(shape, p, shape.parameterCount(), x, 0));
    }
}
