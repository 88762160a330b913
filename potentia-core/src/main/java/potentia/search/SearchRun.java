package potentia.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import potentia.cmaes.Binary;
import potentia.cmaes.CheckpointFile;
import potentia.cmaes.RestartingCmaes;
import potentia.cmaes.StopReason;
import potentia.parallel.ParallelTasks;

/**
 * One run of a structure search (one seed): a {@link RestartingCmaes} over the free coordinates
 * plus the trace of its best fitness against evaluations, advanced one generation at a time so a
 * caller can report progress and write checkpoints between generations. A run loaded from a
 * checkpoint continues exactly as the uninterrupted run would have.
 *
 * <p>Two counts: <em>candidates</em>, the fitness evaluations CMA-ES made (one per sample), and
 * <em>evaluations</em>, the energy evaluations they cost ({@link Candidate#evaluations()}: one per
 * candidate without relaxation, so the two agree; with a local relaxation every relaxation step
 * counts). The evaluation budget of the {@link SearchSettings}, the trace and
 * {@link SearchRunResult#evaluations()} count energy evaluations.
 */
public final class SearchRun {
    /** Checkpoint kind written by {@link #save}. */
    public static final String KIND = "potentia-search-run";
    /** Format version of {@link #save}. */
    public static final int FORMAT_VERSION = 2;

    private final int index;
    private final long seed;
    private final RestartingCmaes cmaes;
    private long evaluations;
    private long[] traceEvaluations;
    private double[] traceBest;
    private int traceSize;

    private SearchRun(int index, long seed, RestartingCmaes cmaes, long evaluations, long[] traceEvaluations,
            double[] traceBest) {
        this.index = index;
        this.seed = seed;
        this.cmaes = cmaes;
        this.evaluations = evaluations;
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
        return new SearchRun(index, seed, c, 0, new long[0], new double[0]);
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

    /** Energy evaluations so far, relaxation steps included (see the class comment). */
    public long evaluations() {
        return evaluations;
    }

    /** Candidates CMA-ES has evaluated so far (fitness evaluations, restarts included). */
    public long candidates() {
        return cmaes.evaluations();
    }

    /**
     * Samples, evaluates and tells one generation; ends the run once its energy evaluations reach
     * the budget.
     *
     * @param threads threads evaluating the population (results do not depend on it)
     * @return the energy evaluations this generation took
     */
    public long step(StructureObjective objective, int threads) {
        if (finished()) {
            throw new IllegalStateException("run " + index + " has finished");
        }
        double before = cmaes.bestFitness();
        double[][] x = cmaes.ask();
        Candidate[] c = evaluate(objective, x, threads);
        double[] fitness = new double[c.length];
        long cost = 0;
        for (int k = 0; k < c.length; k++) {
            fitness[k] = c[k].fitness();
            cost += c[k].evaluations();
        }
        evaluations += cost;
        cmaes.tell(fitness);
        if (evaluations >= cmaes.stopping().maxEvaluations()) {
            cmaes.stop(StopReason.MAX_EVALUATIONS);
        }
        if (cmaes.bestFitness() < before || traceSize == 0 || finished()) {
            record(evaluations, cmaes.bestFitness());
        }
        return cost;
    }

    /** Candidate k of {@code x} in slot k, whichever thread evaluated it. */
    private static Candidate[] evaluate(StructureObjective objective, double[][] x, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("need at least one thread, got " + threads);
        }
        int count = x.length;
        Candidate[] c = new Candidate[count];
        int tasks = ParallelTasks.tasksFor(count, threads);
        ParallelTasks.run(tasks, t -> {
            int end = ParallelTasks.chunkStart(count, tasks, t + 1);
            for (int k = ParallelTasks.chunkStart(count, tasks, t); k < end; k++) {
                c[k] = objective.evaluate(x[k]);
            }
        });
        return c;
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
            out.writeLong(evaluations);
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
            if (version != 1 && version != FORMAT_VERSION) {
                throw new IOException("search run format version " + version + ", this build reads 1 and "
                        + FORMAT_VERSION);
            }
            int index = in.readInt();
            long seed = in.readLong();
            RestartingCmaes c = RestartingCmaes.read(in);
            if (c.current().dimension() != dimension) {
                throw new IOException("the run has " + c.current().dimension() + " coordinates, the search "
                        + dimension);
            }
            // version 1 predates local relaxation: every candidate cost one evaluation
            long evaluations = version == 1 ? c.evaluations() : in.readLong();
            if (evaluations < c.evaluations()) {
                throw new IOException("the run counts " + evaluations + " energy evaluations for " + c.evaluations()
                        + " candidates");
            }
            int size = Binary.readCount(in, 1 << 26, "trace length");
            long[] ev = new long[size];
            for (int k = 0; k < size; k++) {
                ev[k] = in.readLong();
            }
            double[] best = Binary.readDoubles(in, size);
            return new SearchRun(index, seed, c, evaluations, ev, best);
        });
    }

    /**
     * What the run found so far (or in the end): its best candidate re-evaluated (and relaxed, if
     * the objective relaxes) with every label attached.
     */
    public SearchRunResult result(StructureObjective objective) {
        double[] x = cmaes.bestX();
        Candidate best = objective.evaluate(x.length == 0 ? objective.founderCoordinates() : x);
        return new SearchRunResult(index, seed, best, objective.labelled(best), evaluations, cmaes.evaluations(),
                cmaes.stopReasons(), cmaes.sigma(), cmaes.restarts(), traceEvaluations(), traceBest());
    }
}
