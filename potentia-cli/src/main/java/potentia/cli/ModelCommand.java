package potentia.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code potentia model}: make and inspect neural-network model files. */
@Command(name = "model",
        description = "Make and inspect neural-network model files.",
        subcommands = {ModelInitCommand.class, ModelInfoCommand.class},
        footer = {"", "Examples:",
            "  potentia model init --species Si --cutoff 5 --nmax 5 --layers 64,32,16 --committee 3 --seed 1 -o si.potentia",
            "  potentia model info si.potentia"})
final class ModelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
