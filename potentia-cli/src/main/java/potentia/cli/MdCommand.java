package potentia.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import potentia.io.StructureFiles;
import potentia.io.StructureFiles.Format;
import potentia.md.Barostat;
import potentia.md.MdRestart;
import potentia.md.MdRun;
import potentia.md.MdSample;
import potentia.md.MdSettings;
import potentia.md.MdSystem;
import potentia.md.MolecularDynamics;
import potentia.md.Thermostat;
import potentia.md.Velocities;
import potentia.potential.Potential;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.units.Units;

/** {@code potentia md}: molecular dynamics with any potential, into an output directory that can be resumed. */
@Command(name = "md", mixinStandardHelpOptions = true,
        description = {
            "Run molecular dynamics: NVE (velocity Verlet), NVT (Langevin BAOAB or Bussi stochastic velocity "
                    + "rescaling) or NPT (Bernetti-Bussi stochastic cell rescaling, isotropic or anisotropic).",
            "Writes to --out: trajectory.extxyz (positions Å, velocities Å/fs, forces, energy, stress), log.csv "
                    + "(step, time, energies, T, P, V), restart.bin (every --checkpoint-every steps), final.extxyz, "
                    + "and energy.png / temperature.png (volume.png under NPT).",
            "A killed run continues exactly where its last restart file left off: potentia md --resume DIR."},
        footer = {"", "Examples:",
            "  potentia md --potential sw --structure si.extxyz --ensemble nvt-bussi --temperature 1000 "
                    + "--timestep 1 --steps 10000 --seed 1 --out run1",
            "  potentia md -p lj --structure argon.extxyz --ensemble npt --temperature 40 --pressure 0.1 "
                    + "--compressibility 0.4 --timestep 5 --steps 20000 --seed 2 --out npt",
            "  potentia md --resume run1",
            "  potentia md --resume run1 --steps 20000      (extend a finished run)",
            "", "Units: fs, Å, eV, amu, K, GPa. Velocities in files are Å/fs."})
final class MdCommand implements Callable<Integer> {
    private static final String KEY_POTENTIAL = "cli.potential";
    private static final String KEY_STRUCTURE = "cli.structure";
    private static final String KEY_THREADS = "cli.threads";

    @Spec
    CommandSpec commandSpec;

    @Option(names = {"-p", "--potential"}, paramLabel = "SPEC", description = "The potential: " + PotentialSpec.HELP
            + ". Give this or --model.")
    String potentialSpec;

