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
import potentia.analysis.VelocityAutocorrelation;
import potentia.cli.plot.Charts;
import potentia.structure.AtomArray;
import potentia.structure.Element;

/** {@code potentia analyse vacf}: velocity autocorrelation and Green–Kubo diffusion coefficients. */
@Command(name = "vacf",
        description = {"Velocity autocorrelation C(t) = ⟨v(0)·v(t)⟩ per species from the per-atom 'velocities' "
                + "array (Å/fs), with every frame as a time origin, and the Green–Kubo self-diffusion coefficient "
                + "D = (1/3)∫C dt up to an integration limit, with an error from independent time blocks.",
            "Writes DIR/vacf.csv (time_ps, then per element vacf_<el>_A2fs2, vacf_norm_<el>, D_<el>_A2ps: the running "
                    + "integral), DIR/vacf.png (normalised) and DIR/vacf-integral.png (running D)."},
        footer = {"", "Examples:",
            "  potentia analyse vacf md.extxyz --timestep-between-frames 2 -o vacf/",
            "  potentia analyse vacf md.extxyz --dt 2 --integration-limit 0.5 -o vacf/"})
final class AnalyseVacfCommand implements Callable<Integer> {

    @Mixin
    TrajectoryInput trajectory;

    @Option(names = {"--timestep-between-frames", "--dt"}, required = true, paramLabel = "fs",
            description = "Time between consecutive frames of the file, fs (a --frames step multiplies it).")
    double frameInterval;

    @Option(names = "--integration-limit", paramLabel = "ps",
            description = "Upper limit of the Green–Kubo integral, ps (default: half a block).")
    Double limit;

    @Option(names = "--blocks", paramLabel = "N", defaultValue = "5",
            description = "Independent time blocks for the error (default: ${DEFAULT-VALUE}).")
    int blocks;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if needed).")
    Path output;

    @Override
    public Integer call() {
        if (!(frameInterval > 0)) {
            throw new IllegalArgumentException("--timestep-between-frames must be a positive time in fs, got "
                    + frameInterval);
        }
        List<double[]> velocities = new ArrayList<>();
        int[][] numbers = new int[1][];
        trajectory.forEach(s -> {
            if (numbers[0] == null) {
                numbers[0] = s.atomicNumbers();
            } else if (!Arrays.equals(numbers[0], s.atomicNumbers())) {
                throw new IllegalArgumentException("the atoms differ from the first selected frame's");
            }
            AtomArray a = s.array("velocities").orElseThrow(() -> new IllegalArgumentException(
                    "no per-atom 'velocities' array (Å/fs), which the VACF needs"));
            if (!(a instanceof AtomArray.Reals r) || r.columns() != 3) {
                throw new IllegalArgumentException("'velocities' must be 3 real columns, got " + a);
            }
            velocities.add(r.values());
        });
        double interval = frameInterval * trajectory.step();
        var options = new VelocityAutocorrelation.Options(limit == null ? Double.NaN : limit * 1e3, blocks);
        VelocityAutocorrelation.Result r = VelocityAutocorrelation.compute(numbers[0], velocities, interval, options);
        double[] timePs = new double[r.time().length];
        for (int m = 0; m < timePs.length; m++) {
            timePs[m] = r.time()[m] / 1e3;
        }
        CsvTable table = new CsvTable().add("time_ps", timePs);
        List<Charts.Series> curves = new ArrayList<>();
        List<Charts.Series> integrals = new ArrayList<>();
        for (Map.Entry<Element, double[]> e : r.raw().entrySet()) {
            String el = e.getKey().symbol();
            double[] running = r.runningIntegral().get(e.getKey());
            double[] perPs = new double[running.length];
            for (int m = 0; m < running.length; m++) {
                perPs[m] = running[m] * 1e3;
            }
            table.add("vacf_" + el + "_A2fs2", e.getValue()).add("vacf_norm_" + el, r.normalised().get(e.getKey()))
                    .add("D_" + el + "_A2ps", perPs);
            curves.add(new Charts.Series(el, timePs, r.normalised().get(e.getKey())));
            integrals.add(new Charts.Series(el, timePs, perPs));
        }
        Path csv = output.resolve("vacf.csv");
        Path png = output.resolve("vacf.png");
        Path integralPng = output.resolve("vacf-integral.png");
        table.write(csv);
        Charts.line(png, "Velocity autocorrelation", "t (ps)", "C(t)/C(0)", curves, false);
        Charts.line(integralPng, "Green–Kubo running integral", "t (ps)", "D(t) (Å²/ps)", integrals, false);
        System.out.printf(Locale.ROOT, "vacf: %d frames %s fs apart, %d atoms%n", velocities.size(), NumberText.of(interval),
                numbers[0].length);
        for (Map.Entry<Element, Diffusion> e : r.diffusion().entrySet()) {
            System.out.println(e.getKey().symbol() + ": " + e.getValue().describe("integral"));
        }
        if (r.diffusion().size() > 1) {
            System.out.println("all: " + r.allDiffusion().describe("integral"));
        }
        System.out.println("wrote " + csv + ", " + png + " and " + integralPng);
        return 0;
    }
}
