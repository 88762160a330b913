package potentia.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import potentia.io.StructureFiles;
import potentia.io.StructureFiles.Format;
import potentia.io.StructureSource;
import potentia.nn.DescriptorSpec;
import potentia.nn.ModelFile;
import potentia.nn.ModelInit;
import potentia.nn.NetworkModel;
import potentia.structure.Element;
import potentia.structure.Structure;

/** {@code potentia model init}: an untrained (randomly initialised) model file. */
@Command(name = "init",
        description = {"Write an untrained model: spherical Bessel descriptors and a committee of per-element swish "
                + "networks with random weights (seeded).",
            "With --structures, the descriptor standardisation (mean and deviation per element and feature) is "
                    + "fitted on their atoms and the per-element reference energies by least squares on their "
                    + "energy labels; otherwise there is no scaling and e0 = 0."},
        footer = {"", "Examples:",
            "  potentia model init --species Si --cutoff 5 --nmax 5 --layers 64,32,16 --committee 3 --seed 1 -o si.potentia",
            "  potentia model init --species Sr,Ti,O --cutoff 5.5 --structures sto-train.extxyz -o sto.potentia"})
final class ModelInitCommand implements Callable<Integer> {

    @Option(names = "--species", required = true, split = ",", paramLabel = "EL",
            description = "The elements, comma-separated (their order fixes the feature order).")
    List<String> species;

    @Option(names = "--cutoff", defaultValue = "5.0", paramLabel = "Å",
            description = "Descriptor cutoff radius r_c (default: ${DEFAULT-VALUE} Å).")
    double cutoff;

    @Option(names = "--nmax", defaultValue = "5", paramLabel = "N",
            description = "Descriptor n_max: (n_max+1)(n_max+2)/2 features per element pair (default: ${DEFAULT-VALUE}).")
    int nMax;

    @Option(names = "--layers", defaultValue = "64,32,16", split = ",", paramLabel = "W",
            description = "Hidden layer widths (default: ${DEFAULT-VALUE}); the output layer is 1 wide.")
    List<Integer> layers;

    @Option(names = "--committee", defaultValue = "1", paramLabel = "K",
            description = "Committee members, each with its own random weights (default: ${DEFAULT-VALUE}).")
    int committee;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--beta", defaultValue = "1.0", paramLabel = "β",
            description = "Swish β of every hidden layer (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--learnable-beta", description = "Let training change β (default: fixed).")
    boolean learnableBeta;

    @Option(names = "--structures", paramLabel = "FILE", arity = "1..*",
            description = "Structures to fit the standardisation and reference energies on.")
    List<Path> structures = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Format of --structures when the file name does not tell: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--name", paramLabel = "TEXT", description = "A name for the model (metadata 'name').")
    String name;

    @Option(names = "--meta", paramLabel = "KEY=VALUE", description = "Extra metadata entries (repeatable).")
    Map<String, String> meta = new LinkedHashMap<>();

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "${sys:potentia.threads:-0}",
            description = "Threads for the descriptors of --structures; 0 means one per core (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "The model file to write (atomically), e.g. si.potentia.")
    Path output;

    @Override
    public Integer call() {
        List<Element> elements = new ArrayList<>();
        for (String s : species) {
            elements.add(Element.of(s.trim()));
        }
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be ≥ 0, got " + threads);
        }
        int nThreads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        DescriptorSpec spec = new DescriptorSpec.Bessel(cutoff, nMax, elements);
        ModelInit init = new ModelInit(spec, layers, beta, learnableBeta, committee, seed);
        List<Structure> data = new ArrayList<>();
        for (Path p : structures) {
            try (StructureSource source = StructureFiles.read(p, format != null ? format : Format.guess(p))) {
                for (Structure s : source) {
                    data.add(s);
                }
            }
        }
        NetworkModel model = init.build(data, nThreads);
        Map<String, String> metadata = new LinkedHashMap<>();
        if (name != null) {
            metadata.put("name", name);
        }
        metadata.put("created_by", "potentia model init");
        metadata.putAll(model.metadata());
        if (!structures.isEmpty()) {
            metadata.put("structures", structures.toString());
        }
        metadata.putAll(meta);
        model = model.withMetadata(metadata);
        ModelFile.write(output, model);
        System.out.printf(Locale.ROOT, "wrote %s: %s, %d features, %s, committee of %d, %d parameters%n", output,
                elements, spec.featureCount(), model.members().get(0).describe(), committee, model.parameterCount());
        return 0;
    }
}
