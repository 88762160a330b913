package potentia.cli;

import java.util.BitSet;

/**
 * An atom selection on the command line: comma-separated 0-based indices and inclusive ranges,
 * e.g. {@code 0,3,10-19} (indices as ASE counts them).
 */
final class AtomSelection {
    private AtomSelection() {
    }

    /**
     * The selected indices in increasing order.
     *
     * @param option the option's name, for messages
     * @param atoms the number of atoms (every index must be below it)
     */
    static int[] parse(String text, String option, int atoms) {
        BitSet set = new BitSet();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-', 1);
            try {
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).trim());
                if (from < 0 || to < from) {
                    throw new NumberFormatException();
                }
                if (to >= atoms) {
                    throw new IllegalArgumentException(option + ": atom " + to + " does not exist (the structure has atoms 0–"
                            + (atoms - 1) + ")");
                }
                set.set(from, to + 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": '" + p
                        + "' is not an atom index or range (use e.g. 0,3,10-19; indices count from 0)");
            }
        }
        return set.stream().toArray();
    }
}
