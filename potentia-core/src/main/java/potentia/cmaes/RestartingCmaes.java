package potentia.cmaes;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A sequence of {@link Cmaes} runs under a {@link RestartStrategy}, behind the same ask/tell
 * interface: when a run stops (other than by reaching the target or the overall budget) the next
 * one starts from the initial mean, with the population and step size the strategy picks, drawing
 * from the same random stream. The target and the evaluation budget of the {@link CmaesStopping}
 * hold for the whole sequence.
 *
 * <p>Deterministic for a seed; {@link #write}/{@link #read} save and restore it between two
 * generations, and the restored sequence continues exactly as the original would have.
 */
public final class RestartingCmaes {
    /** Format version of {@link #write}. */
    public static final int FORMAT_VERSION = 1;

    /** One finished run of the sequence: its population, initial σ, evaluations, best fitness and stop reasons. */
    public record Run(int lambda, double sigma0, long evaluations, double bestFitness, Set<StopReason> stopReasons) {
        public Run {
            stopReasons = Set.copyOf(stopReasons);
        }
    }

    private final RestartStrategy strategy;
    private final double[] initialMean;
    private final double sigma0;
    private final boolean activeWeights;
    private final CmaesStopping stopping;
    private final int defaultLambda;
    private Cmaes current;
    private final List<Run> finished;
    private long evaluationsBefore;
    private double bestFitness;
    private double[] bestX;
    private int largeRestarts;
    private long largeBudget;
    private long smallBudget;
    private long lastLargeEvaluations;
    private boolean currentIsSmall;
    private final EnumSet<StopReason> stop = EnumSet.noneOf(StopReason.class);

    private RestartingCmaes(RestartStrategy strategy, double[] initialMean, double sigma0, boolean activeWeights,
            CmaesStopping stopping, int defaultLambda, Cmaes current, List<Run> finished) {
        this.strategy = strategy;
        this.initialMean = initialMean.clone();
        this.sigma0 = sigma0;
        this.activeWeights = activeWeights;
        this.stopping = stopping;
        this.defaultLambda = defaultLambda;
        this.current = current;
        this.finished = new ArrayList<>(finished);
        this.bestFitness = Double.POSITIVE_INFINITY;
        this.bestX = new double[0];
    }

    /**
     * Starts a sequence.
     *
     * @param mean the initial mean, n (not modified)
     * @param sigma0 the initial step size (&gt; 0)
     * @param lambda the first run's population (0: Hansen's default); IPOP and BIPOP grow it
     * @param activeWeights negative weights (the tutorial's default: true)
     * @param stopping thresholds; target and budget apply to the whole sequence
     * @param seed seeds the one generator all runs draw from
     */
    public static RestartingCmaes start(RestartStrategy strategy, double[] mean, double sigma0, int lambda,
            boolean activeWeights, CmaesStopping stopping, long seed) {
        int lam = lambda > 0 ? lambda : CmaesParameters.defaultLambda(mean.length);
        Cmaes first = Cmaes.start(mean, sigma0, lam, activeWeights, stopping, seed);
        return new RestartingCmaes(strategy, mean, sigma0, activeWeights, stopping, lam, first, List.of());
    }

    /** The strategy. */
    public RestartStrategy strategy() {
        return strategy;
    }

    /** The run in progress (or the last one, once finished). */
    public Cmaes current() {
        return current;
    }

    /** The runs that have ended, in order (the current one not included until the sequence ends). */
    public List<Run> runs() {
        return List.copyOf(finished);
    }

    /** Restarts done so far. */
    public int restarts() {
        return stopped() ? finished.size() - 1 : finished.size();
    }

    /** Evaluations over all runs. */
    public long evaluations() {
        // once the sequence has ended the last run is already counted in evaluationsBefore
        return stopped() ? evaluationsBefore : evaluationsBefore + current.evaluations();
    }

    /** The best fitness over all runs. */
    public double bestFitness() {
        return Math.min(bestFitness, current.bestFitness());
    }

    /** The best candidate over all runs, n, a fresh copy (empty before the first generation). */
    public double[] bestX() {
        return current.bestFitness() < bestFitness || bestX.length == 0 ? current.bestX() : bestX.clone();
    }

    /** Whether the whole sequence has ended. */
    public boolean stopped() {
        return !stop.isEmpty();
    }

    /** Why the sequence ended: the last run's reasons, plus {@link StopReason#MAX_RESTARTS} when restarts ran out. */
    public Set<StopReason> stopReasons() {
        return stop.isEmpty() ? Set.of() : Set.copyOf(stop);
    }

    /** The thresholds; the target and the evaluation budget hold for the whole sequence. */
    public CmaesStopping stopping() {
        return stopping;
    }

    /**
     * Ends the whole sequence now, between two generations, for a reason the caller decides (a
     * budget it counts itself, e.g. a structure search's energy evaluations including local
     * relaxations): the current run ends with {@code reason} and no restart follows. Does nothing
     * once the sequence has ended.
     */
    public void stop(StopReason reason) {
        if (stopped()) {
            return;
        }
        current.stop(reason);
        finished.add(new Run(current.lambda(), current.state().sigma0(), current.evaluations(), current.bestFitness(),
                current.stopReasons()));
        keepBest();
        evaluationsBefore += current.evaluations();
        stop.addAll(current.stopReasons());
    }

    private void keepBest() {
        if (current.bestFitness() < bestFitness || bestX.length == 0) {
            bestFitness = current.bestFitness();
            bestX = current.bestX();
        }
    }

    /** The current run's population size. */
    public int lambda() {
        return current.lambda();
    }

    /** The current run's step size. */
    public double sigma() {
        return current.sigma();
    }

    /** λ candidates of the current run (see {@link Cmaes#ask()}). */
    public double[][] ask() {
        if (stopped()) {
            throw new IllegalStateException("the CMA-ES search has stopped: " + stop);
        }
        return current.ask();
    }

    /** Tells the current run its fitness values and restarts it when it stops (see {@link Cmaes#tell}). */
    public void tell(double[] fitness) {
        current.tell(fitness);
        if (evaluations() >= stopping.maxEvaluations() && !current.stopped()) {
            current.stop(StopReason.MAX_EVALUATIONS);
        }
        if (current.stopped()) {
            onRunStopped();
        }
    }

    private void onRunStopped() {
        Set<StopReason> reasons = current.stopReasons();
        Run done = new Run(current.lambda(), current.state().sigma0(), current.evaluations(), current.bestFitness(),
                reasons);
        finished.add(done);
        keepBest();
        evaluationsBefore += current.evaluations();
        if (currentIsSmall) {
            smallBudget += current.evaluations();
        } else if (finished.size() > 1) {
            largeBudget += current.evaluations();
            lastLargeEvaluations = current.evaluations();
        } else {
            lastLargeEvaluations = current.evaluations();
        }
        boolean overallBudget = evaluationsBefore >= stopping.maxEvaluations();
        if (reasons.contains(StopReason.TARGET_FITNESS) || overallBudget) {
            stop.addAll(reasons);
            if (overallBudget) {
                stop.add(StopReason.MAX_EVALUATIONS);
            }
            return;
        }
        long remaining = stopping.maxEvaluations() - evaluationsBefore;
        Xoshiro256StarStar rng = Xoshiro256StarStar.ofState(current.rngState());
        int lambda;
        double sigma = sigma0;
        long runBudget = remaining;
        switch (strategy) {
            case RestartStrategy.None none -> {
                stop.addAll(reasons);
                return;
            }
            case RestartStrategy.Ipop ipop -> {
                if (finished.size() > ipop.maxRestarts()) {
                    stop.addAll(reasons);
                    stop.add(StopReason.MAX_RESTARTS);
                    return;
                }
                lambda = (int) Math.min(1 << 24, Math.round(current.lambda() * ipop.factor()));
                currentIsSmall = false;
            }
            case RestartStrategy.Bipop bipop -> {
                if (smallBudget < largeBudget) {
                    double u1 = rng.nextDouble();
                    double u2 = rng.nextDouble();
                    double largeLambda = defaultLambda * Math.pow(2, largeRestarts);
                    lambda = Math.max(2, (int) Math.floor(defaultLambda
                            * Math.pow(0.5 * largeLambda / defaultLambda, u1 * u1)));
                    sigma = sigma0 * Math.pow(10, -2 * u2);
                    runBudget = Math.min(remaining, Math.max(lambda, lastLargeEvaluations / 2));
                    currentIsSmall = true;
                } else {
                    if (largeRestarts >= bipop.maxLargeRestarts()) {
                        stop.addAll(reasons);
                        stop.add(StopReason.MAX_RESTARTS);
                        return;
                    }
                    largeRestarts++;
                    lambda = (int) Math.min(1 << 24, defaultLambda * (1L << largeRestarts));
                    currentIsSmall = false;
                }
            }
        }
        CmaesStopping runStopping = stopping.withMaxEvaluations(Math.max(1, runBudget));
        current = Cmaes.start(initialMean, sigma, lambda, activeWeights, runStopping, rng.state());
    }

    /**
     * Writes the whole sequence (format {@link #FORMAT_VERSION}).
     *
     * @throws IllegalStateException between ask() and tell()
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        switch (strategy) {
            case RestartStrategy.None none -> out.writeUTF("none");
            case RestartStrategy.Ipop ipop -> {
                out.writeUTF("ipop");
                out.writeInt(ipop.maxRestarts());
                out.writeDouble(ipop.factor());
            }
            case RestartStrategy.Bipop bipop -> {
                out.writeUTF("bipop");
                out.writeInt(bipop.maxLargeRestarts());
            }
        }
        out.writeInt(initialMean.length);
        Binary.writeDoubles(out, initialMean);
        out.writeDouble(sigma0);
        out.writeBoolean(activeWeights);
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
        out.writeInt(defaultLambda);
        current.state().write(out);
        out.writeInt(finished.size());
        for (Run r : finished) {
            out.writeInt(r.lambda());
            out.writeDouble(r.sigma0());
            out.writeLong(r.evaluations());
            out.writeDouble(r.bestFitness());
            writeReasons(out, r.stopReasons());
        }
        out.writeLong(evaluationsBefore);
        out.writeDouble(bestFitness);
        out.writeInt(bestX.length);
        Binary.writeDoubles(out, bestX);
        out.writeInt(largeRestarts);
        out.writeLong(largeBudget);
        out.writeLong(smallBudget);
        out.writeLong(lastLargeEvaluations);
        out.writeBoolean(currentIsSmall);
        writeReasons(out, stop);
    }

    /** Reads a sequence written by {@link #write}. */
    public static RestartingCmaes read(DataInput in) throws IOException {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("CMA-ES restart state format version " + version + ", this build reads "
                    + FORMAT_VERSION);
        }
        String kind = in.readUTF();
        RestartStrategy strategy;
        try {
            strategy = switch (kind) {
                case "none" -> RestartStrategy.none();
                case "ipop" -> new RestartStrategy.Ipop(in.readInt(), in.readDouble());
                case "bipop" -> new RestartStrategy.Bipop(in.readInt());
                default -> throw new IOException("unknown restart strategy '" + kind + "'");
            };
            int n = Binary.readCount(in, 1 << 16, "dimension");
            double[] mean = Binary.readDoubles(in, n);
            double sigma0 = in.readDouble();
            boolean active = in.readBoolean();
            CmaesStopping stopping = new CmaesStopping(in.readDouble(), in.readLong(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readDouble(), in.readDouble(), in.readBoolean(), in.readBoolean(),
                    in.readBoolean());
            int defaultLambda = Binary.readCount(in, 1 << 24, "population size");
            CmaesState state = CmaesState.read(in);
            if (state.dimension() != n) {
                throw new IOException("run state has dimension " + state.dimension() + ", search has " + n);
            }
            int runs = Binary.readCount(in, 1 << 20, "number of runs");
            List<Run> finished = new ArrayList<>();
            for (int k = 0; k < runs; k++) {
                finished.add(new Run(in.readInt(), in.readDouble(), in.readLong(), in.readDouble(), readReasons(in)));
            }
            RestartingCmaes r = new RestartingCmaes(strategy, mean, sigma0, active, stopping, defaultLambda,
                    Cmaes.resume(state), finished);
            r.evaluationsBefore = in.readLong();
            r.bestFitness = in.readDouble();
            r.bestX = Binary.readDoubles(in, Binary.readCount(in, n, "best solution length"));
            r.largeRestarts = in.readInt();
            r.largeBudget = in.readLong();
            r.smallBudget = in.readLong();
            r.lastLargeEvaluations = in.readLong();
            r.currentIsSmall = in.readBoolean();
            r.stop.addAll(readReasons(in));
            return r;
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void writeReasons(DataOutput out, Set<StopReason> reasons) throws IOException {
        out.writeInt(reasons.size());
        for (StopReason r : StopReason.values()) {
            if (reasons.contains(r)) {
                out.writeUTF(r.label());
            }
        }
    }

    private static Set<StopReason> readReasons(DataInput in) throws IOException {
        int count = Binary.readCount(in, StopReason.values().length, "number of stop reasons");
        EnumSet<StopReason> set = EnumSet.noneOf(StopReason.class);
        for (int k = 0; k < count; k++) {
            try {
                set.add(StopReason.ofLabel(in.readUTF()));
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return set;
    }
}
