package potentia.relax;

import java.util.Optional;
import potentia.structure.AtomArray;
import potentia.structure.Structure;

/**
 * Which coordinates may move: the structure's own {@code move_mask} array (ASE's extended XYZ
 * name: logical, 1 or 3 columns, true = may move), an explicit mask and a list of fixed atoms,
 * combined — a coordinate moves only if none of them fixes it.
 */
final class MoveMask {
    private MoveMask() {
    }

    /** The combined mask, 3N, true = may move. */
    static boolean[] of(Structure s, RelaxOptions options) {
        int n = s.size();
        boolean[] move = new boolean[3 * n];
        java.util.Arrays.fill(move, true);
        Optional<AtomArray> own = s.array("move_mask");
        if (own.isPresent()) {
            if (!(own.get() instanceof AtomArray.Bools b) || (b.columns() != 1 && b.columns() != 3)) {
                throw new IllegalArgumentException("per-atom array 'move_mask' must be logical with 1 or 3 columns"
                        + " (true = may move), got " + own.get());
            }
            apply(move, b.values(), "the structure's move_mask");
        }
        Optional<boolean[]> explicit = options.moveMask();
        if (explicit.isPresent()) {
            boolean[] m = explicit.get();
            if (m.length != n && m.length != 3 * n) {
                throw new IllegalArgumentException("move mask has " + m.length + " entries for " + n
                        + " atoms (need " + n + " or " + 3 * n + ")");
            }
            apply(move, m, "the move mask");
        }
        for (int i : options.fixedAtoms()) {
            if (i >= n) {
                throw new IllegalArgumentException("fixed atom " + i + " does not exist (the structure has " + n
                        + " atoms, indices 0.." + (n - 1) + ")");
            }
            move[3 * i] = false;
            move[3 * i + 1] = false;
            move[3 * i + 2] = false;
        }
        return move;
    }

    private static void apply(boolean[] move, boolean[] mask, String what) {
        int n = move.length / 3;
        if (mask.length == n) {
            for (int i = 0; i < n; i++) {
                if (!mask[i]) {
                    move[3 * i] = false;
                    move[3 * i + 1] = false;
                    move[3 * i + 2] = false;
                }
            }
        } else if (mask.length == 3 * n) {
            for (int k = 0; k < mask.length; k++) {
                move[k] &= mask[k];
            }
        } else {
            throw new IllegalArgumentException(what + " has " + mask.length + " entries for " + n + " atoms");
        }
    }

    /** Zeroes the entries of {@code v} (length ≥ 3N) at fixed coordinates. */
    static void zeroFixed(boolean[] move, double[] v) {
        for (int k = 0; k < move.length; k++) {
            if (!move[k]) {
                v[k] = 0;
            }
        }
    }

    /** Largest norm of a free atom's 3-vector in {@code f} (3N, after zeroing). */
    static double maxNorm(double[] f, int atoms) {
        double m = 0;
        for (int i = 0; i < atoms; i++) {
            double x = f[3 * i];
            double y = f[3 * i + 1];
            double z = f[3 * i + 2];
            m = Math.max(m, Math.sqrt(x * x + y * y + z * z));
        }
        return m;
    }
}
