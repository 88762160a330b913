package potentia.cli;

import potentia.ns.NsSamples;
import potentia.ns.Thermodynamics;

/** The temperature grid of {@code potentia ns-analyse}: {@code FROM:TO[:N]} in K, or the run's resolved range. */
final class NsTemperatures {
    private static final int POINTS = 400;

    private NsTemperatures() {
    }

    static double[] parse(String text) {
        String[] f = text.split(":");
        if (f.length < 2 || f.length > 3) {
            throw new IllegalArgumentException("--temperatures: expected FROM:TO or FROM:TO:N (K), got '" + text + "'");
        }
        try {
            double from = Double.parseDouble(f[0].trim());
            double to = Double.parseDouble(f[1].trim());
            int n = f.length == 3 ? Integer.parseInt(f[2].trim()) : POINTS;
            return Thermodynamics.grid(from, to, n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--temperatures: not numbers: '" + text + "'");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--temperatures: " + e.getMessage());
        }
    }

    static double[] auto(NsSamples samples) {
        double[] r = Thermodynamics.resolvedRange(samples);
        return Thermodynamics.grid(r[0], r[1], POINTS);
    }
}
