package potentia.relax;

/** Finiteness checks for what a potential returns. */
final class Finite {
    private Finite() {
    }

    /** Whether every entry is finite. */
    static boolean all(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
