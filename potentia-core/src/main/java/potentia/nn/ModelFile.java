package potentia.nn;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import potentia.descriptor.Descriptor;
import potentia.structure.Element;

/**
 * The model file: one self-describing, versioned JSON document holding a {@link NetworkModel}.
 * <pre>
 * {
 *   "format": "potentia-nn-model", "version": 1,
 *   "species": ["Si", "O"],
 *   "descriptor": {"type": "spherical-bessel", "cutoff": 5.0, "n_max": 5, "species": ["Si", "O"], "features": 63},
 *   "standardisation": {"Si": {"mean": [63 numbers], "std": [63 numbers]}, "O": {…}},
 *   "reference_energies": {"Si": -158.5, "O": -432.1},
 *   "committee": [{"type": "element-mlp", "inputs": 63, "hidden": [64, 32, 16], "activation": "swish",
 *                  "learnable_beta": false, "parameters": [S × P numbers]}, …],
 *   "metadata": {"created": "2026-…", …},
 *   "checksum": "sha256:…"
 * }
 * </pre>
 * Units: Å (cutoff), eV (reference energies; networks output eV). The parameters of an
 * element-mlp member follow {@link MlpShape}'s layout per element, elements in "species" order.
 * Numbers are written in Java's shortest round-tripping form, so reading gives back every double
 * bit for bit. The checksum is SHA-256 over the document without its "checksum" member, written
 * compactly (no spaces, members in file order): editing a value invalidates it, re-indenting
 * does not.
 *
 * <p>Writing is atomic (a temporary file in the same directory renamed over the target). Reading
 * checks, in order: JSON well formed and complete (a truncated file is named as such), format name,
 * version (a newer one is refused rather than misread), checksum, then every field's presence,
 * type and shape; each failure is a {@link ModelFileException} naming the file and the problem.
 */
public final class ModelFile {
    /** The format name in every model file. */
    public static final String FORMAT = "potentia-nn-model";
    /** The version this build writes and the newest it reads. */
    public static final int VERSION = 1;
    /** The suggested file name extension. */
    public static final String EXTENSION = ".potentia";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ModelFile() {
    }

