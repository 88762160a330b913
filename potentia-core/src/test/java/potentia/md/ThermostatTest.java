package potentia.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import potentia.units.Units;

/** The thermostats sample the canonical distribution of the kinetic energy. */
class ThermostatTest {
    private static final double T = 60;

    static Stream<Arguments> thermostats() {
        return Stream.of(Arguments.of(new Thermostat.Langevin(T, 0.01)), Arguments.of(new Thermostat.Bussi(T, 100)));
    }

    /**
     * Canonical kinetic energy: K = ½k_BT χ²_{N_f}, so ⟨K⟩ = N_f k_BT/2 and Var K = N_f (k_BT)²/2
     * (N_f = 96 with Langevin, 93 with Bussi, which conserves the zero total momentum).
     *
     * <p>Statistics: 32 LJ argon atoms at 60 K (a solid, anharmonic enough to be ergodic), 4 fs
     * steps, 40,000 sampled steps after 2,000 of equilibration. The kinetic energy decorrelates in
     * about 1/(2γ) = 50 fs (Langevin) or τ/2 (Bussi), so the run holds thousands of independent
     * samples; errors come from 20 blocks of 8 ps each. Measured: ⟨K⟩ within 0.5 % and Var K within
     * 3 % (1–2 block errors). The test allows 4 block errors and requires those errors to be
     * small enough to see a wrong N_f (3 %) or a missing noise term (variance → 0).
     */
    @ParameterizedTest
    @MethodSource("thermostats")
    void kineticEnergyHasTheCanonicalMeanAndVariance(Thermostat thermostat) {
        MolecularDynamics md = LjSystems.engine(new MdSettings(4.0, thermostat, new Barostat.None(), 3, 1.0));
        md.run(2000);
        int steps = 40_000;
        double[] k = new double[steps];
        double[] conserved = new double[steps];
        double[] total = new double[steps];
        int[] i = {0};
        md.observe(1, s -> {
            k[i[0]] = s.kinetic();
            conserved[i[0]] = s.conserved();
            total[i[0]++] = s.totalEnergy();
        });
        md.run(steps);
        int dof = md.degreesOfFreedom();
        assertEquals(thermostat instanceof Thermostat.Langevin ? 96 : 93, dof);
        double kt = Units.BOLTZMANN * T;
        double mean = dof * kt / 2;
        double variance = dof * kt * kt / 2;
        double meanError = Stats.blockError(k, 20);
        double[] blockVariances = Stats.blockVariances(k, 20);
        double varianceError = Math.sqrt(Stats.variance(blockVariances) / 20);
        assertTrue(meanError < 0.01 * mean && varianceError < 0.05 * variance, "too few samples to judge");
        assertEquals(mean, Stats.mean(k), 4 * meanError, "⟨K⟩");
        assertEquals(variance, Stats.mean(blockVariances), 4 * varianceError, "Var K");
        // the heat book-keeping: the conserved quantity fluctuates far less than the total energy
        double spreadConserved = Math.sqrt(Stats.variance(conserved));
        double spreadTotal = Math.sqrt(Stats.variance(total));
        assertTrue(spreadConserved < 0.05 * spreadTotal, spreadConserved + " vs " + spreadTotal);
    }

    /**
     * The exact kinetic-energy propagator of stochastic velocity rescaling: for dK = (K̄ − K)dt/τ +
     * 2√(KK̄/N_f) dW/√τ over a time with c = e^{−h/τ}, E[K'] = cK + (1 − c)K̄ and
     * Var K' = (1 − c)²·2K̄²/N_f + 4c(1 − c)KK̄/N_f (from the appendix formula's R₁ and χ²_{N_f−1}).
     */
    @Test
    void stochasticRescalingPropagatesTheKineticEnergyExactly() {
        CounterRandom r = new CounterRandom(8);
        int dof = 20;
        double target = 1.0;
        for (double c : new double[] {0.0, 0.6}) {
            double k0 = 1.7;
            int n = 100_000;
            double[] next = new double[n];
            for (int j = 0; j < n; j++) {
                next[j] = StochasticVelocityRescaling.resampledKinetic(k0, target, dof, c, r.sequence(1, j));
            }
            double mean = c * k0 + (1 - c) * target;
            double var = (1 - c) * (1 - c) * 2 * target * target / dof + 4 * c * (1 - c) * k0 * target / dof;
            assertEquals(mean, Stats.mean(next), 4 * Math.sqrt(var / n), "mean, c = " + c);
            assertEquals(var, Stats.variance(next), 0.03 * var, "variance, c = " + c);
        }
    }
}
