package potentia.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import potentia.cli.plot.Charts;
import potentia.io.ExtxyzWriter;
import potentia.search.Candidate;
import potentia.search.DistinctStructures;
import potentia.search.Penalties;
import potentia.search.SearchRunResult;
import potentia.structure.InfoValue;
import potentia.structure.Structure;

/**
 * The files a finished {@code potentia search} leaves: each run's {@code runs/NNN/best.extxyz}
 * and {@code trace.csv}, the ranked {@code summary.csv}, the distinct structures in
 * {@code best.extxyz}, and two plots.
 */
final class SearchReport {
    private static final double PLOT_FLOOR = 1e-6;
    private SearchReport() {
    }

    static Path runDir(Path dir, int run) {
        return dir.resolve("runs").resolve(String.format(Locale.ROOT, "%03d", run));
    }

    /** The run's best structure with its search metadata. */
    static Structure tagged(SearchRunResult r) {
        return r.structure().withInfo("search_run", new InfoValue.Int(r.run()))
                .withInfo("search_seed", new InfoValue.Int(r.seed()))
                .withInfo("search_fitness", new InfoValue.Real(r.best().fitness()))
                .withInfo("search_evaluations", new InfoValue.Int(r.evaluations()))
                .withInfo("search_candidates", new InfoValue.Int(r.candidates()))
                .withInfo("search_stop", new InfoValue.Text(r.stopLabel()));
    }

    /** Writes {@code runs/NNN/best.extxyz} and {@code runs/NNN/trace.csv}. */
    static void writeRun(Path dir, SearchRunResult r) {
        Path rd = runDir(dir, r.run());
        try (ExtxyzWriter w = ExtxyzWriter.open(rd.resolve("best.extxyz"), ExtxyzWriter.Precision.FULL)) {
            w.write(tagged(r));
        }
        StringBuilder sb = new StringBuilder("evaluations,best_fitness_eV\n");
        long[] ev = r.traceEvaluations();
        double[] best = r.traceBest();
        for (int k = 0; k < ev.length; k++) {
            sb.append(ev[k]).append(',').append(best[k]).append('\n');
        }
        writeText(rd.resolve("trace.csv"), sb.toString());
    }

    /** The runs ranked by fitness and the distinct groups (indices into {@code ranked}), best first. */
    record Summary(List<SearchRunResult> ranked, List<DistinctStructures.Group> groups) {
    }

    /** Writes summary.csv, best.extxyz and the plots for all runs. */
    static Summary writeSummary(Path dir, List<SearchRunResult> results,
            DistinctStructures.Tolerance tolerance) {
        List<SearchRunResult> ranked = new ArrayList<>(results);
        ranked.sort(Comparator.comparingDouble((SearchRunResult r) -> r.best().fitness()).thenComparingInt(
                SearchRunResult::run));
        List<Structure> structures = ranked.stream().map(SearchRunResult::structure).toList();
        double[] energies = ranked.stream().mapToDouble(r -> r.best().status() == Candidate.Status.OK
                ? r.best().fitness() : Double.NaN).toArray();
        List<DistinctStructures.Group> groups = DistinctStructures.group(structures, energies, tolerance);
        int[] groupOf = new int[ranked.size()];
        for (int g = 0; g < groups.size(); g++) {
            for (int m : groups.get(g).members()) {
                groupOf[m] = g + 1;
            }
        }
        StringBuilder csv = new StringBuilder(
                "rank,run,seed,energy_eV,fitness_eV,evaluations,restarts,stop,sigma_A,energy_std_eV,forces_std_max_eV_A,"
                        + "distinct,status,candidates\n");
        for (int k = 0; k < ranked.size(); k++) {
            SearchRunResult r = ranked.get(k);
            Structure s = r.structure();
            csv.append(k + 1).append(',').append(r.run()).append(',').append(r.seed()).append(',')
                    .append(num(r.best().energy())).append(',').append(num(r.best().fitness())).append(',')
                    .append(r.evaluations()).append(',').append(r.restarts()).append(',').append(r.stopLabel())
                    .append(',').append(num(r.sigma())).append(',').append(num(r.best().energyStd())).append(',')
                    .append(s.info("forces_std_max").map(v -> num(v.asDouble())).orElse("")).append(',')
                    .append(groupOf[k]).append(',').append(r.best().status().name().toLowerCase(Locale.ROOT))
                    .append(',').append(r.candidates()).append('\n');
        }
        writeText(dir.resolve("summary.csv"), csv.toString());

        List<Structure> distinct = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            DistinctStructures.Group group = groups.get(g);
            String runs = group.members().stream().map(m -> Integer.toString(ranked.get(m).run()))
                    .collect(Collectors.joining(" "));
            distinct.add(tagged(ranked.get(group.representative()))
                    .withInfo("distinct_rank", new InfoValue.Int(g + 1))
                    .withInfo("found_by", new InfoValue.Int(group.members().size()))
                    .withInfo("found_by_runs", new InfoValue.Text(runs)));
        }
        try (ExtxyzWriter w = ExtxyzWriter.open(dir.resolve("best.extxyz"), ExtxyzWriter.Precision.FULL)) {
            for (Structure s : distinct) {
                w.write(s);
            }
        }
        plots(dir, results);
        return new Summary(List.copyOf(ranked), groups);
    }

    private static void plots(Path dir, List<SearchRunResult> results) {
        // best energy above the lowest any run found, on a log axis: convergence is visible over decades
        double lowest = Double.POSITIVE_INFINITY;
        for (SearchRunResult r : results) {
            for (double b : r.traceBest()) {
                lowest = Math.min(lowest, b);
            }
        }
        List<Charts.Series> series = new ArrayList<>();
        List<Double> finals = new ArrayList<>();
        for (SearchRunResult r : results) {
            long[] ev = r.traceEvaluations();
            double[] best = r.traceBest();
            List<double[]> pts = new ArrayList<>();
            for (int k = 0; k < ev.length; k++) {
                if (best[k] < Penalties.BASE) { // penalised candidates would squash the axis
                    pts.add(new double[] {ev[k], Math.max(best[k] - lowest, PLOT_FLOOR)});
                }
            }
            if (!pts.isEmpty()) {
                series.add(new Charts.Series(String.format(Locale.ROOT, "run %03d", r.run()),
                        pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray()));
            }
            if (r.best().status() == Candidate.Status.OK) {
                finals.add(r.best().energy());
            }
        }
        if (!series.isEmpty()) {
            Charts.line(dir.resolve("best-energy.png"), String.format(Locale.ROOT,
                    "Best fitness of each run above the lowest found (%.6f eV)", lowest), "evaluations",
                    "best − lowest (eV; " + PLOT_FLOOR + " eV shown for 0)", series, true);
        }
        if (!finals.isEmpty()) {
            double[] v = finals.stream().mapToDouble(Double::doubleValue).toArray();
            double lo = finals.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double hi = finals.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            int bins = hi - lo < 1e-9 ? 1 : Math.max(5, Math.min(40, v.length));
            Charts.histogram(dir.resolve("final-energies.png"), "Final energies of " + v.length + " runs",
                    "energy (eV)", v, bins);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    static void writeText(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                w.write(text);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write " + file + ": " + e.getMessage(), e));
        }
    }
}