    /** Writes {@code model} to {@code file} atomically. */
    public static void write(Path file, NetworkModel model) {
        ObjectNode root = toJson(model);
        root.put("checksum", "sha256:" + sha256(root));
        byte[] bytes;
        try {
            bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file.toString(), "cannot encode: " + e.getOriginalMessage(), e);
        }
        writeAtomically(file, bytes);
    }

    /** Reads a model file; the descriptor is rebuilt from its recorded spec. */
    public static NetworkModel read(Path file) {
        return read(file, DescriptorSpec::build);
    }

    /** Reads a model file with a given way of building descriptors from their specs (tests use stand-ins). */
    static NetworkModel read(Path file, Function<DescriptorSpec, Descriptor> descriptors) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(name, "no such file", e);
        } catch (IOException e) {
            throw new ModelFileException(name, "cannot read: " + e.getMessage(), e);
        }
        return new Reader(name).model(parse(name, bytes), descriptors);
    }

    /** The document without its checksum. */
    static ObjectNode toJson(NetworkModel model) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        List<Element> species = model.species();
        root.set("species", symbols(species));
        root.set("descriptor", descriptor(model.descriptorSpec()));
        ObjectNode scaling = root.putObject("standardisation");
        Standardisation st = model.standardisation();
        int f = st.featureCount();
        double[] mean = st.mean();
        double[] std = st.std();
        for (int s = 0; s < species.size(); s++) {
            ObjectNode e = scaling.putObject(species.get(s).symbol());
            e.set("mean", numbers(mean, s * f, f));
            e.set("std", numbers(std, s * f, f));
        }
        ObjectNode e0 = root.putObject("reference_energies");
        double[] ref = model.referenceEnergies();
        for (int s = 0; s < species.size(); s++) {
            e0.put(species.get(s).symbol(), ref[s]);
        }
        ArrayNode committee = root.putArray("committee");
        for (AtomicModel m : model.members()) {
            committee.add(member(m));
        }
        ObjectNode meta = root.putObject("metadata");
        model.metadata().forEach(meta::put);
        return root;
    }

    private static ObjectNode descriptor(DescriptorSpec spec) {
        ObjectNode d = NODES.objectNode();
        d.put("type", spec.type());
        switch (spec) {
            case DescriptorSpec.Bessel b -> {
                d.put("cutoff", b.cutoff());
                d.put("n_max", b.nMax());
                d.set("species", symbols(b.species()));
            }
        }
        d.put("features", spec.featureCount());
        return d;
    }

    private static ObjectNode member(AtomicModel m) {
        ObjectNode o = NODES.objectNode();
        switch (m) {
            case ElementNetworks e -> {
                o.put("type", "element-mlp");
                o.put("inputs", e.shape().inputs());
                ArrayNode hidden = o.putArray("hidden");
                e.shape().hidden().forEach(hidden::add);
                o.put("activation", "swish");
                o.put("learnable_beta", e.learnableBeta());
                double[] p = e.parameters();
                o.set("parameters", numbers(p, 0, p.length));
            }
        }
        return o;
    }

    private static ArrayNode symbols(List<Element> species) {
        ArrayNode a = NODES.arrayNode();
        species.forEach(e -> a.add(e.symbol()));
        return a;
    }

    private static ArrayNode numbers(double[] v, int from, int count) {
        ArrayNode a = NODES.arrayNode(count);
        for (int k = from; k < from + count; k++) {
            a.add(v[k]);
        }
        return a;
    }

    /** SHA-256 (hex) of the compact serialisation of {@code root} without a "checksum" member. */
    static String sha256(ObjectNode root) {
        ObjectNode content = root.deepCopy();
        content.remove("checksum");
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(JSON.writeValueAsBytes(content)));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot compute a model checksum", e);
        }
    }

    private static JsonNode parse(String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw new ModelFileException(name, "the file is empty");
        }
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new ModelFileException(name, "the file holds no JSON document");
            }
            return root;
        } catch (JsonEOFException e) {
            throw new ModelFileException(name, "truncated: the JSON document ends early" + where(e.getLocation())
                    + " (an interrupted copy or a full disk?)", e);
        } catch (JsonProcessingException e) {
            if (startsWithBrace(bytes) && !endsWithBrace(bytes)) { // cut within a token: the parser fails before the end
                throw new ModelFileException(name, "truncated: the JSON document ends early, without its closing '}'"
                        + " (an interrupted copy or a full disk?)", e);
            }
            throw new ModelFileException(name, "not a valid JSON document: " + e.getOriginalMessage()
                    + where(e.getLocation()), e);
        } catch (IOException e) {
            throw new ModelFileException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean startsWithBrace(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '{';
            }
        }
        return false;
    }

    private static boolean endsWithBrace(byte[] bytes) {
        for (int k = bytes.length - 1; k >= 0; k--) {
            byte b = bytes[k];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '}';
            }
        }
        return false;
    }

    private static String where(JsonLocation at) {
        return at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static void writeAtomically(Path target, byte[] bytes) {
        Path abs = target.toAbsolutePath();
        Path temp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toHexString(
                ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temporary name starts with '.' and ends with .tmp
            }
            throw new ModelFileException(target.toString(), "cannot write: " + e, e);
        }
    }

    /** Field-by-field decoding with messages that name the field. */
    private static final class Reader {
        private final String file;

        Reader(String file) {
            this.file = file;
        }

        private ModelFileException bad(String problem) {
            return new ModelFileException(file, problem);
        }

        NetworkModel model(JsonNode root, Function<DescriptorSpec, Descriptor> descriptors) {
            if (!root.isObject()) {
                throw bad("not a Potentia model (the document is not a JSON object)");
            }
            JsonNode format = root.get("format");
            if (format == null || !FORMAT.equals(format.asText())) {
                throw bad("not a Potentia model (format " + (format == null ? "missing" : "'" + format.asText() + "'")
                        + ", expected '" + FORMAT + "')");
            }
            JsonNode version = root.get("version");
            if (version == null || !version.isIntegralNumber() || version.asInt() < 1) {
                throw bad("field 'version' must be a positive integer, got " + version);
            }
            if (version.asInt() > VERSION) {
                throw bad("format version " + version.asInt() + " is newer than this build of Potentia reads (up to "
                        + VERSION + "): use a newer Potentia");
            }
            JsonNode checksum = root.get("checksum");
            if (checksum == null || !checksum.isTextual() || !checksum.asText().startsWith("sha256:")) {
                throw bad("field 'checksum' is missing or not 'sha256:…'");
            }
            String computed = sha256((ObjectNode) root);
            if (!checksum.asText().substring("sha256:".length()).equalsIgnoreCase(computed)) {
                throw bad("checksum mismatch: the content was modified or corrupted (file says "
                        + checksum.asText() + ", content gives sha256:" + computed + ")");
            }
            try {
                return decode(root, descriptors);
            } catch (ModelFileException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(file, "inconsistent model: " + e.getMessage(), e);
            }
        }

        private NetworkModel decode(JsonNode root, Function<DescriptorSpec, Descriptor> descriptors) {
            List<Element> species = elements(field(root, "species"), "species");
            DescriptorSpec spec = descriptorSpec(object(root, "descriptor"));
            if (!spec.species().equals(species)) {
                throw bad("descriptor species " + spec.species() + " differ from the model's " + species);
            }
            int f = spec.featureCount();
            JsonNode scaling = object(root, "standardisation");
            JsonNode e0Node = object(root, "reference_energies");
            double[] mean = new double[species.size() * f];
            double[] std = new double[mean.length];
            double[] e0 = new double[species.size()];
            for (int s = 0; s < species.size(); s++) {
                String sym = species.get(s).symbol();
                JsonNode e = object(scaling, sym, "standardisation." + sym);
                System.arraycopy(doubles(field(e, "mean"), f, "standardisation." + sym + ".mean"), 0, mean, s * f, f);
                System.arraycopy(doubles(field(e, "std"), f, "standardisation." + sym + ".std"), 0, std, s * f, f);
                e0[s] = number(field(e0Node, sym, "reference_energies." + sym), "reference_energies." + sym);
            }
            checkOnly(scaling, species, "standardisation");
            checkOnly(e0Node, species, "reference_energies");
            JsonNode committee = field(root, "committee");
            if (!committee.isArray() || committee.isEmpty()) {
                throw bad("field 'committee' must be a non-empty array of members");
            }
            List<AtomicModel> members = new ArrayList<>();
            for (int k = 0; k < committee.size(); k++) {
                members.add(member(committee.get(k), species, f, "committee[" + k + "]"));
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            JsonNode meta = root.get("metadata");
            if (meta != null) {
                if (!meta.isObject()) {
                    throw bad("field 'metadata' must be an object");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = meta.properties().iterator(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    metadata.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                }
            }
            Descriptor descriptor = descriptors.apply(spec);
            return NetworkModel.of(spec, descriptor, new Standardisation(species, f, mean, std), e0, members, metadata);
        }

        private DescriptorSpec descriptorSpec(JsonNode d) {
            String type = text(field(d, "type", "descriptor.type"), "descriptor.type");
            DescriptorSpec spec = switch (type) {
                case DescriptorSpec.Bessel.TYPE -> new DescriptorSpec.Bessel(
                        number(field(d, "cutoff", "descriptor.cutoff"), "descriptor.cutoff"),
                        integer(field(d, "n_max", "descriptor.n_max"), "descriptor.n_max"),
                        elements(field(d, "species", "descriptor.species"), "descriptor.species"));
                default -> throw bad("unknown descriptor type '" + type + "' (this build knows '"
                        + DescriptorSpec.Bessel.TYPE + "')");
            };
            JsonNode features = d.get("features");
            if (features != null && integer(features, "descriptor.features") != spec.featureCount()) {
                throw bad("descriptor.features says " + features.asInt() + " but " + spec + " gives "
                        + spec.featureCount());
            }
            return spec;
        }

        private AtomicModel member(JsonNode m, List<Element> species, int features, String where) {
            if (!m.isObject()) {
                throw bad(where + " must be an object");
            }
            String type = text(field(m, "type", where + ".type"), where + ".type");
            if (!type.equals("element-mlp")) {
                throw bad(where + ".type '" + type + "' is unknown (this build knows 'element-mlp')");
            }
            int inputs = integer(field(m, "inputs", where + ".inputs"), where + ".inputs");
            if (inputs != features) {
                throw bad(where + ".inputs is " + inputs + " but the descriptor gives " + features + " features");
            }
            JsonNode hiddenNode = field(m, "hidden", where + ".hidden");
            if (!hiddenNode.isArray()) {
                throw bad(where + ".hidden must be an array of widths");
            }
            List<Integer> hidden = new ArrayList<>();
            for (int k = 0; k < hiddenNode.size(); k++) {
                hidden.add(integer(hiddenNode.get(k), where + ".hidden[" + k + "]"));
            }
            String activation = text(field(m, "activation", where + ".activation"), where + ".activation");
            if (!activation.equals("swish")) {
                throw bad(where + ".activation '" + activation + "' is unknown (this build knows 'swish')");
            }
            JsonNode learnable = field(m, "learnable_beta", where + ".learnable_beta");
            if (!learnable.isBoolean()) {
                throw bad(where + ".learnable_beta must be true or false");
            }
            MlpShape shape;
            try {
                shape = new MlpShape(inputs, hidden);
            } catch (IllegalArgumentException e) {
                throw bad(where + ": " + e.getMessage());
            }
            int count = species.size() * shape.parameterCount();
            JsonNode params = field(m, "parameters", where + ".parameters");
            if (params.isArray() && params.size() != count) {
                throw bad(where + ".parameters has " + params.size() + " numbers; networks " + shape.describe()
                        + " for " + species.size() + " element(s) need " + count);
            }
            return new ElementNetworks(species, shape, learnable.asBoolean(),
                    doubles(params, count, where + ".parameters"));
        }

        private void checkOnly(JsonNode perSpecies, List<Element> species, String where) {
            for (Iterator<String> it = perSpecies.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (species.stream().noneMatch(e -> e.symbol().equals(key))) {
                    throw bad(where + " has an entry for '" + key + "', which is not among the species " + species);
                }
            }
        }

        private JsonNode field(JsonNode parent, String key) {
            return field(parent, key, key);
        }

        private JsonNode field(JsonNode parent, String key, String where) {
            JsonNode v = parent.get(key);
            if (v == null || v.isNull()) {
                throw bad("field '" + where + "' is missing");
            }
            return v;
        }

        private JsonNode object(JsonNode parent, String key) {
            return object(parent, key, key);
        }

        private JsonNode object(JsonNode parent, String key, String where) {
            JsonNode v = field(parent, key, where);
            if (!v.isObject()) {
                throw bad("field '" + where + "' must be an object");
            }
            return v;
        }

        private String text(JsonNode v, String where) {
            if (!v.isTextual()) {
                throw bad("field '" + where + "' must be a string, got " + v);
            }
            return v.asText();
        }

        private double number(JsonNode v, String where) {
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw bad("field '" + where + "' must be a finite number, got " + v);
            }
            return v.asDouble();
        }

        private int integer(JsonNode v, String where) {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw bad("field '" + where + "' must be an integer, got " + v);
            }
            return v.asInt();
        }

        private double[] doubles(JsonNode v, int expected, String where) {
            if (!v.isArray()) {
                throw bad("field '" + where + "' must be an array of numbers");
            }
            if (v.size() != expected) {
                throw bad("field '" + where + "' has " + v.size() + " numbers, expected " + expected);
            }
            double[] out = new double[expected];
            for (int k = 0; k < expected; k++) {
                out[k] = number(v.get(k), where + "[" + k + "]");
            }
            return out;
        }

        private List<Element> elements(JsonNode v, String where) {
            if (!v.isArray() || v.isEmpty()) {
                throw bad("field '" + where + "' must be a non-empty array of element symbols");
            }
            List<Element> out = new ArrayList<>();
            for (int k = 0; k < v.size(); k++) {
                String sym = text(v.get(k), where + "[" + k + "]");
                try {
                    out.add(Element.of(sym));
                } catch (IllegalArgumentException e) {
                    throw bad("field '" + where + "[" + k + "]': " + e.getMessage());
                }
            }
            return out;
        }
    }
}
