package potentia.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code potentia} command: a thin shell over the core library. */
@Command(name = "potentia",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Machine-learned interatomic potentials and the simulations they power.",
        subcommands = {
            EvalCommand.class,
            ConvertCommand.class,
            CheckGradientsCommand.class,
            ModelCommand.class,
            RelaxCommand.class,
            MdCommand.class,
            AnalyseCommand.class,
            ServeCommand.class,
            SearchCommand.class,
            PhononsCommand.class,
            EhpCommand.class,
            TrainCommand.class,
            TestCommand.class,
            NsCommand.class,
            NsAnalyseCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
            "  potentia eval --potential sw examples/si-structures.extxyz -o si-sw.extxyz",
            "  potentia convert POSCAR si.extxyz",
            "  potentia check-gradients --potential sw examples/si-structures.extxyz",
            "  potentia model init --species Si --cutoff 5 --nmax 5 --layers 64,32,16 --committee 3 -o si.potentia",
            "  potentia eval --model si.potentia examples/si-structures.extxyz -o si-nn.extxyz",
            "  potentia relax --potential sw --structure si.extxyz --cell -o si-relaxed.extxyz",
            "  potentia md --potential sw --structure si.extxyz --ensemble nvt-bussi --temperature 1000 --steps 10000 --out md/",
            "  potentia analyse rdf md/trajectory.extxyz -o rdf/",
            "  potentia serve --potential sw --structure si64.extxyz --unix si",
            "  potentia search --founder slab.extxyz --free 'z>=7' --potential sw --sigma0 0.3 --runs 8 --seed 1 --out si001",
            "  potentia phonons --potential sw --structure si.extxyz --supercell 3 3 3 --out si-phonons",
            "  potentia ehp --potential sw --structure si.extxyz --supercell 2 2 2 --temperatures 300:1200:300 --samples 200 --seed 1 --out si-ehp",
            "  potentia train examples/train-si.yaml --out si-model",
            "  potentia test --model si-model/model.potentia si-model/validation.extxyz",
            "  potentia ns --potential lj:epsilon=0.0104,sigma=3.4,cutoff=13.6 --species Ar --atoms 13 --sphere 10.2 --walkers 300 --walk-length 200 --iterations 40000 --seed 1 --out lj13-ns",
            "  potentia ns-analyse lj13-ns",
            "  potentia help eval",
            "", "Errors print one line and exit with a non-zero code; set POTENTIA_DEBUG=1 for the stack trace."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        withHelpOptions(cl);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(Main::onFailure);
        return cl.execute(args);
    }

    /** Gives every command and subcommand -h/--help and -V/--version, however it was declared. */
    private static void withHelpOptions(CommandLine cl) {
        cl.getCommandSpec().mixinStandardHelpOptions(true);
        cl.getSubcommands().values().forEach(Main::withHelpOptions);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * A failure is one line naming the command and what went wrong: the messages of our exceptions
     * already name files, frames, lines and fields. Exit code 1; 2 is picocli's for bad usage.
     */
    private static int onFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String message = e.getMessage();
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            message = u.getCause().toString();
        }
        if (message == null || message.isBlank()) {
            message = e.toString();
        }
        err.println(cl.getCommandName() + ": error: " + message);
        if (System.getenv("POTENTIA_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"potentia " + (v == null ? "development build" : v),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
