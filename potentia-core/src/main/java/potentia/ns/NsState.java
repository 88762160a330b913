package potentia.ns;

/**
 * Everything a run needs to continue exactly where it stopped (between iterations): the
 * iteration count, step sizes, every walker's positions (3N, Å), cell (9, Å), energy (eV),
 * volume (Å³) and — when the run samples momenta, else none (an empty array) — velocities (3N,
 * Å/fs), the tuning counters and the recent H limits of the temperature estimate.
 * Arrays are owned by the record (not copied); treat them as read-only.
 */
public record NsState(long iteration, StepSizes steps, double[][] positions, double[][] cells, double[] energies,
        double[] volumes, double[][] velocities, long[] tuneAttempts, long[] tuneAccepted, double[] recentLimits) {
}
