package potentia.ns;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import potentia.units.Units;

/**
 * Thermodynamics from a nested-sampling run, at any temperature, as a post-processing step.
 *
 * <p>Phase volumes: removing the highest of K walkers uniform in X shrinks X by t with
 * t ~ Beta(K, 1); removing c walkers at once, the j-th (j = 0 … c−1) shrinks it by
 * t ~ Beta(K − j, 1). The expected log X_i = Σ ln((K − j)/(K + 1 − j)) gives the estimate; the
 * weight of removed walker i is w_i = X_{i−1} − X_i (expected X_{i−1}/(K + 1 − j)), and each
 * live walker at the end carries X_M/K. Then, with H_i the enthalpy (E_i at fixed volume),
 * <pre>
 *   Z(β) = Σ_i w_i e^{−βH_i},   ⟨A⟩ = Σ_i w_i A_i e^{−βH_i} / Z,   C = k_B β² (⟨H²⟩ − ⟨H⟩²)
 * </pre>
 * the configurational partition function (relative to the prior volume), the averages of H,
 * E and V, and the configurational heat capacity — C_p at constant pressure (the cell's Vᴺ
 * prior makes it the isothermal–isobaric ensemble; for an ideal gas C_p = (N + 1) k_B), C_V at
 * fixed volume. The classical kinetic energy adds 3N/2 k_B ({@link #totalHeatCapacity()}). When
 * the walkers carried momenta (Hamiltonian moves), H includes their kinetic energy and the
 * momenta's exactly known part ({@link KineticPrior}) is divided out, so the results are
 * configurational in either case.
 *
 * <p>Uncertainty (Pártay et al. 2010): the same sums with the compression ratios t drawn from
 * their Beta distributions instead of their means, repeated; the errors are the standard
 * deviations over repeats. They cover the phase-volume noise of the run, not walks too short
 * to decorrelate (compare runs with different seeds and walk lengths for that).
 *
 * @param temperature the temperatures, K
 * @param atoms N
 * @param constantPressure whether C is C_p (else C_V)
 * @param logZ ln Z (dimensionless, relative to the prior volume)
 * @param enthalpy ⟨H⟩, eV
 * @param energy ⟨E⟩ (potential energy), eV
 * @param volume ⟨V⟩, Å³
 * @param heatCapacity configurational C, in units of k_B (whole system)
 * @param peaks maxima of the heat capacity, by temperature
 */
