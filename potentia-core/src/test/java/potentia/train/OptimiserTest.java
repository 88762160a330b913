package potentia.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** AdamW's update by hand, clipping, the schedules and the loss functions' derivatives. */
class OptimiserTest {

    @Test
    void adamWFirstStepsByHand() {
        AdamW.Settings s = new AdamW.Settings(0.9, 0.99, 1e-8, 0.1);
        AdamW adam = new AdamW(s, new boolean[] {true, true, false}, new boolean[] {true, false, true});
        double[] theta = {1.0, 2.0, 3.0};
        adam.update(theta, new double[] {0.5, -2.0, 7.0}, 0.01);
        // step 1: m̂ = g, v̂ = g², so the Adam step is g/(|g| + ε) ≈ sign(g); decay 0.1·θ on the first only
        assertEquals(1.0 - 0.01 * (0.5 / (0.5 + 1e-8) + 0.1 * 1.0), theta[0], 1e-15);
        assertEquals(2.0 + 0.01 * (2.0 / (2.0 + 1e-8)), theta[1], 1e-15);
        assertEquals(3.0, theta[2], "untrainable parameters never move");
        double t0 = theta[0];
        adam.update(theta, new double[] {0.25, 0, 0}, 0.01);
        double m = 0.9 * 0.1 * 0.5 + 0.1 * 0.25;
        double v = 0.99 * 0.01 * 0.25 + 0.01 * 0.0625;
        double step = (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.99 * 0.99)) + 1e-8) + 0.1 * t0;
        assertEquals(t0 - 0.01 * step, theta[0], 1e-15);
        assertEquals(2, adam.step());
    }

    @Test
    void clippingScalesDownToTheNorm() {
        double[] g = {3, 4};
        assertEquals(5, AdamW.clip(g, 1), 0);
        assertArrayEquals(new double[] {0.6, 0.8}, g, 1e-15);
        double[] h = {3, 4};
        AdamW.clip(h, 0);
        assertArrayEquals(new double[] {3, 4}, h, 0);
    }

    @Test
    void warmUpThenCosine() {
        LearningRate r = new LearningRate(LearningRate.Kind.COSINE, 1e-2, 1e-4, 2, 1, 0.5);
        int perEpoch = 5;
        int epochs = 12;
        assertEquals(1e-2 / 10, r.at(0, perEpoch, epochs, null), 1e-18);
        assertEquals(1e-2, r.at(9, perEpoch, epochs, null), 1e-18);
        assertEquals(1e-2, r.at(10, perEpoch, epochs, null), 1e-18);
        assertEquals(1e-4 + (1e-2 - 1e-4) / 2, r.at(10 + 25, perEpoch, epochs, null), 1e-15);
        assertEquals(1e-4, r.at(60, perEpoch, epochs, null), 1e-18);
    }

    @Test
    void oneCycleRisesThenFalls() {
        // warm-up epochs are not used by one-cycle: its rise is the warm-up
        LearningRate r = new LearningRate(LearningRate.Kind.ONE_CYCLE, 1e-2, 1e-5, 7, 1, 0.5);
        int perEpoch = 4;
        int epochs = 25; // 100 steps: 30 rising, 70 falling
        assertEquals(1e-2 / 25, r.at(0, perEpoch, epochs, null), 1e-18);
        assertEquals((1e-2 + 1e-2 / 25) / 2, r.at(15, perEpoch, epochs, null), 1e-15);
        assertEquals(1e-2, r.at(30, perEpoch, epochs, null), 1e-18);
        assertEquals(1e-5 + (1e-2 - 1e-5) / 2, r.at(65, perEpoch, epochs, null), 1e-15);
        assertEquals(1e-5, r.at(100, perEpoch, epochs, null), 1e-18);
        for (int s = 1; s < 100; s++) {
            double before = r.at(s - 1, perEpoch, epochs, null);
            double now = r.at(s, perEpoch, epochs, null);
            assertTrue(s <= 30 ? now > before : now < before, "monotone on each side of the peak, step " + s);
        }
    }

    @Test
    void plateauHalvesAfterPatience() {
        LearningRate r = new LearningRate(LearningRate.Kind.PLATEAU, 1e-2, 1e-3, 0, 2, 0.5);
        LearningRate.Plateau p = LearningRate.Plateau.START.after(1.0, r);
        p = p.after(1.0, r);
        assertEquals(1e-2, r.at(100, 1, 10, p), 0);
        p = p.after(0.99999, r); // below the relative threshold: still no improvement
        assertEquals(5e-3, r.at(100, 1, 10, p), 0);
        for (int k = 0; k < 10; k++) {
            p = p.after(2.0, r);
        }
        assertEquals(1e-3, r.at(100, 1, 10, p), 0, "never below the minimum");
    }

    @ParameterizedTest
    @EnumSource(LossFunction.class)
    void lossDerivativesMatchCentralDifferences(LossFunction phi) {
        for (double y : new double[] {-30, -2.5, -0.3, 0, 1e-3, 0.7, 4, 400}) {
            double h = 1e-5 * Math.max(1, Math.abs(y));
            double fd = (phi.value(y + h) - phi.value(y - h)) / (2 * h);
            assertEquals(fd, phi.derivative(y), 1e-7 * Math.max(1, Math.abs(fd)), "φ'(" + y + ")");
        }
        assertEquals(0, phi.value(0), 1e-300);
        assertEquals(phi == LossFunction.MSE ? 1e4 : 100 - Math.log(2), phi.value(100), 1e-9);
    }
}
