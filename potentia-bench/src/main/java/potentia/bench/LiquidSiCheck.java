package potentia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import potentia.md.MdSettings;
import potentia.md.MdState;
import potentia.md.MdSystem;
import potentia.md.MolecularDynamics;
import potentia.md.Thermostat;
import potentia.md.Velocities;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * Verification (not a timing): liquid silicon with Stillinger-Weber at 3000 K, simulated by
 * Potentia and by LAMMPS on the same system, must give the same radial distribution function
 * and self-diffusion coefficient within statistical error.
 *
 * <p>System: diamond Si 4×4×4 (512 atoms) at a = 5.26 Å (2.57 g/cm³, liquid silicon's density
 * near melting), 1 fs steps, a 1 Å skin. Protocol on both sides: velocities at 5000 K, 5 ps at
 * 5000 K to melt, 10 ps at 3000 K to equilibrate, then 20 ps at 3000 K sampled every 20 fs;
 * thermostats: global and weak (100 fs), so that both sample the canonical ensemble with nearly
 * Newtonian dynamics and diffusion coefficients are comparable — Potentia's Bussi stochastic
 * velocity rescaling, LAMMPS's Nosé–Hoover chain ({@code fix nvt}; Debian's LAMMPS lacks the
 * EXTRA-FIX package with {@code fix temp/csvr}, its Bussi thermostat).
 *
 * <p>Analysis, applied identically to both trajectories (positions unwrapped): g(r) to 5.2 Å in
 * 0.05 Å bins with the minimum image; the mean-square displacement averaged over atoms and time
 * origins every 200 fs, and D = slope/6 of a straight line fitted to MSD over lags 0.5–2 ps.
 * Errors: the production is cut into 5 blocks of 4 ps, each analysed alone; the spread of the
 * block results gives the standard errors. Agreement: |D_P − D_L| within 3 combined standard
 * errors, and χ²/bin of the g(r) difference (over bins with r ≥ 2 Å) below 3.
 *
 * <p>The RDF and MSD here are this check's own small estimators; they are to be replaced by the
 * analysis package's ({@code potentia.analysis}) once that is merged.
 */
public final class LiquidSiCheck {
    private static final int BLOCKS = 5;
    private static final double BIN = 0.05;
    private static final double R_MAX = 5.2;
    private static final int FRAME_EVERY = 20;

    private LiquidSiCheck() {
    }

    /** One trajectory: unwrapped positions per frame (3N, Å) in a cubic box of edge {@code box}. */
    private record Trajectory(List<double[]> frames, double box, double frameFs) {
    }

    /** Per-block g(r) and D, with their means and standard errors. */
    private record Analysis(double[] radii, double[] rdf, double[] rdfError, double diffusion, double diffusionError) {
    }