public record Thermodynamics(double[] temperature, int atoms, boolean constantPressure, Estimate logZ,
        Estimate enthalpy, Estimate energy, Estimate volume, Estimate heatCapacity, List<Peak> peaks) {

    /** Below this log-weight relative to the largest, terms are left out of the sums (e⁻⁴⁶ ≈ 10⁻²⁰). */
    private static final double NEGLIGIBLE = -46;
    /** A heat-capacity maximum counts as a peak if it stands this fraction of the curve's range above its surroundings. */
    private static final double PROMINENCE = 0.05;

    /** C including the classical kinetic 3N/2 k_B, in units of k_B. */
    public double[] totalHeatCapacity() {
        double[] c = heatCapacity.value().clone();
        for (int k = 0; k < c.length; k++) {
            c[k] += 1.5 * atoms;
        }
        return c;
    }

    /**
     * Analyses a run.
     *
     * @param temperatures K, increasing, all &gt; 0 (not modified)
     * @param repeats resamplings of the compression ratios for the errors (0: none)
     * @param seed for the resampling
     */
    public static Thermodynamics of(NsSamples s, double[] temperatures, int repeats, long seed) {
        for (int k = 0; k < temperatures.length; k++) {
            if (!(temperatures[k] > 0) || (k > 0 && !(temperatures[k] > temperatures[k - 1]))) {
                throw new IllegalArgumentException("temperatures must be positive and increasing");
            }
        }
        if (s.removed() + s.liveEnthalpy().length == 0) {
            throw new IllegalArgumentException("the run has no samples");
        }
        int nt = temperatures.length;
        double[][] mean = curves(s, meanLogWeights(s), temperatures);
        double[][][] rep = new double[repeats][][];
        IntStream.range(0, repeats).parallel().forEach(r -> {
            SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + r);
            rep[r] = curves(s, sampledLogWeights(s, rng), temperatures);
        });
        Estimate[] est = new Estimate[5];
        for (int q = 0; q < 5; q++) {
            double[] err = new double[nt];
            if (repeats > 1) {
                for (int k = 0; k < nt; k++) {
                    double sum = 0;
                    double sum2 = 0;
                    for (double[][] c : rep) {
                        sum += c[q][k];
                    }
                    double m = sum / repeats;
                    for (double[][] c : rep) {
                        sum2 += (c[q][k] - m) * (c[q][k] - m);
                    }
                    err[k] = Math.sqrt(sum2 / (repeats - 1));
                }
            }
            est[q] = new Estimate(mean[q], err);
        }
        List<Peak> peaks = peaks(temperatures, mean[4], rep);
        return new Thermodynamics(temperatures.clone(), s.atoms(), s.constantPressure(), est[0], est[1], est[2],
                est[3], est[4], peaks);
    }

    /** Temperatures spaced evenly from {@code low} to {@code high} K, {@code count} ≥ 2 of them. */
    public static double[] grid(double low, double high, int count) {
        if (!(low > 0 && high > low) || count < 2) {
            throw new IllegalArgumentException("temperature range must satisfy 0 < low < high with ≥ 2 points, got "
                    + low + "–" + high + " K, " + count + " points");
        }
        double[] t = new double[count];
        for (int k = 0; k < count; k++) {
            t[k] = low + (high - low) * k / (count - 1);
        }
        return t;
    }

    /**
     * The temperature the run samples at removed walker i, K: the enthalpy falls by k_B·T per
     * unit of −ln X, so T ≈ (H_{i−K} − H_i) / (k_B (ln X_{i−K} − ln X_i)) over the last K
     * removals (NaN for i &lt; K).
     */
    public static double temperatureAt(NsSamples s, int i) {
        int w = s.walkers();
        if (i < w || i >= s.removed()) {
            return Double.NaN;
        }
        double dlogX = 0;
        for (int m = i - w + 1; m <= i; m++) {
            int j = m % s.cull();
            dlogX -= Math.log((double) (s.walkers() - j) / (s.walkers() + 1 - j));
        }
        return (s.enthalpy()[i - w] - s.enthalpy()[i]) / (Units.BOLTZMANN * dlogX);
    }

    /**
     * A temperature range the run resolves, K: from its final temperature to the one it sampled
     * a tenth of the way in.
     */
    public static double[] resolvedRange(NsSamples s) {
        int m = s.removed();
        double low = temperatureAt(s, m - 1);
        double high = temperatureAt(s, Math.max(s.walkers(), m / 10));
        if (!(low > 0) || !Double.isFinite(low)) {
            low = 1;
        }
        if (!(high > low) || !Double.isFinite(high)) {
            high = 10 * low;
        }
        return new double[] {low, high};
    }

    /** ln w_i for removed walkers then live ones, from the expected compression ratios. */
    static double[] meanLogWeights(NsSamples s) {
        int m = s.removed();
        int live = s.liveEnthalpy().length;
        double[] lw = new double[m + live];
        int k = s.walkers();
        double logX = 0;
        for (int i = 0; i < m; i++) {
            int j = i % s.cull();
            lw[i] = logX - Math.log(k + 1 - j);
            logX += Math.log((double) (k - j) / (k + 1 - j));
        }
        for (int i = 0; i < live; i++) {
            lw[m + i] = logX - Math.log(live);
        }
        return lw;
    }

    /** ln w_i with each compression ratio drawn from its Beta(K − j, 1) distribution. */
    static double[] sampledLogWeights(NsSamples s, SplittableRandom rng) {
        int m = s.removed();
        int live = s.liveEnthalpy().length;
        double[] lw = new double[m + live];
        int k = s.walkers();
        double logX = 0;
        for (int i = 0; i < m; i++) {
            int j = i % s.cull();
            double logT = Math.log(1 - rng.nextDouble()) / (k - j);
            lw[i] = logX + Math.log(-Math.expm1(logT));
            logX += logT;
        }
        for (int i = 0; i < live; i++) {
            lw[m + i] = logX - Math.log(live);
        }
        return lw;
    }

    /** ln Z, ⟨H⟩, ⟨E⟩, ⟨V⟩ and C/k_B at each temperature for given log-weights. */
    static double[][] curves(NsSamples s, double[] logWeights, double[] temperatures) {
        int m = s.removed();
        int all = logWeights.length;
        double[] h = new double[all];
        double[] e = new double[all];
        double[] v = new double[all];
        System.arraycopy(s.enthalpy(), 0, h, 0, m);
        System.arraycopy(s.liveEnthalpy(), 0, h, m, all - m);
        System.arraycopy(s.energy(), 0, e, 0, m);
        System.arraycopy(s.liveEnergy(), 0, e, m, all - m);
        System.arraycopy(s.volume(), 0, v, 0, m);
        System.arraycopy(s.liveVolume(), 0, v, m, all - m);
        int nt = temperatures.length;
        double[][] out = new double[5][nt];
        double[] lw = new double[all];
        for (int t = 0; t < nt; t++) {
            double beta = 1 / (Units.BOLTZMANN * temperatures[t]);
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < all; i++) {
                double x = logWeights[i] - beta * h[i];
                lw[i] = x;
                if (x > max) {
                    max = x;
                }
            }
            double z = 0;
            double sh = 0;
            double se = 0;
            double sv = 0;
            for (int i = 0; i < all; i++) {
                double d = lw[i] - max;
                if (d > NEGLIGIBLE) {
                    double p = Math.exp(d);
                    z += p;
                    sh += p * h[i];
                    se += p * e[i];
                    sv += p * v[i];
                }
            }
            double meanH = sh / z;
            double var = 0;
            for (int i = 0; i < all; i++) {
                double d = lw[i] - max;
                if (d > NEGLIGIBLE) {
                    double dh = h[i] - meanH;
                    var += Math.exp(d) * dh * dh;
                }
            }
            var /= z;
            out[0][t] = max + Math.log(z);
            out[1][t] = meanH;
            out[2][t] = se / z;
            out[3][t] = sv / z;
            out[4][t] = var * beta * beta;
            if (s.kinetic()) {
                // H = E + PV + K with independent priors: Z is the configurational one times the
                // momenta's capped integral, known exactly, so take that out
                double a = s.kineticShape();
                double x = beta * s.kineticCap();
                out[0][t] -= KineticPrior.logFraction(a, x);
                out[1][t] -= KineticPrior.meanKinetic(a, x) / beta;
                out[4][t] -= KineticPrior.heatCapacity(a, x);
            }
        }
        return out;
    }

    /**
     * Interior maxima of the heat capacity standing at least {@link #PROMINENCE} of the curve's
     * range above the lower of the minima on either side; located by a parabola through the
     * three grid points around each, and again on every resampled curve within the same basin
     * for the errors.
     */
    static List<Peak> peaks(double[] t, double[] c, double[][][] repeats) {
        int n = t.length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : c) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double threshold = PROMINENCE * (hi - lo);
        List<Peak> out = new ArrayList<>();
        for (int k = 1; k < n - 1; k++) {
            if (!(c[k] > c[k - 1] && c[k] >= c[k + 1])) {
                continue;
            }
            int left = k;
            while (left > 0 && c[left - 1] <= c[left]) {
                left--;
            }
            int right = k;
            while (right < n - 1 && c[right + 1] <= c[right]) {
                right++;
            }
            double base = Math.max(c[left], c[right]);
            if (c[k] - base < threshold) {
                continue;
            }
            double[] at = vertex(t, c, k);
            double tErr = 0;
            double hErr = 0;
            if (repeats.length > 1) {
                double[] pt = new double[repeats.length];
                double[] ph = new double[repeats.length];
                for (int r = 0; r < repeats.length; r++) {
                    double[] cr = repeats[r][4];
                    int best = left;
                    for (int q = left; q <= right; q++) {
                        if (cr[q] > cr[best]) {
                            best = q;
                        }
                    }
                    double[] v = best > 0 && best < n - 1 ? vertex(t, cr, best) : new double[] {t[best], cr[best]};
                    pt[r] = v[0];
                    ph[r] = v[1];
                }
                tErr = std(pt);
                hErr = std(ph);
            }
            out.add(new Peak(at[0], tErr, at[1], hErr));
        }
        return out;
    }

    /** The vertex (x, y) of the parabola through points k−1, k, k+1. */
    private static double[] vertex(double[] x, double[] y, int k) {
        double x0 = x[k - 1];
        double x1 = x[k];
        double x2 = x[k + 1];
        double y0 = y[k - 1];
        double y1 = y[k];
        double y2 = y[k + 1];
        double d01 = (y1 - y0) / (x1 - x0);
        double d12 = (y2 - y1) / (x2 - x1);
        double a = (d12 - d01) / (x2 - x0);
        if (!(a < 0)) {
            return new double[] {x1, y1};
        }
        // Newton form p(x) = y0 + d01 (x − x0) + a (x − x0)(x − x1); p'(x) = 0 at the vertex
        double xv = Math.max(x0, Math.min(x2, 0.5 * (x0 + x1) - d01 / (2 * a)));
        double yv = y0 + d01 * (xv - x0) + a * (xv - x0) * (xv - x1);
        return new double[] {xv, yv};
    }

    private static double std(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
