package potentia.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * Runs LAMMPS (Debian's {@code lmp}) as the peer of a benchmark, on the very structure the
 * benchmark uses: writes a data file, runs a few MD steps with a fixed neighbour list, and reads
 * the time LAMMPS itself reports for the pair computation ("Pair" row of its timing breakdown),
 * so start-up, input and neighbour building are excluded on both sides ({@link #run}); or runs
 * ordinary NVE molecular dynamics with neighbour-list rebuilds and reads the whole loop's time
 * ({@link #runMd}).
 */
public final class LammpsPeer {
    private static final Pattern PAIR_ROW = Pattern.compile("^Pair\\s*\\|\\s*([0-9.eE+-]+)\\s*\\|\\s*([0-9.eE+-]+)");
    private static final Pattern BUILDS = Pattern.compile("^Neighbor list builds = (\\d+)");
    private static final Pattern LOOP = Pattern.compile("^Loop time of ([0-9.eE+-]+) on (\\d+) procs for (\\d+) steps");

    private final String executable;

    private LammpsPeer(String executable) {
        this.executable = executable;
    }

    /** The peer if {@code lmp} is on the PATH, else null (the benchmark then prints no peer column). */
    public static LammpsPeer findOrNull() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "lmp");
            if (Files.isExecutable(p)) {
                return new LammpsPeer(p.toString());
            }
        }
        return null;
    }

    /** What LAMMPS reported for one run. */
    public record Timing(int processes, int steps, int atoms, double pairSeconds, double loopSeconds,
            double initialEnergy, int neighbourBuilds) {
        /** Atom-steps per second of the pair (force) computation alone. */
        public double pairAtomStepsPerSecond() {
            return (double) atoms * steps / pairSeconds;
        }
    }

    /**
     * Runs {@code steps} NVE steps (zero initial velocities) of {@code pairStyle} on the structure
     * with a neighbour list built once (skin {@code skin} Å, never rebuilt), on {@code processes}
     * MPI ranks (Debian's LAMMPS has no OpenMP styles; ranks are its way to use cores).
     *
     * @param pairCoeff the {@code pair_coeff} line, e.g. {@code "* * /usr/share/lammps/potentials/Si.sw Si"}
     */
    public Timing run(Structure s, String pairStyle, String pairCoeff, double skin, int steps, int processes)
            throws IOException, InterruptedException {
        return execute(s, List.of(
                "pair_style " + pairStyle,
                "pair_coeff " + pairCoeff,
                String.format(Locale.ROOT, "neighbor %.6f bin", skin),
                "neigh_modify every 100000 delay 0 check no",
                "fix 1 all nve",
                "thermo_style custom step pe",
                "thermo_modify format float %.15g",
                "thermo 100000",
                "run " + steps), processes);
    }

    /**
     * Runs {@code steps} steps of NVE molecular dynamics as an MD code is normally run: velocities
     * drawn by {@code velocity create} at {@code temperature} (Gaussian, zero momentum), {@code fix
     * nve}, a neighbour list with skin {@code skin} Å rebuilt whenever an atom has moved half of it
     * ({@code neigh_modify every 1 delay 0 check yes}). The timing of interest is
     * {@link Timing#loopSeconds()}, the whole MD loop.
     *
     * @param timestepFs the time step, fs
     */
    public Timing runMd(Structure s, String pairStyle, String pairCoeff, double skin, int steps, int processes,
            double temperature, double timestepFs, long seed) throws IOException, InterruptedException {
        return execute(s, List.of(
                "pair_style " + pairStyle,
                "pair_coeff " + pairCoeff,
                String.format(Locale.ROOT, "neighbor %.6f bin", skin),
                "neigh_modify every 1 delay 0 check yes",
                String.format(Locale.ROOT, "velocity all create %.6f %d dist gaussian mom yes rot no", temperature,
                        Math.max(1, Math.abs(seed) % 900_000_000)),
                String.format(Locale.ROOT, "timestep %.9f", timestepFs / 1000),
                "fix 1 all nve",
                "thermo_style custom step pe",
                "thermo_modify format float %.15g",
                "thermo " + steps,
                "run " + steps), processes);
    }

    private Timing execute(Structure s, List<String> commands, int processes) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("potentia-lammps");
        try {
            return runIn(dir, s, commands, processes);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * Runs LAMMPS in {@code dir} (which keeps its outputs: {@code log.lmp} and whatever the
     * commands write) on the structure, read as {@code data.lmp} with units metal and the mass of
     * its one element, followed by {@code commands}.
     */
    public Timing runIn(Path dir, Structure s, List<String> commands, int processes)
            throws IOException, InterruptedException {
        writeData(s, dir.resolve("data.lmp"));
        List<String> lines = new ArrayList<>(List.of(
                "units metal",
                "atom_style atomic",
                "boundary p p p",
                "read_data data.lmp",
                String.format(Locale.ROOT, "mass 1 %.6f", s.element(0).mass())));
        lines.addAll(commands);
        lines.add("");
        Files.writeString(dir.resolve("in.lmp"), String.join("\n", lines), StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>();
        if (processes > 1) {
            cmd.addAll(List.of("mpirun", "--allow-run-as-root", "--oversubscribe", "-np", Integer.toString(processes)));
        }
        cmd.addAll(List.of(executable, "-in", "in.lmp", "-log", "log.lmp", "-screen", "none"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("LAMMPS failed: " + String.join(" ", cmd) + "\n"
                    + Files.readString(dir.resolve("stdout.txt")));
        }
        return parse(Files.readAllLines(dir.resolve("log.lmp")), s.size());
    }

    private static Timing parse(List<String> log, int atoms) throws IOException {
        Double pair = null;
        Double loop = null;
        double energy = Double.NaN;
        int procs = 0;
        int steps = 0;
        int builds = -1;
        boolean thermoNext = false;
        for (String line : log) {
            if (thermoNext) {
                String[] f = line.trim().split("\\s+");
                energy = Double.parseDouble(f[1]);
                thermoNext = false;
            }
            if (line.trim().startsWith("Step") && line.contains("PotEng") && Double.isNaN(energy)) {
                thermoNext = true;
            }
            Matcher m = LOOP.matcher(line);
            if (m.find()) {
                loop = Double.parseDouble(m.group(1));
                procs = Integer.parseInt(m.group(2));
                steps = Integer.parseInt(m.group(3));
            }
            Matcher b = BUILDS.matcher(line);
            if (b.find()) {
                builds = Integer.parseInt(b.group(1));
            }
            Matcher q = PAIR_ROW.matcher(line);
            if (q.find()) {
                pair = Double.parseDouble(q.group(2)); // the average over ranks
            }
        }
        if (pair == null || loop == null) {
            throw new IOException("no timing breakdown in the LAMMPS log");
        }
        return new Timing(procs, steps, atoms, pair, loop, energy, builds);
    }

    /** LAMMPS "atomic" data file; the cell must already be in LAMMPS's lower-triangular form. */
    private static void writeData(Structure s, Path file) throws IOException {
        Cell c = s.cell();
        double[] h = c.matrix();
        if (h[1] != 0 || h[2] != 0 || h[5] != 0 || !c.fullyPeriodic()) {
            throw new IllegalArgumentException("benchmark structures must be periodic with a = (ax,0,0), b = (bx,by,0)");
        }
        if (s.elements().size() != 1) {
            throw new IllegalArgumentException("the LAMMPS peer is set up for one element");
        }
        StringBuilder sb = new StringBuilder(64 * s.size() + 512);
        sb.append("Potentia benchmark structure\n\n").append(s.size()).append(" atoms\n1 atom types\n\n");
        sb.append(String.format(Locale.ROOT, "0 %.17g xlo xhi%n0 %.17g ylo yhi%n0 %.17g zlo zhi%n", h[0], h[4], h[8]));
        if (!c.isOrthorhombic()) {
            sb.append(String.format(Locale.ROOT, "%.17g %.17g %.17g xy xz yz%n", h[3], h[6], h[7]));
        }
        sb.append("\nAtoms # atomic\n\n");
        Structure w = s.wrapped();
        for (int i = 0; i < s.size(); i++) {
            sb.append(i + 1).append(" 1 ")
                    .append(w.position(i, 0)).append(' ')
                    .append(w.position(i, 1)).append(' ')
                    .append(w.position(i, 2)).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
