package potentia.ehp;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of two phases is stable: ΔG(T) = G_B(T) − G_A(T) on a common temperature grid, with
 * σ_Δ = √(σ_A² + σ_B²) (independent ensembles), and the temperatures where ΔG changes sign —
 * by linear interpolation between neighbouring grid points, with the error bar
 * δT = σ_Δ(T*)/|dΔG/dT| (σ_Δ interpolated to T*).
 */
public final class PhaseStability {
    private PhaseStability() {
    }

    /**
     * A temperature where the two phases have equal free energies.
     *
     * @param temperature T*, K
     * @param error its statistical error, K
     * @param below which phase (0 = A, 1 = B) is stable just below T*
     */
    public record Crossing(double temperature, double error, int below) {
    }

    /**
     * ΔG = G_B − G_A per temperature.
     *
     * @param a G of phase A, eV/atom (not modified)
     * @param b G of phase B, eV/atom (not modified)
     */
    public static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = b[k] - a[k];
        }
        return d;
    }

    /** σ_Δ per temperature from the two errors. */
    public static double[] differenceError(double[] errorA, double[] errorB) {
        double[] s = new double[errorA.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = Math.hypot(errorA[k], errorB[k]);
        }
        return s;
    }

    /**
     * The sign changes of ΔG on the grid.
     *
     * @param temperatures K, ascending (not modified)
     * @param delta ΔG = G_B − G_A, eV/atom (not modified)
     * @param error σ_Δ, eV/atom (not modified)
     */
    public static List<Crossing> crossings(double[] temperatures, double[] delta, double[] error) {
        List<Crossing> out = new ArrayList<>();
        for (int k = 0; k + 1 < temperatures.length; k++) {
            double d0 = delta[k];
            double d1 = delta[k + 1];
            if (d0 == 0 || Math.signum(d0) == Math.signum(d1)) {
                continue;
            }
            double t0 = temperatures[k];
            double t1 = temperatures[k + 1];
            double f = d0 / (d0 - d1);
            double t = t0 + f * (t1 - t0);
            double slope = (d1 - d0) / (t1 - t0);
            double sigma = error[k] + f * (error[k + 1] - error[k]);
            out.add(new Crossing(t, sigma / Math.abs(slope), d0 > 0 ? 0 : 1));
        }
        return out;
    }
}
