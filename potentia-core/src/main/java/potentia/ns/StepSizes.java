package potentia.ns;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The step size of each move kind, tuned during a run: atom and Galilean steps in Å (standard
 * deviation of a single-atom displacement per Cartesian component; RMS displacement per atom
 * of one Galilean step), volume steps in Å³ per atom (standard deviation of ΔV/N), shear in
 * units of V^{1/3}, stretch as the standard deviation of δ, Hamiltonian trajectories by their
 * time step in fs; swaps have none.
 */
public record StepSizes(Map<MoveKind, Double> sizes) {
    public StepSizes {
        EnumMap<MoveKind, Double> s = new EnumMap<>(MoveKind.class);
        for (MoveKind k : MoveKind.values()) {
            double v = sizes.getOrDefault(k, 1.0);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("step size of " + k.label() + " moves must be > 0, got " + v);
            }
            s.put(k, v);
        }
        sizes = Collections.unmodifiableMap(s);
    }

    /** Starting sizes: atoms 0.5 Å, Galilean 0.1 Å, Hamiltonian 1 fs, volume 1 Å³/atom, shear 0.1, stretch 0.1. */
    public static StepSizes defaults() {
        return new StepSizes(Map.of(MoveKind.ATOM_SWEEP, 0.5, MoveKind.GALILEAN, 0.1, MoveKind.HAMILTONIAN, 1.0,
                MoveKind.VOLUME, 1.0, MoveKind.SHEAR, 0.1, MoveKind.STRETCH, 0.1, MoveKind.SWAP, 1.0));
    }

    /** The size for a kind. */
    public double get(MoveKind k) {
        return sizes.get(k);
    }

    /** These sizes with one changed. */
    public StepSizes with(MoveKind k, double size) {
        EnumMap<MoveKind, Double> s = new EnumMap<>(sizes);
        s.put(k, size);
        return new StepSizes(s);
    }
}
