package potentia.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import potentia.ehp.EhpPoint;
import potentia.ehp.EhpRun;
import potentia.ehp.EhpSettings;
import potentia.ehp.EhpStep;
import potentia.io.StructureFiles.Format;
import potentia.phonon.Supercell;
import potentia.potential.Potential;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.units.Units;

/** {@code potentia ehp}: effective harmonic potentials — free energies, thermal expansion, phase stability. */
@Command(name = "ehp",
        description = {"Free energies of crystals at temperature by effective harmonic potentials (the "
                + "self-consistent harmonic approximation, SSCHA): minimises F = F_harm[Φ, T] + ⟨V − V_harm⟩ over the "
                + "force constants Φ, the centroids and (unless --fixed-cell) the cell under --pressure, by stochastic "
                + "steps on configurations sampled from the harmonic density matrix (classical, or --quantum with "
                + "Bose occupations), reusing ensembles by importance reweighting until their effective sample size "
                + "falls below --ess.",
            "Two --structure files of the same composition give the phase stability ΔG(T) = G₂ − G₁ and the "
                    + "temperatures where it changes sign, with error bars.",
            "Writes to --out: free_energy.csv, lattice.csv, free_energy.png, lattice.png (cell relaxed), "
                    + "bands_<phase>.png/.csv (renormalised phonons), stability.csv/.png (two phases), and "
                    + "checkpoint.bin: a killed run continues bit-identically with potentia ehp --resume DIR."},
        footer = {"", "Examples:",
            "  potentia ehp -p sw --structure si.extxyz --supercell 2 2 2 --temperatures 300:1200:300 --samples 200 "
                    + "--seed 1 --out si-ehp",
            "  potentia ehp -p sw --structure si.extxyz --supercell 2 2 2 --temperatures 0:600:100 --quantum "
                    + "--samples 400 --seed 1 --out si-ehp-quantum",
            "  potentia ehp -p sw --structure a.extxyz --structure b.extxyz --supercell 2 2 2 --supercell 3 3 2 "
                    + "--temperatures 300:1500:300 --samples 200 --seed 1 --out a-vs-b",
            "  potentia ehp --resume si-ehp"})
final class EhpCommand implements Callable<Integer> {
    static final String CHECKPOINT = "checkpoint.bin";
    private static final String KEY_POTENTIAL = "potential";
    private static final String KEY_THREADS = "threads";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Option(names = {"-p", "--potential"}, paramLabel = "SPEC",
            description = "A reference potential: " + PotentialSpec.HELP + ". Give this or --model.")
    String potentialSpec;

