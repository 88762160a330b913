package potentia.ehp;

import org.ejml.data.DMatrixRMaj;
import potentia.md.CounterRandom;
import potentia.parallel.ParallelTasks;
import potentia.structure.Cell;

/**
 * Configurations drawn from one Gaussian state, in antithetic pairs R₀ ± u (so every odd moment
 * of the displacements cancels exactly), with their energies, forces and virials. The normal
 * deviates are counter-based ({@link CounterRandom}: seed, stream, ensemble index, number), so
 * an ensemble is the same whichever threads evaluate it and however often it is redrawn.
 *
 * <p>Immutable once drawn (the arrays are not exposed for modification).
 *
 * @param source the state the configurations were drawn from
 * @param cell the cell they were evaluated in
 * @param index which ensemble of its stream this is (the random-number step)
 * @param positions one configuration per row, n columns, Å; rows 2p and 2p+1 are a pair
 * @param energies eV, one per row
 * @param forces eV/Å, one row per configuration
 * @param virials eV, 9 per configuration, or null
 * @param logSource log density of each configuration under the source state (same constant as
 *     {@link GaussianState#logDensity})
 */
public record Ensemble(GaussianState source, Cell cell, long index, DMatrixRMaj positions, double[] energies,
        DMatrixRMaj forces, double[][] virials, double[] logSource) {

    /** Number of configurations (twice the pairs). */
    public int size() {
        return energies.length;
    }

    /**
     * Draws {@code pairs} pairs from {@code state} and evaluates them on {@code threads} threads
     * (each configuration on one thread; results do not depend on the thread count).
     */
    public static Ensemble draw(GaussianState state, Cell cell, Landscape landscape, CounterRandom random, long stream,
            long index, int pairs, int threads) {
        if (pairs < 1) {
            throw new IllegalArgumentException("need at least one pair of samples, got " + pairs);
        }
        int modes = state.modes();
        int n = state.dimension();
        double[] normals = new double[pairs * modes];
        int tasks = ParallelTasks.tasksFor(pairs, threads);
        ParallelTasks.run(tasks, t -> random.normals(stream, index, normals,
                ParallelTasks.chunkStart(pairs, tasks, t) * modes, ParallelTasks.chunkStart(pairs, tasks, t + 1) * modes));
        DMatrixRMaj xi = DMatrixRMaj.wrap(pairs, modes, normals);
        DMatrixRMaj u = state.displacements(xi);
        double[] r0 = state.centroidArray();
        int m = 2 * pairs;
        DMatrixRMaj x = new DMatrixRMaj(m, n);
        for (int p = 0; p < pairs; p++) {
            for (int c = 0; c < n; c++) {
                double d = u.unsafe_get(p, c);
                x.unsafe_set(2 * p, c, r0[c] + d);
                x.unsafe_set(2 * p + 1, c, r0[c] - d);
            }
        }
        double[] logSource = new double[m];
        double norm = state.logNormalisation();
        for (int p = 0; p < pairs; p++) {
            double s = 0;
            for (int k = 0; k < modes; k++) {
                double v = normals[p * modes + k];
                s += v * v;
            }
            logSource[2 * p] = -0.5 * s - norm;
            logSource[2 * p + 1] = -0.5 * s - norm;
        }
        double[] energies = new double[m];
        DMatrixRMaj forces = new DMatrixRMaj(m, n);
        double[][] virials = new double[m][];
        int evalTasks = ParallelTasks.tasksFor(m, threads);
        ParallelTasks.run(evalTasks, t -> {
            double[] pos = new double[n];
            for (int i = ParallelTasks.chunkStart(m, evalTasks, t); i < ParallelTasks.chunkStart(m, evalTasks, t + 1); i++) {
                System.arraycopy(x.data, i * n, pos, 0, n);
                Landscape.Sample s = landscape.evaluate(pos, cell);
                if (s.forces().length != n) {
                    throw new IllegalStateException("the landscape returned " + s.forces().length + " forces for " + n
                            + " coordinates");
                }
                if (!Double.isFinite(s.energy())) {
                    throw new IllegalStateException("the potential returned a non-finite energy for sample " + i
                            + " (atoms too close? the harmonic state may be far too wide)");
                }
                energies[i] = s.energy();
                System.arraycopy(s.forces(), 0, forces.data, i * n, n);
                virials[i] = s.virial();
            }
        });
        boolean withVirials = virials[0] != null;
        return new Ensemble(state, cell, index, x, energies, forces, withVirials ? virials : null, logSource);
    }
}
