package potentia.potential.lj;

/**
 * How the Lennard-Jones pair energy u(r) = 4ε[(σ/r)¹² − (σ/r)⁶] is brought to zero at a pair's
 * cutoff r_c. Every mode leaves u unchanged below r_c except as stated.
 */
public sealed interface CutoffMode {

    /** E(r) = u(r) for r &lt; r_c: the energy jumps by −u(r_c) at r_c (LAMMPS {@code lj/cut}). */
    record Truncated() implements CutoffMode {
    }

    /** E(r) = u(r) − u(r_c) for r &lt; r_c: continuous energy, force still jumps (LAMMPS {@code pair_modify shift yes}). */
    record Shifted() implements CutoffMode {
    }

    /**
     * E(r) = u(r)·S(r) with a quintic switch between r_on = onFraction·r_c and r_c:
     * S = 1 for r ≤ r_on, S = 1 − t³(10 − 15t + 6t²) with t = (r − r_on)/(r_c − r_on) for
     * r_on &lt; r &lt; r_c. S, S′ and S″ vanish at r_c and S′, S″ at r_on, so energy and force
     * (indeed the force's derivative) are continuous everywhere; u is unchanged below r_on.
     *
     * @param onFraction r_on / r_c, in (0, 1)
     */
    record Smooth(double onFraction) implements CutoffMode {
        public Smooth {
            if (!(onFraction > 0 && onFraction < 1)) {
                throw new IllegalArgumentException("smooth cutoff needs r_on/r_c in (0, 1), got " + onFraction);
            }
        }
    }

    /** Plain truncation. */
    static CutoffMode truncated() {
        return new Truncated();
    }

    /** Energy shifted to zero at the cutoff. */
    static CutoffMode shifted() {
        return new Shifted();
    }

    /** Switched smoothly to zero between onFraction·r_c and r_c. */
    static CutoffMode smooth(double onFraction) {
        return new Smooth(onFraction);
    }
}
