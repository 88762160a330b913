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
 */
public record MoveMix(Map<MoveKind, Double> weights, int galileanSteps) {
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
        return new MoveMix(w, galileanSteps);
    }

    /** This mix with another trajectory length. */
    public MoveMix withGalileanSteps(int steps) {
        return new MoveMix(weights, steps);
    }
}
