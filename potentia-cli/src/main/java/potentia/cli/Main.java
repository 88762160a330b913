package potentia.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code potentia} command: a thin shell over the core library. */
@Command(name = "potentia",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Machine-learned interatomic potentials and the simulations they power.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"potentia " + (v == null ? "development build" : v)};
        }
    }
}
