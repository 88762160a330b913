package potentia.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The moving average of the weights: the closed form of its recursion, the ramp, the frozen components. */
class WeightAverageTest {

    @Test
    void theDecayRampsUpToItsNominalValue() {
        assertEquals(2.0 / 11.0, WeightAverage.decayAt(0.99, 1), 1e-15);
        assertEquals(0.9, WeightAverage.decayAt(0.9, 1000), 0.0);
        for (long t = 1; t < 200; t++) {
            assertEquals(true, WeightAverage.decayAt(0.99, t + 1) >= WeightAverage.decayAt(0.99, t), "step " + t);
        }
    }

    @Test
    void equalsTheExplicitlyWeightedSumOfTheTrajectory() {
        // θ̄_T = Π_t d_t θ_0 + Σ_t (1 − d_t) Π_{s>t} d_s θ_t, written out independently of the recursion
        SplittableRandom rng = new SplittableRandom(3);
        int steps = 40;
        double decay = 0.8;
        double[][] theta = new double[steps + 1][3];
        for (double[] t : theta) {
            for (int k = 0; k < t.length; k++) {
                t[k] = rng.nextGaussian();
            }
        }
        theta[0][2] = 5.0;
        for (int t = 1; t <= steps; t++) {
            theta[t][2] = 5.0; // a frozen component
        }
        boolean[] trainable = {true, true, false};
        double[] average = theta[0].clone();
        for (int t = 1; t <= steps; t++) {
            WeightAverage.update(average, theta[t], trainable, decay, t);
        }
        for (int k = 0; k < 2; k++) {
            double expected = 0;
            for (int t = 0; t <= steps; t++) {
                double w = t == 0 ? 1 : 1 - WeightAverage.decayAt(decay, t);
                for (int s = Math.max(t + 1, 1); s <= steps; s++) {
                    w *= WeightAverage.decayAt(decay, s);
                }
                expected += w * theta[t][k];
            }
            assertEquals(expected, average[k], 1e-12, "component " + k);
        }
        assertEquals(5.0, average[2], 0.0, "a frozen component keeps its bits");
    }

    @Test
    void refusesMismatchedLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> WeightAverage.update(new double[2], new double[3], new boolean[3], 0.9, 1));
    }
}
