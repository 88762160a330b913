package potentia.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import potentia.ns.Container;
import potentia.ns.MoveKind;
import potentia.ns.MoveMix;
import potentia.ns.NestedSampling;
import potentia.ns.NsRun;
import potentia.ns.NsSettings;
import potentia.potential.Potential;
import potentia.units.Units;

/** {@code potentia ns}: nested sampling of a potential's configuration space, resumable. */
@Command(name = "ns",
        description = {
            "Nested sampling (Pártay, Bartók, Csányi 2010; Baldock et al. 2016): K walkers start uniformly in "
                    + "configuration space — at constant pressure also in cell volume (up to a maximum) and shape — and "
                    + "each iteration removes the walker of highest enthalpy H = E + PV and replaces it by a copy of "
                    + "a random survivor, decorrelated by a random walk under H < H_max (single-atom moves with local "
                    + "energy updates for LJ and SW, Galilean all-atom moves, volume/shear/stretch cell moves, swaps of "
                    + "species). The removed enthalpies give the partition function at every temperature: "
                    + "analyse them with 'potentia ns-analyse DIR'.",
            "Writes DIR/ns.run (description), DIR/samples.csv (removed walkers), DIR/snapshots.extxyz (every "
                    + "--snapshot-every iterations), DIR/live.csv and DIR/live.extxyz (the final walkers) and "
                    + "DIR/checkpoint.bin; 'potentia ns --resume DIR' continues exactly as the run would have gone on. "
                    + "Results depend on the seed and settings, not on --threads."},
        footer = {"", "Examples:",
            "  potentia ns --potential sw --species Si --atoms 64 --pressure 0 --walkers 640 --walk-length 400 \\",
            "      --iterations 300000 --seed 1 --out si64",
            "  potentia ns --potential lj:epsilon=0.0104,sigma=3.4,cutoff=10 --species Ar --atoms 13 --sphere 10 \\",
            "      --walkers 320 --walk-length 200 --iterations 60000 --seed 1 --out lj13",
            "  potentia ns --resume si64 --iterations 400000",
            "  potentia ns-analyse si64"})
final class NsCommand implements Callable<Integer> {

    @Option(names = {"-p", "--potential"}, paramLabel = "SPEC", description = "The potential: " + PotentialSpec.HELP + ".")
    String potential;

    @Option(names = {"-m", "--model"}, paramLabel = "FILE",
            description = "A neural-network model file (potentia model init, or training), instead of --potential.")
    Path model;

    @Option(names = "--species", paramLabel = "EL[,EL…]", split = ",", description = "Elements, e.g. Si or Si,Ge.")
    List<String> species;

    @Option(names = "--atoms", paramLabel = "N[,N…]", split = ",", description = "Atoms of each species.")
    List<Integer> atoms;

    @Option(names = "--pressure", paramLabel = "GPa", description = "Pressure for a variable cell (≥ 0).")
    Double pressure;

    @Option(names = "--walkers", paramLabel = "K", description = "Live walkers.")
    Integer walkers;

    @Option(names = "--walk-length", paramLabel = "L",
            description = "Steps per walker life (a sweep of single-atom moves, a cell move, a swap: 1 step each; "
                    + "a Galilean trajectory: its length).")
    Integer walkLength;

    @Option(names = "--iterations", paramLabel = "M", description = "Iterations (with --resume: a new total).")
    Long iterations;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (created; must be empty).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR (settings come from DIR).")
    Path resume;

    @Option(names = "--cull", paramLabel = "C", description = "Walkers removed per iteration (default 1).")
    Integer cull;

    @Option(names = "--parallel-walks", paramLabel = "P",
            description = "Walks per iteration (the new copies and P − C random others, L·C/P steps each), run in "
                    + "parallel; part of the algorithm, so results do not depend on --threads (default 8).")
    Integer parallelWalks;

    @Option(names = "--max-volume-per-atom", paramLabel = "Å³",
            description = "Upper end of the volume prior, per atom (default 2·r_c³ of the potential).")
    Double maxVolumePerAtom;

