package potentia.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import potentia.cmaes.ParallelRuns;
import potentia.io.StructureFiles;
import potentia.neighbour.Overlaps;
import potentia.potential.Potential;
import potentia.search.AtomSelection;
import potentia.search.DistinctStructures;
import potentia.search.LocalRelaxation;
import potentia.search.Penalties;
import potentia.search.RelaxerRelaxation;
import potentia.search.SearchRun;
import potentia.search.SearchRunResult;
import potentia.search.StructureObjective;
import potentia.structure.Structure;

/** {@code potentia search}: many CMA-ES structure searches from one founder, in parallel, resumable. */
@Command(name = "search",
        description = {
            "Search for low-energy arrangements of the free atoms of a founder structure (a slab, a bulk cell or a "
                    + "cluster) with many independent CMA-ES runs (one per seed) in parallel. The free atoms' "
                    + "Cartesian coordinates are the degrees of freedom; the fitness is the potential energy "
                    + "(with --relax: after a short local relaxation of the free atoms; plus κ·σ_E for a committee "
                    + "model). Overlapping (closer than --min-distance) or exploding "
                    + "candidates get a penalty.",
            "Writes DIR/runs/NNN/best.extxyz (each run's best), DIR/summary.csv (runs ranked), DIR/best.extxyz "
                    + "(distinct structures, duplicates merged), DIR/best-energy.png and DIR/final-energies.png. "
                    + "Checkpoints every run; an interrupted search continues with --resume DIR exactly as it "
                    + "would have run."},
        footer = {"", "Free atoms (--free): all | indices 0-11,14 | elements Si,O | z>=7.5, z<3, z=2:6 (Å).",
            "", "Examples:",
            "  potentia search --founder slab.extxyz --free 'z>=7' --potential sw --sigma0 0.3 --runs 8 --seed 1 --out si001",
            "  potentia search --founder lj13.extxyz --free all --potential lj:epsilon=1,sigma=1,cutoff=50,mode=truncate \\",
            "      --sigma0 0.3 --runs 20 --seed 7 --restarts ipop --max-evals 200000 --out lj13",
            "  potentia search --founder lj38.extxyz --free all --potential lj:epsilon=1,sigma=1,cutoff=50,mode=truncate \\",
            "      --sigma0 0.3 --runs 8 --seed 1 --restarts ipop --relax --relax-steps 300 --max-evals 1000000 --out lj38",
            "  potentia search --founder slab.extxyz --free 'z>=7' --model si.potentia --kappa 1 --relax --sigma0 0.3 \\",
            "      --runs 8 --seed 1 --out si001-model",
            "  potentia search --resume si001"})
final class SearchCommand implements Callable<Integer> {

    @Option(names = "--founder", paramLabel = "FILE", description = "The founder structure (extended XYZ or POSCAR).")
    Path founder;

    @Option(names = "--free", paramLabel = "SPEC", description = "Which atoms move (see below); the rest stay fixed.")
    String free;

    @Option(names = {"-p", "--potential"}, paramLabel = "SPEC", description = "The potential: " + PotentialSpec.HELP
            + ". Give this or --model.")
    String potential;

    @Option(names = {"-m", "--model"}, paramLabel = "FILE",
            description = "A neural-network model file (a committee model's spreads are reported). Give this or --potential.")
    Path model;

    @Option(names = "--sigma0", paramLabel = "Å", description = "Initial CMA-ES step size σ₀: typical first displacement.")
    Double sigma0;

    @Option(names = "--runs", paramLabel = "N", description = "Independent runs (seeds S, S+1, …).")
    Integer runs;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of run 0; run i uses S+i.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (created; must not hold a search yet).")
    Path out;

    @Option(names = "--restarts", paramLabel = "KIND", description = "none, ipop or bipop (default: none).")
    String restarts;

    @Option(names = "--max-evals", paramLabel = "M", description = "Energy-evaluation budget of each run, restarts and relaxation steps included.")
    Long maxEvaluations;

    @Option(names = "--lambda", paramLabel = "N", description = "Population of each run's first CMA-ES (default 4 + ⌊3 ln n⌋).")
    Integer lambda;

    @Option(names = "--target", paramLabel = "EV", description = "Stop a run once its energy reaches this.")
    Double target;

