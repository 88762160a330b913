package potentia.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import potentia.cli.plot.Charts;
import potentia.io.ExtxyzReader;
import potentia.io.ExtxyzWriter;
import potentia.ns.CommonNeighbourAnalysis;
import potentia.ns.DominantStructures;
import potentia.ns.NsRun;
import potentia.ns.NsRunInfo;
import potentia.ns.NsSamples;
import potentia.ns.Peak;
import potentia.ns.StructureType;
import potentia.ns.Thermodynamics;
import potentia.potential.Potential;
import potentia.relax.CellRelaxation;
import potentia.relax.RelaxOptions;
import potentia.relax.RelaxResult;
import potentia.relax.Relaxer;
import potentia.structure.Structure;
import potentia.units.Units;

/** {@code potentia ns-analyse}: thermodynamics, heat-capacity peaks and the phases below them from a nested-sampling run. */
@Command(name = "ns-analyse",
        description = {
            "Thermodynamics of a 'potentia ns' run at any temperature: the partition function Z(β), the energy U(T) "
                    + "(kinetic 3N/2 k_B T included), the heat capacity (C_p at constant pressure, C_V at fixed "
                    + "volume; kinetic 3N/2 k_B included), ⟨V⟩(T), with error bars from repeated sampling of the "
                    + "phase-volume compression ratios. Locates the heat-capacity peaks (phase transitions) and "
                    + "names the structure that dominates below each: the heaviest snapshot there, relaxed with the "
                    + "run's potential and classified by common-neighbour analysis.",
            "Writes OUT/thermodynamics.csv, OUT/heat-capacity.png, OUT/volume.png (constant pressure) and "
                    + "OUT/peak-N-below.extxyz (the snapshot and its relaxed structure) per peak."},
        footer = {"", "Examples:",
            "  potentia ns-analyse si64",
            "  potentia ns-analyse si64 --temperatures 800:2600:361 --repeats 50 -o si64/analysis"})
