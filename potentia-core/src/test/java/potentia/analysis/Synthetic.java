package potentia.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Synthetic trajectories with exactly known transport coefficients. */
final class Synthetic {
    private Synthetic() {
    }

    /**
     * Brownian random walks: each coordinate steps by a normal deviate of variance 2D·Δt per
     * frame, so MSD(t) = 6Dt exactly in expectation.
     *
     * @param d per atom, Å²/fs
     * @return frames of 3N positions, Å, starting at {@code start}
     */
    static List<double[]> randomWalk(RandomGenerator rng, double[] start, double[] d, double interval, int frames) {
        List<double[]> out = new ArrayList<>(frames);
        double[] x = start.clone();
        out.add(x.clone());
        for (int f = 1; f < frames; f++) {
            for (int k = 0; k < x.length; k++) {
                x[k] += Math.sqrt(2 * d[k / 3] * interval) * rng.nextGaussian();
            }
            out.add(x.clone());
        }
        return out;
    }

    /**
     * Ornstein–Uhlenbeck velocities, sampled exactly: v(t+Δt) = v e^{−γΔt} + √(σ²(1 − e^{−2γΔt}))·ξ,
     * stationary from the start (v(0) drawn with variance σ² = k_BT/m per component). The VACF is
     * 3σ² e^{−γτ} and the Green–Kubo D = σ²/γ = k_BT/(mγ).
     *
     * @param variance σ², Å²/fs²
     * @param gamma γ, 1/fs
     */
    static List<double[]> ornsteinUhlenbeck(RandomGenerator rng, int atoms, double variance, double gamma,
            double interval, int frames) {
        List<double[]> out = new ArrayList<>(frames);
        double[] v = new double[3 * atoms];
        double sd = Math.sqrt(variance);
        for (int k = 0; k < v.length; k++) {
            v[k] = sd * rng.nextGaussian();
        }
        out.add(v.clone());
        double decay = Math.exp(-gamma * interval);
        double kick = Math.sqrt(variance * (1 - decay * decay));
        for (int f = 1; f < frames; f++) {
            for (int k = 0; k < v.length; k++) {
                v[k] = v[k] * decay + kick * rng.nextGaussian();
            }
            out.add(v.clone());
        }
        return out;
    }
}
