package potentia.cli;

import picocli.CommandLine.Option;
import potentia.potential.Potential;

/** The options every command that evaluates a potential shares. */
final class PotentialOptions {

    @Option(names = {"-p", "--potential"}, required = true, paramLabel = "SPEC",
            description = "The potential: " + PotentialSpec.HELP + ".")
    String spec;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "${sys:potentia.threads:-0}",
            description = "Threads per evaluation; 0 means one per core (default: ${DEFAULT-VALUE}).")
    int threads;

    Potential potential() {
        return PotentialSpec.parse(spec, resolvedThreads());
    }

    int resolvedThreads() {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be ≥ 0, got " + threads);
        }
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
