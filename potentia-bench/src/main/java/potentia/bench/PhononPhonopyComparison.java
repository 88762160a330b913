package potentia.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import potentia.phonon.BandPath;
import potentia.phonon.BandStructure;
import potentia.phonon.HarmonicPhonons;
import potentia.phonon.HarmonicThermo;
import potentia.phonon.PhononDos;
import potentia.phonon.Supercell;
import potentia.phonon.SupercellSymmetry;
import potentia.phonon.ThermalProperties;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * The harmonic step of SW Si, Potentia against phonopy, in one run ({@code bin/bench phonons
 * phonopy}): for n×n×n conventional supercells, the same work on both sides — supercell and
 * symmetry, displacements (Potentia ±h on each primitive atom and axis, 12 evaluations for Si;
 * phonopy by site symmetry, 1), the force evaluations (SW from Potentia on both sides, timed
 * apart), force constants (Potentia: with projection and space-group averaging; phonopy:
 * {@code produce_force_constants}), a band structure on Γ–X–U|K–Γ–L (51 points per segment), and
 * on a 20³ Monkhorst–Pack mesh the DOS (Gaussian, 0.1 THz, 1001 points) and the thermodynamics at
 * 0–1000 K. Everything single-threaded (OMP_NUM_THREADS=1 for phonopy); best of 3 after a
 * warm-up on both sides. Prints markdown tables and checks that F(300 K) agrees to 10⁻⁴ eV/atom.
 */
final class PhononPhonopyComparison {
    private static final double DISPLACEMENT = 0.01;
    private static final int POINTS_PER_SEGMENT = 51;
    private static final int MESH = 20;
    private static final double SIGMA = 0.1;
    private static final int DOS_POINTS = 1001;
    private static final int REPEATS = 4;
    private static final double F_TOLERANCE = 1e-4;

    private PhononPhonopyComparison() {
    }

    /** Potentia's best-of times, s, and what it computed. */
    private record Ours(double setup, double forces, double forceConstants, double bands, double meshDosThermal,
            double mesh, double dos, double thermo, int evaluations, double[][] bandFrequencies, ThermalProperties thermal) {
        double total() {
            return setup + forces + forceConstants + bands + meshDosThermal;
        }
    }

