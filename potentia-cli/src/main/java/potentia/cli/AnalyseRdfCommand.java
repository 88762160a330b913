package potentia.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import potentia.analysis.RadialDistribution;
import potentia.analysis.Rdf;
import potentia.analysis.SpeciesPair;
import potentia.cli.plot.Charts;

/** {@code potentia analyse rdf}: total and partial radial distribution functions. */
@Command(name = "rdf",
        description = {"Radial distribution functions g(r), total and per species pair, averaged over frames, "
                + "with coordination numbers n(r) (mean number of neighbours within r).",
            "Normalised like LAMMPS's compute rdf (an ideal gas gives 1); periodic images are counted, so --rmax "
                    + "may exceed half the cell. Needs cells periodic along all three axes.",
            "Writes DIR/rdf.csv (r_A, g_total, n_total, then g_A-B and n_A-B per pair: B neighbours around an "
                    + "A atom) and DIR/rdf.png."},
        footer = {"", "Examples:",
            "  potentia analyse rdf liquid.extxyz -o rdf/",
            "  potentia analyse rdf md.extxyz --rmax 10 --bins 400 --frames 100: --pairs Si-Si,Si-O,O-O -o rdf/"})
final class AnalyseRdfCommand implements Callable<Integer> {

    @Mixin
    TrajectoryInput trajectory;

    @Option(names = "--rmax", paramLabel = "Å",
            description = "Largest distance (default: half the smallest perpendicular width of the first frame's cell).")
    Double rMax;

    @Option(names = "--bins", paramLabel = "N", defaultValue = "200",
            description = "Number of bins in [0, rmax) (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--pairs", paramLabel = "A-B", split = ",",
            description = "Species pairs to report, e.g. Si-Si,Si-O (default: every pair present).")
    List<String> pairs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if needed).")
    Path output;

    @Override
    public Integer call() {
        List<SpeciesPair> wanted = pairs == null ? null : pairs.stream().map(SpeciesPair::parse).toList();
        RadialDistribution.Accumulator[] acc = new RadialDistribution.Accumulator[1];
        double[] range = new double[1];
        int frames = trajectory.forEach(s -> {
            if (acc[0] == null) {
                double r = rMax != null ? rMax : 0.5 * smallest(s.cell().perpendicularWidths());
                range[0] = r;
                acc[0] = new RadialDistribution.Accumulator(r, bins);
            }
            acc[0].add(s);
        });
        Rdf rdf = acc[0].result();
        List<SpeciesPair> report = wanted != null ? wanted : new ArrayList<>(rdf.partial().keySet());
        CsvTable table = new CsvTable().add("r_A", rdf.r()).add("g_total", rdf.total()).add("n_total",
                rdf.totalCoordination());
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series("total", rdf.r(), rdf.total()));
        for (SpeciesPair p : report) {
            double[] g = rdf.partial(p);
            table.add("g_" + p, g).add("n_" + p, rdf.coordination(p));
            if (wanted != null || rdf.partial().size() > 1) { // one element: the partial is the total
                series.add(new Charts.Series(p.toString(), rdf.r(), g));
            }
        }
        Path csv = output.resolve("rdf.csv");
        Path png = output.resolve("rdf.png");
        table.write(csv);
        Charts.line(png, "Radial distribution function (" + frames + " frames)", "r (Å)", "g(r)", series, false);
        int peak = 0;
        for (int k = 1; k < rdf.total().length; k++) {
            if (rdf.total()[k] > rdf.total()[peak]) {
                peak = k;
            }
        }
        System.out.printf(Locale.ROOT, "rdf: %d frames, r_max %s Å, %d bins; highest peak of g(r) at %s Å "
                + "(g = %s, n = %s within it)%n", frames, NumberText.of(range[0]), bins, NumberText.of(rdf.r()[peak]),
                NumberText.of(rdf.total()[peak]), NumberText.of(rdf.totalCoordination()[peak]));
        System.out.println("wrote " + csv + " and " + png);
        return 0;
    }

    private static double smallest(double[] widths) {
        double m = Double.POSITIVE_INFINITY;
        for (double w : widths) {
            if (w > 0) {
                m = Math.min(m, w);
            }
        }
        if (!Double.isFinite(m)) {
            throw new IllegalArgumentException("the first frame has no cell: give --rmax (and a periodic cell)");
        }
        return m;
    }
}
