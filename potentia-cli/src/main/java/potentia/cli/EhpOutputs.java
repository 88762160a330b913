package potentia.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import potentia.cli.plot.BandPlot;
import potentia.cli.plot.ErrorBarPlot;
import potentia.ehp.EhpPoint;
import potentia.ehp.EhpRun;
import potentia.ehp.PhaseStability;
import potentia.phonon.BandPath;
import potentia.phonon.Supercell;
import potentia.units.Units;

/** The files of {@code potentia ehp}: tables, plots and the phase-stability analysis of the finished points. */
final class EhpOutputs {
    private EhpOutputs() {
    }

    /**
     * Writes every output the finished points allow; returns the names written.
     *
     * @param plots whether to draw the PNGs too (at the end; the tables are rewritten after every point)
     */
    static List<String> write(Path dir, EhpRun.Plan plan, List<EhpPoint> points, boolean plots) {
        List<String> written = new ArrayList<>();
        if (points.isEmpty()) {
            return written;
        }
        StringBuilder f = new StringBuilder("phase,T_K,P_GPa,F_eV_per_atom,F_error_eV_per_atom,G_eV_per_atom,"
                + "converged,steps,ensembles,evaluations,gap_eV_per_atom,pressure_GPa,pressure_error_GPa,"
                + "volume_A3_per_atom\n");
        StringBuilder l = new StringBuilder("phase,T_K,P_GPa,a_A,b_A,c_A,alpha_deg,beta_deg,gamma_deg,"
                + "relative_error\n");
        for (EhpPoint p : points) {
            String name = plan.phases().get(p.phase()).name();
            f.append(name).append(',').append(num(p.temperature())).append(',').append(num(Units.toGPa(p.pressure())))
                    .append(',').append(num(p.freeEnergy())).append(',').append(num(p.freeEnergyError())).append(',')
                    .append(num(p.gibbsFreeEnergy())).append(',').append(p.converged()).append(',').append(p.steps())
                    .append(',').append(p.ensembles()).append(',').append(p.evaluations()).append(',')
                    .append(num(p.gap())).append(',').append(num(Units.toGPa(p.achievedPressure()))).append(',')
                    .append(num(Units.toGPa(p.pressureError()))).append(',').append(num(p.volume())).append('\n');
            double[] len = p.lengths();
            double[] ang = p.angles();
            l.append(name).append(',').append(num(p.temperature())).append(',').append(num(Units.toGPa(p.pressure())));
            for (double v : len) {
                l.append(',').append(num(v));
            }
            for (double v : ang) {
                l.append(',').append(num(v));
            }
            l.append(',').append(num(p.latticeError())).append('\n');
        }
        text(dir.resolve("free_energy.csv"), f);
        text(dir.resolve("lattice.csv"), l);
        written.add("free_energy.csv");
        written.add("lattice.csv");
        if (!plots) {
            return written;
        }

        List<ErrorBarPlot.Curve> fs = new ArrayList<>();
        List<ErrorBarPlot.Curve> as = new ArrayList<>();
        for (int ph = 0; ph < plan.phases().size(); ph++) {
            for (int pi = 0; pi < plan.pressures().length; pi++) {
                List<EhpPoint> chain = chain(points, ph, pi);
                if (chain.isEmpty()) {
                    continue;
                }
                String label = label(plan, ph, pi);
                double[] t = chain.stream().mapToDouble(EhpPoint::temperature).toArray();
                fs.add(new ErrorBarPlot.Curve(label, t, chain.stream().mapToDouble(EhpPoint::gibbsFreeEnergy).toArray(),
                        chain.stream().mapToDouble(EhpPoint::freeEnergyError).toArray()));
                as.add(new ErrorBarPlot.Curve(label, t, chain.stream().mapToDouble(p -> p.lengths()[0]).toArray(),
                        chain.stream().mapToDouble(p -> p.lengths()[0] * p.latticeError()).toArray()));
            }
        }
        ErrorBarPlot.write(dir.resolve("free_energy.png"), (plan.quantum() ? "Quantum" : "Classical")
                + " EHP free energy" + (plan.pressures().length > 1 || plan.pressures()[0] != 0 ? " (G = F + pV)" : ""),
                "temperature (K)", "free energy (eV/atom)", fs);
        written.add("free_energy.png");
        if (plan.relaxCell()) {
            ErrorBarPlot.write(dir.resolve("lattice.png"), "Lattice parameter a (thermal expansion)", "temperature (K)",
                    "a (Å)", as);
            written.add("lattice.png");
        }
        for (int ph = 0; ph < plan.phases().size(); ph++) {
            if (writeBands(dir, plan, points, ph)) {
                written.add("bands_" + plan.phases().get(ph).name() + ".png");
            }
        }
        if (plan.phases().size() == 2 && writeStability(dir, plan, points)) {
            written.add("stability.csv");
            written.add("stability.png");
        }
        return written;
    }