    @Option(names = "--relax", description = "Relax each candidate locally (the free atoms only); its relaxed energy "
            + "is the fitness and every relaxation step counts as an evaluation.")
    boolean relax;

    @Option(names = "--relax-optimizer", paramLabel = "NAME",
            description = "With --relax: lbfgs or fire (default: " + SearchRelaxers.DEFAULT_OPTIMIZER + ").")
    String relaxOptimizer;

    @Option(names = "--relax-steps", paramLabel = "N",
            description = "With --relax: at most N steps per candidate (default: " + RelaxerRelaxation.DEFAULT_STEPS + ").")
    Integer relaxSteps;

    @Option(names = "--relax-fmax", paramLabel = "eV/Å",
            description = "With --relax: stop once every free atom's force is below this (default: "
                    + RelaxerRelaxation.DEFAULT_FMAX + ").")
    Double relaxFmax;

    @Option(names = "--kappa", paramLabel = "K", description = "Committee models: fitness = E + K·σ_E (default 0).")
    Double kappa;

    @Option(names = "--min-distance", paramLabel = "Å",
            description = "Closer pairs are overlaps: refused in the founder, penalised in candidates (default 0.5).")
    Double minDistance;

    @Option(names = "--max-displacement", paramLabel = "Å",
            description = "A free atom farther than this from its founder position has exploded (default max(10, 20σ₀)).")
    Double maxDisplacement;

    @Option(names = "--dedup-energy", paramLabel = "EV", description = "Duplicates differ by at most this energy (default 0.001).")
    Double dedupEnergy;

