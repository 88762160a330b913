package potentia.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A training run's state after a whole number of epochs, as one JSON document written
 * atomically (temporary file, then rename: a run killed while writing leaves the previous
 * checkpoint intact). Doubles are written in Java's shortest round-trip form, so reading gives
 * back every bit and a resumed run continues exactly.
 *
 * <pre>
 * {"format": "potentia-train-checkpoint", "version": 2, "fingerprint": "…settings…",
 *  "epochs_done": 20, "train": ["file#frame", …], "validation": […],
 *  "standardisation": {"mean": […], "std": […]}, "reference_energies": […],
 *  "members": [{"samples": […], "theta": […], "adam": {"step": 140, "m": […], "v": […]},
 *               "plateau": {"scale": 1.0, "best": null, "bad_epochs": 0},
 *               "best": {"loss": 0.12, "epoch": 18, "theta": […]}, "stopped": false,
 *               "history": [{"epoch": 1, "lr": …, "train": [e, f, s], "validation": [e, f, s] or null,
 *                            "gradient_norm": …}, …],
 *               "average": […] (only with a weight average)}, …]}
 * </pre>
 * Version 2 added the weight average.
 * Infinite losses (nothing seen yet) are written as null.
 */
final class Checkpoint {
    static final String FORMAT = "potentia-train-checkpoint";
    static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The state of a run: its scaffold and members. */
    record State(String fingerprint, int epochsDone, List<String> train, List<String> validation, double[] mean,
            double[] std, double[] referenceEnergies, List<MemberState> members) {
    }

    private Checkpoint() {
    }

    static void write(Path file, State state) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("fingerprint", state.fingerprint());
        root.put("epochs_done", state.epochsDone());
        root.set("train", texts(state.train()));
        root.set("validation", texts(state.validation()));
        ObjectNode st = root.putObject("standardisation");
        st.set("mean", numbers(state.mean()));
        st.set("std", numbers(state.std()));
        root.set("reference_energies", numbers(state.referenceEnergies()));
        ArrayNode members = root.putArray("members");
        for (MemberState m : state.members()) {
            ObjectNode o = members.addObject();
            ArrayNode samples = o.putArray("samples");
            for (int i : m.samples) {
                samples.add(i);
            }
            o.set("theta", numbers(m.theta));
            ObjectNode a = o.putObject("adam");
            a.put("step", m.adam.step());
            a.set("m", numbers(m.adam.firstMoments()));
            a.set("v", numbers(m.adam.secondMoments()));
            ObjectNode p = o.putObject("plateau");
            p.put("scale", m.plateau.scale());
            putLoss(p, "best", m.plateau.best());
            p.put("bad_epochs", m.plateau.badEpochs());
            ObjectNode b = o.putObject("best");
            putLoss(b, "loss", m.bestLoss);
            b.put("epoch", m.bestEpoch);
            b.set("theta", numbers(m.bestTheta));
            o.put("stopped", m.stopped);
            ArrayNode h = o.putArray("history");
            for (EpochRecord r : m.history) {
                ObjectNode e = h.addObject();
                e.put("epoch", r.epoch());
                e.put("lr", r.learningRate());
                e.set("train", terms(r.train()));
                e.set("validation", r.validation() == null ? NODES.nullNode() : terms(r.validation()));
                e.put("gradient_norm", r.gradientNorm());
            }
            if (m.average != null) {
                o.set("average", numbers(m.average));
            }
        }
        try {
            writeAtomically(file, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a checkpoint.
     *
     * @param trainable per member, which θ components are trained (to rebuild the optimiser)
     * @param decayed per member, which are weight-decayed
     */
    static State read(Path file, AdamW.Settings adam, boolean[][] trainable, boolean[][] decayed) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("checkpoint " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("checkpoint " + file + " is not a Potentia training checkpoint");
        }
        if (root.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException("checkpoint " + file + " has version " + root.path("version")
                    + "; this build reads version " + VERSION);
        }
        List<MemberState> members = new ArrayList<>();
        JsonNode ms = root.path("members");
        for (int k = 0; k < ms.size(); k++) {
            JsonNode o = ms.get(k);
            JsonNode s = o.path("samples");
            int[] samples = new int[s.size()];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = s.get(i).asInt();
            }
            JsonNode a = o.path("adam");
            AdamW opt = k < trainable.length
                    ? new AdamW(adam, trainable[k], decayed[k], doubles(a.path("m")), doubles(a.path("v")),
                            a.path("step").asLong())
                    : null;
            JsonNode p = o.path("plateau");
            LearningRate.Plateau plateau = new LearningRate.Plateau(p.path("scale").asDouble(), loss(p.path("best")),
                    p.path("bad_epochs").asInt());
            JsonNode b = o.path("best");
            List<EpochRecord> history = new ArrayList<>();
            for (JsonNode e : o.path("history")) {
                history.add(new EpochRecord(e.path("epoch").asInt(), e.path("lr").asDouble(), terms(e.path("train")),
                        e.path("validation").isNull() ? null : terms(e.path("validation")),
                        e.path("gradient_norm").asDouble()));
            }
            double[] theta = doubles(o.path("theta"));
            double[] average = o.has("average") ? doubles(o.path("average")) : null;
            if (average != null && average.length != theta.length) {
                throw new IllegalArgumentException("checkpoint " + file + ": member " + k + "'s weight average has "
                        + average.length + " numbers, its θ " + theta.length);
            }
            members.add(new MemberState(k, samples, theta, opt, plateau, loss(b.path("loss")),
                    b.path("epoch").asInt(), doubles(b.path("theta")), o.path("stopped").asBoolean(), history,
                    average));
        }
        return new State(root.path("fingerprint").asText(), root.path("epochs_done").asInt(),
                strings(root.path("train")), strings(root.path("validation")),
                doubles(root.path("standardisation").path("mean")), doubles(root.path("standardisation").path("std")),
                doubles(root.path("reference_energies")), members);
    }

    private static void putLoss(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static double loss(JsonNode v) {
        return v.isNull() || v.isMissingNode() ? Double.POSITIVE_INFINITY : v.asDouble();
    }

    private static ArrayNode terms(LossTerms t) {
        return numbers(new double[] {t.energy(), t.forces(), t.stress()});
    }

    private static LossTerms terms(JsonNode v) {
        return new LossTerms(v.get(0).asDouble(), v.get(1).asDouble(), v.get(2).asDouble());
    }

    private static ArrayNode numbers(double[] v) {
        ArrayNode a = NODES.arrayNode(v.length);
        for (double x : v) {
            a.add(x);
        }
        return a;
    }

    private static ArrayNode texts(List<String> v) {
        ArrayNode a = NODES.arrayNode(v.size());
        v.forEach(a::add);
        return a;
    }

    private static double[] doubles(JsonNode v) {
        double[] out = new double[v.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = v.get(k).asDouble();
        }
        return out;
    }

    private static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        v.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** Writes through a temporary file in the same directory and an atomic rename. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path temp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            Files.write(temp, bytes);
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
