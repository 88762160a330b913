package potentia.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import potentia.cli.plot.Charts;
import potentia.md.MdRun;

/** PNG plots of an MD run's log: energies and temperature (and volume, pressure) against time. */
final class MdPlots {
    private MdPlots() {
    }

    /**
     * Reads {@code log.csv} of the run directory and writes {@code energy.png},
     * {@code temperature.png} and, when the volume changed, {@code volume.png} next to it.
     *
     * @return the files written
     */
    static List<Path> write(Path dir, int atoms) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve(MdRun.LOG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(MdRun.LOG) + ": " + e.getMessage(), e);
        }
        int n = lines.size() - 1;
        double[][] c = new double[9][n];
        for (int r = 0; r < n; r++) {
            String[] f = lines.get(r + 1).split(",");
            for (int k = 0; k < 9; k++) {
                c[k][r] = Double.parseDouble(f[k]);
            }
        }
        double[] ps = scaled(c[1], 1e-3);
        List<Path> written = new ArrayList<>();
        Path energy = dir.resolve("energy.png");
        // relative to the first conserved energy, so that drifts of meV/atom are visible
        double reference = c[5][0];
        Charts.line(energy, "Energy per atom, relative to the initial total", "time (ps)", "energy (meV/atom)", List.of(
                new Charts.Series("potential", ps, relative(c[2], reference, atoms)),
                new Charts.Series("total", ps, relative(c[4], reference, atoms)),
                new Charts.Series("conserved", ps, relative(c[5], reference, atoms))), false);
        written.add(energy);
        Path temperature = dir.resolve("temperature.png");
        Charts.line(temperature, "Temperature", "time (ps)", "temperature (K)",
                List.of(new Charts.Series("T", ps, c[6])), false);
        written.add(temperature);
        boolean volumeChanges = false;
        for (int r = 1; r < n; r++) {
            volumeChanges |= c[8][r] != c[8][0];
        }
        if (volumeChanges) {
            Path volume = dir.resolve("volume.png");
            Charts.line(volume, "Volume", "time (ps)", "volume (Å³)", List.of(new Charts.Series("V", ps, c[8])), false);
            written.add(volume);
        }
        return written;
    }

    private static double[] relative(double[] energies, double reference, int atoms) {
        double[] r = new double[energies.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = 1000 * (energies[k] - reference) / atoms;
        }
        return r;
    }

    private static double[] scaled(double[] a, double f) {
        double[] r = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            r[k] = a[k] * f;
        }
        return r;
    }
}