    public static void main(String[] args) throws Exception {
        long seed = 2026;
        double production = 20;
        Path keep = null;
        int ranks = 1;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--seed" -> seed = Long.parseLong(args[++a]);
                case "--production-ps" -> production = Double.parseDouble(args[++a]);
                case "--keep" -> keep = Path.of(args[++a]);
                case "--ranks" -> ranks = Integer.parseInt(args[++a]);
                case "-h", "--help" -> {
                    System.out.println("bin/bench liquid-si [--seed 2026] [--production-ps 20] [--ranks 1 (LAMMPS MPI ranks)] "
                            + "[--keep DIR (LAMMPS files)]");
                    return;
                }
                default -> throw new IllegalArgumentException("liquid-si: unknown option '" + args[a] + "'");
            }
        }
        Structure s = Crystals.diamond(Element.Si, 5.26).repeat(4, 4, 4);
        double box = s.cell().get(0, 0);
        int productionSteps = (int) Math.round(production * 1000);
        System.out.printf(Locale.ROOT, "# liquid Si, SW, %d atoms, box %.3f Å, 3000 K; production %.0f ps, frames every %d fs%n",
                s.size(), box, production, FRAME_EVERY);
        long t0 = System.nanoTime();
        Trajectory ours = potentia(s, seed, productionSteps);
        System.out.printf(Locale.ROOT, "# Potentia done in %.0f s%n", (System.nanoTime() - t0) * 1e-9);
        LammpsPeer lammps = LammpsPeer.findOrNull();
        if (lammps == null) {
            throw new IllegalStateException("LAMMPS (lmp) not found: the check needs it");
        }
        t0 = System.nanoTime();
        Trajectory theirs = lammps(lammps, s, seed, productionSteps, keep, ranks);
        System.out.printf(Locale.ROOT, "# LAMMPS done in %.0f s%n", (System.nanoTime() - t0) * 1e-9);
        Analysis a = analyse(ours);
        Analysis b = analyse(theirs);
        double chi2 = 0;
        int bins = 0;
        double worst = 0;
        for (int k = 0; k < a.radii().length; k++) {
            double var = a.rdfError()[k] * a.rdfError()[k] + b.rdfError()[k] * b.rdfError()[k];
            if (a.radii()[k] >= 2.0 && var > 0) {
                double d = a.rdf()[k] - b.rdf()[k];
                chi2 += d * d / var;
                bins++;
                worst = Math.max(worst, Math.abs(d));
            }
        }
        double dErr = Math.hypot(a.diffusionError(), b.diffusionError());
        boolean rdfOk = chi2 / bins < 3;
        boolean dOk = Math.abs(a.diffusion() - b.diffusion()) < 3 * dErr;
        System.out.println();
        System.out.println("| quantity | Potentia | LAMMPS | agreement |");
        System.out.println("|---|---:|---:|---|");
        System.out.printf(Locale.ROOT, "| D (Å²/ps = 1e-8 m²/s) | %.3f ± %.3f | %.3f ± %.3f | %.1f σ %s |%n", a.diffusion(),
                a.diffusionError(), b.diffusion(), b.diffusionError(), Math.abs(a.diffusion() - b.diffusion()) / dErr,
                dOk ? "ok" : "FAIL");
        int peak = argMax(a.rdf());
        System.out.printf(Locale.ROOT, "| first g(r) peak | %.3f at %.3f Å | %.3f at %.3f Å | |%n", a.rdf()[peak],
                a.radii()[peak], b.rdf()[argMax(b.rdf())], b.radii()[argMax(b.rdf())]);
        System.out.printf(Locale.ROOT, "| g(r), r ≥ 2 Å | | | χ²/bin %.2f over %d bins, max |Δg| %.3f %s |%n",
                chi2 / bins, bins, worst, rdfOk ? "ok" : "FAIL");
        if (keep != null) {
            writeTable(keep.resolve("rdf.csv"), a, b);
        }
        if (!(rdfOk && dOk)) {
            System.exit(1);
        }
    }

    private static Trajectory potentia(Structure s, long seed, int productionSteps) {
        StillingerWeber sw = StillingerWeber.silicon().withThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
        MdSystem system = MdSystem.of(s);
        MdState state = MolecularDynamics.initialState(s, Velocities.maxwellBoltzmann(system, 5000, seed));
        state = stage(sw, system, state, new Thermostat.Bussi(5000, 100), seed, 5000, null);
        state = stage(sw, system, state, new Thermostat.Bussi(3000, 100), seed + 1, 10_000, null);
        List<double[]> frames = new ArrayList<>();
        stage(sw, system, state, new Thermostat.Bussi(3000, 100), seed + 2, productionSteps, frames);
        return new Trajectory(frames, s.cell().get(0, 0), FRAME_EVERY);
    }

    private static MdState stage(StillingerWeber sw, MdSystem system, MdState start, Thermostat t, long seed, int steps,
            List<double[]> frames) {
        MdSettings settings = MdSettings.nve(1.0, seed).withThermostat(t).withSkin(1.0);
        MolecularDynamics md = MolecularDynamics.create(sw, system, settings, start, sw.threads());
        if (frames != null) {
            frames.add(md.state().positions());
            md.observe(FRAME_EVERY, smp -> frames.add(smp.state().positions()));
        }
        md.run(steps);
        MdState end = md.state();
        // the next stage counts its steps from 0 again
        return new MdState(0, 0, end.positions(), end.velocities(), end.cell(), 0);
    }

    private static Trajectory lammps(LammpsPeer lammps, Structure s, long seed, int productionSteps, Path keep,
            int ranks) throws IOException, InterruptedException {
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("potentia-liquid-si");
        long ls = Math.max(1, Math.abs(seed) % 900_000_000);
        lammps.runIn(dir, s, List.of(
                "pair_style sw",
                "pair_coeff * * /usr/share/lammps/potentials/Si.sw Si",
                "neighbor 1.0 bin",
                "neigh_modify every 1 delay 0 check yes",
                "timestep 0.001",
                "velocity all create 5000 " + ls + " dist gaussian mom yes rot no",
                "fix 1 all nvt temp 5000 5000 0.1",
                "thermo 1000",
                "run 5000",
                "unfix 1",
                "fix 1 all nvt temp 3000 3000 0.1",
                "run 10000",
                "reset_timestep 0",
                "dump 1 all custom " + FRAME_EVERY + " traj.dump id xu yu zu",
                "dump_modify 1 sort id format float %.10g",
                "run " + productionSteps), ranks);
        List<double[]> frames = readDump(dir.resolve("traj.dump"), s.size());
        if (keep == null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return new Trajectory(frames, s.cell().get(0, 0), FRAME_EVERY);
    }

    /** Frames of a LAMMPS custom dump with columns id xu yu zu, sorted by id. */
    private static List<double[]> readDump(Path dump, int atoms) throws IOException {
        List<String> lines = Files.readAllLines(dump);
        List<double[]> frames = new ArrayList<>();
        int k = 0;
        while (k < lines.size()) {
            if (!lines.get(k).startsWith("ITEM: TIMESTEP")) {
                k++;
                continue;
            }
            while (!lines.get(k).startsWith("ITEM: ATOMS")) {
                k++;
            }
            double[] x = new double[3 * atoms];
            for (int i = 0; i < atoms; i++) {
                String[] f = lines.get(k + 1 + i).trim().split("\\s+");
                int id = Integer.parseInt(f[0]) - 1;
                for (int c = 0; c < 3; c++) {
                    x[3 * id + c] = Double.parseDouble(f[1 + c]);
                }
            }
            frames.add(x);
            k += atoms + 1;
        }
        return frames;
    }

    private static Analysis analyse(Trajectory t) {
        int perBlock = (t.frames().size() - 1) / BLOCKS;
        int bins = (int) Math.round(R_MAX / BIN);
        double[][] rdf = new double[BLOCKS][];
        double[] d = new double[BLOCKS];
        for (int b = 0; b < BLOCKS; b++) {
            List<double[]> block = t.frames().subList(b * perBlock, (b + 1) * perBlock + 1);
            rdf[b] = rdf(block, t.box(), bins);
            d[b] = diffusion(block, t.frameFs());
        }
        double[] radii = new double[bins];
        double[] mean = new double[bins];
        double[] error = new double[bins];
        for (int k = 0; k < bins; k++) {
            radii[k] = (k + 0.5) * BIN;
            double[] column = new double[BLOCKS];
            for (int b = 0; b < BLOCKS; b++) {
                column[b] = rdf[b][k];
            }
            mean[k] = mean(column);
            error[k] = Math.sqrt(variance(column) / BLOCKS);
        }
        return new Analysis(radii, mean, error, mean(d), Math.sqrt(variance(d) / BLOCKS));
    }

    /** g(r) of the frames with the minimum image in a cubic box. */
    private static double[] rdf(List<double[]> frames, double box, int bins) {
        double[] hist = new double[bins];
        int n = frames.get(0).length / 3;
        for (double[] x : frames) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double r2 = 0;
                    for (int c = 0; c < 3; c++) {
                        double dx = x[3 * j + c] - x[3 * i + c];
                        dx -= box * Math.rint(dx / box);
                        r2 += dx * dx;
                    }
                    int bin = (int) (Math.sqrt(r2) / BIN);
                    if (bin < bins) {
                        hist[bin] += 2;
                    }
                }
            }
        }
        double density = n / (box * box * box);
        double[] g = new double[bins];
        for (int k = 0; k < bins; k++) {
            double shell = 4.0 / 3 * Math.PI * (Math.pow((k + 1) * BIN, 3) - Math.pow(k * BIN, 3));
            g[k] = hist[k] / (frames.size() * n * density * shell);
        }
        return g;
    }

    /** D = slope/6 of the MSD (origins every 200 fs) fitted over lags 0.5–2 ps, Å²/ps. */
    private static double diffusion(List<double[]> frames, double frameFs) {
        int originEvery = (int) Math.round(200 / frameFs);
        int fromLag = (int) Math.round(500 / frameFs);
        int toLag = (int) Math.round(2000 / frameFs);
        int n = frames.get(0).length / 3;
        List<Double> lags = new ArrayList<>();
        List<Double> msd = new ArrayList<>();
        for (int lag = fromLag; lag <= toLag; lag++) {
            double sum = 0;
            int count = 0;
            for (int o = 0; o + lag < frames.size(); o += originEvery) {
                double[] a = frames.get(o);
                double[] b = frames.get(o + lag);
                for (int k = 0; k < 3 * n; k++) {
                    double dx = b[k] - a[k];
                    sum += dx * dx;
                }
                count += n;
            }
            if (count > 0) {
                lags.add(lag * frameFs / 1000);
                msd.add(sum / count);
            }
        }
        double mx = lags.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double my = msd.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int k = 0; k < lags.size(); k++) {
            sxy += (lags.get(k) - mx) * (msd.get(k) - my);
            sxx += (lags.get(k) - mx) * (lags.get(k) - mx);
        }
        return sxy / sxx / 6;
    }

    private static void writeTable(Path file, Analysis a, Analysis b) throws IOException {
        StringBuilder sb = new StringBuilder("r_A,g_potentia,err_potentia,g_lammps,err_lammps\n");
        for (int k = 0; k < a.radii().length; k++) {
            sb.append(String.format(Locale.ROOT, "%.3f,%.5f,%.5f,%.5f,%.5f%n", a.radii()[k], a.rdf()[k], a.rdfError()[k],
                    b.rdf()[k], b.rdfError()[k]));
        }
        Files.writeString(file, sb.toString());
    }

    private static int argMax(double[] a) {
        int best = 0;
        for (int k = 1; k < a.length; k++) {
            if (a[k] > a[best]) {
                best = k;
            }
        }
        return best;
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s / a.length;
    }

    private static double variance(double[] a) {
        double m = mean(a);
        double s = 0;
        for (double x : a) {
            s += (x - m) * (x - m);
        }
        return s / (a.length - 1);
    }
}