    static void run(int largest) {
        String missing = PhonopyPeer.unavailableReason();
        if (missing != null) {
            System.out.println("# phonopy comparison skipped: " + missing);
            return;
        }
        double[] temperatures = new double[101];
        for (int i = 0; i < temperatures.length; i++) {
            temperatures[i] = 10 * i;
        }
        int at300 = 30;
        StillingerWeber sw = StillingerWeber.silicon();
        Structure si = Crystals.diamond(Element.Si, 5.431);
        // JIT warm-up of the whole Potentia path (its first runs would otherwise be timed cold).
        potentia(sw, si, 2, temperatures);
        List<String> timeRows = new ArrayList<>();
        List<String> splitRows = new ArrayList<>();
        List<String> checkRows = new ArrayList<>();
        boolean allAgree = true;
        String version = "?";
        for (int n = 2; n <= largest; n++) {
            Ours ours = potentia(sw, si, n, temperatures);
            Supercell sc = Supercell.of(si, n, n, n);
            BandPath path = BandPath.standard(sc.primitive()).orElseThrow();
            List<double[]> q = path.sample(POINTS_PER_SEGMENT);
            List<List<double[]>> segments = new ArrayList<>();
            for (int i = 0; i < q.size(); i += POINTS_PER_SEGMENT) {
                segments.add(q.subList(i, i + POINTS_PER_SEGMENT));
            }
            PhonopyPeer.Timing theirs;
            Path dir = null;
            try {
                dir = Files.createTempDirectory("potentia-phonopy-");
                theirs = PhonopyPeer.run(dir, sw, sc, DISPLACEMENT, segments, MESH, SIGMA, DOS_POINTS, temperatures,
                        REPEATS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                delete(dir);
            }
            version = theirs.version();
            String size = n + "×" + n + "×" + n;
            int atoms = sc.size();
            timeRows.add(String.format(Locale.ROOT, "| %s | %d | Potentia | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |",
                    size, atoms, ours.evaluations(), ms(ours.setup()), ms(ours.forces()), ms(ours.forceConstants()),
                    ms(ours.bands()), ms(ours.meshDosThermal()), ms(ours.total() - ours.forces()), ms(ours.total())));
            timeRows.add(String.format(Locale.ROOT, "| %s | %d | phonopy | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |",
                    size, atoms, theirs.evaluations(), ms(theirs.setup() + theirs.displace()), ms(theirs.forces()),
                    ms(theirs.forceConstants()), ms(theirs.bands()), ms(theirs.meshDosThermal()), ms(theirs.own()),
                    ms(theirs.own() + theirs.forces())));
            splitRows.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |", size, ms(ours.mesh()),
                    ms(ours.dos()), ms(ours.thermo()), ms(theirs.setup()), ms(theirs.displace())));
            double worst = 0;
            for (int i = 0; i < ours.bandFrequencies().length; i++) {
                for (int b = 0; b < ours.bandFrequencies()[i].length; b++) {
                    worst = Math.max(worst, Math.abs(ours.bandFrequencies()[i][b] - theirs.bandFrequencies()[i][b]));
                }
            }
            if (Math.abs(theirs.temperature()[at300] - 300) > 1e-9) {
                throw new IllegalStateException("phonopy's temperature list differs: " + theirs.temperature()[at300]);
            }
            double fOurs = ours.thermal().freeEnergy()[at300];
            double fTheirs = theirs.freeEnergy()[at300];
            boolean agree = Math.abs(fOurs - fTheirs) <= F_TOLERANCE;
            allAgree &= agree;
            checkRows.add(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.6f | %.6f | %.1e | %s | %.2e | %.0f |",
                    size, ours.total() / (theirs.own() + theirs.forces()),
                    (ours.total() - ours.forces()) / theirs.own(), fOurs, fTheirs, Math.abs(fOurs - fTheirs),
                    agree ? "yes" : "NO", worst, ms(theirs.imports())));
        }
        System.out.printf(Locale.ROOT, "# harmonic step, SW Si, Potentia vs phonopy %s (single-threaded, best of %d after a"
                + " warm-up; h = %.2f Å; bands Γ–X–U|K–Γ–L %d points/segment; %d³ mesh, DOS σ = %.1f THz %d points, "
                + "F/S/Cv at 0–1000 K step 10 K)%n", version, REPEATS - 1, DISPLACEMENT, POINTS_PER_SEGMENT, MESH, SIGMA,
                DOS_POINTS);
        System.out.println("| supercell | atoms | code | force evaluations | setup + displacements (ms) | forces (ms) "
                + "| force constants (ms) | bands (ms) | mesh + DOS + thermo (ms) | total without forces (ms) | total (ms) |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        timeRows.forEach(System.out::println);
        System.out.println();
        System.out.println("| supercell | Potentia/phonopy total | Potentia/phonopy without forces | F(300 K) Potentia "
                + "(eV/atom) | F(300 K) phonopy (eV/atom) | abs. difference | within 1e-4 | max abs Δν on the path (THz) "
                + "| phonopy import (ms, not in totals) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|---:|---:|");
        checkRows.forEach(System.out::println);
        System.out.println();
        System.out.println("| supercell | Potentia: mesh frequencies (ms, 8000 points) | DOS (ms) | thermo (ms) "
                + "| phonopy: Phonopy(...) (ms) | generate_displacements (ms) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        splitRows.forEach(System.out::println);
        System.out.println(allAgree ? "# F(300 K) agrees with phonopy to 1e-4 eV/atom for every supercell"
                : "# WARNING: F(300 K) differs from phonopy's by more than 1e-4 eV/atom (see table)");
    }

    private static Ours potentia(StillingerWeber sw, Structure si, int n, double[] temperatures) {
        TimedPotential timed = new TimedPotential(sw);
        double[] best = new double[8];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        int evaluations = 0;
        BandStructure bands = null;
        ThermalProperties thermal = null;
        for (int rep = 0; rep < REPEATS; rep++) {
            long t0 = System.nanoTime();
            Supercell sc = Supercell.of(si, n, n, n);
            SupercellSymmetry symmetry = SupercellSymmetry.of(sc);
            long t1 = System.nanoTime();
            long forces0 = timed.nanos();
            int calls0 = timed.calls();
            // One displaced supercell at a time, so the summed evaluation time is wall time.
            HarmonicPhonons phonons = HarmonicPhonons.compute(timed, sc, DISPLACEMENT, symmetry, 1);
            long t2 = System.nanoTime();
            long forces = timed.nanos() - forces0;
            evaluations = timed.calls() - calls0;
            bands = phonons.bands(BandPath.standard(sc.primitive()).orElseThrow(), POINTS_PER_SEGMENT);
            long t3 = System.nanoTime();
            double[][] nu = phonons.meshFrequencies(MESH, MESH, MESH);
            long t3a = System.nanoTime();
            PhononDos.gaussian(nu, sc.primitiveSize(), SIGMA, DOS_POINTS);
            long t3b = System.nanoTime();
            thermal = HarmonicThermo.of(nu, sc.primitiveSize(), temperatures, HarmonicThermo.DEFAULT_CUTOFF);
            long t4 = System.nanoTime();
            if (rep > 0) {
                double[] now = {(t1 - t0) * 1e-9, forces * 1e-9, (t2 - t1 - forces) * 1e-9, (t3 - t2) * 1e-9,
                    (t4 - t3) * 1e-9, (t3a - t3) * 1e-9, (t3b - t3a) * 1e-9, (t4 - t3b) * 1e-9};
                for (int k = 0; k < best.length; k++) {
                    best[k] = Math.min(best[k], now[k]);
                }
            }
        }
        return new Ours(best[0], best[1], best[2], best[3], best[4], best[5], best[6], best[7], evaluations, bands.frequencies(), thermal);
    }

    private static double ms(double seconds) {
        return seconds * 1e3;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("warning: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
