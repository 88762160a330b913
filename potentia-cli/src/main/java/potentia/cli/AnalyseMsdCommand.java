package potentia.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import potentia.analysis.Diffusion;
import potentia.analysis.MeanSquareDisplacement;
import potentia.analysis.Unwrapping;
import potentia.cli.plot.Charts;
import potentia.structure.Cell;
import potentia.structure.Element;

/** {@code potentia analyse msd}: mean-square displacement and self-diffusion coefficients. */
@Command(name = "msd",
        description = {"Mean-square displacement per species with every frame as a time origin, and the "
                + "self-diffusion coefficient D from a straight-line fit MSD = 6Dt + b in a window, with an error "
                + "from the spread over independent time blocks.",
            "Wrapped trajectories are unwrapped first (minimum image between consecutive frames: atoms must move "
                    + "less than half a cell width between frames). Default window: 10 %% to 50 %% of a block "
                    + "(the trajectory cut into --blocks pieces).",
            "Writes DIR/msd.csv (time_ps, msd_all_A2, msd_<element>_A2) and DIR/msd.png with the fits, and "
                    + "prints D ± error per species in Å²/ps and 10⁻⁹ m²/s."},
        footer = {"", "Examples:",
            "  potentia analyse msd md.extxyz --timestep-between-frames 10 -o msd/",
            "  potentia analyse msd md.extxyz --timestep-between-frames 10 --frames 200: --fit-start 1 --fit-end 4 -o msd/"})
final class AnalyseMsdCommand implements Callable<Integer> {

    @Mixin
    TrajectoryInput trajectory;

    @Option(names = {"--timestep-between-frames", "--dt"}, required = true, paramLabel = "fs",
            description = "Time between consecutive frames of the file, fs (a --frames step multiplies it).")
    double frameInterval;

    @Option(names = "--fit-start", paramLabel = "ps", description = "Start of the fit window, ps.")
    Double fitStart;

    @Option(names = "--fit-end", paramLabel = "ps", description = "End of the fit window, ps.")
    Double fitEnd;

    @Option(names = "--blocks", paramLabel = "N", defaultValue = "5",
            description = "Independent time blocks for the error (default: ${DEFAULT-VALUE}).")
    int blocks;

    @Option(names = "--remove-drift", description = "Subtract the centre-of-mass displacement of all atoms.")
    boolean removeDrift;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if needed).")
    Path output;

    @Override
    public Integer call() {
        if (!(frameInterval > 0)) {
            throw new IllegalArgumentException("--timestep-between-frames must be a positive time in fs, got "
                    + frameInterval);
        }
        List<double[]> positions = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        int[][] numbers = new int[1][];
        double[][] masses = new double[1][];
        trajectory.forEach(s -> {
            if (numbers[0] == null) {
                numbers[0] = s.atomicNumbers();
                masses[0] = s.masses();
            } else if (!Arrays.equals(numbers[0], s.atomicNumbers())) {
                throw new IllegalArgumentException("the atoms differ from the first selected frame's (the MSD needs the "
                        + "same atoms in the same order)");
            }
            positions.add(s.positions());
            cells.add(s.cell());
        });
        double interval = frameInterval * trajectory.step();
        Unwrapping.Unwrapped u = Unwrapping.unwrap(positions, cells);
        positions.clear();
        var options = new MeanSquareDisplacement.Options(ps(fitStart), ps(fitEnd), blocks, removeDrift);
        MeanSquareDisplacement.Result r = MeanSquareDisplacement.compute(numbers[0], masses[0], u.positions(), interval,
                options);
        double[] timePs = new double[r.time().length];
        for (int m = 0; m < timePs.length; m++) {
            timePs[m] = r.time()[m] / 1e3;
        }
        CsvTable table = new CsvTable().add("time_ps", timePs).add("msd_all_A2", r.all());
        List<Charts.Series> series = new ArrayList<>();
        boolean several = r.bySpecies().size() > 1;
        if (several) {
            series.add(new Charts.Series("all", timePs, r.all()));
            series.add(fitLine("all fit", r.all(), r.allDiffusion(), interval));
        }
        for (Map.Entry<Element, double[]> e : r.bySpecies().entrySet()) {
            table.add("msd_" + e.getKey().symbol() + "_A2", e.getValue());
            series.add(new Charts.Series(e.getKey().symbol(), timePs, e.getValue()));
            series.add(fitLine(e.getKey().symbol() + " fit", e.getValue(), r.diffusion().get(e.getKey()), interval));
        }
        Path csv = output.resolve("msd.csv");
        Path png = output.resolve("msd.png");
        table.write(csv);
        Charts.line(png, "Mean-square displacement", "t (ps)", "MSD (Å²)", series, false);
        System.out.printf(Locale.ROOT, "msd: %d frames %s fs apart, %d atoms%s%n", u.positions().size(),
                NumberText.of(interval),
                numbers[0].length, u.crossings() > 0 ? ", unwrapped " + u.crossings() + " boundary crossings" : "");
        for (Map.Entry<Element, Diffusion> e : r.diffusion().entrySet()) {
            System.out.println(e.getKey().symbol() + ": " + e.getValue().describe("fit"));
        }
        if (several) {
            System.out.println("all: " + r.allDiffusion().describe("fit"));
        }
        System.out.println("wrote " + csv + " and " + png);
        return 0;
    }

    private static double ps(Double value) {
        return value == null ? Double.NaN : value * 1e3;
    }

    /** The line 6Dt + b through the window's centroid (the least-squares line), over the window. */
    private static Charts.Series fitLine(String name, double[] msd, Diffusion d, double interval) {
        int first = (int) Math.round(d.windowStart() / interval);
        int last = (int) Math.round(d.windowEnd() / interval);
        double mt = 0;
        double my = 0;
        for (int m = first; m <= last; m++) {
            mt += m * interval;
            my += msd[m];
        }
        mt /= last - first + 1;
        my /= last - first + 1;
        double b = my - 6 * d.coefficient() * mt;
        double[] t = {d.windowStart() / 1e3, d.windowEnd() / 1e3};
        double[] y = {6 * d.coefficient() * d.windowStart() + b, 6 * d.coefficient() * d.windowEnd() + b};
        return new Charts.Series(name, t, y);
    }
}
