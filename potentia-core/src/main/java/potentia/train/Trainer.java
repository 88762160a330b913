package potentia.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import potentia.descriptor.Descriptor;
import potentia.nn.AtomicModel;
import potentia.nn.DescriptorSpec;
import potentia.nn.ElementNetworks;
import potentia.nn.MlpShape;
import potentia.nn.NetworkModel;
import potentia.nn.SharedMlpShape;
import potentia.nn.SharedNetwork;
import potentia.nn.Standardisation;
import potentia.structure.Structure;

/**
 * Trains a committee of atomic models on a data split (SCIENCE.md §1, "Network and training").
 *
 * <p>Before training: the descriptor standardisation is fitted on the training frames' atoms
 * ({@link FeatureStatistics}) and the per-element e0 by least squares on their energies
 * ({@link ReferenceEnergies}); each member k is created by the {@link MemberFactory} from the k-th
 * split of a generator seeded with the run's seed, and, with bootstrap, draws its own resample of
 * the training frames (n draws with replacement).
 *
 * <p>Each epoch, every member shuffles its frames (a generator seeded by seed, member and epoch,
 * so no random state needs saving), takes AdamW steps on minibatches ({@link BatchGradient}:
 * exact gradients of energy, force and stress terms, structures in parallel, reduced in a fixed
 * order), optionally clipped, with the learning rate of {@link LearningRate}; then evaluates the
 * validation loss, keeps the parameters of its best epoch, feeds the plateau schedule and stops
 * early after {@code earlyStopping} epochs without improvement. With a weight average
 * ({@link WeightAverage}, {@code emaDecay} > 0) the average, not the last θ, is what is validated,
 * kept and written. Members train in lock step, in
 * parallel when there are threads to spare; a checkpoint ({@link Checkpoint}) is written every
 * {@code checkpointEvery} epochs and after the last.
 *
 * <p>Determinism: the result depends on the settings, data, factory and seed only — not on the
 * thread count, nor on whether the run was interrupted and resumed from a checkpoint (bit for bit).
 * Memory: per thread, one structure's features, tangents and gradient buffers; nothing is kept
 * per frame between steps.
 */
public final class Trainer {
    private static final long BOOTSTRAP_STREAM = 0xB007_57A9L;

    private final TrainingSettings settings;
    private final DescriptorSpec spec;
    private final MemberFactory factory;
    private final int threads;

    /**
     * @param threads threads to use (≥ 1)
     */
    public Trainer(TrainingSettings settings, DescriptorSpec spec, MemberFactory factory, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        if (settings.trainReferenceEnergies() && settings.committee() > 1) {
            throw new IllegalArgumentException("training the reference energies needs a committee of 1: a model file "
                    + "holds one set of e0 for all members");
        }
        this.settings = settings;
        this.spec = spec;
        this.factory = factory;
        this.threads = threads;
    }

    /** Trains to the end (or early stop), resuming from {@code checkpoint} when that file exists. */
    public TrainingResult train(DataSplit data, Path checkpoint, TrainingListener listener) {
        return train(data, checkpoint, listener, Integer.MAX_VALUE);
    }

