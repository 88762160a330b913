package potentia.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import potentia.potential.Potential;

/** The options every command that evaluates a potential shares: a reference potential or a model file. */
final class PotentialOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    @Option(names = {"-p", "--potential"}, paramLabel = "SPEC",
            description = "A reference potential: " + PotentialSpec.HELP + ". Give this or --model.")
    String spec;

    @Option(names = {"-m", "--model"}, paramLabel = "FILE",
            description = "A neural-network model file (potentia model init, or training). Give this or --potential.")
    Path model;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "${sys:potentia.threads:-0}",
            description = "Threads per evaluation; 0 means one per core (default: ${DEFAULT-VALUE}).")
    int threads;

    Potential potential() {
        if ((spec == null) == (model == null)) { // a usage error (exit code 2, with the usage)
            throw new CommandLine.ParameterException(command.commandLine(), spec == null
                    ? "Missing required option: give --potential=SPEC or --model=FILE"
                    : "--potential and --model are mutually exclusive: give one of them");
        }
        return PotentialSpec.parse(model != null ? PotentialSpec.model(model) : spec, resolvedThreads());
    }

    int resolvedThreads() {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be ≥ 0, got " + threads);
        }
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
