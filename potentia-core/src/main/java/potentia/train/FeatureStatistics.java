package potentia.train;

import java.util.List;
import potentia.descriptor.Descriptor;
import potentia.neighbour.NeighbourList;
import potentia.nn.Standardisation;
import potentia.potential.SpeciesIndex;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * The descriptor standardisation of a training set (per element and feature: mean and
 * population standard deviation over its atoms), computed streaming: two passes over the
 * structures (means, then squared deviations — no cancellation), each structure's features
 * recomputed and dropped, so memory does not grow with the data set. Structures run in parallel;
 * their partial sums are added in data order, so the result does not depend on the thread count.
 */
public final class FeatureStatistics {
    private FeatureStatistics() {
    }

    /** The standardisation; a feature constant over an element's atoms is only centred (σ = 1), as in {@link Standardisation#fit}. */
    public static Standardisation standardisation(Descriptor d, List<Structure> structures, int threads) {
        List<Element> species = d.species();
        int f = d.featureCount();
        int ns = species.size();
        SpeciesIndex index = new SpeciesIndex(species);
        long[] count = new long[ns];
        double[] mean = sum(d, index, structures, null, threads);
        for (Structure s : structures) {
            for (int t : index.types(s, "the descriptor statistics")) {
                count[t]++;
            }
        }
        for (int k = 0; k < mean.length; k++) {
            long c = count[k / f];
            mean[k] = c > 0 ? mean[k] / c : 0;
        }
        double[] std = new double[ns * f];
        double[] var = sum(d, index, structures, mean, threads);
        for (int k = 0; k < std.length; k++) {
            long c = count[k / f];
            double sd = c > 0 ? Math.sqrt(var[k] / c) : 0;
            std[k] = sd > 1e-12 * Math.max(1, Math.abs(mean[k])) ? sd : 1.0;
        }
        return new Standardisation(species, f, mean, std);
    }

    /** Structures per block: partial sums of one block are held at once, then added in data order. */
    private static final int BLOCK = 256;

    /** {@link #partial} summed over all structures, block by block, each block's partials added in data order. */
    private static double[] sum(Descriptor d, SpeciesIndex index, List<Structure> structures, double[] mean,
            int threads) {
        double[] total = new double[index.size() * d.featureCount()];
        for (int from = 0; from < structures.size(); from += BLOCK) {
            int to = Math.min(structures.size(), from + BLOCK);
            double[][] parts = new double[to - from][];
            int base = from;
            Work.forEach(parts.length, threads, k -> parts[k] = partial(d, index, structures.get(base + k), mean));
            for (double[] p : parts) {
                add(total, p);
            }
        }
        return total;
    }

    /** Per species and feature: Σ G (mean == null) or Σ (G − μ)². */
    private static double[] partial(Descriptor d, SpeciesIndex index, Structure s, double[] mean) {
        int f = d.featureCount();
        int n = s.size();
        int[] type = index.types(s, "the descriptor statistics");
        NeighbourList list = NeighbourList.build(s, d.cutoff(), true, 1);
        double[] g = new double[n * f];
        d.features(s, list, 0, n, g);
        double[] out = new double[index.size() * f];
        for (int i = 0; i < n; i++) {
            int row = type[i] * f;
            for (int q = 0; q < f; q++) {
                double v = g[i * f + q];
                if (mean != null) {
                    v -= mean[row + q];
                    v *= v;
                }
                out[row + q] += v;
            }
        }
        return out;
    }

    private static void add(double[] into, double[] from) {
        for (int k = 0; k < into.length; k++) {
            into[k] += from[k];
        }
    }
}
