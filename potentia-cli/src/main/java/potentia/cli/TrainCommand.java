package potentia.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import potentia.nn.DescriptorSpec;
import potentia.structure.Element;
import potentia.train.AdamW;
import potentia.train.ElementNetworkFactory;
import potentia.train.MemberFactory;
import potentia.train.SharedNetworkFactory;
import potentia.train.LearningRate;
import potentia.train.LossFunction;
import potentia.train.LossSettings;
import potentia.train.TrainingSettings;
import potentia.units.Units;

/** {@code potentia train}: a network potential (or the linear baseline) from labelled frames. */
@Command(name = "train",
        sortOptions = false,
        description = {"Train a neural-network potential on labelled frames (extended XYZ with energies, forces and "
                + "optionally stress): spherical Bessel descriptors, per-element swish networks (or NeuralIL's shared "
                + "network with element embeddings), a loss on energy "
                + "per atom, force components and stress (MSE or log-cosh), AdamW with warm-up and a cosine or "
                + "plateau schedule, early stopping on the validation loss with the best epoch kept.",
            "Every option can also be given in the YAML file CONFIG (keys are the long option names without the "
                    + "dashes; data paths relative to the file); a flag on the command line wins over the file.",
            "Writes into --out: model.potentia (the model), metrics.json (errors, learning curves, settings), "
                    + "train.extxyz and validation.extxyz (the split, for anyone to re-check), run.yaml (the "
                    + "effective settings), checkpoint.json (every --checkpoint-every epochs, atomically), and PNG "
                    + "plots (learning curve, parity of energies and forces). --resume DIR continues a killed run "
                    + "and ends with exactly the model the uninterrupted run gives."},
        footer = {"", "Examples:",
            "  potentia train examples/train-si.yaml --out si-model",
            "  potentia train --data data.extxyz --species Si --cutoff 3.5 --nmax 5 --layers 16,16 --epochs 300 --out run1",
            "  potentia train examples/train-si.yaml --out si-linear --model linear",
            "  potentia train --resume si-model",
            "  potentia test --model si-model/model.potentia si-model/validation.extxyz"})
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "A YAML file of options (optional).")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (required unless --resume).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR from its checkpoint, with its run.yaml settings.")
    Path resume;

    // --- data
    @Option(names = "--data", paramLabel = "FILE", arity = "1..*", description = "Training data files (extended XYZ).")
    List<Path> data = new ArrayList<>();

    @Option(names = "--validation-data", paramLabel = "FILE", arity = "1..*",
            description = "Validation files; without them --validation-fraction of the frames are held out.")
    List<Path> validationData = new ArrayList<>();

    @Option(names = "--validation-fraction", defaultValue = "0.2", paramLabel = "F",
            description = "Fraction of frames held out for validation, drawn with --seed (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    /** How --validation-fraction frames are chosen. */
    enum Split { RANDOM, STRATIFIED }

    @Option(names = "--split", defaultValue = "random", paramLabel = "KIND",
            description = "random: frames drawn uniformly; stratified: one frame from each of consecutive strata of "
                    + "energy per atom (above least-squares reference energies), so both halves span the same "
                    + "energies (default: ${DEFAULT-VALUE}).")
    Split split;

    @Mixin
    LabelOptions labels;

    @Option(names = "--max-force", defaultValue = "50", paramLabel = "EV/Å",
            description = "Frames with a force component above this are absurd (default: ${DEFAULT-VALUE} eV/Å).")
    double maxForce;

    @Option(names = "--skip-bad", negatable = true, defaultValue = "false",
            description = "Skip frames with absurd labels (NaN, missing energy, forces above --max-force) and report "
                    + "them; without it they are an error (default: ${DEFAULT-VALUE}).")
    boolean skipBad;

    // --- model
    @Option(names = "--model", defaultValue = "nn", paramLabel = "nn|linear",
            description = "nn: per-element networks; linear: the ridge-regression baseline on the same descriptors "
                    + "(default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--species", split = ",", paramLabel = "EL",
            description = "The elements, comma-separated (default: those in the data, by atomic number).")
    List<String> species = new ArrayList<>();

    @Option(names = "--cutoff", defaultValue = "5.0", paramLabel = "Å",
            description = "Descriptor cutoff radius (default: ${DEFAULT-VALUE} Å).")
    double cutoff;

    @Option(names = "--nmax", defaultValue = "5", paramLabel = "N", description = "Descriptor n_max (default: ${DEFAULT-VALUE}).")
    int nMax;

    @Option(names = "--layers", defaultValue = "32,16", split = ",", paramLabel = "W",
            description = "Hidden layer widths (default: ${DEFAULT-VALUE}).")
    List<Integer> layers;

    @Option(names = "--architecture", defaultValue = "element", paramLabel = "element|shared",
            description = "element: one network per element (Behler–Parrinello); shared: one network for all elements "
                    + "fed a learned element embedding (NeuralIL) (default: ${DEFAULT-VALUE}).")
    String architecture;

    @Option(names = "--embedding", defaultValue = "2", paramLabel = "D",
            description = "Shared architecture: numbers per element embedding (default: ${DEFAULT-VALUE}).")
    int embedding;

    @Option(names = "--layer-norm", negatable = true, defaultValue = "false",
            description = "Shared architecture: LayerNorm after every hidden layer but the first; needs two or more "
                    + "(default: ${DEFAULT-VALUE}).")
    boolean layerNorm;

    @Option(names = "--beta", defaultValue = "1.0", paramLabel = "β", description = "Initial swish β (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--learnable-beta", negatable = true, defaultValue = "false",
            description = "Train the swish β's too (default: ${DEFAULT-VALUE}).")
    boolean learnableBeta;

    @Option(names = "--committee", defaultValue = "1", paramLabel = "K",
            description = "Committee members, each with its own initialisation (default: ${DEFAULT-VALUE}).")
    int committee;

    @Option(names = "--bootstrap", negatable = true, defaultValue = "false",
            description = "Each member trains on its own bootstrap resample of the training frames (default: ${DEFAULT-VALUE}).")
    boolean bootstrap;

    @Option(names = "--train-e0", negatable = true, defaultValue = "false",
            description = "Train the per-element reference energies along with the network (committee of 1 only; "
                    + "default: ${DEFAULT-VALUE}: they stay at their least-squares values).")
    boolean trainE0;

    // --- loss
    @Option(names = "--loss", defaultValue = "mse", paramLabel = "mse|logcosh",
            description = "Penalty on residuals: mse or logcosh (default: ${DEFAULT-VALUE}).")
    LossFunction loss;

    @Option(names = "--energy-weight", defaultValue = "1.0", paramLabel = "W", description = "Weight of the energy-per-atom term (default: ${DEFAULT-VALUE}).")
    double energyWeight;

    @Option(names = "--force-weight", defaultValue = "1.0", paramLabel = "W", description = "Weight of the force term (default: ${DEFAULT-VALUE}).")
    double forceWeight;

    @Option(names = "--stress-weight", defaultValue = "0.0", paramLabel = "W", description = "Weight of the stress term; 0: not fitted (default: ${DEFAULT-VALUE}).")
    double stressWeight;

    @Option(names = "--energy-scale", defaultValue = "0.02", paramLabel = "EV",
            description = "Residual scale of the energy per atom (default: ${DEFAULT-VALUE} eV/atom).")
    double energyScale;

    @Option(names = "--force-scale", defaultValue = "0.2", paramLabel = "EV/Å",
            description = "Residual scale of force components (default: ${DEFAULT-VALUE} eV/Å).")
    double forceScale;

    @Option(names = "--stress-scale", defaultValue = "0.5", paramLabel = "GPA",
            description = "Residual scale of stress components (default: ${DEFAULT-VALUE} GPa).")
    double stressScaleGpa;

    // --- optimiser
    @Option(names = "--epochs", defaultValue = "200", paramLabel = "N", description = "Epochs at most (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "8", paramLabel = "N", description = "Frames per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.003", paramLabel = "η", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--min-learning-rate", defaultValue = "1e-5", paramLabel = "η",
            description = "End of the cosine, floor of the plateau schedule (default: ${DEFAULT-VALUE}).")
    double minLearningRate;

    @Option(names = "--schedule", defaultValue = "cosine", paramLabel = "KIND", converter = ScheduleConverter.class,
            description = "After warm-up: constant, cosine or plateau; or one-cycle (NeuralIL's: a rise from η/25 "
                    + "over the first 30 % of the steps, which replaces the warm-up, then a cosine fall to the "
                    + "minimum) (default: ${DEFAULT-VALUE}).")
    LearningRate.Kind schedule;

    /** Accepts {@code one-cycle} as well as {@code one_cycle}, in any case. */
    static final class ScheduleConverter implements CommandLine.ITypeConverter<LearningRate.Kind> {
        @Override
        public LearningRate.Kind convert(String value) {
            String name = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
            for (LearningRate.Kind k : LearningRate.Kind.values()) {
                if (k.name().equals(name)) {
                    return k;
                }
            }
            throw new CommandLine.TypeConversionException("unknown schedule '" + value
                    + "': expected constant, cosine, plateau or one-cycle");
        }
    }

    @Option(names = "--warmup-epochs", defaultValue = "5", paramLabel = "N", description = "Linear warm-up (default: ${DEFAULT-VALUE}).")
    int warmupEpochs;

    @Option(names = "--plateau-patience", defaultValue = "10", paramLabel = "N",
            description = "Plateau schedule: epochs without improvement before a reduction (default: ${DEFAULT-VALUE}).")
    int plateauPatience;

    @Option(names = "--plateau-factor", defaultValue = "0.5", paramLabel = "F",
            description = "Plateau schedule: factor of each reduction (default: ${DEFAULT-VALUE}).")
    double plateauFactor;

    @Option(names = "--weight-decay", defaultValue = "0.0", paramLabel = "λ",
            description = "AdamW's decoupled weight decay on network weights (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--ema-decay", defaultValue = "0", paramLabel = "D",
            description = "Keep an exponential moving average of the weights over optimiser steps with decay D "
                    + "(e.g. 0.99; ramped up over the first steps) and validate, keep and write the average instead "
                    + "of the last weights; 0: off (default: ${DEFAULT-VALUE}).")
    double emaDecay;

    @Option(names = "--clip", defaultValue = "0", paramLabel = "NORM",
            description = "Largest gradient norm; larger ones are scaled down; 0: no clipping (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--early-stopping", defaultValue = "0", paramLabel = "N",
            description = "Stop after N epochs without a better validation loss; 0: never (default: ${DEFAULT-VALUE}). "
                    + "The model keeps the best epoch either way.")
    int earlyStopping;

    @Option(names = "--ridge", defaultValue = "auto", paramLabel = "λ|auto",
            description = "Ridge λ of the linear model, or auto: chosen on the validation frames (default: ${DEFAULT-VALUE}).")
    String ridge;

    @Option(names = "--baseline", negatable = true, defaultValue = "false",
            description = "Also fit the linear baseline and report its errors beside the network's (default: ${DEFAULT-VALUE}).")
    boolean baseline;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the split, weights, bootstrap and batch order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--checkpoint-every", defaultValue = "10", paramLabel = "N",
            description = "Write a checkpoint every N epochs (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--plots", negatable = true, defaultValue = "true",
            description = "Write the PNG plots (default: ${DEFAULT-VALUE}).")
    boolean plots;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "${sys:potentia.threads:-0}",
            description = "Threads; 0 means one per core (default: ${DEFAULT-VALUE}). The model does not depend on it.")
    int threads;

    /** Epochs this invocation may run (tests use it to stop a run as a kill would). */
    @Option(names = "--stop-after", hidden = true, defaultValue = "2147483647")
    int stopAfter;

    /** Set once the configuration file's options are merged in. */
    private boolean merged;

    @Override
    public Integer call() throws Exception {
        if (!merged) {
            return merged().call();
        }
        return new TrainRun(this).run();
    }

    /** This command with CONFIG (or --resume DIR's run.yaml) merged under the command line's flags. */
    private TrainCommand merged() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        Path file = config;
        if (resume != null) {
            if (config != null) {
                throw new IllegalArgumentException("give a CONFIG or --resume DIR, not both");
            }
            file = resume.resolve("run.yaml");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--resume " + resume + ": no run.yaml there (not a training run?)");
            }
        }
        List<String> args = new ArrayList<>();
        if (file != null) {
            Set<String> given = new HashSet<>();
            for (CommandLine.Model.OptionSpec o : parsed.matchedOptions()) {
                given.add(o.longestName());
            }
            args.addAll(TrainConfig.arguments(file, spec, given));
        }
        List<String> original = parsed.originalArgs();
        // under a parent command the original arguments start with the parent's and this command's name
        int from = spec.parent() == null ? 0 : original.indexOf(spec.name()) + 1;
        args.addAll(original.subList(from, original.size()));
        TrainCommand fresh = new TrainCommand();
        CommandLine cl = new CommandLine(fresh);
        cl.setOverwrittenOptionsAllowed(true);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        if (System.getenv("POTENTIA_DEBUG") != null) {
            System.err.println("merged arguments: " + args);
        }
        cl.parseArgs(args.toArray(String[]::new));
        fresh.merged = true;
        if (fresh.resume != null && fresh.out == null) {
            fresh.out = fresh.resume;
        }
        return fresh;
    }

    /** The effective settings as YAML (absolute data paths): what --resume reads back. */
    String effectiveYaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
        if (!validationData.isEmpty()) {
            m.put("validation-data", validationData.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
        }
        m.put("validation-fraction", validationFraction);
        m.put("split", split.name().toLowerCase(Locale.ROOT));
        m.put("energy-key", labels.energy);
        m.put("forces-key", labels.forces);
        m.put("stress-key", labels.stress);
        m.put("group-key", labels.group);
        if (!labels.where.isEmpty()) {
            m.put("where", labels.whereTexts());
        }
        m.put("max-force", maxForce);
        m.put("skip-bad", skipBad);
        m.put("model", model);
        if (!species.isEmpty()) {
            m.put("species", species);
        }
        m.put("cutoff", cutoff);
        m.put("nmax", nMax);
        m.put("layers", layers);
        m.put("architecture", architecture);
        m.put("embedding", embedding);
        m.put("layer-norm", layerNorm);
        m.put("beta", beta);
        m.put("learnable-beta", learnableBeta);
        m.put("committee", committee);
        m.put("bootstrap", bootstrap);
        m.put("train-e0", trainE0);
        m.put("loss", loss.name().toLowerCase(Locale.ROOT));
        m.put("energy-weight", energyWeight);
        m.put("force-weight", forceWeight);
        m.put("stress-weight", stressWeight);
        m.put("energy-scale", energyScale);
        m.put("force-scale", forceScale);
        m.put("stress-scale", stressScaleGpa);
        m.put("epochs", epochs);
        m.put("batch-size", batchSize);
        m.put("learning-rate", learningRate);
        m.put("min-learning-rate", minLearningRate);
        m.put("schedule", schedule.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("warmup-epochs", warmupEpochs);
        m.put("plateau-patience", plateauPatience);
        m.put("plateau-factor", plateauFactor);
        m.put("weight-decay", weightDecay);
        m.put("ema-decay", emaDecay);
        m.put("clip", clip);
        m.put("early-stopping", earlyStopping);
        m.put("ridge", ridge);
        m.put("baseline", baseline);
        m.put("seed", seed);
        m.put("checkpoint-every", checkpointEvery);
        m.put("plots", plots);
        org.yaml.snakeyaml.DumperOptions o = new org.yaml.snakeyaml.DumperOptions();
        o.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
        return "# potentia train: the effective settings of this run (potentia train --resume DIR reads them)\n"
                + new org.yaml.snakeyaml.Yaml(o).dump(m);
    }

    int resolvedThreads() {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be ≥ 0, got " + threads);
        }
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    TrainingSettings settings() {
        LossSettings ls = lossSettings();
        return new TrainingSettings(ls, new AdamW.Settings(0.9, 0.999, 1e-8, weightDecay),
                new LearningRate(schedule, learningRate, minLearningRate, warmupEpochs, plateauPatience, plateauFactor),
                clip, epochs, batchSize, earlyStopping, committee, bootstrap, trainE0, seed, checkpointEvery,
                emaDecay);
    }

    LossSettings lossSettings() {
        return new LossSettings(loss, energyWeight, forceWeight, stressWeight, energyScale, forceScale,
                Units.fromGPa(stressScaleGpa));
    }

    DescriptorSpec.Bessel descriptor(List<Element> elements) {
        return new DescriptorSpec.Bessel(cutoff, nMax, elements);
    }

    MemberFactory factory() {
        return switch (architecture.toLowerCase(Locale.ROOT)) {
            case "element" -> new ElementNetworkFactory(layers, beta, learnableBeta);
            case "shared" -> new SharedNetworkFactory(embedding, layers, layerNorm, beta, learnableBeta);
            default -> throw new IllegalArgumentException("--architecture must be element or shared, got '"
                    + architecture + "'");
        };
    }
}
