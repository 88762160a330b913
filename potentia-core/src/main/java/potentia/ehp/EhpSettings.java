package potentia.ehp;

import potentia.units.Units;

/**
 * How an effective-harmonic-potential minimisation runs.
 *
 * @param pairs antithetic pairs per ensemble (samples = 2 × pairs)
 * @param reweighting whether steps reuse an ensemble by importance reweighting (else every step
 *     draws a fresh one)
 * @param essThreshold a fresh ensemble is drawn when the effective sample size falls below this
 *     fraction of the ensemble (0, 1]
 * @param step the mixing λ of Φ ← Φ + λ(⟨∂²V⟩ − Φ) and R₀ ← R₀ + λΦ⁺⟨f⟩, in (0, 1]; halved
 *     automatically while a step would make a mode unstable
 * @param tolerance target precision of the free energy, eV/atom: converged when the estimated
 *     remaining decrease (the second-order free-energy gap) is below a tenth of it and the
 *     statistical error below it; the ensemble is doubled (up to 16×) while the error is larger
 * @param frequencyTolerance target relative precision of the effective frequencies: the gap
 *     must also be below f²·Σ_μ(−λ_μ² g'(λ_μ)), which is what an rms relative error f of the
 *     mode eigenvalues' square roots costs (k_BT·f² per mode classically) — at low temperature F
 *     barely depends on Φ, so F alone would stop early
 * @param pressureTolerance how close the free energy's pressure must come to the target, eV/Å³
 *     (or within twice its statistical error)
 * @param maxSteps the most minimisation steps per temperature
 * @param threads configurations evaluated at once
 */
public record EhpSettings(int pairs, boolean reweighting, double essThreshold, double step, double tolerance,
        double frequencyTolerance, double pressureTolerance, int maxSteps, int threads) {

    public EhpSettings {
        if (pairs < 2) {
            throw new IllegalArgumentException("need at least 2 pairs (4 samples) per ensemble, got " + pairs);
        }
        if (!(essThreshold > 0 && essThreshold <= 1)) {
            throw new IllegalArgumentException("effective-sample-size threshold must be in (0, 1], got " + essThreshold);
        }
        if (!(step > 0 && step <= 1)) {
            throw new IllegalArgumentException("step must be in (0, 1], got " + step);
        }
        if (!(tolerance > 0) || !(pressureTolerance > 0) || !(frequencyTolerance > 0)) {
            throw new IllegalArgumentException("tolerances must be positive");
        }
        if (maxSteps < 1 || threads < 1) {
            throw new IllegalArgumentException("maxSteps and threads must be ≥ 1");
        }
    }

    /** Defaults: 200 pairs, reweighting with threshold 0.5, λ = 1, 1 meV/atom, 1 %, 0.02 GPa, 60 steps, 1 thread. */
    public static EhpSettings defaults() {
        return new EhpSettings(200, true, 0.5, 1.0, 1e-3, 0.01, Units.fromGPa(0.02), 60, 1);
    }

    public EhpSettings withPairs(int value) {
        return new EhpSettings(value, reweighting, essThreshold, step, tolerance,
                frequencyTolerance, pressureTolerance, maxSteps, threads);
    }

    public EhpSettings withReweighting(boolean value) {
        return new EhpSettings(pairs, value, essThreshold, step, tolerance,
                frequencyTolerance, pressureTolerance, maxSteps, threads);
    }

    public EhpSettings withEssThreshold(double value) {
        return new EhpSettings(pairs, reweighting, value, step, tolerance,
                frequencyTolerance, pressureTolerance, maxSteps, threads);
    }

    public EhpSettings withStep(double value) {
        return new EhpSettings(pairs, reweighting, essThreshold, value, tolerance,
                frequencyTolerance, pressureTolerance, maxSteps, threads);
    }

    public EhpSettings withTolerance(double value) {
        return new EhpSettings(pairs, reweighting, essThreshold, step, value,
                frequencyTolerance, pressureTolerance, maxSteps, threads);
    }

    public EhpSettings withFrequencyTolerance(double value) {
        return new EhpSettings(pairs, reweighting, essThreshold, step, tolerance,
                value, pressureTolerance, maxSteps, threads);
    }

    public EhpSettings withPressureTolerance(double value) {
        return new EhpSettings(pairs, reweighting, essThreshold, step, tolerance,
                frequencyTolerance, value, maxSteps, threads);
    }

    public EhpSettings withMaxSteps(int value) {
        return new EhpSettings(pairs, reweighting, essThreshold, step, tolerance,
                frequencyTolerance, pressureTolerance, value, threads);
    }

    public EhpSettings withThreads(int value) {
        return new EhpSettings(pairs, reweighting, essThreshold, step, tolerance,
                frequencyTolerance, pressureTolerance, maxSteps, value);
    }
}