    @Option(names = "--dedup-distance", paramLabel = "Å",
            description = "… and their sorted interatomic distances by at most this (default 0.02).")
    Double dedupDistance;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the search in DIR (settings come from DIR).")
    Path resume;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "${sys:potentia.threads:-0}",
            description = "Threads for the whole search; 0 means one per core (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--checkpoint-every", paramLabel = "S", defaultValue = "30",
            description = "Seconds between checkpoints of a run (default: ${DEFAULT-VALUE}).")
    double checkpointSeconds;

    @Override
    public Integer call() {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be ≥ 0, got " + threads);
        }
        int totalThreads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        Path dir;
        SearchSetup setup;
        if (resume != null) {
            List<String> given = new ArrayList<>();
            for (Object[] o : new Object[][] {{"--founder", founder}, {"--free", free}, {"--potential", potential},
                {"--model", model}, {"--sigma0", sigma0}, {"--runs", runs}, {"--seed", seed}, {"--out", out},
                {"--restarts", restarts},
                {"--max-evals", maxEvaluations}, {"--lambda", lambda}, {"--target", target}, {"--kappa", kappa},
                {"--min-distance", minDistance}, {"--max-displacement", maxDisplacement},
                {"--dedup-energy", dedupEnergy}, {"--dedup-distance", dedupDistance},
                {"--relax-optimizer", relaxOptimizer}, {"--relax-steps", relaxSteps}, {"--relax-fmax", relaxFmax}}) {
                if (o[1] != null) {
                    given.add((String) o[0]);
                }
            }
            if (relax) {
                given.add("--relax");
            }
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("--resume takes every setting from " + resume.resolve(SearchSetup.FILE)
                        + "; do not also give " + String.join(", ", given));
            }
            dir = resume;
            setup = SearchSetup.load(dir);
        } else {
            if (potential != null && model != null) {
                throw new IllegalArgumentException("--potential and --model are mutually exclusive: give one of them");
            }
            if (model != null) {
                if (!Files.isRegularFile(model)) {
                    throw new IllegalArgumentException("model file not found: " + model);
                }
                potential = PotentialSpec.model(model); // recorded for --resume like any other spec
            }
            for (Object[] o : new Object[][] {{"--founder", founder}, {"--free", free}, {"--potential or --model", potential},
                {"--sigma0", sigma0}, {"--runs", runs}, {"--seed", seed}, {"--out", out}}) {
                if (o[1] == null) {
                    throw new IllegalArgumentException("missing " + o[0] + " (a new search needs --founder, --free, "
                            + "--potential or --model, --sigma0, --runs, --seed and --out; or --resume DIR)");
                }
            }
            if (!Files.isRegularFile(founder)) {
                throw new IllegalArgumentException("founder file not found: " + founder);
            }
            if (!relax && (relaxOptimizer != null || relaxSteps != null || relaxFmax != null)) {
                throw new IllegalArgumentException("--relax-optimizer, --relax-steps and --relax-fmax set up the local "
                        + "relaxation: add --relax");
            }
            if (Files.exists(out.resolve(SearchSetup.FILE))) {
                throw new IllegalArgumentException(out + " already holds a search: continue it with --resume " + out
                        + ", or choose another --out");
            }
            dir = out;
            double s0 = sigma0;
            setup = new SearchSetup(potential, free, s0, runs, seed, restarts == null ? "none" : restarts,
                    maxEvaluations == null ? Long.MAX_VALUE : maxEvaluations, lambda == null ? 0 : lambda,
                    target == null ? Double.NEGATIVE_INFINITY : target, relax,
                    relaxOptimizer == null ? SearchRelaxers.DEFAULT_OPTIMIZER : relaxOptimizer,
                    relaxSteps == null ? RelaxerRelaxation.DEFAULT_STEPS : relaxSteps,
                    relaxFmax == null ? RelaxerRelaxation.DEFAULT_FMAX : relaxFmax, kappa == null ? 0 : kappa,
                    minDistance == null ? 0.5 : minDistance,
                    maxDisplacement == null ? Math.max(10, 20 * s0) : maxDisplacement,
                    dedupEnergy == null ? 1e-3 : dedupEnergy, dedupDistance == null ? 0.02 : dedupDistance);
        }
        Path founderFile = resume != null ? dir.resolve(SearchSetup.FOUNDER) : founder;
        Structure start = readFounder(founderFile, resume != null ? dir : null);
        int[] freeAtoms = AtomSelection.parse(setup.free()).select(start);
        if (freeAtoms.length == 0) {
            throw new IllegalArgumentException("--free '" + setup.free() + "' selects no atom of " + founderFile + " ("
                    + start.size() + " atoms, " + start.formula() + ")");
        }
        if (setup.minDistance() > 0) {
            Optional<Overlaps.Pair> close = Overlaps.closest(start, setup.minDistance());
            if (close.isPresent()) {
                Overlaps.Pair p = close.get();
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "founder %s: atoms %d and %d are %.4g Å apart, closer than --min-distance %.3g Å "
                                + "(overlapping atoms)", founderFile, p.i(), p.j(), p.distance(), setup.minDistance()));
            }
        }
        Potential pot = PotentialSpec.parse(setup.potential(), 1);
        LocalRelaxation relaxation = SearchRelaxers.of(setup);
        StructureObjective objective = new StructureObjective(start, freeAtoms, pot, relaxation,
                new Penalties(setup.minDistance(), setup.maxDisplacement()), setup.kappa());
        try {
            pot.compute(start);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("founder " + founderFile + ": " + e.getMessage(), e);
        }
        if (resume == null) {
            setup.save(dir, founder);
        }
        return search(dir, setup, objective, totalThreads);
    }

    private static Structure readFounder(Path file, Path resumeDir) {
        List<Structure> frames;
        try {
            frames = StructureFiles.readAll(file, StructureFiles.Format.guess(file));
        } catch (RuntimeException e) {
            if (resumeDir != null) {
                throw new IllegalArgumentException("corrupt resume directory " + resumeDir + ": " + e.getMessage(), e);
            }
            throw e;
        }
        if (frames.size() != 1) {
            throw new IllegalArgumentException("founder " + file + " must hold exactly one structure, it has "
                    + frames.size());
        }
        return frames.get(0);
    }

    private int search(Path dir, SearchSetup setup, StructureObjective objective, int totalThreads) {
        PrintStream err = System.err;
        int[] split = ParallelRuns.split(setup.runs(), totalThreads);
        List<SearchRun> loaded = new ArrayList<>();
        for (int i = 0; i < setup.runs(); i++) {
            Path ckpt = SearchReport.runDir(dir, i).resolve("checkpoint.bin");
            if (Files.exists(ckpt)) {
                SearchRun run = SearchRun.load(ckpt, objective.dimension());
                if (run.index() != i || run.seed() != setup.seedOf(i)) {
                    throw new IllegalArgumentException("corrupt resume directory " + dir + ": " + ckpt + " belongs to run "
                            + run.index() + " seed " + run.seed() + ", expected run " + i + " seed " + setup.seedOf(i));
                }
                loaded.add(run);
            } else {
                loaded.add(null);
            }
        }
        err.printf(Locale.ROOT, "search: %d runs of CMA-ES over %d free atoms (%d coordinates), σ₀ = %.3g Å, %s restarts, "
                        + "%s, %s, %d runs at a time × %d threads each%n",
                setup.runs(), objective.free().length, objective.dimension(), setup.sigma0(), setup.restarts(),
                objective.potential().name(), setup.relax() ? String.format(Locale.ROOT,
                        "each candidate relaxed (%s, ≤ %d steps, fmax %.3g eV/Å)", setup.relaxOptimizer(),
                        setup.relaxSteps(), setup.relaxFmax()) : "no relaxation", split[0], split[1]);
        AtomicInteger done = new AtomicInteger();
        AtomicLong evaluations = new AtomicLong();
        long started = System.nanoTime();
        double[] bestSoFar = {Double.POSITIVE_INFINITY};
        try (ProgressBar bar = new ProgressBar("search", setup.runs(), "runs")) {
            List<SearchRunResult> results = ParallelRuns.run(setup.runs(), split[0], i -> {
                SearchRun run = loaded.get(i) != null ? loaded.get(i)
                        : SearchRun.start(i, setup.seedOf(i), objective, setup.settings());
                Path rd = SearchReport.runDir(dir, i);
                Path ckpt = rd.resolve("checkpoint.bin");
                try {
                    Files.createDirectories(rd);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                long lastSave = System.nanoTime();
                while (!run.finished()) {
                    evaluations.addAndGet(run.step(objective, split[1]));
                    progress(bar, done, evaluations, started, bestSoFar, run.cmaes().bestFitness());
                    if ((System.nanoTime() - lastSave) * 1e-9 >= checkpointSeconds) {
                        run.save(ckpt);
                        lastSave = System.nanoTime();
                    }
                }
                run.save(ckpt);
                SearchRunResult r = run.result(objective);
                SearchReport.writeRun(dir, r);
                done.incrementAndGet();
                progress(bar, done, evaluations, started, bestSoFar, r.best().fitness());
                return r;
            });
            synchronized (bar) {
                bar.finish(metrics(evaluations, started, bestSoFar[0]));
            }
            DistinctStructures.Tolerance tol = new DistinctStructures.Tolerance(setup.dedupEnergy(),
                    setup.dedupDistance(), 6.0);
            report(System.out, dir, SearchReport.writeSummary(dir, results, tol));
        }
        return 0;
    }

    private static void progress(ProgressBar bar, AtomicInteger done, AtomicLong evaluations, long started,
            double[] best, double candidate) {
        synchronized (bar) {
            if (candidate < best[0]) {
                best[0] = candidate;
            }
            bar.update(done.get(), metrics(evaluations, started, best[0]));
        }
    }

    private static String metrics(AtomicLong evaluations, long started, double best) {
        double seconds = (System.nanoTime() - started) * 1e-9;
        String b = best < Penalties.BASE ? String.format(Locale.ROOT, "best %.6f eV", best) : "best —";
        return String.format(Locale.ROOT, "%.3g evals/s  %s", seconds > 0 ? evaluations.get() / seconds : 0, b);
    }

    private static void report(PrintStream out, Path dir, SearchReport.Summary summary) {
        List<SearchRunResult> ranked = summary.ranked();
        out.printf(Locale.ROOT, "%d runs, %d distinct structures; best first:%n", ranked.size(), summary.groups().size());
        int shown = 0;
        for (DistinctStructures.Group g : summary.groups()) {
            SearchRunResult r = ranked.get(g.representative());
            String counts = r.candidates() == r.evaluations() ? r.evaluations() + " evaluations"
                    : r.evaluations() + " evaluations in " + r.candidates() + " relaxed candidates";
            out.printf(Locale.ROOT, "  E = %.6f eV  found by %d run(s), e.g. run %03d (seed %d, %s, %s)%n",
                    r.best().energy(), g.members().size(), r.run(), r.seed(), counts, r.stopLabel());
            if (++shown == 10) {
                break;
            }
        }
        out.println("wrote " + dir.resolve("summary.csv") + ", " + dir.resolve("best.extxyz") + " and plots");
    }
}