    @Option(names = {"-m", "--model"}, paramLabel = "FILE",
            description = "A neural-network model file. Give this or --potential.")
    Path model;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "${sys:potentia.threads:-0}",
            description = "Threads for forces and neighbour lists; 0 means one per core (default: ${DEFAULT-VALUE}; with "
                    + "--resume: the run's own count, which keeps the continuation bit-identical).")
    int threads;

    @Option(names = "--structure", paramLabel = "FILE", description = "Starting structure (extended XYZ or POSCAR).")
    Path structure;

    @Option(names = "--frame", paramLabel = "I", defaultValue = "-1",
            description = "Which frame of --structure to start from (negative counts from the end; default: the last).")
    int frame;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Format of --structure when its name does not tell.")
    Format format;

    @Option(names = "--ensemble", paramLabel = "E", description = "nve, nvt-langevin, nvt-bussi or npt.")
    String ensemble;

    @Option(names = "--temperature", paramLabel = "K",
            description = "Thermostat temperature, and of the initial Maxwell-Boltzmann velocities.")
    Double temperature;

    @Option(names = "--pressure", paramLabel = "GPa", description = "Target pressure (npt only).")
    Double pressure;

    @Option(names = "--timestep", paramLabel = "fs", description = "Time step.")
    Double timestep;

    @Option(names = "--steps", paramLabel = "N",
            description = "Total number of steps of the run (with --resume: the new total, to extend a run).")
    Long steps;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of every random number: velocities, thermostat, barostat (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output directory (must not hold a run yet).")
    Path out;

    @Option(names = "--friction", paramLabel = "1/fs", description = "Langevin friction γ (default 0.01 /fs).")
    Double friction;

    @Option(names = "--tau", paramLabel = "fs", description = "Bussi thermostat relaxation time (default 100 fs).")
    Double tau;

    @Option(names = "--thermostat", paramLabel = "T",
            description = "Thermostat under npt: bussi (default) or langevin.")
    String nptThermostat;

    @Option(names = "--tau-p", paramLabel = "fs", description = "Barostat relaxation time τ_p (npt; default 1000 fs).")
    Double tauP;

    @Option(names = "--compressibility", paramLabel = "1/GPa",
            description = "Compressibility β_T the barostat assumes (npt; default 0.01 /GPa, about silicon's): it sets "
                    + "only how fast the volume relaxes (in about τ_p × true compressibility / β_T).")
    Double compressibility;

    @Option(names = "--anisotropic", description = "Let the cell shape change too (npt).")
    boolean anisotropic;

    @Option(names = "--traj-every", paramLabel = "N", defaultValue = "100",
            description = "Steps between trajectory frames; 0 for none (default: ${DEFAULT-VALUE}).")
    long trajEvery;

    @Option(names = "--log-every", paramLabel = "N", defaultValue = "10",
            description = "Steps between log rows (default: ${DEFAULT-VALUE}).")
    long logEvery;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "1000",
            description = "Steps between restart files; 0 for only at the start and end (default: ${DEFAULT-VALUE}).")
    long checkpointEvery;

    @Option(names = "--fix", paramLabel = "ATOMS",
            description = "Atoms held fixed: 0-based indices and ranges, e.g. 0,3,10-19 (a move_mask array in the "
                    + "structure is honoured too).")
    String fix;

    @Option(names = "--mass", paramLabel = "EL=AMU", split = ",",
            description = "Mass overrides per element, e.g. H=2.014 (default: IUPAC masses, or a masses array).")
    List<String> masses;

    @Option(names = "--skin", paramLabel = "Å", description = "Verlet skin of the neighbour list (default 1 Å).")
    Double skin;

    @Option(names = "--keep-velocities",
            description = "Start from the structure's velocities (a velocities array in Å/fs, or ASE momenta) "
                    + "instead of drawing Maxwell-Boltzmann ones.")
    boolean keepVelocities;

    @Option(names = "--wrap", description = "Wrap positions into the cell in the trajectory (the dynamics never wraps).")
    boolean wrap;

    @Option(names = "--no-plots", description = "Do not write the PNG plots.")
    boolean noPlots;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR from its restart file.")
    Path resume;

    @Override
    public Integer call() {
        MdRun run = resume != null ? resumeRun() : startRun();
        return execute(run);
    }

    private CommandSpec spec() {
        return commandSpec;
    }

    private int resolvedThreads() {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be ≥ 0, got " + threads);
        }
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    private MdRun startRun() {
        require(potentialSpec == null || model == null, "--potential and --model are mutually exclusive: give one of them");
        if (model != null) {
            potentialSpec = PotentialSpec.model(model); // recorded for --resume like any other spec
        }
        require(potentialSpec != null, "--potential or --model is required (or --resume DIR)");
        require(structure != null, "--structure is required");
        require(out != null, "--out DIR is required");
        require(ensemble != null, "--ensemble is required: nve, nvt-langevin, nvt-bussi or npt");
        require(timestep != null, "--timestep (fs) is required");
        require(timestep > 0 && Double.isFinite(timestep), "--timestep must be a positive number of fs, got " + timestep);
        require(steps != null, "--steps is required");
        require(steps >= 0, "--steps must be ≥ 0, got " + steps);
        require(trajEvery >= 0, "--traj-every must be ≥ 0, got " + trajEvery);
        require(logEvery >= 1, "--log-every must be ≥ 1, got " + logEvery);
        require(checkpointEvery >= 0, "--checkpoint-every must be ≥ 0, got " + checkpointEvery);
        MdSettings settings = settings();
        Potential potential = PotentialSpec.parse(potentialSpec, resolvedThreads());
        Structure start = readStructure();
        MdSystem system = MdSystem.of(start);
        if (masses != null) {
            system = system.withMasses(massOverrides());
        }
        if (fix != null) {
            system = system.withFixedAtoms(AtomSelection.parse(fix, "--fix", start.size()));
        }
        double[] velocities;
        if (keepVelocities) {
            velocities = Velocities.fromStructure(start, system).orElseThrow(() -> new IllegalArgumentException(
                    "--keep-velocities: " + structure + " has no velocities or momenta array"));
        } else {
            require(temperature != null, "--temperature is required (it sets the initial velocities; "
                    + "or use --keep-velocities)");
            velocities = Velocities.maxwellBoltzmann(system, temperature, seed);
        }
        MolecularDynamics md = MolecularDynamics.create(potential, system, settings,
                MolecularDynamics.initialState(start, velocities), resolvedThreads());
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(KEY_POTENTIAL, potentialSpec);
        metadata.put(KEY_STRUCTURE, structure.toString());
        metadata.put(KEY_THREADS, Integer.toString(resolvedThreads()));
        return MdRun.start(out, md, new MdRun.Plan(steps, trajEvery, logEvery, checkpointEvery, wrap), metadata);
    }

    private MdRun resumeRun() {
        List<String> extra = new ArrayList<>();
        for (var option : spec().commandLine().getParseResult().matchedOptions()) {
            String name = option.longestName();
            if (!List.of("--resume", "--steps", "--threads", "--no-plots").contains(name)) {
                extra.add(name);
            }
        }
        require(extra.isEmpty(), "with --resume the run keeps its settings; only --steps, --threads and --no-plots "
                + "may be given (got " + String.join(", ", extra) + ")");
        MdRestart restart = MdRun.readRestart(resume);
        String recorded = restart.metadata().get(KEY_POTENTIAL);
        require(recorded != null, resume + " was not written by potentia md (no potential recorded)");
        // the same thread count by default: force sums are then rounded as before, and the
        // continued run is bit-identical to an uninterrupted one
        int n = spec().commandLine().getParseResult().hasMatchedOption("--threads")
                ? resolvedThreads() : Integer.parseInt(restart.metadata().getOrDefault(KEY_THREADS, "1"));
        Potential potential = PotentialSpec.parse(recorded, n);
        MdRun.Plan plan = MdRun.plan(restart);
        if (steps != null) {
            plan = plan.withSteps(steps);
        }
        return MdRun.resume(resume, restart, plan, potential, n);
    }

    private MdSettings settings() {
        String e = ensemble.trim().toLowerCase(Locale.ROOT);
        boolean npt = e.equals("npt");
        boolean langevin = e.equals("nvt-langevin") || (npt && "langevin".equalsIgnoreCase(nptThermostat));
        boolean bussi = e.equals("nvt-bussi") || (npt && !langevin);
        if (!e.equals("nve") && !langevin && !bussi) {
            throw new IllegalArgumentException("unknown ensemble '" + ensemble + "': use nve, nvt-langevin, nvt-bussi or npt");
        }
        if (nptThermostat != null) {
            require(npt, "--thermostat applies to --ensemble npt only (use nvt-langevin or nvt-bussi)");
            String t = nptThermostat.toLowerCase(Locale.ROOT);
            require(t.equals("bussi") || t.equals("langevin"), "--thermostat must be bussi or langevin, got '"
                    + nptThermostat + "'");
        }
        require(friction == null || langevin, "--friction applies to Langevin dynamics only");
        require(tau == null || bussi, "--tau applies to the Bussi thermostat only");
        require(npt || (pressure == null && tauP == null && compressibility == null && !anisotropic),
                "--pressure, --tau-p, --compressibility and --anisotropic apply to --ensemble npt only");
        Thermostat thermostat = new Thermostat.None();
        if (langevin || bussi) {
            require(temperature != null, "--temperature is required for --ensemble " + e);
            thermostat = langevin ? new Thermostat.Langevin(temperature, friction == null ? 0.01 : friction)
                    : new Thermostat.Bussi(temperature, tau == null ? 100 : tau);
        }
        Barostat barostat = new Barostat.None();
        if (npt) {
            require(pressure != null, "--pressure (GPa) is required for --ensemble npt");
            double beta = compressibility == null ? 0.01 : compressibility;
            require(beta > 0 && Double.isFinite(beta), "--compressibility must be a positive number of 1/GPa, got " + beta);
            barostat = new Barostat.CellRescaling(Units.fromGPa(pressure), tauP == null ? 1000 : tauP, beta / Units.GPA,
                    anisotropic);
        }
        return new MdSettings(timestep, thermostat, barostat, seed, skin == null ? MdSettings.DEFAULT_SKIN : skin);
    }

    private Structure readStructure() {
        List<Structure> frames = StructureFiles.readAll(structure, format != null ? format : Format.guess(structure));
        if (frames.isEmpty()) {
            throw new IllegalArgumentException(structure + " holds no structure");
        }
        int i = frame < 0 ? frames.size() + frame : frame;
        if (i < 0 || i >= frames.size()) {
            throw new IllegalArgumentException("--frame " + frame + ": " + structure + " has " + frames.size() + " frames");
        }
        return frames.get(i);
    }

    private Map<Element, Double> massOverrides() {
        Map<Element, Double> m = new EnumMap<>(Element.class);
        for (String entry : masses) {
            int eq = entry.indexOf('=');
            require(eq > 0, "--mass expects ELEMENT=AMU, got '" + entry + "'");
            Element element = Element.of(entry.substring(0, eq).trim());
            try {
                m.put(element, Double.parseDouble(entry.substring(eq + 1).trim()));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("--mass " + entry + ": '" + entry.substring(eq + 1) + "' is not a number");
            }
        }
        return m;
    }

    private int execute(MdRun run) {
        MolecularDynamics md = run.engine();
        long first = md.currentStep();
        long total = run.plan().steps();
        double dt = md.settings().timestep();
        int atoms = md.system().size();
        long started = System.nanoTime();
        if (first >= total) {
            System.err.printf(Locale.ROOT, "md: the run in %s is already complete (%d steps); give --steps to extend it%n",
                    run.directory(), total);
        }
        try (ProgressBar bar = new ProgressBar("md", total - first, "steps")) {
            md.observe(Math.min(run.plan().logEvery(), 100), s -> bar.update(s.step() - first,
                    metrics(s, total, atoms, nsPerDay(s.step() - first, started, dt))));
            run.run();
            MdSample end = md.sample();
            bar.finish(metrics(end, total, atoms, nsPerDay(end.step() - first, started, dt)));
        }
        System.err.printf(Locale.ROOT, "md: %d steps (%.4g ps) with %s; %d neighbour-list builds; output in %s%n",
                md.currentStep() - first, (md.currentStep() - first) * dt / 1000, md.potential().name(),
                md.neighbourBuilds(), run.directory());
        if (!noPlots) {
            List<Path> plots = MdPlots.write(run.directory(), atoms);
            System.err.println("md: plots " + plots.stream().map(p -> p.getFileName().toString()).toList());
        }
        return 0;
    }

    private static double nsPerDay(long steps, long startedNanos, double dt) {
        double seconds = (System.nanoTime() - startedNanos) * 1e-9;
        return seconds > 0 ? steps * dt * 1e-6 / seconds * 86400 : 0;
    }

    private static String metrics(MdSample s, long total, int atoms, double nsPerDay) {
        return String.format(Locale.ROOT, "step %d/%d  T=%.1f K  E=%.5f eV/atom  %.3g ns/day", s.step(), total,
                s.temperature(), s.conserved() / atoms, nsPerDay);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
