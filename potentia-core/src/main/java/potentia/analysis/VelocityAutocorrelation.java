package potentia.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import potentia.structure.AtomArray;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * Velocity autocorrelation function per species and the Green–Kubo self-diffusion coefficient.
 *
 * <p>C_s(τ) = ⟨v_i(t₀)·v_i(t₀ + τ)⟩ over the atoms i of species s and every frame t₀ as a time
 * origin (Å²/fs²), by FFT; the normalised C_s(τ)/C_s(0) starts at 1. Green–Kubo:
 * D = (1/3)∫₀^∞ C(τ) dτ, integrated by the trapezoidal rule up to a limit (default: half a
 * block, as for the MSD window), where C should have decayed; the running integral is returned
 * so that its plateau can be checked. The error is the spread of the same integral over B
 * independent blocks (default 5), sd/√B, as for {@link MeanSquareDisplacement}. Velocities need
 * no unwrapping. Lags run up to half the trajectory.
 */
public final class VelocityAutocorrelation {
    private VelocityAutocorrelation() {
    }

    /**
     * Options.
     *
     * @param integrationLimit upper limit of the Green–Kubo integral, fs (NaN: half a block)
     * @param blocks number of blocks for the error (≥ 2)
     */
    public record Options(double integrationLimit, int blocks) {
        public static Options defaults() {
            return new Options(Double.NaN, 5);
        }
    }

    /**
     * The correlation functions and diffusion coefficients.
     *
     * @param time lag times, fs, lags 0..(T − 1)/2
     * @param raw C per element, Å²/fs²
     * @param normalised C/C(0) per element
     * @param runningIntegral (1/3)∫₀^τ C per element, Å²/fs: D(τ)
     * @param diffusion Green–Kubo D per element (window start 0, end = the integration limit)
     * @param allRaw C over all atoms
     * @param allDiffusion D over all atoms
     */
    public record Result(double[] time, Map<Element, double[]> raw, Map<Element, double[]> normalised,
            Map<Element, double[]> runningIntegral, Map<Element, Diffusion> diffusion, double[] allRaw,
            Diffusion allDiffusion) {
    }

