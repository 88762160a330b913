package potentia.ns;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How a walk mixes its moves: the relative frequency of each kind (a walk picks the next move
 * with these weights until its step budget is spent) and the length of a Galilean trajectory.
 * Moves that do not apply (cell moves in a fixed container, swaps with one species) are
 * dropped by the sampler.
 *
 * @param weights non-negative weight per kind (missing kinds weigh 0)
 * @param galileanSteps steps of one Galilean trajectory, ≥ 1
 * @param hamiltonianSteps molecular-dynamics steps of one Hamiltonian trajectory, ≥ 1
 * @param kineticTemperature K: with Hamiltonian moves the momenta's prior is uniform under
 *     K ≤ (3N − 3)/2 · k_B · this (the total momentum is zero); required (&gt; 0) when
 *     Hamiltonian moves have weight, else 0. The analysis removes the kinetic part exactly, so
 *     it decides only where the run starts, not the results.
 */
public record MoveMix(Map<MoveKind, Double> weights, int galileanSteps, int hamiltonianSteps,
        double kineticTemperature) {
    public MoveMix {
        EnumMap<MoveKind, Double> w = new EnumMap<>(MoveKind.class);
        for (MoveKind k : MoveKind.values()) {
            double v = weights.getOrDefault(k, 0.0);
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("weight of " + k.label() + " moves must be ≥ 0, got " + v);
            }
            w.put(k, v);
        }
        weights = Collections.unmodifiableMap(w);
        if (galileanSteps < 1) {
            throw new IllegalArgumentException("a Galilean trajectory needs at least one step, got " + galileanSteps);
        }
        if (hamiltonianSteps < 1) {
            throw new IllegalArgumentException("a Hamiltonian trajectory needs at least one step, got "
                    + hamiltonianSteps);
        }
        if (w.get(MoveKind.HAMILTONIAN) > 0) {
            if (!(kineticTemperature > 0) || Double.isInfinite(kineticTemperature)) {
                throw new IllegalArgumentException("Hamiltonian moves sample momenta too: they need the kinetic "
                        + "energy's cap as a temperature > 0 K, got " + kineticTemperature);
            }
        } else if (kineticTemperature != 0) {
            throw new IllegalArgumentException("a kinetic-energy cap applies only with Hamiltonian moves");
        }
    }

    /** A mix without Hamiltonian moves (8-step Hamiltonian trajectories, no kinetic cap). */
    public MoveMix(Map<MoveKind, Double> weights, int galileanSteps) {
        this(weights, galileanSteps, 8, 0);
    }

    /** Whether walkers carry momenta: Hamiltonian moves have weight. */
    public boolean kinetic() {
        return weights.get(MoveKind.HAMILTONIAN) > 0;
    }

    /**
     * Defaults after pymatnest's: atom sweeps most of the time (weight 8), each cell move and
     * swap weight 1, no Galilean trajectories (they need forces; single-atom moves with local
     * updates are cheaper for LJ and SW).
     */
    public static MoveMix defaults() {
        return new MoveMix(Map.of(MoveKind.ATOM_SWEEP, 8.0, MoveKind.VOLUME, 1.0, MoveKind.SHEAR, 1.0,
                MoveKind.STRETCH, 1.0, MoveKind.SWAP, 1.0), 8);
    }

    /** The weight of a kind. */
    public double weight(MoveKind k) {
        return weights.get(k);
    }

    /** This mix with one weight changed. */
    public MoveMix with(MoveKind k, double weight) {
        EnumMap<MoveKind, Double> w = new EnumMap<>(weights);
        w.put(k, weight);
        return new MoveMix(w, galileanSteps, hamiltonianSteps, kineticTemperature);
    }

    /** This mix with another Galilean trajectory length. */
    public MoveMix withGalileanSteps(int steps) {
        return new MoveMix(weights, steps, hamiltonianSteps, kineticTemperature);
    }

    /** This mix with Hamiltonian moves of this weight, trajectory length and kinetic cap (K). */
    public MoveMix withHamiltonian(double weight, int steps, double temperature) {
        EnumMap<MoveKind, Double> w = new EnumMap<>(weights);
        w.put(MoveKind.HAMILTONIAN, weight);
        return new MoveMix(w, galileanSteps, steps, weight > 0 ? temperature : 0);
    }
}
