package potentia.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import potentia.io.ExtxyzWriter;
import potentia.nn.ModelFile;
import potentia.nn.DescriptorSpec;
import potentia.nn.NetworkModel;
import potentia.nn.NeuralNetworkPotential;
import potentia.structure.Element;
import potentia.train.DataSplit;
import potentia.train.EpochRecord;
import potentia.train.ErrorStats;
import potentia.train.LabelProblem;
import potentia.train.LinearBaseline;
import potentia.train.LossTerms;
import potentia.train.Prediction;
import potentia.train.Predictions;
import potentia.train.Sample;
import potentia.train.Samples;
import potentia.train.Trainer;
import potentia.train.TrainingListener;
import potentia.train.TrainingResult;
import potentia.cli.plot.Charts;

/** One {@code potentia train} run with its options merged: data, split, training, reports. */
final class TrainRun {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final TrainCommand o;

    TrainRun(TrainCommand options) {
        this.o = options;
    }

    int run() throws IOException {
        if (o.out == null) {
            throw new IllegalArgumentException("give --out DIR (or --resume DIR)");
        }
        if (o.data.isEmpty()) {
            throw new IllegalArgumentException("no training data: give --data FILE (or data: in the CONFIG file)");
        }
        boolean linear = switch (o.model.toLowerCase(Locale.ROOT)) {
            case "nn" -> false;
            case "linear" -> true;
            default -> throw new IllegalArgumentException("--model must be nn or linear, got '" + o.model + "'");
        };
        int threads = o.resolvedThreads();
        long start = System.nanoTime();
        Path dir = o.out;
        Files.createDirectories(dir);
        Path checkpoint = dir.resolve("checkpoint.json");
        boolean resuming = o.resume != null;
        if (!resuming && Files.exists(checkpoint)) {
            throw new IllegalArgumentException(dir + " already holds a training run; continue it with --resume " + dir
                    + " or choose another --out");
        }

        List<Sample> all = Samples.read(o.data, o.labels.keys(), o.labels.where);
        if (all.isEmpty()) {
            throw new IllegalArgumentException(o.labels.noFramesMessage(o.data));
        }
        List<Sample> validationFiles = o.validationData.isEmpty() ? List.of()
                : Samples.read(o.validationData, o.labels.keys(), o.labels.where);
        List<LabelProblem> problems = new ArrayList<>(LabelProblem.find(all, o.maxForce, o.forceWeight > 0));
        problems.addAll(LabelProblem.find(validationFiles, o.maxForce, o.forceWeight > 0));
        if (!problems.isEmpty()) {
            if (!o.skipBad) {
                StringBuilder sb = new StringBuilder(problems.size() + " frames with absurd labels (use --skip-bad to "
                        + "skip them):");
                problems.stream().limit(5).forEach(p -> sb.append("\n  ").append(p));
                throw new IllegalArgumentException(sb.toString());
            }
            for (LabelProblem p : problems) {
                System.err.println("skipped " + p);
            }
            List<Sample> bad = problems.stream().map(LabelProblem::sample).toList();
            all = all.stream().filter(s -> !bad.contains(s)).toList();
            validationFiles = validationFiles.stream().filter(s -> !bad.contains(s)).toList();
        }
        List<Element> elements = new ArrayList<>();
        for (String s : o.species) {
            elements.add(Element.of(s.trim()));
        }
        if (elements.isEmpty()) {
            List<Sample> both = new ArrayList<>(all);
            both.addAll(validationFiles);
            elements.addAll(Samples.species(both));
        }
        DataSplit split = !o.validationData.isEmpty() ? new DataSplit(all, validationFiles)
                : o.split == TrainCommand.Split.STRATIFIED ? DataSplit.stratified(all, o.validationFraction, o.seed)
                : DataSplit.random(all, o.validationFraction, o.seed);
        if ((linear || o.baseline) && Double.isNaN(ridge()) && split.validation().isEmpty()) {
            throw new IllegalArgumentException("the linear model's --ridge auto is chosen on validation frames, and "
                    + "there are none: give --ridge λ, validation frames, or --no-baseline");
        }
        if (!resuming) {
            ExtxyzWriter.writeAll(dir.resolve("train.extxyz"), split.train().stream().map(Sample::structure).toList());
            ExtxyzWriter.writeAll(dir.resolve("validation.extxyz"),
                    split.validation().stream().map(Sample::structure).toList());
            write(dir.resolve("run.yaml"), o.effectiveYaml());
        }
        System.err.printf(Locale.ROOT, "%d training and %d validation frames%s; species %s; split written to %s%n",
                split.train().size(), split.validation().size(),
                problems.isEmpty() ? "" : " (" + problems.size() + " skipped)", elements, dir);

        DescriptorSpec.Bessel descriptor = o.descriptor(elements);
        ObjectNode metrics = JSON.createObjectNode();
        NetworkModel model;
        TrainingResult result = null;
        double epochSeconds = Double.NaN;
        if (linear) {
            LinearBaseline.Fit fit = LinearBaseline.fit(descriptor, split, o.lossSettings(), ridge(), threads);
            model = fit.model();
            metrics.put("ridge_lambda", fit.lambda());
        } else {
            Trainer trainer = new Trainer(o.settings(), descriptor, o.factory(), threads);
            result = train(trainer, split, checkpoint);
            model = result.model();
            int ran = result.histories().stream().mapToInt(List::size).max().orElse(0);
            epochSeconds = ran > 0 ? (System.nanoTime() - start) * 1e-9 / ran : Double.NaN;
            if (!result.finished()) {
                System.err.println("stopped after epoch " + result.epochsDone() + "; continue with --resume " + dir);
                return 0;
            }
        }
        Map<String, String> meta = new LinkedHashMap<>(model.metadata());
        meta.put("created_by", "potentia train");
        meta.put("data", o.data.toString());
        model = model.withMetadata(meta);
        ModelFile.write(dir.resolve("model.potentia"), model);

        // reports
        NeuralNetworkPotential potential = NeuralNetworkPotential.of(model);
        List<Prediction> trainPred = Predictions.of(potential, split.train(), threads);
        List<Prediction> valPred = Predictions.of(potential, split.validation(), threads);
        List<Map.Entry<String, ErrorStats>> table = new ArrayList<>();
        ObjectNode errors = metrics.putObject("errors");
        report(table, errors, "train", split.train(), trainPred);
        report(table, errors, "validation", split.validation(), valPred);
        if (o.baseline && !linear) {
            LinearBaseline.Fit fit = LinearBaseline.fit(descriptor, split, o.lossSettings(), ridge(), threads);
            NeuralNetworkPotential lin = NeuralNetworkPotential.of(fit.model());
            ObjectNode b = metrics.putObject("linear_baseline");
            b.put("ridge_lambda", fit.lambda());
            ObjectNode be = b.putObject("errors");
            report(table, be, "linear train", split.train(), Predictions.of(lin, split.train(), threads));
            report(table, be, "linear validation", split.validation(),
                    Predictions.of(lin, split.validation(), threads));
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        metrics.put("model", dir.resolve("model.potentia").toString());
        metrics.put("architecture", model.members().get(0).describe());
        metrics.put("descriptor", descriptor.toString());
        metrics.put("features", descriptor.featureCount());
        metrics.put("parameters", model.parameterCount());
        metrics.put("committee", model.committeeSize());
        metrics.put("train_frames", split.train().size());
        metrics.put("validation_frames", split.validation().size());
        ArrayNode skipped = metrics.putArray("skipped");
        problems.forEach(p -> skipped.add(p.toString()));
        metrics.put("seconds", seconds);
        metrics.put("threads", threads);
        if (result != null) {
            metrics.put("epochs_done", result.epochsDone());
            metrics.put("seconds_per_epoch", epochSeconds);
            ArrayNode best = metrics.putArray("best_epochs");
            for (int b : result.bestEpochs()) {
                best.add(b);
            }
            ArrayNode curves = metrics.putArray("learning_curves");
            for (List<EpochRecord> h : result.histories()) {
                ArrayNode member = curves.addArray();
                for (EpochRecord r : h) {
                    ObjectNode e = member.addObject();
                    e.put("epoch", r.epoch());
                    e.put("learning_rate", r.learningRate());
                    terms(e.putObject("train_loss"), r.train());
                    if (r.validation() != null) {
                        terms(e.putObject("validation_loss"), r.validation());
                    }
                    e.put("gradient_norm", r.gradientNorm());
                }
            }
        }
        metrics.put("settings", o.effectiveYaml());
        write(dir.resolve("metrics.json"), JSON.writeValueAsString(metrics) + "\n");
        if (o.plots) {
            plots(dir, result, split, valPred);
        }
        System.out.printf(Locale.ROOT, "wrote %s (%s, %d parameters) in %.1f s%n", dir.resolve("model.potentia"),
                model.members().get(0).describe(), model.parameterCount(), seconds);
        System.out.print(ErrorTable.table(table));
        return 0;
    }

    private double ridge() {
        if (o.ridge.equalsIgnoreCase("auto")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(o.ridge);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--ridge must be a number or auto, got '" + o.ridge + "'");
        }
    }

    private TrainingResult train(Trainer trainer, DataSplit split, Path checkpoint) {
        int epochs = o.epochs;
        // the bar starts at the first epoch this invocation runs, so a resumed run's rate and ETA count
        // only its own epochs
        ProgressBar[] bar = {null};
        long started = System.nanoTime();
        int[] start = {0};
        String[] last = {""};
        try {
            TrainingResult r = trainer.train(split, checkpoint, new TrainingListener() {
                @Override
                public void epoch(int epoch, int total, List<EpochRecord> members, boolean checkpointed) {
                    if (bar[0] == null) {
                        start[0] = epoch - 1;
                        bar[0] = new ProgressBar(start[0] == 0 ? "train" : "train (from epoch " + start[0] + ")",
                                epochs - start[0], "epochs");
                    }
                    EpochRecord m = members.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
                    if (m != null) {
                        last[0] = String.format(Locale.ROOT, "epoch %d  loss train %.4g%s  lr %.2g", epoch,
                                m.train().total(), m.validation() == null ? "" : String.format(Locale.ROOT,
                                        " val %.4g", m.validation().total()), m.learningRate());
                    }
                    bar[0].update(epoch - start[0], last[0]);
                    if (checkpointed) { // a line per checkpoint: logs of runs without a terminal show progress too
                        bar[0].println(String.format(Locale.ROOT, "%s  (checkpoint, %s)", last[0],
                                ProgressBar.clock((System.nanoTime() - started) * 1e-9)));
                    }
                }

                @Override
                public void message(String line) {
                    if (bar[0] != null) {
                        bar[0].println(line);
                    } else {
                        System.err.println(line);
                    }
                }
            }, o.stopAfter);
            if (bar[0] != null) {
                bar[0].finish(last[0]);
            }
            return r;
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
    }

    private static void report(List<Map.Entry<String, ErrorStats>> table, ObjectNode json, String name, List<Sample> samples,
            List<Prediction> predictions) {
        if (samples.isEmpty()) {
            return;
        }
        ErrorStats all = ErrorStats.of(samples, predictions);
        Map<String, ErrorStats> groups = ErrorStats.byGroup(samples, predictions);
        table.addAll(ErrorTable.rows(name, all, groups));
        json.set(name.replace("linear ", ""), ErrorTable.json(all, groups));
    }

    private static void terms(ObjectNode o, LossTerms t) {
        o.put("total", t.total());
        o.put("energy", t.energy());
        o.put("forces", t.forces());
        o.put("stress", t.stress());
    }

    private static void plots(Path dir, TrainingResult result, DataSplit split, List<Prediction> valPred) {
        if (result != null) {
            List<Charts.Series> series = new ArrayList<>();
            List<EpochRecord> h = result.histories().get(0);
            double[] x = h.stream().mapToDouble(EpochRecord::epoch).toArray();
            series.add(new Charts.Series("training", x, h.stream().mapToDouble(r -> r.train().total()).toArray()));
            if (!split.validation().isEmpty()) {
                series.add(new Charts.Series("validation", x,
                        h.stream().mapToDouble(r -> r.validation().total()).toArray()));
            }
            Charts.line(dir.resolve("learning-curve.png"), "Learning curve (member 0)", "epoch", "loss", series, true);
        }
        List<Sample> v = split.validation();
        if (v.isEmpty()) {
            return;
        }
        double[] eRef = new double[v.size()];
        double[] ePred = new double[v.size()];
        List<Double> fRef = new ArrayList<>();
        List<Double> fPred = new ArrayList<>();
        for (int k = 0; k < v.size(); k++) {
            Sample s = v.get(k);
            eRef[k] = s.energy() / s.size();
            ePred[k] = valPred.get(k).energy() / s.size();
            if (s.hasForces()) {
                double[] f = s.forces();
                for (int c = 0; c < f.length; c++) {
                    fRef.add(f[c]);
                    fPred.add(valPred.get(k).forces()[c]);
                }
            }
        }
        Charts.parity(dir.resolve("parity-energy.png"), "Validation energies", "eV/atom", eRef, ePred);
        if (!fRef.isEmpty()) {
            Charts.parity(dir.resolve("parity-forces.png"), "Validation force components", "eV/Å",
                    fRef.stream().mapToDouble(Double::doubleValue).toArray(),
                    fPred.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** Writes text through a temporary file and an atomic rename. */
    private static void write(Path file, String text) throws IOException {
        Path abs = file.toAbsolutePath();
        Path temp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
