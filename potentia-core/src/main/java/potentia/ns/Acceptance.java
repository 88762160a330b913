package potentia.ns;

import java.util.EnumMap;
import java.util.Map;

/**
 * Attempted and accepted moves per kind: mutable counters, summed over walks in a fixed order
 * (integers, so the sums do not depend on the order anyway).
 */
final class Acceptance {
    final long[] attempts = new long[MoveKind.values().length];
    final long[] accepted = new long[MoveKind.values().length];

    void count(MoveKind k, boolean ok) {
        attempts[k.ordinal()]++;
        if (ok) {
            accepted[k.ordinal()]++;
        }
    }

    void add(Acceptance o) {
        for (int k = 0; k < attempts.length; k++) {
            attempts[k] += o.attempts[k];
            accepted[k] += o.accepted[k];
        }
    }

    void clear() {
        java.util.Arrays.fill(attempts, 0);
        java.util.Arrays.fill(accepted, 0);
    }

    /** Acceptance rate of each kind that was attempted. */
    Map<MoveKind, Double> rates() {
        Map<MoveKind, Double> r = new EnumMap<>(MoveKind.class);
        for (MoveKind k : MoveKind.values()) {
            if (attempts[k.ordinal()] > 0) {
                r.put(k, (double) accepted[k.ordinal()] / attempts[k.ordinal()]);
            }
        }
        return r;
    }
}
