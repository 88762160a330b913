package potentia.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * Mean-square displacement with multiple time origins, per species, and the self-diffusion
 * coefficient from the Einstein relation MSD(t) → 6Dt.
 *
 * <p>MSD_s(τ) = ⟨|x_i(t₀ + τ) − x_i(t₀)|²⟩ averaged over the atoms i of species s and over every
 * frame t₀ as a time origin (T − m origins at lag m), computed by FFT in O(T log T) per
 * coordinate (see {@code Correlations}). Positions must be <em>unwrapped</em> (continuous in
 * time): {@link #of(List, double, Options)} unwraps with {@link Unwrapping} first; the array
 * form takes positions already unwrapped. Lags run up to half the trajectory, beyond which too
 * few origins remain.
 *
 * <p>D is the least-squares slope of MSD = 6Dt + b over a fit window of lags (the intercept
 * absorbs the short-time ballistic and caging part). Default window: from 10 % to 50 % of a block
 * (below); 10 % skips the ballistic start, and 50 % keeps at least half the block's origins per
 * lag. Error: the trajectory is cut into B independent blocks (default 5), the MSD and its slope
 * recomputed in each with the same window, and the standard error is sd(D_b)/√B. Points of one
 * MSD curve are strongly correlated, so a least-squares error of the slope would be far too
 * small; blocks longer than the window are nearly independent and their spread is honest (Flyvbjerg
 * and Petersen, J. Chem. Phys. 91 (1989) 461, for block averages). D itself comes from the whole
 * trajectory, all origins, same window; its error is that of the block mean.
 */
public final class MeanSquareDisplacement {
    private MeanSquareDisplacement() {
    }

    /**
     * Options.
     *
     * @param fitStart start of the fit window, fs (NaN: the default)
     * @param fitEnd end of the fit window, fs (NaN: the default)
     * @param blocks number of blocks for the error (≥ 2)
     * @param removeDrift subtract the centre-of-mass displacement of all atoms (mass-weighted)
     *     from every frame, for thermostats that let the whole system drift
     */
    public record Options(double fitStart, double fitEnd, int blocks, boolean removeDrift) {
        /** Default window, 5 blocks, drift kept. */
        public static Options defaults() {
            return new Options(Double.NaN, Double.NaN, 5, false);
        }

        /** These options with a fit window in fs. */
        public Options withWindow(double start, double end) {
            return new Options(start, end, blocks, removeDrift);
        }
    }

    /**
     * The MSD curves and diffusion coefficients.
     *
     * @param time lag times, fs, lags 0..(T − 1)/2
     * @param bySpecies MSD per element, Å², same length as time, elements by atomic number
     * @param all MSD over all atoms, Å²
     * @param diffusion D per element
     * @param allDiffusion D over all atoms
     * @param crossings cell-boundary crossings undone by unwrapping (0 for unwrapped input)
     */
    public record Result(double[] time, Map<Element, double[]> bySpecies, double[] all,
            Map<Element, Diffusion> diffusion, Diffusion allDiffusion, long crossings) {
    }

    /**
     * The MSD of a trajectory, unwrapped first.
     *
     * @param frames the same atoms in the same order in each frame, equally spaced in time
     * @param frameInterval time between frames, fs
     */
    public static Result of(List<Structure> frames, double frameInterval, Options options) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames to analyse");
        }
        Unwrapping.Unwrapped u = Unwrapping.unwrap(frames);
        Structure first = frames.get(0);
        return compute(first.atomicNumbers(), first.masses(), u.positions(), frameInterval, options, u.crossings());
    }

    /**
     * The MSD of unwrapped positions.
     *
     * @param atomicNumbers N (not modified)
     * @param masses N, amu, used only to remove the drift (not modified)
     * @param unwrapped per frame, 3N unwrapped Cartesian positions, Å (not modified)
     * @param frameInterval time between frames, fs
     */
    public static Result compute(int[] atomicNumbers, double[] masses, List<double[]> unwrapped, double frameInterval,
            Options options) {
        return compute(atomicNumbers, masses, unwrapped, frameInterval, options, 0);
    }

    private static Result compute(int[] numbers, double[] masses, List<double[]> frames, double interval,
            Options options, long crossings) {
        if (!(interval > 0) || !Double.isFinite(interval)) {
            throw new IllegalArgumentException("time between frames must be positive, got " + interval + " fs");
        }
        int n = numbers.length;
        for (int f = 0; f < frames.size(); f++) {
            if (frames.get(f).length != 3 * n) {
                throw new IllegalArgumentException("frame " + f + " has " + frames.get(f).length / 3 + " atoms, expected "
                        + n);
            }
        }
        List<double[]> x = options.removeDrift() ? withoutDrift(frames, masses) : frames;
        int t = x.size();
        Blocks blocks = Blocks.plan(t, interval, options.blocks(), options.fitStart(), options.fitEnd(), "fit window");
        if (blocks.lastLag() - blocks.firstLag() < 1) {
            throw new IllegalArgumentException("the fit window holds fewer than two frame lags; widen it");
        }
        Map<Element, int[]> groups = SpeciesGroups.of(numbers);
        SpeciesGroups.Index index = SpeciesGroups.index(numbers, groups);
        int lags = (t - 1) / 2 + 1;
        double[] time = new double[lags];
        for (int m = 0; m < lags; m++) {
            time[m] = m * interval;
        }
        // per-species sums over atoms, over the whole trajectory and over each block
        double[][] whole = perSpecies(x, 0, t, lags, index);
        double[][][] perBlock = new double[blocks.count()][][];
        if (blocks.count() >= 2) {
            for (int b = 0; b < blocks.count(); b++) {
                perBlock[b] = perSpecies(x, b * blocks.length(), blocks.length(), blocks.lastLag() + 1, index);
            }
        }
        Map<Element, double[]> bySpecies = new LinkedHashMap<>();
        Map<Element, Diffusion> diffusion = new LinkedHashMap<>();
        int s = 0;
        for (Element e : groups.keySet()) {
            int[] only = {s++};
            double[] msd = index.mean(whole, only, lags);
            bySpecies.put(e, msd);
            diffusion.put(e, diffusion(msd, perBlock, index, only, blocks, interval));
        }
        int[] every = index.all();
        double[] all = index.mean(whole, every, lags);
        return new Result(time, bySpecies, all, diffusion, diffusion(all, perBlock, index, every, blocks, interval),
                crossings);
    }

    /** Sums over the atoms of each species of their MSD over frames [from, from + count), lags 0..lags−1, Å². */
    private static double[][] perSpecies(List<double[]> x, int from, int count, int lags, SpeciesGroups.Index index) {
        int n = x.get(0).length / 3;
        double[][] out = new double[index.species()][lags];
        double[] series = new double[count];
        for (int i = 0; i < n; i++) {
            double[] sum = out[index.of(i)];
            for (int k = 0; k < 3; k++) {
                int c = 3 * i + k;
                double origin = x.get(from)[c];
                for (int f = 0; f < count; f++) {
                    series[f] = x.get(from + f)[c] - origin;
                }
                double[] sums = Correlations.squaredDisplacementSums(series);
                for (int m = 0; m < lags; m++) {
                    sum[m] += sums[m] / (count - m);
                }
            }
        }
        return out;
    }

    private static Diffusion diffusion(double[] msd, double[][][] perBlock, SpeciesGroups.Index index, int[] species,
            Blocks blocks, double interval) {
        double d = slope(msd, blocks.firstLag(), blocks.lastLag(), interval) / 6;
        double error = Double.NaN;
        if (blocks.count() >= 2) {
            double[] db = new double[blocks.count()];
            for (int b = 0; b < db.length; b++) {
                db[b] = slope(index.mean(perBlock[b], species, blocks.lastLag() + 1), blocks.firstLag(),
                        blocks.lastLag(), interval) / 6;
            }
            error = Statistics.standardError(db);
        }
        return new Diffusion(d, error, blocks.firstLag() * interval, blocks.lastLag() * interval,
                blocks.count() >= 2 ? blocks.count() : 0, blocks.note());
    }

    /** Least-squares slope of y(m·Δt) over lags first..last. */
    static double slope(double[] y, int first, int last, double interval) {
        double mt = 0;
        double my = 0;
        int k = last - first + 1;
        for (int m = first; m <= last; m++) {
            mt += m * interval;
            my += y[m];
        }
        mt /= k;
        my /= k;
        double sxy = 0;
        double sxx = 0;
        for (int m = first; m <= last; m++) {
            double dt = m * interval - mt;
            sxy += dt * (y[m] - my);
            sxx += dt * dt;
        }
        return sxy / sxx;
    }

    private static List<double[]> withoutDrift(List<double[]> frames, double[] masses) {
        int n = masses.length;
        double total = 0;
        for (double m : masses) {
            total += m;
        }
        double[] c0 = null;
        List<double[]> out = new java.util.ArrayList<>(frames.size());
        for (double[] x : frames) {
            double[] c = new double[3];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 3; k++) {
                    c[k] += masses[i] * x[3 * i + k];
                }
            }
            for (int k = 0; k < 3; k++) {
                c[k] /= total;
            }
            if (c0 == null) {
                c0 = c;
            }
            double[] y = x.clone();
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 3; k++) {
                    y[3 * i + k] -= c[k] - c0[k];
                }
            }
            out.add(y);
        }
        return out;
    }
}
