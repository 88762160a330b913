package potentia.ehp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.md.CounterRandom;
import potentia.phonon.HarmonicThermo;
import potentia.structure.Cell;
import potentia.units.Units;

/**
 * Where the answer is known in closed form: the effective harmonic potential of a harmonic
 * potential is that potential (its free energy the harmonic one, with no statistical error once
 * found), and a weak quartic term raises F by first-order perturbation theory, ε⟨x⁴⟩ = 3ε⟨x²⟩²
 * — the Gaussian variational bound is exact to first order.
 */
class HarmonicLimitTest {

    @ParameterizedTest(name = "quantum = {0}")
    @ValueSource(booleans = {false, true})
    void theEffectivePotentialOfAHarmonicPotentialIsItself(boolean quantum) {
        // three coupled coordinates with unequal masses, started from the wrong force constants
        double[] masses = {28.0855, 12.011, 72.63};
        double[] k = {4.0, -1.0, 0.5, -1.0, 3.0, -0.8, 0.5, -0.8, 2.0};
        Landscape harmonic = (x, cell) -> {
            double[] f = new double[3];
            double e = 0;
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    f[r] -= k[3 * r + c] * x[c];
                    e += 0.5 * x[r] * k[3 * r + c] * x[c];
                }
            }
            return new Landscape.Sample(e, f, null);
        };
        double t = 600;
        GaussianState start = GaussianState.of(masses, new double[] {0.05, -0.03, 0.02},
                new double[] {2, 0, 0, 0, 2, 0, 0, 0, 2}, t, quantum, new double[0][]);
        EhpProblem problem = new EhpProblem(start, Cell.NONE, 3, harmonic, Symmetriser.indexOnly(3), false, 0, 0);
        EhpSettings settings = EhpSettings.defaults().withPairs(200).withTolerance(1e-9)
                .withFrequencyTolerance(1e-5).withMaxSteps(60);
        EhpResult r = new EhpMinimiser(problem, settings, new CounterRandom(3), 0).run();
        assertTrue(r.converged(), "not converged in " + r.steps() + " steps");

        double exact = 0;
        for (double nu : GaussianState.of(masses, new double[3], k, t, quantum, new double[0][]).frequencies()) {
            exact += HarmonicThermo.freeEnergy(nu, t, quantum);
        }
        assertEquals(exact / 3, r.freeEnergy(), 1e-8, "F per coordinate");
        assertTrue(r.freeEnergyError() < 1e-8, "a harmonic potential leaves no noise: " + r.freeEnergyError());
        double[] phi = r.state().forceConstants();
        for (int q = 0; q < 9; q++) {
            assertEquals(k[q], phi[q], 1e-4, "force constant " + q);
        }
        for (double x : r.state().centroid()) {
            assertEquals(0, x, 1e-6);
        }
    }

    @ParameterizedTest(name = "quantum = {0}")
    @ValueSource(booleans = {false, true})
    void aWeakQuarticTermRaisesTheFreeEnergyAsFirstOrderPerturbationTheory(boolean quantum) {
        double mass = 28.0855;
        double k = 1.0;
        double eps = 0.1;
        double t = 300;
        Landscape quartic = (x, cell) -> new Landscape.Sample(0.5 * k * x[0] * x[0] + eps * Math.pow(x[0], 4),
                new double[] {-k * x[0] - 4 * eps * x[0] * x[0] * x[0]}, null);
        GaussianState start = GaussianState.of(new double[] {mass}, new double[1], new double[] {k}, t, quantum,
                new double[0][]);
        ModeFunctions f = start.functions();
        double harmonic = f.freeEnergy(k / mass);
        double s2 = f.variance(k / mass) / mass;
        double firstOrder = 3 * eps * s2 * s2;
        EhpProblem problem = new EhpProblem(start, Cell.NONE, 1, quartic, Symmetriser.indexOnly(1), false, 0, 0);
        EhpSettings settings = EhpSettings.defaults().withPairs(2000).withTolerance(5e-6).withMaxSteps(60);
        EhpResult r = new EhpMinimiser(problem, settings, new CounterRandom(9), 0).run();
        assertTrue(r.converged());
        double correction = r.freeEnergy() - harmonic;
        assertTrue(correction > 0, "a positive quartic term must raise F, got " + correction);
        // the second-order term, −(ε²/2k_BT)·Var(x⁴) classically, is a few per cent of the first here
        double secondOrderScale = 16 * eps * Units.BOLTZMANN * Math.max(t, 1) / (k * k);
        assertEquals(firstOrder, correction, 1.5 * secondOrderScale * firstOrder + 4 * r.freeEnergyError(),
                "EHP correction vs first-order perturbation theory " + firstOrder);
        assertTrue(correction < firstOrder + 4 * r.freeEnergyError(), "the variational optimum lies below the "
                + "first-order value (which is F at the unrenormalised Φ)");
        System.out.printf("quartic (quantum=%s): harmonic %.6f eV, EHP correction %.3e ± %.1e eV, first order %.3e%n",
                quantum, harmonic, correction, r.freeEnergyError(), firstOrder);
    }
}