    @Option(names = "--min-aspect-ratio", paramLabel = "R",
            description = "Smallest cell height over V^(1/3) (default 0.8): cells cannot collapse into slabs.")
    Double minAspectRatio;

    @Option(names = "--sphere", paramLabel = "Å", description = "Fixed volume: a cluster in a hard sphere of this radius.")
    Double sphere;

    @Option(names = "--box", paramLabel = "A,B,C", split = ",", description = "Fixed volume: a cluster in a hard box (Å).")
    List<Double> box;

    @Option(names = "--fixed-cell", paramLabel = "A,B,C", split = ",",
            description = "Fixed volume: a periodic orthorhombic cell (Å).")
    List<Double> fixedCell;

    @Option(names = "--moves", paramLabel = "KIND=W,…",
            description = "Move weights: atom, galilean, hmc, volume, shear, stretch, swap (default atom=8,volume=1,"
                    + "shear=1,stretch=1,swap=1,galilean=0,hmc=0). hmc: total-enthalpy Hamiltonian Monte Carlo "
                    + "(NVE trajectories; the walkers carry momenta, H includes K); needs --kinetic-temperature.")
    String moves;

    @Option(names = "--galilean-steps", paramLabel = "N", description = "Steps of a Galilean trajectory (default 8).")
    Integer galileanSteps;

    @Option(names = "--hmc-steps", paramLabel = "N",
            description = "Molecular-dynamics steps of a Hamiltonian trajectory (default 8; the time step self-tunes "
                    + "from 1 fs).")
    Integer hmcSteps;

    @Option(names = "--kinetic-temperature", paramLabel = "K",
            description = "With hmc moves: the momenta's prior is uniform under K ≤ (3N − 3)/2 · k_B · this. The "
                    + "analysis divides the momenta out exactly, so it sets only where the run starts: a little "
                    + "above the highest temperature of interest.")
    Double kineticTemperature;

