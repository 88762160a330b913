package potentia.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;
import potentia.cmaes.RestartStrategy;
import potentia.search.AtomSelection;
import potentia.search.RelaxerRelaxation;
import potentia.search.SearchSettings;

/**
 * Everything that defines a {@code potentia search}, as given on the command line and as kept in
 * {@code DIR/search.properties} so that {@code --resume DIR} rebuilds the same search. The founder
 * itself is copied to {@code DIR/founder.extxyz}.
 */
record SearchSetup(String potential, String free, double sigma0, int runs, long seed, String restarts,
        long maxEvaluations, int lambda, double target, boolean relax, String relaxOptimizer, int relaxSteps,
        double relaxFmax, double kappa, double minDistance, double maxDisplacement, double dedupEnergy,
        double dedupDistance) {

    static final String FILE = "search.properties";
    static final String FOUNDER = "founder.extxyz";
    /** 2 added the relaxation settings; format 1 (which could not relax) is still read. */
    static final int FORMAT_VERSION = 2;

    SearchSetup {
        if (!(sigma0 > 0) || Double.isInfinite(sigma0)) {
            throw new IllegalArgumentException("--sigma0 must be a positive number of Å, got " + sigma0);
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be ≥ 1, got " + runs);
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("--max-evals must be ≥ 1, got " + maxEvaluations);
        }
        if (lambda != 0 && lambda < 2) {
            throw new IllegalArgumentException("--lambda must be ≥ 2 (0: default), got " + lambda);
        }
        if (!(kappa >= 0) || Double.isInfinite(kappa)) {
            throw new IllegalArgumentException("--kappa must be ≥ 0, got " + kappa);
        }
        if (!(minDistance >= 0)) {
            throw new IllegalArgumentException("--min-distance must be ≥ 0 Å, got " + minDistance);
        }
        if (!(maxDisplacement > 0)) {
            throw new IllegalArgumentException("--max-displacement must be > 0 Å, got " + maxDisplacement);
        }
        if (!(dedupEnergy >= 0) || !(dedupDistance >= 0)) {
            throw new IllegalArgumentException("duplicate tolerances must be ≥ 0, got " + dedupEnergy + " eV, "
                    + dedupDistance + " Å");
        }
        if (relaxSteps < 1) {
            throw new IllegalArgumentException("--relax-steps must be ≥ 1, got " + relaxSteps);
        }
        if (!(relaxFmax > 0) || Double.isInfinite(relaxFmax)) {
            throw new IllegalArgumentException("--relax-fmax must be a positive force in eV/Å, got " + relaxFmax);
        }
        SearchRelaxers.algorithm(relaxOptimizer);
        RestartStrategy.parse(restarts);
        AtomSelection.parse(free);
    }

    SearchSettings settings() {
        return new SearchSettings(sigma0, RestartStrategy.parse(restarts), maxEvaluations, lambda, target);
    }

    /** Seed of run {@code i}: the search seed plus the run number. */
    long seedOf(int run) {
        return seed + run;
    }

    /** Writes {@code DIR/search.properties} and copies the founder file to {@code DIR/founder.extxyz}. */
    void save(Path dir, Path founder) {
        TreeMap<String, String> p = new TreeMap<>();
        p.put("format", Integer.toString(FORMAT_VERSION));
        p.put("potential", potential);
        p.put("free", free);
        p.put("sigma0", Double.toString(sigma0));
        p.put("runs", Integer.toString(runs));
        p.put("seed", Long.toString(seed));
        p.put("restarts", restarts);
        p.put("max-evals", Long.toString(maxEvaluations));
        p.put("lambda", Integer.toString(lambda));
        p.put("target", Double.toString(target));
        p.put("relax", Boolean.toString(relax));
        p.put("relax-optimizer", relaxOptimizer);
        p.put("relax-steps", Integer.toString(relaxSteps));
        p.put("relax-fmax", Double.toString(relaxFmax));
        p.put("kappa", Double.toString(kappa));
        p.put("min-distance", Double.toString(minDistance));
        p.put("max-displacement", Double.toString(maxDisplacement));
        p.put("dedup-energy", Double.toString(dedupEnergy));
        p.put("dedup-distance", Double.toString(dedupDistance));
        try {
            Files.createDirectories(dir);
            Files.copy(founder, dir.resolve(FOUNDER), StandardCopyOption.REPLACE_EXISTING);
            Path temp = dir.resolve("." + FILE + ".tmp");
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                w.write("# potentia search settings: read by potentia search --resume " + dir + "\n");
                for (var e : p.entrySet()) {
                    w.write(e.getKey() + "=" + e.getValue().replace("\\", "\\\\") + "\n");
                }
            }
            Files.move(temp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write the search directory " + dir + ": "
                    + e.getMessage(), e));
        }
    }

    /**
     * Reads {@code DIR/search.properties}.
     *
     * @throws IllegalArgumentException "corrupt resume directory …" naming what is missing or wrong
     */
    static SearchSetup load(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("resume directory " + dir + " not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("corrupt resume directory " + dir + ": no " + FILE
                    + " (not a potentia search output?)");
        }
        if (!Files.isRegularFile(dir.resolve(FOUNDER))) {
            throw new IllegalArgumentException("corrupt resume directory " + dir + ": " + FOUNDER + " is missing");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("corrupt resume directory " + dir + ": cannot read " + FILE + ": "
                    + e.getMessage());
        }
        try {
            int format = Integer.parseInt(required(p, "format"));
            if (format != 1 && format != FORMAT_VERSION) {
                throw new IllegalArgumentException(FILE + " has format " + format + ", this build reads 1 and "
                        + FORMAT_VERSION);
            }
            boolean old = format == 1; // no relaxation settings yet: the defaults
            return new SearchSetup(required(p, "potential"), required(p, "free"),
                    Double.parseDouble(required(p, "sigma0")), Integer.parseInt(required(p, "runs")),
                    Long.parseLong(required(p, "seed")), required(p, "restarts"),
                    Long.parseLong(required(p, "max-evals")), Integer.parseInt(required(p, "lambda")),
                    Double.parseDouble(required(p, "target")), bool(required(p, "relax")),
                    old ? SearchRelaxers.DEFAULT_OPTIMIZER : required(p, "relax-optimizer"),
                    old ? RelaxerRelaxation.DEFAULT_STEPS : Integer.parseInt(required(p, "relax-steps")),
                    old ? RelaxerRelaxation.DEFAULT_FMAX : Double.parseDouble(required(p, "relax-fmax")),
                    Double.parseDouble(required(p, "kappa")), Double.parseDouble(required(p, "min-distance")),
                    Double.parseDouble(required(p, "max-displacement")),
                    Double.parseDouble(required(p, "dedup-energy")), Double.parseDouble(required(p, "dedup-distance")));
        } catch (IllegalArgumentException e) {
            String m = e instanceof NumberFormatException ? "bad number (" + e.getMessage() + ")" : e.getMessage();
            throw new IllegalArgumentException("corrupt resume directory " + dir + ": " + FILE + ": " + m);
        }
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return v.trim();
    }

    private static boolean bool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'relax' must be true or false, got '" + v + "'");
        };
    }
}