final class NsAnalyseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A 'potentia ns' output directory.")
    Path dir;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT", description = "Output directory (default DIR/analysis).")
    Path out;

    @Option(names = "--temperatures", paramLabel = "FROM:TO[:N]",
            description = "Temperature grid in K (default: from the run's final temperature to its temperature a tenth "
                    + "of the way in, 400 points).")
    String temperatures;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "30",
            description = "Resamplings of the compression ratios for error bars (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the resampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-relax", description = "Classify the dominant snapshots as they are, without relaxing them.")
    boolean noRelax;

    @Override
    public Integer call() {
        if (repeats < 0) {
            throw new IllegalArgumentException("--repeats must be ≥ 0, got " + repeats);
        }
        NsSamples samples = NsSamples.read(dir);
        if (samples.removed() < 2 * samples.walkers()) {
            throw new IllegalArgumentException(dir + " holds " + samples.removed() + " samples; the analysis needs at "
                    + "least 2K = " + 2 * samples.walkers());
        }
        NsRunInfo info = NsRunInfo.read(dir.resolve(NsRun.INFO));
        double[] t = temperatures == null ? NsTemperatures.auto(samples) : NsTemperatures.parse(temperatures);
        double lowest = Thermodynamics.temperatureAt(samples, samples.removed() - 1);
        if (lowest > 0 && t[0] < 0.999 * lowest) {
            System.err.printf(Locale.ROOT, "ns-analyse: warning: the grid starts at %s K, below the run's final "
                    + "sampled temperature %s K: below it the results are extrapolation (the heat capacity falls "
                    + "towards its kinetic part); run more iterations to reach lower temperatures%n",
                    NumberText.of(t[0]), NumberText.of(lowest));
        }
        Thermodynamics th = Thermodynamics.of(samples, t, repeats, seed);
        Path outDir = out != null ? out : dir.resolve("analysis");
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir + ": " + e.getMessage(), e);
        }
        writeTable(outDir.resolve("thermodynamics.csv"), th);
        plots(outDir, th);
        PrintStream o = System.out;
        String c = th.constantPressure() ? "C_p" : "C_V";
        o.printf(Locale.ROOT, "%s: %d samples (K = %d, %d removed per iteration), %s atoms, %s%s; T = %s–%s K%n",
                dir, samples.removed(), samples.walkers(), samples.cull(), samples.atoms(),
                th.constantPressure() ? "P = " + NumberText.of(Units.toGPa(samples.pressure())) + " GPa" : "fixed volume",
                samples.liveEnthalpy().length > 0 ? "" : " (no live walkers: an unfinished run)",
                NumberText.of(t[0]), NumberText.of(t[t.length - 1]));
        List<Peak> peaks = th.peaks();
        if (peaks.isEmpty()) {
            o.println("no heat-capacity peak in this temperature range");
        }
        List<Structure> snapshots = readFrames(dir.resolve(NsRun.SNAPSHOTS));
        List<Structure> live = readFrames(dir.resolve(NsRun.LIVE_STRUCTURES));
        Potential potential = noRelax ? null : potentialOrNull(info.get("potential"));
        for (int k = 0; k < peaks.size(); k++) {
            Peak p = peaks.get(k);
            o.printf(Locale.ROOT, "peak %d: T = %s ± %s K, %s = %s ± %s k_B per atom%n", k + 1,
                    NumberText.of(p.temperature()), NumberText.of(p.temperatureError()), c,
                    NumberText.of((p.height() + 1.5 * th.atoms()) / th.atoms()),
                    NumberText.of(p.heightError() / th.atoms()));
            double below = k == 0 ? 0.75 * p.temperature() : Math.sqrt(p.temperature() * peaks.get(k - 1).temperature());
            below = Math.max(below, t[0]);
            describeBelow(o, outDir.resolve("peak-" + (k + 1) + "-below.extxyz"), samples, snapshots, live, below,
                    potential);
        }
        o.println("wrote " + outDir.resolve("thermodynamics.csv") + ", " + outDir.resolve("heat-capacity.png")
                + (th.constantPressure() ? ", " + outDir.resolve("volume.png") : ""));
        return 0;
    }

    private static Potential potentialOrNull(String spec) {
        try {
            return NsPotentials.of(spec);
        } catch (IllegalArgumentException e) {
            System.err.println("ns-analyse: cannot rebuild the potential '" + spec + "' (" + e.getMessage()
                    + "): structures are classified unrelaxed");
            return null;
        }
    }

    private static List<Structure> readFrames(Path file) {
        return Files.exists(file) ? ExtxyzReader.readAll(file) : List.of();
    }

    /** The heaviest snapshots at temperature t: their types, and the heaviest relaxed. */
    private static void describeBelow(PrintStream o, Path file, NsSamples samples, List<Structure> snapshots,
            List<Structure> live, double t, Potential potential) {
        List<DominantStructures.Weighted> top = DominantStructures.at(samples, snapshots, live, t, 5);
        if (top.isEmpty()) {
            o.println("  no snapshots to identify the phase below it (run with --snapshot-every > 0)");
            return;
        }
        StringBuilder types = new StringBuilder();
        for (DominantStructures.Weighted w : top) {
            types.append(types.isEmpty() ? "" : "; ").append(NumberText.of(100 * w.share())).append("%: ")
                    .append(describe(CommonNeighbourAnalysis.fractions(CommonNeighbourAnalysis.classify(w.structure()))));
        }
        o.printf(Locale.ROOT, "  below it (T = %s K) the heaviest snapshots are (share of weight: atoms by type) %s%n",
                NumberText.of(t), types);
        Structure best = top.get(0).structure();
        List<Structure> written = new ArrayList<>(List.of(best));
        Structure analysed = best;
        String how = "as sampled";
        if (potential != null) {
            RelaxOptions.Builder b = RelaxOptions.builder().algorithm(RelaxOptions.Algorithm.FIRE).fmax(1e-4).maxSteps(20000);
            if (best.cell().fullyPeriodic()) {
                b.cell(CellRelaxation.atPressure(samples.pressure()));
            }
            RelaxResult r = Relaxer.relax(potential, withoutLabels(best), b.build());
            analysed = r.structure();
            written.add(analysed);
            how = "relaxed (" + r.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", E = "
                    + NumberText.of(r.energy() / analysed.size()) + " eV/atom)";
        }
        Map<StructureType, Double> f = CommonNeighbourAnalysis.fractions(CommonNeighbourAnalysis.classify(analysed));
        o.printf(Locale.ROOT, "  heaviest, %s: %s, coordination %s%s → %s%n", how, describe(f),
                NumberText.of(CommonNeighbourAnalysis.coordination(analysed)),
                analysed.cell().fullyPeriodic() ? ", V = " + NumberText.of(analysed.cell().volume() / analysed.size())
                        + " Å³/atom" : "", file);
        ExtxyzWriter.writeAll(file, written);
    }

    private static Structure withoutLabels(Structure s) {
        Structure c = s;
        for (String key : List.of("energy", "ns_enthalpy", "ns_volume", "ns_iteration")) {
            c = c.withoutInfo(key);
        }
        return c;
    }

    private static String describe(Map<StructureType, Double> fractions) {
        StringBuilder sb = new StringBuilder();
        fractions.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).forEach(e ->
                sb.append(sb.isEmpty() ? "" : ", ").append(e.getKey().label()).append(' ')
                        .append(NumberText.of(100 * e.getValue())).append('%'));
        return sb.toString();
    }

    private static void writeTable(Path file, Thermodynamics th) {
        StringBuilder sb = new StringBuilder("temperature_K,ln_Z,ln_Z_err,enthalpy_eV,enthalpy_err,energy_eV,energy_err,"
                + "internal_energy_eV,volume_A3,volume_err,heat_capacity_config_kB,heat_capacity_err,"
                + "heat_capacity_total_kB,heat_capacity_total_per_atom_kB\n");
        double[] total = th.totalHeatCapacity();
        int n = th.atoms();
        for (int k = 0; k < th.temperature().length; k++) {
            double t = th.temperature()[k];
            sb.append(String.format(Locale.ROOT, "%.6g,%.10g,%.4g,%.10g,%.4g,%.10g,%.4g,%.10g,%.8g,%.4g,%.8g,%.4g,%.8g,%.8g%n",
                    t, th.logZ().value()[k], th.logZ().error()[k], th.enthalpy().value()[k], th.enthalpy().error()[k],
                    th.energy().value()[k], th.energy().error()[k],
                    th.energy().value()[k] + 1.5 * n * Units.BOLTZMANN * t, th.volume().value()[k],
                    th.volume().error()[k], th.heatCapacity().value()[k], th.heatCapacity().error()[k], total[k],
                    total[k] / n));
        }
        try {
            Files.writeString(file, sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void plots(Path outDir, Thermodynamics th) {
        int n = th.atoms();
        double[] t = th.temperature();
        double[] c = th.totalHeatCapacity();
        double[] lo = new double[t.length];
        double[] hi = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            c[k] /= n;
            lo[k] = c[k] - th.heatCapacity().error()[k] / n;
            hi[k] = c[k] + th.heatCapacity().error()[k] / n;
        }
        String name = th.constantPressure() ? "C_p" : "C_V";
        Charts.line(outDir.resolve("heat-capacity.png"), "Heat capacity (" + n + " atoms, kinetic 3/2 k_B included)",
                "T (K)", name + " per atom (k_B)", List.of(new Charts.Series(name, t, c),
                        new Charts.Series("− 1σ", t, lo), new Charts.Series("+ 1σ", t, hi)), false);
        if (th.constantPressure()) {
            double[] v = th.volume().value().clone();
            double[] vlo = new double[t.length];
            double[] vhi = new double[t.length];
            for (int k = 0; k < t.length; k++) {
                v[k] /= n;
                vlo[k] = v[k] - th.volume().error()[k] / n;
                vhi[k] = v[k] + th.volume().error()[k] / n;
            }
            Charts.line(outDir.resolve("volume.png"), "Mean volume", "T (K)", "⟨V⟩ per atom (Å³)",
                    List.of(new Charts.Series("⟨V⟩", t, v), new Charts.Series("− 1σ", t, vlo),
                            new Charts.Series("+ 1σ", t, vhi)), false);
        }
    }
}
