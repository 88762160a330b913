package potentia.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import potentia.phonon.Supercell;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * Runs phonopy (Debian's python3-phonopy through {@code /usr/bin/python3}) as the peer of the
 * harmonic-phonon benchmark: writes {@code phonopy_harmonic.py} (a resource) to a directory,
 * lets phonopy choose its displaced supercells (site symmetry), computes their forces with the
 * given potential here (timed separately, best of several), hands them back, and reads the
 * times phonopy reports for its own parts (interpreter start and imports excluded and reported
 * apart), its band frequencies and its free energy.
 */
public final class PhonopyPeer {
    static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = "phonopy_harmonic.py";

    private PhonopyPeer() {
    }

    /**
     * Null if phonopy runs here, else why not (one line): no /usr/bin/python3, or it cannot
     * import phonopy.
     */
    public static String unavailableReason() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " not found";
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import phonopy").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "'" + PYTHON + " -c \"import phonopy\"' did not finish in 120 s";
            }
            if (p.exitValue() != 0) {
                String[] lines = out.split("\n");
                return PYTHON + " cannot import phonopy (" + lines[lines.length - 1] + ")";
            }
            return null;
        } catch (IOException e) {
            return PYTHON + " does not run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Best-of-repeats times after the first (seconds) of phonopy's parts and what it computed.
     *
     * @param setup {@code Phonopy(...)}: supercell, primitive cell, symmetry search
     * @param displace {@code generate_displacements}
     * @param forceConstants {@code produce_force_constants}
     * @param bands {@code run_band_structure}
     * @param meshDosThermal {@code run_mesh}, {@code run_total_dos}, {@code run_thermal_properties}
     * @param forces this process's force evaluations of phonopy's displaced supercells
     * @param imports seconds for Python to import numpy and phonopy (not in the other times)
     * @param evaluations displaced supercells phonopy asked for
     * @param bandFrequencies {@code [q-point][band]}, THz
     * @param temperature K
     * @param freeEnergy F, eV/atom
     */
    public record Timing(double setup, double displace, double forceConstants, double bands, double meshDosThermal,
            double forces, double imports, int evaluations, double[][] bandFrequencies, double[] temperature,
            double[] freeEnergy, String version) {
        /** phonopy's own parts, without force evaluations, s. */
        public double own() {
            return setup + displace + forceConstants + bands + meshDosThermal;
        }
    }

    /**
     * Runs phonopy's harmonic step {@code repeats} times in one Python process (single-threaded:
     * OMP_NUM_THREADS=1) and times this process's force evaluations of its supercells
     * {@code repeats} times too.
     *
     * @param segments band-path segments, each a list of Cartesian wave vectors in Å⁻¹ (with 2π)
     * @param temperatures K (not modified)
     */
    public static Timing run(Path dir, Potential potential, Supercell supercell, double distance,
            List<List<double[]>> segments, int mesh, double sigma, int dosPoints, double[] temperatures, int repeats)
            throws IOException, InterruptedException {
        Path script = dir.resolve(SCRIPT);
        try (InputStream in = PhonopyPeer.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource potentia/bench/" + SCRIPT);
            }
            Files.write(script, in.readAllBytes());
        }
        Files.writeString(dir.resolve("in.json"), input(supercell, distance, segments, mesh, sigma, dosPoints,
                temperatures), StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(PYTHON, script.toString(), dir.toString(), Integer.toString(repeats));
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        List<String> log = new ArrayList<>();
        double forceSeconds;
        int count;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                Writer toPython = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            String line = readUntil(out, "displaced ", log);
            if (line == null) {
                throw failed(p, log);
            }
            count = Integer.parseInt(line.substring("displaced ".length()).trim());
            List<Structure> cells = displaced(dir, count);
            double best = Double.POSITIVE_INFINITY;
            List<double[]> forces = null;
            for (int rep = 0; rep < repeats; rep++) {
                long t0 = System.nanoTime();
                List<double[]> f = new ArrayList<>();
                for (Structure s : cells) {
                    f.add(potential.compute(s, Set.of(Property.FORCES)).forces());
                }
                if (rep > 0 || repeats == 1) {
                    best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
                }
                forces = f;
            }
            forceSeconds = best;
            for (int k = 0; k < count; k++) {
                double[] f = forces.get(k);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < f.length / 3; i++) {
                    sb.append(String.format(Locale.ROOT, "%.17g %.17g %.17g%n", f[3 * i], f[3 * i + 1], f[3 * i + 2]));
                }
                Files.writeString(dir.resolve("forces_" + k + ".txt"), sb);
            }
            toPython.write("forces\n");
            toPython.flush();
            if (readUntil(out, "done", log) == null) {
                throw failed(p, log);
            }
        }
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw failed(p, log);
        }
        double[][] times = read(dir.resolve("timing.txt"));
        double[] best = new double[5];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        // The first repeat is the warm-up (caches, lazy imports), as on the Java side.
        for (int r = times.length > 1 ? 1 : 0; r < times.length; r++) {
            for (int k = 0; k < 5; k++) {
                best[k] = Math.min(best[k], times[r][k]);
            }
        }
        double[][] thermal = read(dir.resolve("thermal.txt"));
        double[] t = new double[thermal.length];
        double[] f = new double[thermal.length];
        for (int i = 0; i < thermal.length; i++) {
            t[i] = thermal[i][0];
            f[i] = thermal[i][1];
        }
        return new Timing(best[0], best[1], best[2], best[3], best[4], forceSeconds,
                read(dir.resolve("import.txt"))[0][0], count, read(dir.resolve("bands.txt")), t, f,
                Files.readString(dir.resolve("version.txt")).trim());
    }

    private static String input(Supercell supercell, double distance, List<List<double[]>> segments, int mesh,
            double sigma, int dosPoints, double[] temperatures) {
        Structure unit = supercell.unit();
        int[] rep = supercell.repeats();
        StringBuilder json = new StringBuilder("{\"lattice\": ").append(rows(unit.cell().matrix()));
        json.append(", \"positions\": ").append(rows(unit.positions()));
        json.append(", \"symbols\": [");
        for (int i = 0; i < unit.size(); i++) {
            json.append(i > 0 ? ", " : "").append('"').append(unit.element(i).symbol()).append('"');
        }
        json.append("], \"masses\": ").append(list(unit.masses()));
        json.append(String.format(Locale.ROOT, ", \"supercell\": [[%d,0,0],[0,%d,0],[0,0,%d]]", rep[0], rep[1], rep[2]));
        json.append(String.format(Locale.ROOT, ", \"distance\": %.17g", distance));
        json.append(", \"segments\": [");
        for (int s = 0; s < segments.size(); s++) {
            List<double[]> seg = segments.get(s);
            double[] q = new double[3 * seg.size()];
            for (int i = 0; i < seg.size(); i++) {
                System.arraycopy(seg.get(i), 0, q, 3 * i, 3);
            }
            json.append(s > 0 ? ", " : "").append(rows(q));
        }
        json.append(']');
        json.append(String.format(Locale.ROOT, ", \"mesh\": [%d, %d, %d], \"sigma\": %.17g, \"dos_points\": %d",
                mesh, mesh, mesh, sigma, dosPoints));
        json.append(", \"temperatures\": ").append(list(temperatures)).append("}\n");
        return json.toString();
    }

    /** phonopy's displaced supercells, in its atom order. */
    private static List<Structure> displaced(Path dir, int count) throws IOException {
        double[][] sc = read(dir.resolve("supercell.txt"));
        double[] lattice = new double[9];
        for (int r = 0; r < 3; r++) {
            System.arraycopy(sc[r], 0, lattice, 3 * r, 3);
        }
        Cell cell = Cell.periodic(lattice);
        int n = sc.length - 3;
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            z[i] = (int) sc[3 + i][0];
        }
        List<Structure> cells = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double[][] pos = read(dir.resolve("displaced_" + k + ".txt"));
            double[] x = new double[3 * n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(pos[i], 0, x, 3 * i, 3);
            }
            cells.add(Structure.of(z, x, cell));
        }
        return cells;
    }

    private static String readUntil(BufferedReader out, String prefix, List<String> log) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
            log.add(line);
        }
        return null;
    }

    private static IllegalStateException failed(Process p, List<String> log) throws InterruptedException {
        p.waitFor(10, TimeUnit.SECONDS);
        return new IllegalStateException(SCRIPT + " failed" + (p.isAlive() ? "" : " (exit " + p.exitValue() + ")")
                + ":\n" + String.join("\n", log));
    }

    private static double[][] read(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String t = line.trim();
            if (t.isEmpty()) {
                continue;
            }
            String[] f = t.split("\\s+");
            double[] r = new double[f.length];
            for (int k = 0; k < f.length; k++) {
                r[k] = Double.parseDouble(f[k]);
            }
            rows.add(r);
        }
        return rows.toArray(new double[0][]);
    }

    private static String rows(double[] flat) {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < flat.length / 3; r++) {
            sb.append(r > 0 ? ", " : "").append('[');
            for (int c = 0; c < 3; c++) {
                sb.append(c > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.17g", flat[3 * r + c]));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private static String list(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < v.length; k++) {
            sb.append(k > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.17g", v[k]));
        }
        return sb.append(']').toString();
    }
}
