package potentia.relax;

/**
 * An optimiser's rule for the next step on a flat vector of degrees of freedom grouped in threes.
 * Mutable (velocities, curvature memory); one per relaxation.
 */
sealed interface StepRule permits Fire, Lbfgs {

    /**
     * The step to take from the current point.
     *
     * @return a fresh displacement, length = degrees of freedom; the caller projects it onto the
     *     constraints and caps it to {@link #stepLimit()}
     */
    double[] propose(Evaluation current);

    /** The largest norm any group of three may move in the next step, Å. */
    double stepLimit();

    /**
     * Told the outcome of the step {@code dx} (as finally taken) from {@code from} to {@code to}.
     *
     * @return whether to keep the new point (false: stay at {@code from})
     */
    boolean accept(Evaluation from, Evaluation to, double[] dx);

    /** Scales {@code dx} (modified) so that no group of three moves farther than {@code limit}. */
    static void cap(double[] dx, double limit) {
        double largest = 0;
        for (int g = 0; g + 2 < dx.length; g += 3) {
            largest = Math.max(largest, Math.sqrt(dx[g] * dx[g] + dx[g + 1] * dx[g + 1] + dx[g + 2] * dx[g + 2]));
        }
        if (largest > limit) {
            double scale = limit / largest;
            for (int k = 0; k < dx.length; k++) {
                dx[k] *= scale;
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