    /**
     * The VACF of a trajectory whose frames carry the per-atom array {@code velocities} (Å/fs).
     *
     * @param frameInterval time between frames, fs
     */
    public static Result of(List<Structure> frames, double frameInterval, Options options) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames to analyse");
        }
        List<double[]> v = new ArrayList<>(frames.size());
        for (int f = 0; f < frames.size(); f++) {
            v.add(velocities(frames.get(f), f));
        }
        return compute(frames.get(0).atomicNumbers(), v, frameInterval, options);
    }

    /** The {@code velocities} array of a frame (Å/fs, 3N), or a clear error. */
    static double[] velocities(Structure s, int frame) {
        AtomArray a = s.array("velocities").orElseThrow(() -> new IllegalArgumentException("frame " + frame
                + " has no per-atom 'velocities' array (Å/fs), which the VACF needs"));
        if (!(a instanceof AtomArray.Reals r) || r.columns() != 3) {
            throw new IllegalArgumentException("frame " + frame + ": 'velocities' must be 3 real columns, got " + a);
        }
        return r.values();
    }

    /**
     * The VACF of velocity frames.
     *
     * @param atomicNumbers N (not modified)
     * @param velocities per frame, 3N, Å/fs (not modified)
     * @param frameInterval time between frames, fs
     */
    public static Result compute(int[] atomicNumbers, List<double[]> velocities, double frameInterval, Options options) {
        if (!(frameInterval > 0) || !Double.isFinite(frameInterval)) {
            throw new IllegalArgumentException("time between frames must be positive, got " + frameInterval + " fs");
        }
        int n = atomicNumbers.length;
        for (int f = 0; f < velocities.size(); f++) {
            if (velocities.get(f).length != 3 * n) {
                throw new IllegalArgumentException("frame " + f + " has " + velocities.get(f).length / 3
                        + " velocities, expected " + n);
            }
        }
        int t = velocities.size();
        Blocks blocks = Blocks.plan(t, frameInterval, options.blocks(), 0, options.integrationLimit(),
                "integration limit");
        int lags = (t - 1) / 2 + 1;
        double[] time = new double[lags];
        for (int m = 0; m < lags; m++) {
            time[m] = m * frameInterval;
        }
        Map<Element, int[]> groups = SpeciesGroups.of(atomicNumbers);
        SpeciesGroups.Index index = SpeciesGroups.index(atomicNumbers, groups);
        double[][] whole = perSpecies(velocities, 0, t, lags, index);
        double[][][] perBlock = new double[blocks.count()][][];
        if (blocks.count() >= 2) {
            for (int b = 0; b < blocks.count(); b++) {
                perBlock[b] = perSpecies(velocities, b * blocks.length(), blocks.length(), blocks.lastLag() + 1, index);
            }
        }
        Map<Element, double[]> raw = new LinkedHashMap<>();
        Map<Element, double[]> normalised = new LinkedHashMap<>();
        Map<Element, double[]> running = new LinkedHashMap<>();
        Map<Element, Diffusion> diffusion = new LinkedHashMap<>();
        int s = 0;
        for (Element e : groups.keySet()) {
            int[] only = {s++};
            double[] c = index.mean(whole, only, lags);
            raw.put(e, c);
            double[] norm = new double[lags];
            for (int m = 0; m < lags; m++) {
                norm[m] = c[m] / c[0];
            }
            normalised.put(e, norm);
            running.put(e, runningIntegral(c, frameInterval));
            diffusion.put(e, diffusion(c, perBlock, index, only, blocks, frameInterval));
        }
        int[] every = index.all();
        double[] all = index.mean(whole, every, lags);
        return new Result(time, raw, normalised, running, diffusion, all,
                diffusion(all, perBlock, index, every, blocks, frameInterval));
    }

    /** Sums over the atoms of each species of their C over frames [from, from + count), lags 0..lags−1. */
    private static double[][] perSpecies(List<double[]> v, int from, int count, int lags, SpeciesGroups.Index index) {
        int n = v.get(0).length / 3;
        double[][] out = new double[index.species()][lags];
        double[] series = new double[count];
        for (int i = 0; i < n; i++) {
            double[] sum = out[index.of(i)];
            for (int k = 0; k < 3; k++) {
                int c = 3 * i + k;
                for (int f = 0; f < count; f++) {
                    series[f] = v.get(from + f)[c];
                }
                double[] sums = Correlations.lagSums(series);
                for (int m = 0; m < lags; m++) {
                    sum[m] += sums[m] / (count - m);
                }
            }
        }
        return out;
    }

    /** (1/3)∫₀^{mΔt} C by the trapezoidal rule, for every m. */
    static double[] runningIntegral(double[] c, double interval) {
        double[] d = new double[c.length];
        for (int m = 1; m < c.length; m++) {
            d[m] = d[m - 1] + 0.5 * (c[m - 1] + c[m]) * interval / 3;
        }
        return d;
    }

    private static Diffusion diffusion(double[] c, double[][][] perBlock, SpeciesGroups.Index index, int[] species,
            Blocks blocks, double interval) {
        int last = blocks.lastLag();
        double d = runningIntegral(java.util.Arrays.copyOf(c, last + 1), interval)[last];
        double error = Double.NaN;
        if (blocks.count() >= 2) {
            double[] db = new double[blocks.count()];
            for (int b = 0; b < db.length; b++) {
                db[b] = runningIntegral(index.mean(perBlock[b], species, last + 1), interval)[last];
            }
            error = Statistics.standardError(db);
        }
        return new Diffusion(d, error, 0, last * interval, blocks.count() >= 2 ? blocks.count() : 0, blocks.note());
    }
}
