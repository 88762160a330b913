package potentia.cli;

/**
 * A frame selection as ASE writes it: {@code N}, {@code -N} (from the end), or a slice
 * {@code start:stop:step} with any part optional ({@code :} is every frame, {@code -1} the last).
 * Negative positions need the frame count, which {@link #resolve} takes.
 */
record Frames(Integer start, Integer stop, int step, boolean single) {
    static final Frames ALL = new Frames(null, null, 1, false);

    static Frames parse(String text) {
        String t = text.trim();
        try {
            if (!t.contains(":")) {
                int i = Integer.parseInt(t);
                return new Frames(i, null, 1, true);
            }
            String[] p = t.split(":", -1);
            if (p.length > 3) {
                throw new IllegalArgumentException();
            }
            Integer start = p[0].isEmpty() ? null : Integer.parseInt(p[0]);
            Integer stop = p.length > 1 && !p[1].isEmpty() ? Integer.parseInt(p[1]) : null;
            int step = p.length > 2 && !p[2].isEmpty() ? Integer.parseInt(p[2]) : 1;
            if (step <= 0) {
                throw new IllegalArgumentException("frame step must be positive: '" + text + "'");
            }
            return new Frames(start, stop, step, false);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad frame selection '" + text + "': use N, -N or start:stop:step");
        }
    }

    /** Whether resolving needs the total frame count (a negative position). */
    boolean needsCount() {
        return (start != null && start < 0) || (stop != null && stop < 0);
    }

    /** Concrete [from, to) and step for a file of {@code count} frames (count unused when not needed). */
    int[] resolve(int count) {
        if (single) {
            int i = start < 0 ? count + start : start;
            if (i < 0 || (needsCount() && i >= count)) {
                throw new IllegalArgumentException("frame " + start + " does not exist (" + count + " frames)");
            }
            return new int[] {i, i + 1, 1};
        }
        int from = start == null ? 0 : start < 0 ? Math.max(0, count + start) : start;
        int to = stop == null ? Integer.MAX_VALUE : stop < 0 ? Math.max(0, count + stop) : stop;
        return new int[] {from, to, step};
    }

    /** Whether frame {@code index} is selected under the resolved range. */
    static boolean selected(int[] range, int index) {
        return index >= range[0] && index < range[1] && (index - range[0]) % range[2] == 0;
    }
}
