package potentia.phonon;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import potentia.potential.Potential;
import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * Runs phonopy (Debian's python3-phonopy, through /usr/bin/python3 and phonopy_reference.py) on
 * a unit cell and supercell: phonopy chooses the displacements, the given potential computes
 * the forces, phonopy builds force constants and reports frequencies and thermal properties —
 * and the same from Potentia's force constants, to compare only the post-processing.
 */
final class PhonopyReference {
    static final String PYTHON = "/usr/bin/python3";

    /** What phonopy computed. */
    record Output(double[][] frequencies, double[][] thermal, double[][] frequenciesFromPotentiaFc,
            double[][] thermalFromPotentiaFc, int displacements) {
    }

    private PhonopyReference() {
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import phonopy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Path script() {
        try {
            return Path.of(PhonopyReference.class.getResource("/phonon/phonopy_reference.py").toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource phonon/phonopy_reference.py", e);
        }
    }

    /**
     * Runs phonopy in {@code dir}.
     *
     * @param qpoints Cartesian wave vectors, Å⁻¹
     * @param potentiaFc Potentia's force constants to hand phonopy too, or null
     */
    static Output run(Path dir, Potential potential, Supercell supercell, double distance, List<double[]> qpoints,
            int mesh, double[] temperatures, ForceConstants potentiaFc) throws IOException, InterruptedException {
        Structure unit = supercell.unit();
        int[] rep = supercell.repeats();
        StringBuilder json = new StringBuilder("{\"lattice\": ").append(rows(unit.cell().matrix(), 3));
        json.append(", \"positions\": ").append(rows(unit.positions(), 3));
        json.append(", \"symbols\": [");
        double[] masses = unit.masses();
        for (int i = 0; i < unit.size(); i++) {
            json.append(i > 0 ? ", " : "").append('"').append(unit.element(i).symbol()).append('"');
        }
        json.append("], \"masses\": ").append(list(masses));
        json.append(String.format(Locale.ROOT, ", \"supercell\": [[%d,0,0],[0,%d,0],[0,0,%d]]", rep[0], rep[1], rep[2]));
        json.append(String.format(Locale.ROOT, ", \"distance\": %.17g", distance));
        double[] q = new double[3 * qpoints.size()];
        for (int i = 0; i < qpoints.size(); i++) {
            System.arraycopy(qpoints.get(i), 0, q, 3 * i, 3);
        }
        json.append(", \"qpoints\": ").append(rows(q, 3));
        json.append(String.format(Locale.ROOT, ", \"mesh\": [%d, %d, %d]", mesh, mesh, mesh));
        json.append(", \"temperatures\": ").append(list(temperatures));
        json.append(", \"potentia_fc\": ").append(potentiaFc != null).append("}\n");
        Files.writeString(dir.resolve("in.json"), json, StandardCharsets.UTF_8);
        python("displace", dir);

        double[][] sc = read(dir.resolve("supercell.txt"));
        double[] lattice = new double[9];
        for (int r = 0; r < 3; r++) {
            System.arraycopy(sc[r], 0, lattice, 3 * r, 3);
        }
        Cell cell = Cell.periodic(lattice);
        int n = sc.length - 3;
        int[] z = new int[n];
        java.util.Arrays.fill(z, unit.atomicNumber(0));
        for (int k = 0; k < unit.size(); k++) {
            if (unit.atomicNumber(k) != unit.atomicNumber(0)) {
                throw new IllegalArgumentException("this reference handles one element only");
            }
        }
        int count = (int) read(dir.resolve("count.txt"))[0][0];
        for (int k = 0; k < count; k++) {
            double[][] pos = read(dir.resolve("displaced_" + k + ".txt"));
            double[] x = new double[3 * n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(pos[i], 0, x, 3 * i, 3);
            }
            double[] f = potential.compute(Structure.of(z, x, cell)).forces();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(String.format(Locale.ROOT, "%.17g %.17g %.17g%n", f[3 * i], f[3 * i + 1], f[3 * i + 2]));
            }
            Files.writeString(dir.resolve("forces_" + k + ".txt"), sb);
        }
        if (potentiaFc != null) {
            writeInPhonopyOrder(dir.resolve("potentia_fc.bin"), potentiaFc, sc, cell);
        }
        python("postprocess", dir);
        return new Output(read(dir.resolve("freq_phonopy.txt")), read(dir.resolve("thermal_phonopy.txt")),
                potentiaFc == null ? null : read(dir.resolve("freq_potentia_fc.txt")),
                potentiaFc == null ? null : read(dir.resolve("thermal_potentia_fc.txt")), count);
    }

    /** Potentia's force constants rearranged to phonopy's supercell atom order (matched by position). */
    private static void writeInPhonopyOrder(Path file, ForceConstants fc, double[][] sc, Cell cell) throws IOException {
        Structure ours = fc.supercell().structure();
        int n = ours.size();
        double[] h = cell.matrix();
        double[] hInv = Lattice3.inverse(h);
        int[] map = new int[n];
        double[] x = ours.positions();
        for (int i = 0; i < n; i++) {
            map[i] = -1;
            for (int t = 0; t < n && map[i] < 0; t++) {
                double[] d = {sc[3 + i][0] - x[3 * t], sc[3 + i][1] - x[3 * t + 1], sc[3 + i][2] - x[3 * t + 2]};
                double[] f = Lattice3.rowTimes(d, hInv);
                for (int k = 0; k < 3; k++) {
                    f[k] -= Math.rint(f[k]);
                }
                if (Lattice3.norm(Lattice3.rowTimes(f, h)) < 1e-6) {
                    map[i] = t;
                }
            }
            if (map[i] < 0) {
                throw new IllegalStateException("phonopy's supercell atom " + i + " matches none of ours");
            }
        }
        try (OutputStream o = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(
                new java.io.BufferedOutputStream(o, 1 << 16))) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int a = 0; a < 3; a++) {
                        for (int b = 0; b < 3; b++) {
                            out.writeDouble(fc.get(map[i], a, map[j], b));
                        }
                    }
                }
            }
        }
    }

    private static void python(String step, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(PYTHON, script().toString(), step, dir.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("phonopy_reference.py " + step + " failed:\n" + out);
        }
    }

    static double[][] read(Path file) throws IOException {
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

    private static String rows(double[] flat, int width) {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < flat.length / width; r++) {
            sb.append(r > 0 ? ", " : "").append('[');
            for (int c = 0; c < width; c++) {
                sb.append(c > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.17g", flat[r * width + c]));
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
