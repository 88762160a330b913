package potentia.cmaes;

import java.util.Locale;

/**
 * What a {@link RestartingCmaes} does when a run stops without reaching the target or the budget:
 * nothing, IPOP (restart with a doubled population; Auger and Hansen, CEC 2005) or BIPOP
 * (alternate large populations with the full σ₀ and small ones with a random smaller σ, whichever
 * regime has used fewer evaluations; Hansen, GECCO BBOB 2009). Every restart starts again from the
 * initial mean.
 */
public sealed interface RestartStrategy {

    /** No restarts: one run. */
    record None() implements RestartStrategy {
    }

    /**
     * IPOP: after each run, λ ← factor·λ.
     *
     * @param maxRestarts restarts after the first run (Hansen: 9)
     * @param factor population growth per restart (2)
     */
    record Ipop(int maxRestarts, double factor) implements RestartStrategy {
        public Ipop {
            if (maxRestarts < 0 || !(factor >= 1)) {
                throw new IllegalArgumentException("IPOP needs ≥ 0 restarts and a factor ≥ 1, got " + maxRestarts
                        + ", " + factor);
            }
        }
    }

    /**
     * BIPOP: after the first (default) run, large-population runs (λ = 2^i λ_default, σ₀) alternate
     * with small-population runs (λ = ⌊λ_default (λ_large / 2λ_default)^(U²)⌋, σ = σ₀·10^(−2U′),
     * budget at most half the last large run's), whichever regime has spent fewer evaluations.
     *
     * @param maxLargeRestarts large-population restarts allowed (Hansen: 9)
     */
    record Bipop(int maxLargeRestarts) implements RestartStrategy {
        public Bipop {
            if (maxLargeRestarts < 0) {
                throw new IllegalArgumentException("BIPOP needs ≥ 0 restarts, got " + maxLargeRestarts);
            }
        }
    }

    /** One run. */
    static RestartStrategy none() {
        return new None();
    }

    /** IPOP with Hansen's defaults (9 restarts, factor 2). */
    static RestartStrategy ipop() {
        return new Ipop(9, 2);
    }

    /** BIPOP with Hansen's default (9 large restarts). */
    static RestartStrategy bipop() {
        return new Bipop(9);
    }

    /** "none", "ipop" or "bipop" (any case). */
    static RestartStrategy parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> none();
            case "ipop" -> ipop();
            case "bipop" -> bipop();
            default -> throw new IllegalArgumentException("unknown restart strategy '" + name
                    + "': use none, ipop or bipop");
        };
    }

    /** The name {@link #parse} reads back. */
    default String label() {
        return switch (this) {
            case None n -> "none";
            case Ipop i -> "ipop";
            case Bipop b -> "bipop";
        };
    }
}