    @Option(names = {"-m", "--model"}, paramLabel = "FILE", description = "A neural-network model file.")
    Path model;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "${sys:potentia.threads:-0}",
            description = "Configurations evaluated at once; 0 means one per core (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = {"-s", "--structure"}, paramLabel = "FILE",
            description = "A relaxed unit cell (extended XYZ or POSCAR); give two for phase stability.")
    List<Path> structures = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "Input format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--supercell", arity = "3", paramLabel = "N",
            description = "Repeats a b c of each unit cell (three numbers once for all structures, or once per structure).")
    List<Integer> supercell = new ArrayList<>();

    @Option(names = "--temperatures", paramLabel = "T",
            description = "FROM:TO:STEP or T1,T2,… in K, ascending (T > 0 classically).")
    String temperatures;

    @Option(names = "--quantum", description = "Quantum sampling (Bose occupations, zero-point motion); default classical.")
    boolean quantum;

    @Option(names = "--pressure", paramLabel = "GPa", defaultValue = "0",
            description = "Target pressure(s), GPa, comma-separated (default: ${DEFAULT-VALUE}).")
    String pressure;

    @Option(names = "--fixed-cell", description = "Keep the cell fixed (no thermal expansion; F at constant volume).")
    boolean fixedCell;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "200",
            description = "Configurations per ensemble, even, ≥ 4 (antithetic pairs; grown up to 16× when the "
                    + "error needs it; default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tolerance", paramLabel = "meV/atom", defaultValue = "1",
            description = "Target precision of F (default: ${DEFAULT-VALUE} meV/atom).")
    double tolerance;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "60",
            description = "Most minimisation steps per temperature (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--ess", paramLabel = "FRACTION", defaultValue = "0.5",
            description = "Draw a fresh ensemble when the effective sample size falls below this fraction "
                    + "(default: ${DEFAULT-VALUE}).")
    double ess;

    @Option(names = "--no-reweighting", description = "Draw a fresh ensemble at every step.")
    boolean noReweighting;

    @Option(names = "--displacement", paramLabel = "Å", defaultValue = "0.01",
            description = "Finite displacement of the starting harmonic force constants (default: ${DEFAULT-VALUE} Å).")
    double displacement;

    @Option(names = "--no-symmetry", description = "Impose only lattice translations, not the space group.")
    boolean noSymmetry;

    @Option(names = "--fmax", paramLabel = "eV/Å", defaultValue = "0.01",
            description = "Refuse a structure whose largest force exceeds this (default: ${DEFAULT-VALUE} eV/Å).")
    double fmax;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--checkpoint-seconds", paramLabel = "S", defaultValue = "60",
            description = "Least time between checkpoints (default: ${DEFAULT-VALUE} s; always after each temperature).")
    double checkpointSeconds;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR from its checkpoint.")
    Path resume;

    @Override
    public Integer call() {
        EhpRun run;
        Path dir;
        if (resume != null) {
            dir = resume;
            run = resumeRun();
        } else {
            dir = out;
            run = startRun();
        }
        EhpRun.Plan plan = run.plan();
        List<EhpPoint> points;
        try (ProgressBar bar = new ProgressBar("ehp", run.jobs(), "points")) {
            long[] evaluations = {0};
            points = run.run(new EhpRun.Observer() {
                @Override
                public void step(int job, int phase, double t, double p, EhpStep s) {
                    evaluations[0] = s.evaluations();
                    bar.update(job, String.format(Locale.ROOT, "%s T=%s K step %d F=%.5f±%.5f eV/atom ESS %.2f",
                            plan.phases().get(phase).name(), NumberText.of(t), s.step(), s.freeEnergy(),
                            s.freeEnergyError(), s.effectiveSampleFraction()));
                }

                @Override
                public void point(EhpPoint pt) {
                    EhpOutputs.write(dir, plan, run.points(), false);
                }
            });
            bar.finish("done");
        }
        List<String> written = EhpOutputs.write(dir, plan, points, true);
        long unconverged = points.stream().filter(p -> !p.converged()).count();
        for (EhpPoint p : points) {
            System.err.printf(Locale.ROOT, "%s T = %s K%s: F = %.6f ± %.6f eV/atom%s, %d steps, %d force evaluations%s%n",
                    plan.phases().get(p.phase()).name(), NumberText.of(p.temperature()),
                    plan.pressures().length > 1 ? " P = " + NumberText.of(Units.toGPa(p.pressure())) + " GPa" : "",
                    p.freeEnergy(), p.freeEnergyError(),
                    plan.relaxCell() ? String.format(Locale.ROOT, ", a = %.5f Å", p.lengths()[0]) : "", p.steps(),
                    p.evaluations(), p.converged() ? "" : " (NOT converged)");
        }
        EhpOutputs.crossings(plan, points).forEach(System.err::println);
        System.err.println("wrote " + dir + ": " + String.join(", ", written));
        if (unconverged > 0) {
            System.err.println("ehp: error: " + unconverged + " point(s) did not converge in --max-steps " + maxSteps
                    + "; raise --max-steps or --samples (results written)");
            return 3;
        }
        return 0;
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private int resolvedThreads() {
        require(threads >= 0, "--threads must be ≥ 0, got " + threads);
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    private EhpRun startRun() {
        require(potentialSpec == null || model == null, "--potential and --model are mutually exclusive: give one of them");
        String spec = model != null ? PotentialSpec.model(model) : potentialSpec;
        require(spec != null, "--potential or --model is required (or --resume DIR)");
        require(!structures.isEmpty(), "--structure is required");
        require(structures.size() <= 2, "give one --structure (free energy) or two (phase stability), got "
                + structures.size());
        require(out != null, "--out DIR is required");
        require(temperatures != null, "--temperatures is required, e.g. 100:1500:100");
        require(supercell.size() == 3 || supercell.size() == 3 * structures.size(),
                "--supercell needs three repeats, once for all structures or once per structure");
        require(samples >= 4 && samples % 2 == 0, "--samples must be even and ≥ 4 (antithetic pairs), got " + samples);
        require(tolerance > 0, "--tolerance must be positive, got " + tolerance);
        require(maxSteps >= 1, "--max-steps must be ≥ 1, got " + maxSteps);
        require(ess > 0 && ess <= 1, "--ess must be in (0, 1], got " + ess);
        require(checkpointSeconds >= 0, "--checkpoint-seconds must be ≥ 0");
        double[] ts = TemperatureList.parse("--temperatures", temperatures);
        require(quantum || ts[0] > 0, "--temperatures: classical sampling needs T > 0 K (or add --quantum)");
        double[] ps = pressures();
        require(!fixedCell || (ps.length == 1 && ps[0] == 0), "--pressure needs the cell to relax: drop --fixed-cell");
        int n = resolvedThreads();
        Potential potential = PotentialSpec.parse(spec, 1);
        List<EhpRun.Phase> phases = new ArrayList<>();
        for (int k = 0; k < structures.size(); k++) {
            Path file = structures.get(k);
            Structure unit = PhononsCommand.read(file, format, -1);
            int o = supercell.size() == 3 ? 0 : 3 * k;
            int[] rep = {supercell.get(o), supercell.get(o + 1), supercell.get(o + 2)};
            Supercell sc = PhononSetup.supercell(unit, rep, potential, file);
            PhononSetup.checkMinimum(potential, sc.structure(), fmax, file);
            phases.add(new EhpRun.Phase(phaseName(file, k), unit, rep));
        }
        if (phases.size() == 2) {
            require(composition(phases.get(0).unit()).equals(composition(phases.get(1).unit())),
                    "the two structures differ in composition (" + composition(phases.get(0).unit()) + " vs "
                            + composition(phases.get(1).unit()) + "): their free energies per atom do not compare");
        }
        EhpSettings settings = EhpSettings.defaults().withPairs(samples / 2).withReweighting(!noReweighting)
                .withEssThreshold(ess).withTolerance(tolerance * 1e-3).withMaxSteps(maxSteps).withThreads(n);
        EhpRun.Plan plan = new EhpRun.Plan(phases, ts, ps, quantum, !fixedCell, settings, seed, displacement, !noSymmetry);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(KEY_POTENTIAL, spec);
        metadata.put(KEY_THREADS, Integer.toString(n));
        try {
            Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
        return EhpRun.start(plan, potential, metadata, out.resolve(CHECKPOINT), checkpointSeconds);
    }

    private EhpRun resumeRun() {
        List<String> extra = new ArrayList<>();
        for (var option : commandSpec.commandLine().getParseResult().matchedOptions()) {
            String name = option.longestName();
            if (!List.of("--resume", "--threads", "--checkpoint-seconds").contains(name)) {
                extra.add(name);
            }
        }
        require(extra.isEmpty(), "with --resume the run keeps its settings; only --threads and --checkpoint-seconds "
                + "may be given (got " + String.join(", ", extra) + ")");
        Path file = resume.resolve(CHECKPOINT);
        Map<String, String> metadata = EhpRun.metadata(file);
        String recorded = metadata.get(KEY_POTENTIAL);
        require(recorded != null, file + " records no potential: not written by potentia ehp");
        int n = commandSpec.commandLine().getParseResult().hasMatchedOption("--threads")
                ? resolvedThreads() : Integer.parseInt(metadata.getOrDefault(KEY_THREADS, "1"));
        return EhpRun.resume(file, PotentialSpec.parse(recorded, 1), checkpointSeconds, n);
    }

    private double[] pressures() {
        String[] parts = pressure.split(",");
        double[] p = new double[parts.length];
        for (int k = 0; k < p.length; k++) {
            try {
                p[k] = Units.fromGPa(Double.parseDouble(parts[k].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--pressure '" + pressure + "': '" + parts[k].trim()
                        + "' is not a number of GPa");
            }
        }
        return p;
    }

    private String phaseName(Path file, int k) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        name = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_-]", "_");
        if (structures.size() == 2 && k == 1 && name.equals(phaseName(structures.get(0), 0))) {
            name = name + "_2";
        }
        return name.isEmpty() ? "phase" + (k + 1) : name;
    }

    private static Map<String, Double> composition(Structure s) {
        Map<String, Double> c = new TreeMap<>();
        for (int z : s.atomicNumbers()) {
            c.merge(Element.ofNumber(z).symbol(), 1.0 / s.size(), Double::sum);
        }
        c.replaceAll((k, v) -> Math.round(v * 1e6) / 1e6);
        return c;
    }
}
