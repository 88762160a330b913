package potentia.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import potentia.potential.Potential;
import potentia.train.ErrorStats;
import potentia.train.Prediction;
import potentia.train.Predictions;
import potentia.train.Sample;
import potentia.train.Samples;

/** {@code potentia test}: errors of a model (or any potential) against the labels of a data set. */
@Command(name = "test",
        description = {"Errors of a model against reference labels: MAE and RMSE of the energy per atom (meV/atom), "
                + "force components (meV/Å) and stress (GPa, the six independent components), over all frames and "
                + "per config_type; with a committee, its mean spreads too."},
        footer = {"", "Examples:",
            "  potentia test --model si/model.potentia si/validation.extxyz",
            "  potentia test --model si/model.potentia data.extxyz --json",
            "  potentia test --potential sw examples/si-structures.extxyz"})
final class TestCommand implements Callable<Integer> {

    @Mixin
    PotentialOptions potential;

    @Mixin
    LabelOptions labels;

    @Parameters(arity = "1..*", paramLabel = "DATA", description = "Labelled structure files (extended XYZ).")
    List<Path> data;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Potential p = potential.potential();
        List<Sample> samples = Samples.read(data, labels.keys(), labels.where);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException(labels.noFramesMessage(data));
        }
        // frames in parallel, each evaluated serially
        Potential serial = p instanceof potentia.nn.NeuralNetworkPotential n ? n.withThreads(1) : p;
        List<Prediction> predicted = Predictions.of(serial, samples, potential.resolvedThreads());
        ErrorStats all = ErrorStats.of(samples, predicted);
        Map<String, ErrorStats> groups = ErrorStats.byGroup(samples, predicted);
        if (json) {
            ObjectNode o = ErrorTable.json(all, groups);
            System.out.println(new ObjectMapper().writeValueAsString(o));
        } else {
            System.out.println(p.name() + " on " + data + ":");
            System.out.print(ErrorTable.table(ErrorTable.rows("all", all, groups)));
        }
        return 0;
    }
}