    private static String label(EhpRun.Plan plan, int phase, int pressureIndex) {
        String name = plan.phases().get(phase).name();
        return plan.pressures().length > 1
                ? name + " " + NumberText.of(Units.toGPa(plan.pressures()[pressureIndex])) + " GPa" : name;
    }

    private static List<EhpPoint> chain(List<EhpPoint> points, int phase, int pressureIndex) {
        return points.stream().filter(p -> p.phase() == phase && p.pressureIndex() == pressureIndex).toList();
    }

    /** The renormalised bands of one phase: up to six temperatures of the first pressure. */
    private static boolean writeBands(Path dir, EhpRun.Plan plan, List<EhpPoint> points, int phase) {
        List<EhpPoint> chain = chain(points, phase, 0).stream().filter(p -> p.bands() != null).toList();
        if (chain.isEmpty()) {
            return false;
        }
        EhpRun.Phase ph = plan.phases().get(phase);
        Supercell sc = Supercell.of(ph.unit(), ph.repeats()[0], ph.repeats()[1], ph.repeats()[2]);
        BandPath path = BandPath.standard(sc.primitive()).orElseThrow();
        List<double[]> ks = path.sample(EhpRun.BAND_POINTS);
        double[] distance = new double[ks.size()];
        List<String> labels = new ArrayList<>();
        List<Double> at = new ArrayList<>();
        int i = 0;
        for (int r = 0; r < path.runs().size(); r++) {
            var run = path.runs().get(r);
            if (r == 0) {
                labels.add(run.get(0).label());
                at.add(0.0);
            } else {
                labels.set(labels.size() - 1, labels.get(labels.size() - 1) + "|" + run.get(0).label());
            }
            for (int s = 0; s + 1 < run.size(); s++) {
                for (int j = 0; j < EhpRun.BAND_POINTS; j++, i++) {
                    distance[i] = i == 0 ? 0 : distance[i - 1] + (j == 0 ? 0 : norm(ks.get(i), ks.get(i - 1)));
                }
                labels.add(run.get(s + 1).label());
                at.add(distance[i - 1]);
            }
        }
        StringBuilder csv = new StringBuilder("T_K,distance_inv_A");
        int bands = chain.get(0).bands()[0].length;
        for (int b = 0; b < bands; b++) {
            csv.append(",band").append(b + 1).append("_THz");
        }
        csv.append('\n');
        for (EhpPoint p : chain) {
            for (int k = 0; k < distance.length; k++) {
                csv.append(num(p.temperature())).append(',').append(num(distance[k]));
                for (double v : p.bands()[k]) {
                    csv.append(',').append(num(v));
                }
                csv.append('\n');
            }
        }
        text(dir.resolve("bands_" + ph.name() + ".csv"), csv);
        List<BandPlot.Bands> sets = new ArrayList<>();
        int count = Math.min(6, chain.size());
        for (int c = 0; c < count; c++) {
            EhpPoint p = chain.get(count == 1 ? 0 : (int) Math.round(c * (chain.size() - 1.0) / (count - 1)));
            sets.add(new BandPlot.Bands(NumberText.of(p.temperature()) + " K", distance, p.bands()));
        }
        double[] ld = at.stream().mapToDouble(Double::doubleValue).toArray();
        BandPlot.write(dir.resolve("bands_" + ph.name() + ".png"), "Renormalised phonons of " + ph.name(), sets,
                labels, ld);
        return true;
    }