    /**
     * Trains, resuming from {@code checkpoint} when that file exists, for at most
     * {@code epochBudget} epochs in this call (a smaller budget stops the run as a kill would: only
     * the regular checkpoints are written).
     *
     * @param checkpoint where checkpoints go, or null for none
     */
    public TrainingResult train(DataSplit data, Path checkpoint, TrainingListener listener, int epochBudget) {
        Descriptor d = spec.build();
        List<String> trainIds = data.train().stream().map(Sample::id).toList();
        List<String> validationIds = data.validation().stream().map(Sample::id).toList();
        Run run;
        if (checkpoint != null && Files.exists(checkpoint)) {
            run = resume(d, data, checkpoint, trainIds, validationIds);
            listener.message("resumed from " + checkpoint + " after epoch " + run.epochsDone);
        } else {
            run = start(d, data, listener);
        }
        int ran = 0;
        int epochs = settings.epochs();
        while (run.epochsDone < epochs && ran < epochBudget && !allStopped(run)) {
            int epoch = run.epochsDone;
            List<MemberState> active = run.members.stream().filter(m -> !m.stopped).toList();
            int parallel = Math.min(active.size(), threads);
            int perMember = Math.max(1, threads / parallel);
            EpochRecord[] records = new EpochRecord[run.members.size()];
            Work.forEach(active.size(), parallel, k -> {
                MemberState m = active.get(k);
                records[m.index] = epoch(run, m, data, epoch, perMember);
            });
            run.epochsDone++;
            ran++;
            for (MemberState m : active) {
                if (m.stopped) {
                    listener.message(String.format(Locale.ROOT, "member %d stopped early after epoch %d (best epoch %d)",
                            m.index, run.epochsDone, m.bestEpoch));
                }
            }
            boolean write = checkpoint != null && (run.epochsDone % settings.checkpointEvery() == 0
                    || run.epochsDone == epochs || allStopped(run));
            if (write) {
                Checkpoint.write(checkpoint, new Checkpoint.State(fingerprint(), run.epochsDone, trainIds, validationIds,
                        run.standardisation.mean(), run.standardisation.std(), run.referenceEnergies, run.members));
            }
            listener.epoch(run.epochsDone, epochs, Arrays.asList(records), write);
        }
        boolean finished = run.epochsDone >= epochs || allStopped(run);
        return result(run, data, finished);
    }

    /** What a checkpoint must match to be resumed under these settings. */
    String fingerprint() {
        return settings + " | " + spec + " | " + factory.describe();
    }

    /** The mutable state of a run. */
    private static final class Run {
        final Standardisation standardisation;
        final double[] referenceEnergies;
        final List<TrainableModel> templates;
        final List<MemberState> members;
        int epochsDone;

        Run(Standardisation standardisation, double[] referenceEnergies, List<TrainableModel> templates,
                List<MemberState> members, int epochsDone) {
            this.standardisation = standardisation;
            this.referenceEnergies = referenceEnergies;
            this.templates = templates;
            this.members = members;
            this.epochsDone = epochsDone;
        }
    }

    private Run start(Descriptor d, DataSplit data, TrainingListener listener) {
        List<Structure> structures = data.train().stream().map(Sample::structure).toList();
        listener.message("descriptor statistics and reference energies from " + structures.size() + " training frames");
        Standardisation st = FeatureStatistics.standardisation(d, structures, threads);
        double[] e0 = ReferenceEnergies.fit(data.train(), spec.species());
        List<TrainableModel> templates = templates(d, st, e0);
        List<MemberState> members = new ArrayList<>();
        int n = data.train().size();
        for (int k = 0; k < settings.committee(); k++) {
            TrainableModel tm = templates.get(k);
            int[] samples = new int[n];
            if (settings.bootstrap()) {
                SplittableRandom rng = new SplittableRandom(mix(settings.seed(), BOOTSTRAP_STREAM, k));
                for (int i = 0; i < n; i++) {
                    samples[i] = rng.nextInt(n);
                }
                Arrays.sort(samples);
            } else {
                for (int i = 0; i < n; i++) {
                    samples[i] = i;
                }
            }
            double[] theta = tm.parameters();
            AdamW adam = new AdamW(settings.adam(), trainableMask(tm), decayMask(tm));
            members.add(new MemberState(k, samples, theta, adam, LearningRate.Plateau.START, Double.POSITIVE_INFINITY, 0,
                    theta.clone(), false, List.of(), settings.emaDecay() > 0 ? theta.clone() : null));
        }
        return new Run(st, e0, templates, members, 0);
    }

    /** Each member's untrained model: the factory fed the k-th split of the seeded generator. */
    private List<TrainableModel> templates(Descriptor d, Standardisation st, double[] e0) {
        SplittableRandom root = new SplittableRandom(settings.seed());
        List<TrainableModel> out = new ArrayList<>();
        for (int k = 0; k < settings.committee(); k++) {
            AtomicModel m = factory.create(spec.species(), d.featureCount(), root.split());
            out.add(new TrainableModel(d, st, e0, m, settings.trainReferenceEnergies()));
        }
        return out;
    }

