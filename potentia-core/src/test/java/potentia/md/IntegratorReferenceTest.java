package potentia.md;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import potentia.potential.Result;
import potentia.structure.Structure;
import potentia.units.Units;

/**
 * The thermostatted integrators against straightforward re-implementations written out here from
 * the papers' formulas, drawing the same counter-based random numbers: BAOAB Langevin and
 * velocity Verlet with half-step stochastic velocity rescaling.
 */
class IntegratorReferenceTest {
    private static final int STEPS = 100;

    private record Run(double[] x, double[] v) {
    }

    private static double[] accelerationOf(MdSystem sys, double[] f) {
        double[] a = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            a[k] = f[k] / sys.mass(k / 3) * Units.FORCE_OVER_MASS_TO_ACCELERATION;
        }
        return a;
    }

    private static double[] force(MdSystem sys, double[] x, Structure template) {
        Result r = LjSystems.ARGON.compute(Structure.of(sys.atomicNumbers(), x, template.cell()));
        return r.forces();
    }

    @Test
    void langevinIsBaoab() {
        double dt = 5;
        double gamma = 0.02;
        double temperature = 60;
        MolecularDynamics md = LjSystems.engine(new MdSettings(dt, new Thermostat.Langevin(temperature, gamma),
                new Barostat.None(), 17, 1.0));
        MdState start = md.state();
        md.run(STEPS);
        MdSystem sys = md.system();
        Structure template = LjSystems.crystal();
        CounterRandom random = new CounterRandom(17);
        double[] x = start.positions();
        double[] v = start.velocities();
        double[] a = accelerationOf(sys, force(sys, x, template));
        double c = Math.exp(-gamma * dt);
        double[] xi = new double[x.length];
        for (int step = 1; step <= STEPS; step++) {
            random.normals(MolecularDynamics.STREAM_LANGEVIN, step, xi, 0, xi.length);
            for (int k = 0; k < x.length; k++) {
                double kt = Units.BOLTZMANN * temperature;
                v[k] += 0.5 * dt * a[k];                                          // B
                x[k] += 0.5 * dt * v[k];                                          // A
                v[k] = c * v[k] + Math.sqrt((1 - c * c) * kt / sys.mass(k / 3)
                        * Units.FORCE_OVER_MASS_TO_ACCELERATION) * xi[k];          // O
                x[k] += 0.5 * dt * v[k];                                          // A
            }
            a = accelerationOf(sys, force(sys, x, template));
            for (int k = 0; k < x.length; k++) {
                v[k] += 0.5 * dt * a[k];                                          // B
            }
        }
        compare(new Run(x, v), md);
    }

    @Test
    void bussiRescalesForHalfAStepOnEachSideOfVelocityVerlet() {
        double dt = 5;
        double tau = 40;
        double temperature = 60;
        MolecularDynamics md = LjSystems.engine(new MdSettings(dt, new Thermostat.Bussi(temperature, tau),
                new Barostat.None(), 21, 1.0));
        MdState start = md.state();
        md.run(STEPS);
        MdSystem sys = md.system();
        Structure template = LjSystems.crystal();
        CounterRandom random = new CounterRandom(21);
        int dof = 3 * sys.size() - 3;
        double[] x = start.positions();
        double[] v = start.velocities();
        double[] a = accelerationOf(sys, force(sys, x, template));
        for (int step = 1; step <= STEPS; step++) {
            rescale(v, sys, dof, temperature, dt / 2 / tau, random.sequence(MolecularDynamics.STREAM_BUSSI_BEFORE, step));
            for (int k = 0; k < x.length; k++) {
                v[k] += 0.5 * dt * a[k];
                x[k] += dt * v[k];
            }
            a = accelerationOf(sys, force(sys, x, template));
            for (int k = 0; k < x.length; k++) {
                v[k] += 0.5 * dt * a[k];
            }
            rescale(v, sys, dof, temperature, dt / 2 / tau, random.sequence(MolecularDynamics.STREAM_BUSSI_AFTER, step));
        }
        compare(new Run(x, v), md);
    }

    /** Bussi et al.'s appendix: K' from R₁ and a χ²_{N_f−1} deviate (here summed from N_f − 1 normals' law via Gamma). */
    private static void rescale(double[] v, MdSystem sys, int dof, double temperature, double hOverTau,
            CounterRandom.Sequence noise) {
        double k = Velocities.kinetic(sys, v);
        double kbar = 0.5 * dof * Units.BOLTZMANN * temperature;
        double c = Math.exp(-hOverTau);
        double r1 = noise.normal();
        double sum = noise.sumOfSquaredNormals(dof - 1);
        double next = k + (1 - c) * (kbar * (sum + r1 * r1) / dof - k) + 2 * r1 * Math.sqrt(k * kbar / dof * (1 - c) * c);
        double alpha = Math.sqrt(next / k);
        for (int j = 0; j < v.length; j++) {
            v[j] *= alpha;
        }
    }

    private static void compare(Run expected, MolecularDynamics md) {
        double[] x = md.state().positions();
        double[] v = md.state().velocities();
        for (int k = 0; k < x.length; k++) {
            assertEquals(expected.x()[k], x[k], 1e-9, "position " + k);
            assertEquals(expected.v()[k], v[k], 1e-11, "velocity " + k);
        }
    }
}
