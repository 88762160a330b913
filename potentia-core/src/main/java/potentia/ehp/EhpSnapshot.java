package potentia.ehp;

/**
 * Everything an {@link EhpMinimiser} needs to continue exactly where it was: the current
 * centroids, force constants and cell, the ensemble in use (with the state it was drawn from)
 * and the counters. Arrays are shared, not copied: treat as read-only.
 *
 * @param centroid R₀, Å
 * @param forceConstants Φ, n×n, eV/Å²
 * @param cell the cell matrix (rows), Å, length 9 (zeros without a cell)
 * @param ensemble the ensemble in use, or null when the next step draws a fresh one
 * @param nextEnsemble the index the next ensemble will have
 * @param steps steps taken
 * @param evaluations force evaluations so far
 * @param pairs the current ensemble size in pairs
 * @param needFresh whether the next step must draw a fresh ensemble
 * @param freshAtThisSize ensembles drawn at the current size
 * @param mixing the current mixing λ
 * @param previousDelta the last force-constant step direction, or null
 * @param done whether the minimisation has ended
 * @param converged whether it ended converged
 */
public record EhpSnapshot(double[] centroid, double[] forceConstants, double[] cell, EnsembleData ensemble,
        long nextEnsemble, int steps, long evaluations, int pairs, boolean needFresh, int freshAtThisSize, double mixing,
        double[] previousDelta, boolean done, boolean converged) {

    /**
     * An ensemble without its state object: the source state's centroid and force constants
     * rebuild it (deterministically).
     */
    public record EnsembleData(double[] sourceCentroid, double[] sourceForceConstants, long index, int rows, int columns,
            double[] positions, double[] energies, double[] forces, double[][] virials, double[] logSource) {
    }
}