    private Run resume(Descriptor d, DataSplit data, Path checkpoint, List<String> trainIds,
            List<String> validationIds) {
        // masks come from the untrained templates: the scaffold is read first, templates need it
        Standardisation identity = Standardisation.identity(spec.species(), d.featureCount());
        List<TrainableModel> bare = templates(d, identity, new double[spec.species().size()]);
        boolean[][] trainable = new boolean[bare.size()][];
        boolean[][] decayed = new boolean[bare.size()][];
        for (int k = 0; k < bare.size(); k++) {
            trainable[k] = trainableMask(bare.get(k));
            decayed[k] = decayMask(bare.get(k));
        }
        Checkpoint.State state = Checkpoint.read(checkpoint, settings.adam(), trainable, decayed);
        if (!state.fingerprint().equals(fingerprint())) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " was written with other settings:\n  "
                    + state.fingerprint() + "\nnow:\n  " + fingerprint());
        }
        if (!state.train().equals(trainIds) || !state.validation().equals(validationIds)) {
            throw new IllegalArgumentException("checkpoint " + checkpoint
                    + " was written for another split of the data (the frames differ)");
        }
        for (MemberState m : state.members()) {
            if ((m.average != null) != (settings.emaDecay() > 0)) {
                throw new IllegalArgumentException("checkpoint " + checkpoint + ": member " + m.index
                        + (m.average == null ? " has no weight average, the settings ask for one"
                                : " has a weight average, the settings ask for none"));
            }
        }
        if (state.members().size() != settings.committee()) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " holds " + state.members().size()
                    + " members, the settings ask for " + settings.committee());
        }
        Standardisation st = new Standardisation(spec.species(), d.featureCount(), state.mean(), state.std());
        List<TrainableModel> templates = templates(d, st, state.referenceEnergies());
        return new Run(st, state.referenceEnergies(), templates, new ArrayList<>(state.members()), state.epochsDone());
    }

    private EpochRecord epoch(Run run, MemberState m, DataSplit data, int epoch, int memberThreads) {
        TrainableModel template = run.templates.get(m.index);
        int n = m.samples.length;
        int[] order = m.samples.clone();
        SplittableRandom rng = new SplittableRandom(mix(settings.seed(), m.index, epoch));
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int batch = settings.batchSize();
        int steps = (n + batch - 1) / batch;
        TrainableModel tm = template.withParameters(m.theta);
        boolean[] trainable = m.average != null ? trainableMask(template) : null;
        double[] gradient = new double[m.theta.length];
        LossTerms sum = LossTerms.ZERO;
        double normSum = 0;
        double lr = 0;
        for (int b = 0; b < steps; b++) {
            List<Sample> samples = new ArrayList<>();
            for (int i = b * batch; i < Math.min(n, (b + 1) * batch); i++) {
                samples.add(data.train().get(order[i]));
            }
            LossTerms t = BatchGradient.compute(tm, samples, settings.loss(), memberThreads, gradient);
            if (!Double.isFinite(t.total())) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "training diverged: member %d's loss is %s in epoch %d; lower the learning rate or clip gradients",
                        m.index, t.total(), epoch + 1));
            }
            normSum += AdamW.clip(gradient, settings.clipNorm());
            lr = settings.learningRate().at(m.adam.step(), steps, settings.epochs(), m.plateau);
            m.adam.update(m.theta, gradient, lr);
            for (double v : m.theta) {
                if (!Double.isFinite(v)) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "training diverged: member %d's parameters are not finite in epoch %d; lower the learning "
                                    + "rate or clip gradients", m.index, epoch + 1));
                }
            }
            if (m.average != null) {
                WeightAverage.update(m.average, m.theta, trainable, settings.emaDecay(), m.adam.step());
            }
            tm = template.withParameters(m.theta);
            sum = sum.plus(t);
        }
        LossTerms train = sum.times(1.0 / steps);
        // the member is judged (validated, kept, stopped) by its weight average when it has one
        TrainableModel judged = m.average != null ? template.withParameters(m.average) : tm;
        LossTerms validation = data.validation().isEmpty() ? null
                : BatchGradient.compute(judged, data.validation(), settings.loss(), memberThreads, null);
        int done = epoch + 1;
        if (validation == null) {
            m.bestLoss = train.total();
            m.bestEpoch = done;
            m.bestTheta = m.judged().clone();
        } else {
            if (done > settings.learningRate().warmupEpochs()) {
                m.plateau = m.plateau.after(validation.total(), settings.learningRate());
            }
            if (validation.total() < m.bestLoss) {
                m.bestLoss = validation.total();
                m.bestEpoch = done;
                m.bestTheta = m.judged().clone();
            } else if (settings.earlyStopping() > 0 && done - m.bestEpoch >= settings.earlyStopping()) {
                m.stopped = true;
            }
        }
        EpochRecord r = new EpochRecord(done, lr, train, validation, normSum / steps);
        m.history.add(r);
        return r;
    }

    private TrainingResult result(Run run, DataSplit data, boolean finished) {
        List<AtomicModel> members = new ArrayList<>();
        double[] e0 = run.referenceEnergies;
        int[] best = new int[run.members.size()];
        List<List<EpochRecord>> histories = new ArrayList<>();
        for (MemberState m : run.members) {
            TrainableModel tm = run.templates.get(m.index).withParameters(m.bestTheta);
            members.add(tm.model());
            if (settings.trainReferenceEnergies()) {
                e0 = tm.referenceEnergies();
            }
            best[m.index] = m.bestEpoch;
            histories.add(m.history);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        long atoms = data.train().stream().mapToLong(Sample::size).sum();
        meta.put("training", String.format(Locale.ROOT,
                "potentia train: %d training frames (%d atoms), %d validation frames; %d of %d epochs; best epochs %s",
                data.train().size(), atoms, data.validation().size(), run.epochsDone, settings.epochs(),
                Arrays.toString(best)));
        meta.put("training_settings", settings.toString());
        meta.put("architecture", factory.describe());
        meta.put("standardisation", "fitted on the " + data.train().size() + " training frames (" + atoms + " atoms)");
        meta.put("reference_energies", settings.trainReferenceEnergies()
                ? "least squares on the training energies, then trained"
                : "least squares on the energies of the " + data.train().size() + " training frames");
        NetworkModel model = NetworkModel.of(spec, run.standardisation, e0, members, meta);
        return new TrainingResult(model, histories, best, run.epochsDone, finished);
    }

    private static boolean allStopped(Run run) {
        return run.members.stream().allMatch(m -> m.stopped);
    }

    static boolean[] trainableMask(TrainableModel tm) {
        boolean[] t = new boolean[tm.parameterCount()];
        for (int k = 0; k < t.length; k++) {
            t[k] = tm.trainable(k);
        }
        return t;
    }

    /**
     * Which components weight decay acts on: the weight matrices of the networks (not biases,
     * LayerNorm gains, β, element embeddings or e0, whose scale carries meaning); for other atomic
     * models every trainable parameter except e0, until they say which of theirs are weights.
     */
    static boolean[] decayMask(TrainableModel tm) {
        AtomicModel model = tm.model();
        boolean[] d = new boolean[tm.parameterCount()];
        if (model instanceof ElementNetworks e) {
            MlpShape shape = e.shape();
            for (int s = 0; s < e.species().size(); s++) {
                for (int k = 0; k < shape.layers(); k++) {
                    int from = e.offset(s) + shape.weightOffset(k);
                    Arrays.fill(d, from, from + shape.width(k) * shape.width(k + 1), true);
                }
            }
        } else if (model instanceof SharedNetwork n) {
            SharedMlpShape shape = n.shape();
            for (int k = 0; k < shape.layers(); k++) {
                int from = shape.weightOffset(k);
                Arrays.fill(d, from, from + shape.width(k) * shape.width(k + 1), true);
            }
        } else {
            for (int k = 0; k < model.parameterCount(); k++) {
                d[k] = model.trainable(k);
            }
        }
        return d;
    }

    /** A well-mixed seed from three numbers (SplitMix64's finaliser over a combination). */
    static long mix(long a, long b, long c) {
        long z = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL + c * 0x165667B19E3779F9L + 0x27D4EB2F165667C5L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
