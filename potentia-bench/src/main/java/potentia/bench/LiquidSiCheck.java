package potentia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import potentia.analysis.Diffusion;
import potentia.analysis.MeanSquareDisplacement;
import potentia.analysis.RadialDistribution;
import potentia.analysis.Rdf;
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
 * <p>Analysis, applied identically to both trajectories with the project's estimators
 * ({@code potentia.analysis}): the production (1001 frames) is cut into {@value #BLOCKS}
 * consecutive blocks of 200 frames (4 ps, twice the MSD fit window's end and about ten times the
 * ≈ 0.4 ps an atom takes to diffuse its own diameter, r²/6D with r = 2.4 Å and D ≈ 2.2 Å²/ps, so
 * the blocks are nearly independent). g(r) to 5.2 Å in 0.05 Å bins by {@link RadialDistribution}
 * (LAMMPS's {@code compute rdf} normalisation) in each block; the mean over blocks is the g(r) and
 * sd/√B its standard error per bin. The mean-square displacement
 * and D by {@link MeanSquareDisplacement} with its defaults: every frame a time origin, D = slope/6
 * of a straight line fitted to the MSD over 10–50 % of a block (0.4–2 ps), from the whole
 * production, and its standard error from the spread of the same fit in the same {@value #BLOCKS}
 * blocks. Positions are unwrapped on both sides — Potentia's dynamics never wraps, and LAMMPS
 * dumps {@code xu yu zu} (unwrapped with its image flags) — and {@link MeanSquareDisplacement#of}
 * passes them through {@link potentia.analysis.Unwrapping}, which should find no cell crossings
 * to undo (the count is printed; wrapped input would be unwrapped, not misread).
 * Agreement: |D_P − D_L| within 3 combined standard errors, and χ²/bin of the g(r) difference
 * (over bins with r ≥ 2 Å, each bin's variance the sum of the two block variances) below 3. With
 * variances estimated from 5 blocks (4 degrees of freedom each) the expected χ²/bin of two equal
 * samplers is about 1.3 rather than 1, and neighbouring bins are correlated; 3 leaves room for
 * both while a shifted or rescaled g(r) (many σ per bin near the peak) still fails.
 */
public final class LiquidSiCheck {
    private static final int BLOCKS = 5;
    private static final double BIN = 0.05;
    private static final double R_MAX = 5.2;
    private static final int FRAME_EVERY = 20;

    private LiquidSiCheck() {
    }

    /** One trajectory: frames with unwrapped positions, {@code frameFs} apart. */
    private record Trajectory(List<Structure> frames, double frameFs) {
    }

    /**
     * g(r) (mean over blocks and its standard error per bin) and the MSD result.
     *
     * @param rdfError sd/√B of the block g(r), per bin
     */
    private record Analysis(double[] radii, double[] rdf, double[] rdfError, MeanSquareDisplacement.Result msd) {
        Diffusion diffusion() {
            return msd.allDiffusion();
        }
    }

    /**
     * The protocol's lengths, in 1 fs steps; the benchmark's default is 5 + 10 + 20 ps.
     *
     * @param ranks LAMMPS MPI ranks
     * @param keep  directory for LAMMPS's files, rdf.csv and msd.csv, or null
     */
    public record Protocol(long seed, int meltSteps, int equilibrateSteps, int productionSteps, int ranks, Path keep) {
        public Protocol {
            if (productionSteps < BLOCKS * 10 * FRAME_EVERY) {
                throw new IllegalArgumentException("production too short for " + BLOCKS + " blocks of 10 frames");
            }
        }

        public static Protocol standard() {
            return new Protocol(2026, 5000, 10_000, 20_000, 1, null);
        }
    }

    /** Both codes' results and whether they agree (D within 3 combined standard errors, g(r) χ²/bin < 3). */
    public record Verdict(Diffusion potentia, Diffusion lammps, double sigmas, double rdfChi2PerBin, int rdfBins,
            double rdfWorst, boolean diffusionAgrees, boolean rdfAgrees) {
        public boolean agrees() {
            return diffusionAgrees && rdfAgrees;
        }
    }

    public static void main(String[] args) throws Exception {
        Protocol p = Protocol.standard();
        double production = p.productionSteps() / 1000.0;
        Path keep = null;
        int ranks = p.ranks();
        long seed = p.seed();
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--seed" -> seed = Long.parseLong(args[++a]);
                case "--production-ps" -> production = Double.parseDouble(args[++a]);
                case "--keep" -> keep = Path.of(args[++a]);
                case "--ranks" -> ranks = Integer.parseInt(args[++a]);
                case "-h", "--help" -> {
                    System.out.println("bin/bench liquid-si [--seed 2026] [--production-ps 20] [--ranks 1 (LAMMPS MPI ranks)] "
                            + "[--keep DIR (LAMMPS files, rdf.csv, msd.csv)]");
                    return;
                }
                default -> throw new IllegalArgumentException("liquid-si: unknown option '" + args[a] + "'");
            }
        }
        Verdict v = check(new Protocol(seed, p.meltSteps(), p.equilibrateSteps(), (int) Math.round(production * 1000),
                ranks, keep), System.out);
        if (!v.agrees()) {
            System.exit(1);
        }
    }

    /**
     * Runs both codes with protocol {@code p} and compares them, printing progress and the table
     * to {@code out}.
     *
     * @throws IllegalStateException if LAMMPS is not installed or the production is too short for error bars
     */
    public static Verdict check(Protocol p, java.io.PrintStream out) throws IOException, InterruptedException {
        Structure s = Crystals.diamond(Element.Si, 5.26).repeat(4, 4, 4);
        double box = s.cell().get(0, 0);
        out.printf(Locale.ROOT, "# liquid Si, SW, %d atoms, box %.3f Å, 3000 K; melt %.1f ps, equilibrate %.1f ps, "
                + "production %.1f ps, frames every %d fs%n", s.size(), box, p.meltSteps() / 1e3,
                p.equilibrateSteps() / 1e3, p.productionSteps() / 1e3, FRAME_EVERY);
        LammpsPeer lammps = LammpsPeer.findOrNull();
        if (lammps == null) {
            throw new IllegalStateException("LAMMPS (lmp) not found: the check needs it");
        }
        long t0 = System.nanoTime();
        Trajectory ours = potentia(s, p);
        out.printf(Locale.ROOT, "# Potentia done in %.0f s%n", (System.nanoTime() - t0) * 1e-9);
        t0 = System.nanoTime();
        Trajectory theirs = lammps(lammps, s, p);
        out.printf(Locale.ROOT, "# LAMMPS done in %.0f s%n", (System.nanoTime() - t0) * 1e-9);
        if (theirs.frames().size() != ours.frames().size()) {
            throw new IllegalStateException("LAMMPS wrote " + theirs.frames().size() + " frames, Potentia "
                    + ours.frames().size());
        }
        Analysis a = analyse(ours);
        Analysis b = analyse(theirs);
        Diffusion da = a.diffusion();
        Diffusion db = b.diffusion();
        out.printf(Locale.ROOT, "# MSD: fit %.2f–%.2f ps, errors from %d blocks (g(r) the same blocks); "
                + "cell crossings undone: Potentia %d, LAMMPS %d%n", da.windowStart() / 1e3, da.windowEnd() / 1e3,
                da.blocks(), a.msd().crossings(), b.msd().crossings());
        if (da.blocks() < 2 || db.blocks() < 2) {
            throw new IllegalStateException("no error estimate for D (" + da.note() + "): lengthen the production");
        }
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
        double dErr = Math.hypot(da.errorInAngstrom2PerPs(), db.errorInAngstrom2PerPs());
        double dDiff = Math.abs(da.inAngstrom2PerPs() - db.inAngstrom2PerPs());
        boolean rdfOk = chi2 / bins < 3;
        boolean dOk = dDiff < 3 * dErr;
        out.println();
        out.println("| quantity | Potentia | LAMMPS | agreement |");
        out.println("|---|---:|---:|---|");
        out.printf(Locale.ROOT, "| D (Å²/ps = 1e-8 m²/s) | %.3f ± %.3f | %.3f ± %.3f | %.1f σ %s |%n",
                da.inAngstrom2PerPs(), da.errorInAngstrom2PerPs(), db.inAngstrom2PerPs(), db.errorInAngstrom2PerPs(),
                dDiff / dErr, dOk ? "ok" : "FAIL");
        int peakA = argMax(a.rdf());
        int peakB = argMax(b.rdf());
        out.printf(Locale.ROOT, "| first g(r) peak | %.3f ± %.3f at %.3f Å | %.3f ± %.3f at %.3f Å | |%n",
                a.rdf()[peakA], a.rdfError()[peakA], a.radii()[peakA], b.rdf()[peakB], b.rdfError()[peakB],
                b.radii()[peakB]);
        out.printf(Locale.ROOT, "| g(r), r ≥ 2 Å | | | χ²/bin %.2f over %d bins, max |Δg| %.3f %s |%n",
                chi2 / bins, bins, worst, rdfOk ? "ok" : "FAIL");
        out.println();
        out.println(rdfOk && dOk ? "verdict: AGREE (D within 3σ, g(r) χ²/bin < 3)"
                : "verdict: DISAGREE" + (dOk ? "" : " (D)") + (rdfOk ? "" : " (g(r))"));
        if (p.keep() != null) {
            writeRdf(p.keep().resolve("rdf.csv"), a, b);
            writeMsd(p.keep().resolve("msd.csv"), a.msd(), b.msd());
        }
        return new Verdict(da, db, dDiff / dErr, chi2 / bins, bins, worst, dOk, rdfOk);
    }

    private static Trajectory potentia(Structure s, Protocol p) {
        long seed = p.seed();
        StillingerWeber sw = StillingerWeber.silicon().withThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
        MdSystem system = MdSystem.of(s);
        MdState state = MolecularDynamics.initialState(s, Velocities.maxwellBoltzmann(system, 5000, seed));
        state = stage(sw, system, state, new Thermostat.Bussi(5000, 100), seed, p.meltSteps(), null);
        state = stage(sw, system, state, new Thermostat.Bussi(3000, 100), seed + 1, p.equilibrateSteps(), null);
        List<double[]> positions = new ArrayList<>();
        stage(sw, system, state, new Thermostat.Bussi(3000, 100), seed + 2, p.productionSteps(), positions);
        return new Trajectory(frames(s, positions), FRAME_EVERY);
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

    /** The structure {@code s} with each frame's positions (3N, Å, not modified). */
    private static List<Structure> frames(Structure s, List<double[]> positions) {
        List<Structure> frames = new ArrayList<>(positions.size());
        for (double[] x : positions) {
            frames.add(s.withPositions(x));
        }
        return frames;
    }

    private static Trajectory lammps(LammpsPeer lammps, Structure s, Protocol p) throws IOException, InterruptedException {
        Path keep = p.keep();
        long seed = p.seed();
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
                "run " + p.meltSteps(),
                "unfix 1",
                "fix 1 all nvt temp 3000 3000 0.1",
                "run " + p.equilibrateSteps(),
                "reset_timestep 0",
                "dump 1 all custom " + FRAME_EVERY + " traj.dump id xu yu zu",
                "dump_modify 1 sort id format float %.10g",
                "run " + p.productionSteps()), p.ranks());
        List<double[]> positions = readDump(dir.resolve("traj.dump"), s.size());
        if (keep == null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return new Trajectory(frames(s, positions), FRAME_EVERY);
    }

    /** Frames of a LAMMPS custom dump with columns id xu yu zu (unwrapped positions, Å), by id. */
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
            if (!lines.get(k).trim().equals("ITEM: ATOMS id xu yu zu")) {
                throw new IOException(dump + ", line " + (k + 1) + ": expected columns 'id xu yu zu', got '"
                        + lines.get(k) + "'");
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

    /**
     * g(r) per block of consecutive frames (the blocks {@link MeanSquareDisplacement} uses with
     * its default window: B blocks of ⌊T/B⌋ frames, the remainder dropped), their mean and
     * standard error; the MSD and D of the whole trajectory.
     */
    private static Analysis analyse(Trajectory t) {
        List<Structure> frames = t.frames();
        int perBlock = frames.size() / BLOCKS;
        int bins = (int) Math.round(R_MAX / BIN);
        double[][] rdf = new double[BLOCKS][];
        double[] radii = null;
        for (int b = 0; b < BLOCKS; b++) {
            Rdf block = RadialDistribution.of(frames.subList(b * perBlock, (b + 1) * perBlock), R_MAX, bins);
            rdf[b] = block.total();
            radii = block.r();
        }
        double[] mean = new double[bins];
        double[] error = new double[bins];
        for (int k = 0; k < bins; k++) {
            double[] column = new double[BLOCKS];
            for (int b = 0; b < BLOCKS; b++) {
                column[b] = rdf[b][k];
            }
            mean[k] = mean(column);
            error[k] = Math.sqrt(variance(column) / BLOCKS);
        }
        MeanSquareDisplacement.Options options = new MeanSquareDisplacement.Options(Double.NaN, Double.NaN, BLOCKS, false);
        return new Analysis(radii, mean, error, MeanSquareDisplacement.of(frames, t.frameFs(), options));
    }

    private static void writeRdf(Path file, Analysis a, Analysis b) throws IOException {
        StringBuilder sb = new StringBuilder("r_A,g_potentia,err_potentia,g_lammps,err_lammps\n");
        for (int k = 0; k < a.radii().length; k++) {
            sb.append(String.format(Locale.ROOT, "%.3f,%.5f,%.5f,%.5f,%.5f%n", a.radii()[k], a.rdf()[k], a.rdfError()[k],
                    b.rdf()[k], b.rdfError()[k]));
        }
        Files.writeString(file, sb.toString());
    }

    private static void writeMsd(Path file, MeanSquareDisplacement.Result a, MeanSquareDisplacement.Result b)
            throws IOException {
        StringBuilder sb = new StringBuilder("t_ps,msd_potentia_A2,msd_lammps_A2\n");
        for (int k = 0; k < a.time().length; k++) {
            sb.append(String.format(Locale.ROOT, "%.3f,%.5f,%.5f%n", a.time()[k] / 1e3, a.all()[k], b.all()[k]));
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
