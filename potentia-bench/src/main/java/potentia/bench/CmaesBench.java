package potentia.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import potentia.cmaes.Cmaes;
import potentia.cmaes.CmaesStopping;
import potentia.cmaes.ParallelRuns;
import potentia.cmaes.PopulationEvaluator;
import potentia.cmaes.RestartStrategy;
import potentia.cmaes.RestartingCmaes;
import potentia.cmaes.StopReason;
import potentia.potential.lj.CutoffMode;
import potentia.potential.lj.LennardJones;
import potentia.relax.RelaxOptions;
import potentia.search.AtomSelection;
import potentia.search.LocalRelaxation;
import potentia.search.Penalties;
import potentia.search.RandomClusters;
import potentia.search.RelaxerRelaxation;
import potentia.search.SearchRun;
import potentia.search.SearchSettings;
import potentia.search.StructureObjective;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * CMA-ES verification and speed, with Apache Commons Math's {@code CMAESOptimizer} (3.6.1, active
 * CMA on) as the peer in the same run. Parts (all by default):
 * <ul>
 *   <li>{@code functions}: sphere, ellipsoid (condition 10⁶), Rosenbrock for n = 8…64, x₀ ~ U[0,1)ⁿ
 *       (sphere: N(0, I)), σ₀ = 1, as Clinamen2's published trial; evaluations to f &lt; 10⁻¹⁴
 *       (Potentia) and to 10⁻¹⁰ (both: Commons Math's fixed TolFun = 10⁻¹² stops it before 10⁻¹⁴);
 *       Rastrigin with IPOP restarts from x₀ ~ U[−5,5)ⁿ, σ₀ = 2 (Potentia only: Commons Math has no restarts).</li>
 *   <li>{@code generation}: time per generation without the objective (sphere, costing n flops) for
 *       n = 126 and 474, both optimisers, one thread.</li>
 *   <li>{@code lj}: LJ13 and LJ38 (ε = σ = 1, truncated at 50σ, no shift) from random founders,
 *       IPOP, without and with a local relaxation of every candidate ({@code --lj-modes
 *       plain,relaxed}; the relaxer's L-BFGS by default): success (E ≤ E_gm + 10⁻⁴) and median
 *       energy evaluations (relaxation steps included) and candidates to success.</li>
 *   <li>{@code parallel}: LJ38 runs per minute on 1 and 2 threads, for each mode.</li>
 * </ul>
 */
public final class CmaesBench {
    private static final double LJ13 = -44.326801;
    private static final double LJ38 = -173.928427;
    /** σ₀ of the relaxed LJ runs, σ (the unrelaxed runs' 0.3σ; {@code --lj-relax-sigma0} changes it). */
    private static final double RELAXED_SIGMA0 = 0.3;

    private CmaesBench() {
    }

    public static void main(String[] args) {
        List<String> parts = new ArrayList<>(List.of("functions", "generation", "lj", "parallel"));
        int seeds = 20;
        int[] dims = {8, 16, 32, 64};
        int[] rastriginDims = {8, 16, 32};
        int ljSeeds = 50;
        int[] clusters = {13, 38};
        List<String> ljModes = List.of("plain", "relaxed");
        long ljEvals = 100_000;
        long ljRelaxEvals = 2_000_000;
        double ljSigma0 = 0.3;
        double ljRelaxSigma0 = RELAXED_SIGMA0;
        String ljRestarts = "ipop";
        RelaxOptions.Algorithm algorithm = RelaxerRelaxation.DEFAULT_ALGORITHM;
        int relaxSteps = RelaxerRelaxation.DEFAULT_STEPS;
        double relaxFmax = RelaxerRelaxation.DEFAULT_FMAX;
        int parallelRuns = 4;
        long parallelEvals = 20_000;
        long parallelRelaxEvals = 200_000;
        int threads = 2;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--parts" -> parts = List.of(args[++a].split(","));
                case "--seeds" -> seeds = Integer.parseInt(args[++a]);
                case "--dims" -> dims = ints(args[++a]);
                case "--rastrigin-dims" -> rastriginDims = ints(args[++a]);
                case "--lj-seeds" -> ljSeeds = Integer.parseInt(args[++a]);
                case "--lj-clusters" -> clusters = ints(args[++a]);
                case "--lj-modes" -> ljModes = List.of(args[++a].split(","));
                case "--lj-evals" -> ljEvals = Long.parseLong(args[++a]);
                case "--lj-relax-evals" -> ljRelaxEvals = Long.parseLong(args[++a]);
                case "--lj-sigma0" -> ljSigma0 = Double.parseDouble(args[++a]);
                case "--lj-relax-sigma0" -> ljRelaxSigma0 = Double.parseDouble(args[++a]);
                case "--lj-restarts" -> ljRestarts = args[++a];
                case "--relax-algorithm" -> algorithm = RelaxOptions.Algorithm.valueOf(args[++a].toUpperCase(Locale.ROOT));
                case "--relax-steps" -> relaxSteps = Integer.parseInt(args[++a]);
                case "--relax-fmax" -> relaxFmax = Double.parseDouble(args[++a]);
                case "--parallel-runs" -> parallelRuns = Integer.parseInt(args[++a]);
                case "--parallel-evals" -> parallelEvals = Long.parseLong(args[++a]);
                case "--parallel-relax-evals" -> parallelRelaxEvals = Long.parseLong(args[++a]);
                case "--threads" -> threads = Integer.parseInt(args[++a]);
                case "-h", "--help" -> {
                    System.out.println("bin/bench cmaes [--parts functions,rastrigin,generation,lj,parallel] [--seeds 20] "
                            + "[--dims 8,16,32,64] [--rastrigin-dims 8,16,32] [--threads 2]\n"
                            + "  LJ: [--lj-seeds 50] [--lj-clusters 13,38] [--lj-modes plain,relaxed] [--lj-evals 100000] "
                            + "[--lj-relax-evals 2000000] [--lj-sigma0 0.3] [--lj-relax-sigma0 " + RELAXED_SIGMA0 + "] "
                            + "[--lj-restarts ipop]\n"
                            + "  relaxation: [--relax-algorithm fire|lbfgs] [--relax-steps " + RelaxerRelaxation.DEFAULT_STEPS
                            + "] [--relax-fmax " + RelaxerRelaxation.DEFAULT_FMAX + "]\n"
                            + "  parallel: [--parallel-runs 4] [--parallel-evals 20000] [--parallel-relax-evals 200000]");
                    return;
                }
                default -> throw new IllegalArgumentException("cmaes bench: unknown option '" + args[a] + "'");
            }
        }
        RestartStrategy restarts = RestartStrategy.parse(ljRestarts);
        RelaxerRelaxation relaxer = RelaxerRelaxation.of(algorithm, relaxSteps, relaxFmax);
        String relaxName = String.format(Locale.ROOT, "relaxed (%s, ≤ %d steps, fmax %s)", algorithm, relaxSteps,
                relaxFmax);
        List<LjMode> modes = new ArrayList<>();
        List<LjMode> parallelModes = new ArrayList<>();
        for (String m : ljModes) {
            switch (m.trim()) {
                case "plain" -> {
                    modes.add(new LjMode("no relaxation", LocalRelaxation.none(), ljSigma0, ljEvals, restarts));
                    parallelModes.add(new LjMode("no relaxation", LocalRelaxation.none(), ljSigma0, parallelEvals,
                            restarts));
                }
                case "relaxed" -> {
                    modes.add(new LjMode(relaxName, relaxer, ljRelaxSigma0, ljRelaxEvals, restarts));
                    parallelModes.add(new LjMode(relaxName, relaxer, ljRelaxSigma0, parallelRelaxEvals, restarts));
                }
                default -> throw new IllegalArgumentException("unknown LJ mode '" + m + "' (plain, relaxed)");
            }
        }
        System.out.printf(Locale.ROOT, "# CMA-ES bench, %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        for (String part : parts) {
            switch (part.trim()) {
                case "functions" -> functions(seeds, dims, rastriginDims, threads);
                case "rastrigin" -> rastrigin(seeds, rastriginDims, threads);
                case "generation" -> generation();
                case "lj" -> lj(ljSeeds, clusters, modes, threads);
                case "parallel" -> parallel(parallelModes, parallelRuns);
                default -> throw new IllegalArgumentException("unknown part '" + part + "'");
            }
        }
    }

    private static int[] ints(String s) {
        return Arrays.stream(s.split(",")).mapToInt(t -> Integer.parseInt(t.trim())).toArray();
    }

    // ---------------------------------------------------------------- test functions

    static double sphere(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }

    /** Clinamen2's ellipsoid: Σ 10^(−6 i/(n−1)) x_i² (condition 10⁶). */
    static double ellipsoid(double[] x) {
        int n = x.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.pow(10, -6.0 * i / (n - 1)) * x[i] * x[i];
        }
        return s;
    }

    static double rosenbrock(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            s += 100 * a * a + b * b;
        }
        return s;
    }

    static double rastrigin(double[] x) {
        double s = 10 * x.length;
        for (double v : x) {
            s += v * v - 10 * Math.cos(2 * Math.PI * v);
        }
        return s;
    }

    /** Clinamen2's mean evaluations to 10⁻¹⁴ (issue 9), where published. */
    private static String reference(String f, int n) {
        return switch (f + n) {
            case "rosenbrock16" -> "15,900";
            case "rosenbrock64" -> "412,000";
            case "ellipsoid64" -> "170,500";
            default -> "";
        };
    }

    private record Outcome(boolean success, long evaluations, long evaluationsTo10, long generations, double seconds) {
    }

    private static Outcome potentiaRun(ToDoubleFunction<double[]> f, double[] x0, double sigma0, long seed,
            long budget) {
        Cmaes c = Cmaes.start(x0, sigma0, CmaesStopping.defaults().withTarget(1e-14).withTolFun(0)
                .withMaxEvaluations(budget), seed);
        long to10 = -1;
        long t0 = System.nanoTime();
        while (!c.stopped()) {
            c.tell(PopulationEvaluator.evaluate(f::applyAsDouble, c.ask(), 1));
            if (to10 < 0 && c.bestFitness() < 1e-10) {
                to10 = c.evaluations();
            }
        }
        return new Outcome(c.stopReasons().contains(StopReason.TARGET_FITNESS), c.evaluations(), to10, c.generation(),
                (System.nanoTime() - t0) * 1e-9);
    }

    private static Outcome peerRun(ToDoubleFunction<double[]> f, double[] x0, double sigma0, long seed, long budget) {
        int n = x0.length;
        long[] evaluations = {0};
        CMAESOptimizer opt = new CMAESOptimizer(Integer.MAX_VALUE, 1e-10, true, 0, 0, new MersenneTwister(seed), false,
                null);
        double[] sig = new double[n];
        Arrays.fill(sig, sigma0);
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        long t0 = System.nanoTime();
        double best;
        try {
            best = opt.optimize(new MaxEval((int) Math.min(Integer.MAX_VALUE, budget)), new MaxIter(Integer.MAX_VALUE),
                    new ObjectiveFunction(x -> {
                        evaluations[0]++;
                        return f.applyAsDouble(x);
                    }), GoalType.MINIMIZE, new InitialGuess(x0), new SimpleBounds(lo, hi),
                    new CMAESOptimizer.Sigma(sig), new CMAESOptimizer.PopulationSize(4 + (int) (3 * Math.log(n))))
                    .getValue();
        } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
            best = Double.POSITIVE_INFINITY;
        }
        return new Outcome(best < 1e-10, opt.getEvaluations(), best < 1e-10 ? opt.getEvaluations() : -1,
                opt.getIterations(), (System.nanoTime() - t0) * 1e-9);
    }

    private static String stats(List<Outcome> runs, boolean to10) {
        double[] ev = runs.stream().filter(o -> to10 ? o.evaluationsTo10() > 0 : o.success())
                .mapToDouble(o -> to10 ? o.evaluationsTo10() : o.evaluations()).toArray();
        if (ev.length == 0) {
            return "— (0/" + runs.size() + ")";
        }
        double m = Arrays.stream(ev).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(ev).map(v -> (v - m) * (v - m)).sum() / Math.max(1, ev.length - 1));
        return String.format(Locale.ROOT, "%,.0f ± %,.0f (%d/%d)", m, sd, ev.length, runs.size());
    }

    private static double msPerGeneration(List<Outcome> runs) {
        double s = runs.stream().mapToDouble(Outcome::seconds).sum();
        long g = runs.stream().mapToLong(Outcome::generations).sum();
        return 1e3 * s / g;
    }

    private static void functions(int seeds, int[] dims, int[] rastriginDims, int threads) {
        System.out.println();
        System.out.printf(Locale.ROOT, "## Standard functions: %d seeds, x0 ~ U[0,1)^n (sphere N(0,I)), σ0 = 1; "
                + "%d runs at a time%n", seeds, threads);
        System.out.println();
        System.out.println("| function | n | Potentia evals to 1e-14 (mean ± sd, successes) | Clinamen2 | Potentia evals to 1e-10 "
                + "| Commons Math evals to 1e-10 | Potentia ms/gen | Commons Math ms/gen |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String name : List.of("sphere", "ellipsoid", "rosenbrock")) {
            ToDoubleFunction<double[]> f = switch (name) {
                case "sphere" -> CmaesBench::sphere;
                case "ellipsoid" -> CmaesBench::ellipsoid;
                default -> CmaesBench::rosenbrock;
            };
            for (int n : dims) {
                List<double[]> starts = new ArrayList<>();
                for (int s = 0; s < seeds; s++) {
                    SplittableRandom r = new SplittableRandom(1000L * n + s);
                    double[] x0 = new double[n];
                    for (int i = 0; i < n; i++) {
                        x0[i] = name.equals("sphere") ? gaussian(r) : r.nextDouble();
                    }
                    starts.add(x0);
                }
                long budget = 2_000_000;
                List<Outcome> ours = ParallelRuns.run(seeds, threads, s -> potentiaRun(f, starts.get(s), 1, s, budget));
                List<Outcome> peer = ParallelRuns.run(seeds, threads, s -> peerRun(f, starts.get(s), 1, s, budget));
                System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %.3f | %.3f |%n", name, n, stats(ours, false),
                        reference(name, n), stats(ours, true), stats(peer, true), msPerGeneration(ours),
                        msPerGeneration(peer));
            }
        }
        rastrigin(seeds, rastriginDims, threads);
    }

    private static void rastrigin(int seeds, int[] rastriginDims, int threads) {
        System.out.println();
        System.out.println("Rastrigin, IPOP restarts (λ doubles, ≤ 9 restarts), x0 ~ U[-5,5)^n, σ0 = 2, budget 3·10⁶:");
        System.out.println();
        System.out.println("| n | successes (f < 1e-14) | evaluations (mean ± sd over successes) | restarts (mean) |");
        System.out.println("|---:|---:|---:|---:|");
        for (int n : rastriginDims) {
            List<long[]> runs = ParallelRuns.run(seeds, threads, s -> {
                SplittableRandom r = new SplittableRandom(7000L * n + s);
                double[] x0 = new double[n];
                for (int i = 0; i < n; i++) {
                    x0[i] = r.nextDouble(-5, 5);
                }
                RestartingCmaes c = RestartingCmaes.start(RestartStrategy.ipop(), x0, 2, 0, true,
                        CmaesStopping.defaults().withTarget(1e-14).withTolFun(1e-15).withMaxEvaluations(3_000_000), s);
                while (!c.stopped()) {
                    c.tell(PopulationEvaluator.evaluate(CmaesBench::rastrigin, c.ask(), 1));
                }
                return new long[] {c.bestFitness() < 1e-14 ? 1 : 0, c.evaluations(), c.runs().size() - 1};
            });
            long ok = runs.stream().filter(r -> r[0] == 1).count();
            double[] ev = runs.stream().filter(r -> r[0] == 1).mapToDouble(r -> r[1]).toArray();
            double m = Arrays.stream(ev).average().orElse(Double.NaN);
            double sd = Math.sqrt(Arrays.stream(ev).map(v -> (v - m) * (v - m)).sum() / Math.max(1, ev.length - 1));
            double restarts = runs.stream().mapToDouble(r -> r[2]).average().orElseThrow();
            System.out.printf(Locale.ROOT, "| %d | %d/%d | %,.0f ± %,.0f | %.1f |%n", n, ok, seeds, m, sd, restarts);
        }
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    // ---------------------------------------------------------------- time per generation

    private static void generation() {
        System.out.println();
        System.out.println("## Time per generation without the objective (sphere), one thread, after warm-up");
        System.out.println();
        System.out.println("| n | λ | eigendecomposition every | Potentia ms/gen | Commons Math ms/gen | ratio |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int n : new int[] {126, 474}) {
            double[] x0 = new double[n];
            Arrays.fill(x0, 1);
            int gens = n > 200 ? 120 : 400;
            potentiaGenerations(x0, gens / 2);
            double ours = potentiaGenerations(x0, gens);
            int peerGens = n > 200 ? 30 : gens; // Commons Math takes seconds per generation there
            peerGenerations(x0, peerGens / 3);
            double theirs = peerGenerations(x0, peerGens);
            Cmaes c = Cmaes.start(x0, 1, CmaesStopping.defaults(), 1);
            System.out.printf(Locale.ROOT, "| %d | %d | %d gen | %.3f | %.3f | %.2f |%n", n, c.lambda(),
                    c.parameters().eigenInterval(), ours, theirs, theirs / ours);
        }
    }

    private static double potentiaGenerations(double[] x0, int gens) {
        Cmaes c = Cmaes.start(x0, 1, CmaesStopping.defaults(), 3);
        long t0 = System.nanoTime();
        for (int g = 0; g < gens && !c.stopped(); g++) {
            c.tell(PopulationEvaluator.evaluate(CmaesBench::sphere, c.ask(), 1));
        }
        return (System.nanoTime() - t0) * 1e-6 / c.generation();
    }

    private static double peerGenerations(double[] x0, int gens) {
        int n = x0.length;
        CMAESOptimizer opt = new CMAESOptimizer(gens, 0, true, 0, 0, new MersenneTwister(3), false, null);
        double[] sig = new double[n];
        Arrays.fill(sig, 1);
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        long t0 = System.nanoTime();
        try {
            opt.optimize(new MaxEval(Integer.MAX_VALUE), new MaxIter(gens), new ObjectiveFunction(CmaesBench::sphere),
                    GoalType.MINIMIZE, new InitialGuess(x0), new SimpleBounds(lo, hi), new CMAESOptimizer.Sigma(sig),
                    new CMAESOptimizer.PopulationSize(4 + (int) (3 * Math.log(n))));
        } catch (org.apache.commons.math3.exception.TooManyIterationsException e) {
            // the expected end
        }
        return (System.nanoTime() - t0) * 1e-6 / Math.max(1, opt.getIterations());
    }

    // ---------------------------------------------------------------- Lennard-Jones clusters

    private static LennardJones lj() {
        return LennardJones.of(Element.Ar, 1, 1, 50, CutoffMode.truncated()).withThreads(1);
    }

    /** A random founder: atoms uniformly in a sphere of radius (3N/(4π·0.9))^(1/3)σ, at least 0.9σ apart. */
    static Structure randomCluster(int atoms, long seed) {
        return RandomClusters.uniformSphere(Element.Ar, atoms, 0.9, 0.9, seed);
    }

    /** How the LJ runs search: no relaxation, or relaxation with the project's relaxer; σ₀ in σ, budget in energy evaluations. */
    private record LjMode(String name, LocalRelaxation relaxation, double sigma0, long budget, RestartStrategy restarts) {
        String describe() {
            return String.format(Locale.ROOT, "%s (σ0 = %.2gσ, %s, budget %,d energy evaluations per run)", name, sigma0,
                    restarts.label(), budget);
        }
    }

    private record LjOutcome(double energy, long evaluations, long candidates, long evaluationsToSuccess,
            long candidatesToSuccess, double seconds) {
    }

    private static LjOutcome ljRun(int atoms, double target, long seed, LjMode mode, int threads) {
        Structure founder = randomCluster(atoms, seed);
        StructureObjective f = new StructureObjective(founder, new AtomSelection.All().select(founder), lj(),
                mode.relaxation(), new Penalties(0.5, 10), 0);
        SearchSettings settings = SearchSettings.of(mode.sigma0()).withRestarts(mode.restarts())
                .withMaxEvaluations(mode.budget()).withTargetEnergy(target + 1e-4);
        SearchRun run = SearchRun.start(0, seed, f, settings);
        long t0 = System.nanoTime();
        long success = -1;
        long successCandidates = -1;
        while (!run.finished()) {
            run.step(f, threads);
            if (success < 0 && run.cmaes().bestFitness() <= target + 1e-4) {
                success = run.evaluations();
                successCandidates = run.candidates();
            }
        }
        return new LjOutcome(run.cmaes().bestFitness(), run.evaluations(), run.candidates(), success, successCandidates,
                (System.nanoTime() - t0) * 1e-9);
    }

    private static void lj(int seeds, int[] clusters, List<LjMode> modes, int threads) {
        for (LjMode mode : modes) {
            System.out.println();
            System.out.printf(Locale.ROOT, "## LJ clusters (ε = σ = 1, truncated at 50σ, no shift), random founders, "
                    + "%d seeds, %d runs at a time: %s%n", seeds, threads, mode.describe());
            System.out.println();
            System.out.println("| cluster | global minimum | successes (≤ E_gm + 1e-4) | median energy evals to success "
                    + "| median candidates to success | best found | median final E | energy evals per candidate "
                    + "| energy evals/s per thread |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (int atoms : clusters) {
                double gm = atoms == 13 ? LJ13 : LJ38;
                List<LjOutcome> runs = ParallelRuns.run(seeds, threads, s -> ljRun(atoms, gm, 100 + s, mode, 1));
                long[] ok = runs.stream().filter(o -> o.evaluationsToSuccess() > 0)
                        .mapToLong(LjOutcome::evaluationsToSuccess).sorted().toArray();
                long[] okCandidates = runs.stream().filter(o -> o.candidatesToSuccess() > 0)
                        .mapToLong(LjOutcome::candidatesToSuccess).sorted().toArray();
                double[] e = runs.stream().mapToDouble(LjOutcome::energy).sorted().toArray();
                double rate = runs.stream().mapToLong(LjOutcome::evaluations).sum()
                        / runs.stream().mapToDouble(LjOutcome::seconds).sum();
                double perCandidate = (double) runs.stream().mapToLong(LjOutcome::evaluations).sum()
                        / runs.stream().mapToLong(LjOutcome::candidates).sum();
                System.out.printf(Locale.ROOT, "| LJ%d | %.6f | %d/%d | %s | %s | %.6f | %.4f | %.1f | %,.0f |%n", atoms,
                        gm, ok.length, seeds, median(ok), median(okCandidates), e[0], median(e), perCandidate, rate);
                System.out.flush();
            }
        }
    }

    /** The median of sorted values (the mean of the two middle ones for an even count), or "—". */
    private static String median(long[] sorted) {
        if (sorted.length == 0) {
            return "—";
        }
        int m = sorted.length / 2;
        double v = sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static double median(double[] sorted) {
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }

    private static void parallel(List<LjMode> modes, int runs) {
        System.out.println();
        System.out.printf(Locale.ROOT, "## LJ38 runs per minute (%d runs per measurement, no target: each run uses its "
                + "budget)%n", runs);
        System.out.println();
        System.out.println("| mode | energy evaluations per run | threads | runs/min | efficiency |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (LjMode mode : modes) {
            LjMode warm = new LjMode(mode.name(), mode.relaxation(), mode.sigma0(), Math.max(1, mode.budget() / 4),
                    mode.restarts());
            ljRun(38, Double.NEGATIVE_INFINITY, 1, warm, 1);
            double one = 0;
            for (int t : new int[] {1, 2}) {
                long t0 = System.nanoTime();
                ParallelRuns.run(runs, t, s -> ljRun(38, Double.NEGATIVE_INFINITY, 500 + s, mode, 1));
                double perMin = runs / ((System.nanoTime() - t0) * 1e-9 / 60);
                if (t == 1) {
                    one = perMin;
                }
                System.out.printf(Locale.ROOT, "| %s | %,d | %d | %.2f | %.0f %% |%n", mode.name(), mode.budget(), t,
                        perMin, 100 * perMin / (one * t));
                System.out.flush();
            }
        }
    }
}
