package potentia.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import potentia.cmaes.Binary;
import potentia.cmaes.CheckpointFile;
import potentia.cmaes.PopulationEvaluator;
import potentia.cmaes.RestartingCmaes;

/**
 * One run of a structure search (one seed): a {@link RestartingCmaes} over the free coordinates
 * plus the trace of its best fitness against evaluations, advanced one generation at a time so a
 * caller can report progress and write checkpoints between generations. A run loaded from a
 * checkpoint continues exactly as the uninterrupted run would have.
 */
public final class SearchRun {
    /** Checkpoint kind written by {@link #save}. */
    public static final String KIND = "potentia-search-run";
    /** Format version of {@link #save}. */
    public static final int FORMAT_VERSION = 1;

    private final int index;
    private final long seed;
    private final RestartingCmaes cmaes;
    private long[] traceEvaluations;
    private double[] traceBest;
    private int traceSize;

    private SearchRun(int index, long seed, RestartingCmaes cmaes, long[] traceEvaluations, double[] traceBest) {
        this.index = index;
        this.seed = seed;
        this.cmaes = cmaes;
        this.traceEvaluations = traceEvaluations;
        this.traceBest = traceBest;
        this.traceSize = traceEvaluations.length;
    }

    /**
     * Starts run {@code index} from the founder coordinates with σ₀ and seed {@code seed}.
     */
    public static SearchRun start(int index, long seed, StructureObjective objective, SearchSettings settings) {
        RestartingCmaes c = RestartingCmaes.start(settings.restarts(), objective.founderCoordinates(),
                settings.sigma0(), settings.lambda(), true, settings.stopping(), seed);
        return new SearchRun(index, seed, c, new long[0], new double[0]);
    }

    /** The run's number. */
    public int index() {
        return index;
    }

    /** The run's seed. */
    public long seed() {
        return seed;
    }

    /** The optimiser (read it; do not drive it behind the run's back). */
    public RestartingCmaes cmaes() {
        return cmaes;
    }

    /** Whether the run has ended. */
    public boolean finished() {
        return cmaes.stopped();
    }

    /**
     * Samples, evaluates and tells one generation.
     *
     * @param threads threads evaluating the population (results do not depend on it)
     * @return the number of evaluations this generation took
     */
    public int step(StructureObjective objective, int threads) {
        if (finished()) {
            throw new IllegalStateException("run " + index + " has finished");
        }
        double before = cmaes.bestFitness();
        double[][] x = cmaes.ask();
        cmaes.tell(PopulationEvaluator.evaluate(objective, x, threads));
        if (cmaes.bestFitness() < before || traceSize == 0 || finished()) {
            record(cmaes.evaluations(), cmaes.bestFitness());
        }
        return x.length;
    }

    private void record(long evaluations, double best) {
        if (traceSize == traceEvaluations.length) {
            int grown = Math.max(16, 2 * traceSize);
            traceEvaluations = Arrays.copyOf(traceEvaluations, grown);
            traceBest = Arrays.copyOf(traceBest, grown);
        }
        traceEvaluations[traceSize] = evaluations;
        traceBest[traceSize] = best;
        traceSize++;
    }

    /** Evaluations at which the best fitness improved (and at the end), ascending, a fresh copy. */
    public long[] traceEvaluations() {
        return Arrays.copyOf(traceEvaluations, traceSize);
    }

    /** The best fitness at each {@link #traceEvaluations()} point, eV, a fresh copy. */
    public double[] traceBest() {
        return Arrays.copyOf(traceBest, traceSize);
    }

    /** Writes a checkpoint of the run (atomically; between generations only). */
    public void save(Path file) {
        CheckpointFile.write(file, KIND, out -> {
            out.writeInt(FORMAT_VERSION);
            out.writeInt(index);
            out.writeLong(seed);
            cmaes.write(out);
            out.writeInt(traceSize);
            for (int k = 0; k < traceSize; k++) {
                out.writeLong(traceEvaluations[k]);
            }
            Binary.writeDoubles(out, Arrays.copyOf(traceBest, traceSize));
        });
    }

    /**
     * Reads a checkpoint written by {@link #save}.
     *
     * @param dimension the number of free coordinates the search has (checked)
     * @throws IllegalArgumentException naming the file when it is missing, damaged, or belongs to
     *     another search
     */
    public static SearchRun load(Path file, int dimension) {
        return CheckpointFile.read(file, KIND, in -> {
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IOException("search run format version " + version + ", this build reads " + FORMAT_VERSION);
            }
            int index = in.readInt();
            long seed = in.readLong();
            RestartingCmaes c = RestartingCmaes.read(in);
            if (c.current().dimension() != dimension) {
                throw new IOException("the run has " + c.current().dimension() + " coordinates, the search "
                        + dimension);
            }
            int size = Binary.readCount(in, 1 << 26, "trace length");
            long[] ev = new long[size];
            for (int k = 0; k < size; k++) {
                ev[k] = in.readLong();
            }
            double[] best = Binary.readDoubles(in, size);
            return new SearchRun(index, seed, c, ev, best);
        });
    }

    /**
     * What the run found so far (or in the end): its best candidate re-evaluated (and relaxed, if
     * the objective relaxes) with every label attached.
     */
    public SearchRunResult result(StructureObjective objective) {
        double[] x = cmaes.bestX();
        Candidate best = objective.evaluate(x.length == 0 ? objective.founderCoordinates() : x);
        return new SearchRunResult(index, seed, best, objective.labelled(best), cmaes.evaluations(),
                cmaes.stopReasons(), cmaes.sigma(), cmaes.restarts(), traceEvaluations(), traceBest());
    }
}
