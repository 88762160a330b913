package potentia.md;

/**
 * How the temperature is controlled: not at all (NVE), by Langevin dynamics, or by stochastic
 * velocity rescaling. Both thermostats sample the canonical distribution exactly in the limit of
 * small time steps, and their random numbers come from the run's {@link CounterRandom}.
 */
public sealed interface Thermostat {

    /** No thermostat: microcanonical (NVE) dynamics with velocity Verlet. */
    record None() implements Thermostat {
    }

    /**
     * Langevin dynamics with friction γ on every free component, integrated by BAOAB
     * (Leimkuhler, Matthews, Appl. Math. Res. Express 2013, 34): half kick, half drift, the exact
     * Ornstein–Uhlenbeck step v ← e^{−γΔt} v + √((1 − e^{−2γΔt}) k_BT/m) ξ, half drift, force,
     * half kick. Momentum is not conserved: the centre of mass is thermalised too.
     *
     * @param temperature K, &gt; 0
     * @param friction γ, 1/fs, &gt; 0 (1/γ is the velocity decorrelation time)
     */
    record Langevin(double temperature, double friction) implements Thermostat {
        public Langevin {
            positive("Langevin temperature (K)", temperature);
            positive("Langevin friction (1/fs)", friction);
        }
    }

    /**
     * Stochastic velocity rescaling (Bussi, Donadio, Parrinello, J. Chem. Phys. 126 (2007) 014101):
     * all velocities are scaled by one factor α chosen so that the kinetic energy follows the
     * exact solution, over the time step, of
     * dK = (K̄ − K) dt/τ + 2 √(K K̄/N_f) dW/√τ with K̄ = N_f k_BT/2. Applied for half a step
     * before and after each velocity Verlet step. Conserves zero total momentum. A system at rest
     * (K = 0) cannot be rescaled: give it velocities first.
     *
     * @param temperature K, &gt; 0
     * @param tau relaxation time τ, fs, &gt; 0
     */
    record Bussi(double temperature, double tau) implements Thermostat {
        public Bussi {
            positive("Bussi temperature (K)", temperature);
            positive("Bussi relaxation time (fs)", tau);
        }
    }

    /** The target temperature, K (NaN without a thermostat). */
    default double temperature() {
        return switch (this) {
            case None n -> Double.NaN;
            case Langevin l -> l.temperature();
            case Bussi b -> b.temperature();
        };
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive number, got " + v);
        }
    }
}