    private static double norm(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** ΔG = G₂ − G₁ per pressure on the temperatures both phases have finished. */
    private static boolean writeStability(Path dir, EhpRun.Plan plan, List<EhpPoint> points) {
        StringBuilder csv = new StringBuilder("P_GPa,T_K,dG_eV_per_atom,dG_error_eV_per_atom\n");
        List<ErrorBarPlot.Curve> series = new ArrayList<>();
        boolean any = false;
        for (int pi = 0; pi < plan.pressures().length; pi++) {
            double[][] d = difference(plan, points, pi);
            if (d == null) {
                continue;
            }
            any = true;
            for (int k = 0; k < d[0].length; k++) {
                csv.append(num(Units.toGPa(plan.pressures()[pi]))).append(',').append(num(d[0][k])).append(',')
                        .append(num(d[1][k])).append(',').append(num(d[2][k])).append('\n');
            }
            String at = plan.pressures().length > 1 ? " " + NumberText.of(Units.toGPa(plan.pressures()[pi])) + " GPa" : "";
            series.add(new ErrorBarPlot.Curve("ΔG" + at, d[0], d[1], d[2]));
        }
        if (!any) {
            return false;
        }
        text(dir.resolve("stability.csv"), csv);
        ErrorBarPlot.write(dir.resolve("stability.png"), "G(" + plan.phases().get(1).name() + ") − G("
                + plan.phases().get(0).name() + ")", "temperature (K)", "ΔG (eV/atom)", series);
        return true;
    }

    /** {T, ΔG, σ} on the temperatures both phases have at pressure pi, or null when there are none. */
    private static double[][] difference(EhpRun.Plan plan, List<EhpPoint> points, int pi) {
        List<EhpPoint> a = chain(points, 0, pi);
        List<EhpPoint> b = chain(points, 1, pi);
        int n = Math.min(a.size(), b.size());
        if (n == 0) {
            return null;
        }
        double[] t = new double[n];
        double[] ga = new double[n];
        double[] gb = new double[n];
        double[] ea = new double[n];
        double[] eb = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = a.get(k).temperature();
            ga[k] = a.get(k).gibbsFreeEnergy();
            gb[k] = b.get(k).gibbsFreeEnergy();
            ea[k] = a.get(k).freeEnergyError();
            eb[k] = b.get(k).freeEnergyError();
        }
        return new double[][] {t, PhaseStability.difference(ga, gb), PhaseStability.differenceError(ea, eb)};
    }

    /** One line per crossing temperature (or a line saying which phase is stable throughout). */
    static List<String> crossings(EhpRun.Plan plan, List<EhpPoint> points) {
        List<String> out = new ArrayList<>();
        if (plan.phases().size() != 2) {
            return out;
        }
        String a = plan.phases().get(0).name();
        String b = plan.phases().get(1).name();
        for (int pi = 0; pi < plan.pressures().length; pi++) {
            double[][] d = difference(plan, points, pi);
            if (d == null) {
                continue;
            }
            String at = String.format(Locale.ROOT, " at %s GPa", NumberText.of(Units.toGPa(plan.pressures()[pi])));
            List<PhaseStability.Crossing> cs = PhaseStability.crossings(d[0], d[1], d[2]);
            if (cs.isEmpty()) {
                out.add(String.format(Locale.ROOT, "phase stability%s: %s is stable from %s to %s K (no crossing)", at,
                        d[1][0] > 0 ? a : b, NumberText.of(d[0][0]), NumberText.of(d[0][d[0].length - 1])));
            }
            for (PhaseStability.Crossing c : cs) {
                out.add(String.format(Locale.ROOT, "phase stability%s: %s → %s at T = %.0f ± %.0f K", at,
                        c.below() == 0 ? a : b, c.below() == 0 ? b : a, c.temperature(), c.error()));
            }
        }
        return out;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v) : "nan";
    }

    private static void text(Path file, CharSequence content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
