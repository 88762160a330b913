package potentia.cmaes;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Everything a {@link Cmaes} run is, between two generations: the distribution (mean, σ, C and
 * its lazily kept eigendecomposition), the evolution paths, counters, the generator's state, the
 * best solution so far and the fitness histories the termination criteria look back on. A run
 * rebuilt from it ({@link Cmaes#resume}) continues exactly as the original would have.
 *
 * <p>Immutable: the compact constructor and the accessors copy arrays. Matrices are n×n
 * row-major; {@code axes} holds the eigenvectors of C as columns and {@code scales} the square
 * roots of its eigenvalues (B and D of the tutorial), as of generation {@code eigenGeneration}.
 *
 * @param lambda population size λ (the strategy parameters follow from n, λ and activeWeights)
 * @param activeWeights whether the worst λ − μ candidates get negative weights
 * @param sigma0 the initial step size σ₀ (TolX, TolUpSigma and TolXUp refer to it)
 * @param stopping termination thresholds
 * @param mean m, n
 * @param sigma σ
 * @param covariance C, n×n
 * @param axes B, n×n
 * @param scales D, n
 * @param pathSigma p_σ, n
 * @param pathC p_c, n
 * @param generation generations completed
 * @param evaluations fitness evaluations told
 * @param eigenGeneration the generation at which B and D were computed
 * @param rng the generator's state (4 longs)
 * @param bestX the best candidate so far, n (empty before the first generation)
 * @param bestFitness its fitness (+∞ before the first generation)
 * @param bestHistory best fitness of each recent generation, oldest first
 * @param medianHistory median fitness of each recent generation, oldest first
 * @param stopReasons why the run stopped; empty while it goes on
 */
public record CmaesState(int lambda, boolean activeWeights, double sigma0, CmaesStopping stopping, double[] mean,
        double sigma, double[] covariance, double[] axes, double[] scales, double[] pathSigma, double[] pathC,
        long generation, long evaluations, long eigenGeneration, long[] rng, double[] bestX, double bestFitness,
        double[] bestHistory, double[] medianHistory, Set<StopReason> stopReasons) {

    /** Format version of {@link #write}; bump on any change of layout or meaning. */
    public static final int FORMAT_VERSION = 1;

    public CmaesState {
        int n = mean.length;
        if (n < 1 || covariance.length != n * n || axes.length != n * n || scales.length != n
                || pathSigma.length != n || pathC.length != n || rng.length != 4
                || (bestX.length != 0 && bestX.length != n)) {
            throw new IllegalArgumentException("inconsistent CMA-ES state shapes for dimension " + n);
        }
        if (lambda < 2 || !(sigma0 > 0) || generation < 0 || evaluations < 0 || eigenGeneration < 0) {
            throw new IllegalArgumentException("bad CMA-ES state: λ=" + lambda + ", σ₀=" + sigma0 + ", generation "
                    + generation + ", evaluations " + evaluations);
        }
        mean = mean.clone();
        covariance = covariance.clone();
        axes = axes.clone();
        scales = scales.clone();
        pathSigma = pathSigma.clone();
        pathC = pathC.clone();
        rng = rng.clone();
        bestX = bestX.clone();
        bestHistory = bestHistory.clone();
        medianHistory = medianHistory.clone();
        stopReasons = stopReasons.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(stopReasons));
    }

    /** Dimension n. */
    public int dimension() {
        return mean.length;
    }

    /** The strategy parameters this state runs with. */
    public CmaesParameters parameters() {
        return CmaesParameters.of(dimension(), lambda, activeWeights);
    }

    /** Whether the run has stopped. */
    public boolean stopped() {
        return !stopReasons.isEmpty();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] covariance() {
        return covariance.clone();
    }

    @Override
    public double[] axes() {
        return axes.clone();
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }

    @Override
    public double[] pathSigma() {
        return pathSigma.clone();
    }

    @Override
    public double[] pathC() {
        return pathC.clone();
    }

    @Override
    public long[] rng() {
        return rng.clone();
    }

    @Override
    public double[] bestX() {
        return bestX.clone();
    }

    @Override
    public double[] bestHistory() {
        return bestHistory.clone();
    }

    @Override
    public double[] medianHistory() {
        return medianHistory.clone();
    }

    /** Writes this state in binary (format {@link #FORMAT_VERSION}; doubles bit-exact). */
    public void write(DataOutput out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        out.writeInt(mean.length);
        out.writeInt(lambda);
        out.writeBoolean(activeWeights);
        out.writeDouble(sigma0);
        out.writeDouble(stopping.targetFitness());
        out.writeLong(stopping.maxEvaluations());
        out.writeDouble(stopping.tolFun());
        out.writeDouble(stopping.tolXFactor());
        out.writeDouble(stopping.tolUpSigma());
        out.writeDouble(stopping.tolXUp());
        out.writeDouble(stopping.maxCondition());
        out.writeBoolean(stopping.equalFunValues());
        out.writeBoolean(stopping.stagnation());
        out.writeBoolean(stopping.noEffect());
        Binary.writeDoubles(out, mean);
        out.writeDouble(sigma);
        Binary.writeDoubles(out, covariance);
        Binary.writeDoubles(out, axes);
        Binary.writeDoubles(out, scales);
        Binary.writeDoubles(out, pathSigma);
        Binary.writeDoubles(out, pathC);
        out.writeLong(generation);
        out.writeLong(evaluations);
        out.writeLong(eigenGeneration);
        for (long r : rng) {
            out.writeLong(r);
        }
        out.writeInt(bestX.length);
        Binary.writeDoubles(out, bestX);
        out.writeDouble(bestFitness);
        out.writeInt(bestHistory.length);
        Binary.writeDoubles(out, bestHistory);
        out.writeInt(medianHistory.length);
        Binary.writeDoubles(out, medianHistory);
        out.writeInt(stopReasons.size());
        for (StopReason r : StopReason.values()) {
            if (stopReasons.contains(r)) {
                out.writeUTF(r.label());
            }
        }
    }

    /**
     * Reads a state written by {@link #write}.
     *
     * @throws IOException on a short or malformed input (the message says what is wrong)
     */
    public static CmaesState read(DataInput in) throws IOException {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("CMA-ES state format version " + version + ", this build reads " + FORMAT_VERSION);
        }
        int n = Binary.readCount(in, 1 << 16, "dimension");
        int lambda = Binary.readCount(in, 1 << 24, "population size");
        boolean active = in.readBoolean();
        double sigma0 = in.readDouble();
        CmaesStopping stopping;
        try {
            stopping = new CmaesStopping(in.readDouble(), in.readLong(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readDouble(), in.readDouble(), in.readBoolean(), in.readBoolean(),
                    in.readBoolean());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        double[] mean = Binary.readDoubles(in, n);
        double sigma = in.readDouble();
        double[] c = Binary.readDoubles(in, n * n);
        double[] b = Binary.readDoubles(in, n * n);
        double[] d = Binary.readDoubles(in, n);
        double[] ps = Binary.readDoubles(in, n);
        double[] pc = Binary.readDoubles(in, n);
        long generation = in.readLong();
        long evaluations = in.readLong();
        long eigenGeneration = in.readLong();
        long[] rng = {in.readLong(), in.readLong(), in.readLong(), in.readLong()};
        double[] bestX = Binary.readDoubles(in, Binary.readCount(in, n, "best solution length"));
        double bestFitness = in.readDouble();
        double[] bestHistory = Binary.readDoubles(in, Binary.readCount(in, 1 << 20, "history length"));
        double[] medianHistory = Binary.readDoubles(in, Binary.readCount(in, 1 << 20, "history length"));
        int reasons = Binary.readCount(in, StopReason.values().length, "number of stop reasons");
        EnumSet<StopReason> stop = EnumSet.noneOf(StopReason.class);
        for (int k = 0; k < reasons; k++) {
            try {
                stop.add(StopReason.ofLabel(in.readUTF()));
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        try {
            return new CmaesState(lambda, active, sigma0, stopping, mean, sigma, c, b, d, ps, pc, generation,
                    evaluations, eigenGeneration, rng, bestX, bestFitness, bestHistory, medianHistory, stop);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CmaesState s && s.lambda == lambda && s.activeWeights == activeWeights
                && Double.compare(s.sigma0, sigma0) == 0 && s.stopping.equals(stopping) && Arrays.equals(s.mean, mean)
                && Double.compare(s.sigma, sigma) == 0 && Arrays.equals(s.covariance, covariance)
                && Arrays.equals(s.axes, axes) && Arrays.equals(s.scales, scales)
                && Arrays.equals(s.pathSigma, pathSigma) && Arrays.equals(s.pathC, pathC)
                && s.generation == generation && s.evaluations == evaluations
                && s.eigenGeneration == eigenGeneration && Arrays.equals(s.rng, rng) && Arrays.equals(s.bestX, bestX)
                && Double.compare(s.bestFitness, bestFitness) == 0 && Arrays.equals(s.bestHistory, bestHistory)
                && Arrays.equals(s.medianHistory, medianHistory) && s.stopReasons.equals(stopReasons);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + Long.hashCode(evaluations);
    }

    @Override
    public String toString() {
        return "CmaesState[n=" + mean.length + ", λ=" + lambda + ", generation " + generation + ", evaluations "
                + evaluations + ", σ=" + sigma + ", best " + bestFitness + ", stop " + stopReasons + "]";
    }
}