    @Option(names = "--snapshot-every", paramLabel = "N",
            description = "Write the removed walker's structure every N iterations (default K/2; 0: never).")
    Integer snapshotEvery;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "Iterations between checkpoints (default 2000).")
    Long checkpointEvery;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "${sys:potentia.threads:-0}",
            description = "Threads for the walks; 0 means one per core (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be ≥ 0, got " + threads);
        }
        int workers = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        NsRun run;
        if (resume != null) {
            rejectWithResume();
            run = NsRun.resume(resume, NsPotentials::of,
                    iterations == null ? OptionalLong.empty() : OptionalLong.of(iterations), workers);
        } else {
            run = start(workers);
        }
        try (run) {
            return drive(run);
        }
    }

    private void rejectWithResume() {
        List<String> given = new ArrayList<>();
        Object[][] options = {{"--potential", potential}, {"--model", model}, {"--species", species}, {"--atoms", atoms},
            {"--pressure", pressure}, {"--walkers", walkers}, {"--walk-length", walkLength}, {"--seed", seed},
            {"--out", out}, {"--cull", cull}, {"--parallel-walks", parallelWalks},
            {"--max-volume-per-atom", maxVolumePerAtom}, {"--min-aspect-ratio", minAspectRatio}, {"--sphere", sphere},
            {"--box", box}, {"--fixed-cell", fixedCell}, {"--moves", moves}, {"--galilean-steps", galileanSteps},
            {"--hmc-steps", hmcSteps}, {"--kinetic-temperature", kineticTemperature},
            {"--snapshot-every", snapshotEvery}, {"--checkpoint-every", checkpointEvery}};
        for (Object[] o : options) {
            if (o[1] != null) {
                given.add((String) o[0]);
            }
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("--resume takes its settings from " + resume.resolve(NsRun.INFO)
                    + " (only --iterations and --threads may change); do not also give " + String.join(", ", given));
        }
    }

    private NsRun start(int workers) {
        if (potential == null && model == null) {
            throw new IllegalArgumentException("missing --potential or --model (or --resume DIR)");
        }
        if (potential != null && model != null) {
            throw new IllegalArgumentException("give --potential or --model, not both");
        }
        for (Object[] o : new Object[][] {{"--species", species}, {"--atoms", atoms}, {"--walkers", walkers},
            {"--walk-length", walkLength}, {"--iterations", iterations}, {"--seed", seed}, {"--out", out}}) {
            if (o[1] == null) {
                throw new IllegalArgumentException("missing " + o[0] + " (a new run needs --potential or --model, "
                        + "--species, --atoms, --pressure (or a fixed container), --walkers, --walk-length, --iterations, "
                        + "--seed and --out; or --resume DIR)");
            }
        }
        String spec = potential != null ? potential : PotentialSpec.model(model);
        Potential pot = NsPotentials.of(spec);
        int[] numbers = NsComposition.numbers(species, atoms);
        NsComposition.checkElements(pot, numbers);
        Container container = container(pot, numbers.length);
        double p = 0;
        if (container.variableCell()) {
            if (pressure == null) {
                throw new IllegalArgumentException("missing --pressure (GPa) for a variable cell; or give a fixed container "
                        + "(--sphere, --box, --fixed-cell)");
            }
            p = Units.fromGPa(pressure);
        } else if (pressure != null) {
            throw new IllegalArgumentException("--pressure needs a variable cell; --sphere, --box and --fixed-cell fix the "
                    + "volume");
        }
        int k = walkers;
        NsSettings settings = NsSettings.builder(container).walkers(k).cull(cull == null ? 1 : cull)
                .parallelWalks(parallelWalks == null ? 8 : parallelWalks).walkLength(walkLength).iterations(iterations)
                .seed(seed).pressure(p).moves(moveMix())
                .snapshotEvery(snapshotEvery == null ? Math.max(1, k / 2) : snapshotEvery).build();
        long every = checkpointEvery == null ? 2000 : checkpointEvery;
        return NsRun.start(out, pot, spec, numbers, settings, every, workers);
    }

    private Container container(Potential pot, int n) {
        int given = (sphere != null ? 1 : 0) + (box != null ? 1 : 0) + (fixedCell != null ? 1 : 0);
        if (given > 1) {
            throw new IllegalArgumentException("give at most one of --sphere, --box and --fixed-cell");
        }
        if (given == 1 && (maxVolumePerAtom != null || minAspectRatio != null)) {
            throw new IllegalArgumentException("--max-volume-per-atom and --min-aspect-ratio are for a variable cell");
        }
        if (sphere != null) {
            return new Container.Sphere(sphere);
        }
        if (box != null) {
            double[] e = lengths(box, "--box");
            return new Container.Box(e[0], e[1], e[2]);
        }
        if (fixedCell != null) {
            double[] e = lengths(fixedCell, "--fixed-cell");
            return new Container.FixedCell(potentia.structure.Cell.orthorhombic(e[0], e[1], e[2]));
        }
        double perAtom = maxVolumePerAtom != null ? maxVolumePerAtom : 2 * Math.pow(pot.cutoff(), 3);
        if (!(perAtom > 0)) {
            throw new IllegalArgumentException("--max-volume-per-atom must be > 0, got " + perAtom);
        }
        return new Container.VariableCell(perAtom * n, minAspectRatio == null ? 0.8 : minAspectRatio);
    }

    private static double[] lengths(List<Double> v, String option) {
        if (v.size() != 3) {
            throw new IllegalArgumentException(option + " needs three lengths A,B,C in Å, got " + v.size());
        }
        return new double[] {v.get(0), v.get(1), v.get(2)};
    }

    private MoveMix moveMix() {
        MoveMix mix = MoveMix.defaults();
        if (galileanSteps != null) {
            mix = mix.withGalileanSteps(galileanSteps);
        }
        if (moves == null) {
            requireNoHamiltonianOptions();
            return mix;
        }
        Map<String, MoveKind> byLabel = new java.util.LinkedHashMap<>();
        for (MoveKind m : MoveKind.values()) {
            byLabel.put(m.label(), m);
        }
        Map<MoveKind, Double> weights = new EnumMap<>(MoveKind.class);
        for (MoveKind m : MoveKind.values()) {
            weights.put(m, mix.weight(m));
        }
        for (String part : moves.split(",")) {
            int eq = part.indexOf('=');
            MoveKind kind = eq > 0 ? byLabel.get(part.substring(0, eq).trim()) : null;
            if (kind == null) {
                throw new IllegalArgumentException("--moves: expected KIND=WEIGHT with KIND one of " + byLabel.keySet()
                        + ", got '" + part + "'");
            }
            try {
                weights.put(kind, Double.parseDouble(part.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--moves: weight of " + kind.label() + " is not a number: '"
                        + part.substring(eq + 1) + "'");
            }
        }
        boolean hmc = weights.get(MoveKind.HAMILTONIAN) > 0;
        if (hmc && kineticTemperature == null) {
            throw new IllegalArgumentException("hmc moves sample momenta: give --kinetic-temperature K, a little above "
                    + "the highest temperature of interest");
        }
        if (!hmc) {
            requireNoHamiltonianOptions();
        }
        return new MoveMix(weights, mix.galileanSteps(), hmcSteps == null ? mix.hamiltonianSteps() : hmcSteps,
                hmc ? kineticTemperature : 0);
    }

    private void requireNoHamiltonianOptions() {
        if (hmcSteps != null || kineticTemperature != null) {
            throw new IllegalArgumentException("--hmc-steps and --kinetic-temperature apply only with hmc moves "
                    + "(--moves …,hmc=W)");
        }
    }

    private static int drive(NsRun run) {
        NestedSampling ns = run.sampler();
        NsSettings s = ns.settings();
        System.err.printf(Locale.ROOT, "ns: %d walkers, %d removed and %d walks of %d steps per iteration, %s, "
                        + "iterations %d → %d, output %s%n", s.walkers(), s.cull(), s.parallelWalks(), s.stepsPerWalk(),
                s.container().variableCell() ? "P = " + NumberText.of(Units.toGPa(s.pressure())) + " GPa"
                        : "fixed volume", ns.iteration(), s.iterations(), run.directory());
        long first = ns.iteration();
        try (ProgressBar bar = new ProgressBar("ns", s.iterations() - first, "it")) {
            // acceptance rates over windows of at least a second and 20 iterations: a shorter
            // window holds too few cell moves for a rate to mean anything
            long[] last = {System.nanoTime(), first};
            String[] shown = {metrics(ns, false)};
            run.run((sampler, removed) -> {
                long now = System.nanoTime();
                if (now - last[0] > 1_000_000_000L && sampler.iteration() - last[1] >= 20) {
                    last[0] = now;
                    last[1] = sampler.iteration();
                    shown[0] = metrics(sampler, true);
                }
                bar.update(sampler.iteration() - first, shown[0]);
            });
            if (ns.iteration() - last[1] >= 20) {
                shown[0] = metrics(ns, true);
            }
            bar.finish(shown[0]);
        }
        System.out.printf(Locale.ROOT, "%d iterations, H_max = %s eV, T ≈ %s K; analyse with: potentia ns-analyse %s%n",
                ns.iteration(), NumberText.of(ns.maxEnthalpy()), NumberText.of(ns.temperature()), run.directory());
        return 0;
    }

    /** H_max, the temperature estimate and (with {@code rates}) the acceptance rates since the last call. */
    private static String metrics(NestedSampling ns, boolean rates) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "H_max %.5g eV  T≈%s K", ns.maxEnthalpy(),
                Double.isNaN(ns.temperature()) ? "—" : NumberText.of(ns.temperature())));
        if (rates) {
            sb.append("  acc");
            ns.takeAcceptanceRates().forEach((k, r) -> sb.append(' ').append(k.label()).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", r)));
        }
        return sb.toString();
    }
}
