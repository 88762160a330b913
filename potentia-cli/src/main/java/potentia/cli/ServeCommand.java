package potentia.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import potentia.io.StructureFiles;
import potentia.io.StructureFiles.Format;
import potentia.io.StructureSource;
import potentia.ipi.IpiAddress;
import potentia.ipi.IpiConnection;
import potentia.ipi.IpiDriver;
import potentia.ipi.IpiEvaluation;
import potentia.ipi.IpiExtras;
import potentia.ipi.IpiListener;
import potentia.ipi.IpiMessage;
import potentia.ipi.IpiSummary;
import potentia.ipi.IpiTimeouts;
import potentia.potential.Potential;
import potentia.structure.Structure;

/**
 * {@code potentia serve}: the driver (client) side of the i-PI socket protocol, so that i-PI or
 * ASE's {@code SocketIOCalculator} can drive any Potentia potential.
 */
@Command(name = "serve",
        description = {
            "Serve a potential to an i-PI server (i-PI, or ASE's SocketIOCalculator) as an i-PI driver: "
                    + "connect to the server's socket, then answer each geometry it sends with energy, forces "
                    + "and virial until it sends EXIT or closes the connection.",
            "The server listens and must be started first or soon after (the driver keeps retrying for "
                    + "--connect-timeout). Species and atom order come from --structure (its first frame), which "
                    + "must be the server's system; the cell and positions come from the server.",
            "Ends with exit code 0 on EXIT or when the server closes the connection between messages; with one "
                    + "error line and exit code 1 on garbage, a message cut short, a stall inside a message "
                    + "(--message-timeout) or a wrong number of atoms. It does not reconnect."},
        footer = {"", "Examples:",
            "  potentia serve --potential sw --structure si64.extxyz --unix si",
            "      server: ASE SocketIOCalculator(unixsocket='si'), or i-PI",
            "      <ffsocket mode='unix'><address>si</address></ffsocket>",
            "  potentia serve -p sw -s si64.extxyz --inet localhost:31415 --log-every 1000",
            "      server: ASE SocketIOCalculator(port=31415), or i-PI <ffsocket mode='inet'>",
            "      <address>localhost</address><port>31415</port></ffsocket>"})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    PotentialOptions potentialOptions;

    @Option(names = {"-s", "--structure"}, required = true, paramLabel = "FILE",
            description = "The system (extended XYZ or POSCAR; first frame): species, atom order and periodicity.")
    Path structure;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Format of --structure when its name does not tell: ${COMPLETION-CANDIDATES}.")
    Format format;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Address address;

    static final class Address {
        @Option(names = "--unix", required = true, paramLabel = "NAME",
                description = "UNIX socket /tmp/ipi_NAME (i-PI's and ASE's convention); a NAME with '/' is a full path.")
        String unix;

        @Option(names = "--inet", required = true, paramLabel = "HOST:PORT",
                description = "TCP socket HOST:PORT (or PORT alone, on localhost).")
        String inet;

        IpiAddress resolve() {
            return unix != null ? IpiAddress.unix(unix) : IpiAddress.inet(inet);
        }
    }

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Keep retrying to connect this long while the server is not up (default: ${DEFAULT-VALUE}).")
    double connectTimeout;

    @Option(names = "--message-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Longest silence inside a message before giving up (default: ${DEFAULT-VALUE}).")
    double messageTimeout;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "0",
            description = "Longest wait for the next message; 0 = no limit (default: ${DEFAULT-VALUE}).")
    double idleTimeout;

    @Option(names = "--skin", paramLabel = "Å", defaultValue = "1.0",
            description = "Verlet skin of the neighbour list reused between geometries (default: ${DEFAULT-VALUE} Å).")
    double skin;

    @Option(names = "--extras", paramLabel = "WHAT", defaultValue = "none",
            description = "Extra string of each reply: none, or energies (JSON {\"energies\": [...]}, per-atom, eV) "
                    + "(default: ${DEFAULT-VALUE}).")
    String extras;

    @Option(names = "--log-every", paramLabel = "N", defaultValue = "100",
            description = "Print a status line every N evaluations; 0 = only the first and last lines "
                    + "(default: ${DEFAULT-VALUE}).")
    long logEvery;

    @Option(names = "--log-messages", description = "Print every protocol message sent and received (debugging).")
    boolean logMessages;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        IpiTimeouts timeouts = new IpiTimeouts(seconds("--connect-timeout", connectTimeout, false),
                seconds("--message-timeout", messageTimeout, true), seconds("--idle-timeout", idleTimeout, false));
        if (logEvery < 0) {
            throw new IllegalArgumentException("--log-every must be ≥ 0, got " + logEvery);
        }
        IpiAddress where = address.resolve();
        Potential potential = potentialOptions.potential();
        Structure start = firstFrame();
        // one evaluation before connecting: an element the potential lacks fails here, not mid-run
        double startEnergy = potential.compute(start).energy();
        Progress progress = new Progress(err);
        IpiDriver driver = IpiDriver.builder(potential, start)
                .structureName(structure.toString())
                .skin(skin)
                .threads(potentialOptions.resolvedThreads())
                .extras(extras())
                .listener(progress)
                .build();
        err.printf(Locale.ROOT, "serve: %s on %s (%d atoms, %s, E = %.6g eV); connecting to %s (up to %s)%n",
                potential.name(), structure, start.size(), start.formula(), startEnergy, where,
                seconds(timeouts.connect()));
        IpiSummary summary;
        try (IpiConnection connection = IpiConnection.connect(where, timeouts)) {
            err.println("serve: connected to " + where);
            progress.connected();
            summary = driver.serve(connection);
        }
        err.println("serve: " + summary.describe());
        return 0;
    }

    private Structure firstFrame() {
        try (StructureSource source = StructureFiles.read(structure, format != null ? format : Format.guess(structure))) {
            Iterator<Structure> it = source.iterator();
            if (!it.hasNext()) {
                throw new IllegalArgumentException(structure + ": no structure in the file");
            }
            return it.next();
        }
    }

    private IpiExtras extras() {
        return switch (extras.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> IpiExtras.NONE;
            case "energies" -> IpiExtras.ENERGIES;
            default -> throw new IllegalArgumentException("--extras must be none or energies, got '" + extras + "'");
        };
    }

    private static Duration seconds(String option, double s, boolean positive) {
        if (!Double.isFinite(s) || s < 0 || (positive && s == 0)) {
            throw new IllegalArgumentException(option + " must be a number of seconds " + (positive ? "> 0" : "≥ 0")
                    + ", got " + s);
        }
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** Status lines on stderr: every --log-every evaluations, and each message with --log-messages. */
    private final class Progress implements IpiListener {
        private final PrintStream err;
        private long started = System.nanoTime();
        private long rebuilds;

        Progress(PrintStream err) {
            this.err = err;
        }

        void connected() {
            started = System.nanoTime();
        }

        @Override
        public void received(IpiMessage m) {
            if (logMessages) {
                err.println("serve: <- " + m);
            }
        }

        @Override
        public void sent(IpiMessage m) {
            if (logMessages) {
                err.println("serve: -> " + m);
            }
        }

        @Override
        public void initialised(int bead, String init) {
            if (logMessages) {
                err.printf(Locale.ROOT, "serve: INIT bead %d, %d bytes of init string%n", bead, init.length());
            }
        }

        @Override
        public void evaluated(IpiEvaluation e) {
            if (e.neighbourListRebuilt()) {
                rebuilds++;
            }
            long done = e.index() + 1;
            if (logEvery > 0 && done % logEvery == 0) {
                double s = (System.nanoTime() - started) * 1e-9;
                err.printf(Locale.ROOT, "serve: %d evaluations, %.3g /s, E = %.8g eV, max force %.4g eV/Å, "
                        + "%d neighbour-list builds%n", done, done / s, e.result().energy(), e.result().maxForce(),
                        rebuilds);
            }
        }
    }
}
