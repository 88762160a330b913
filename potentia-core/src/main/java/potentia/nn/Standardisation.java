package potentia.nn;

import java.util.List;
import potentia.structure.Element;

/**
 * Per-element standardisation of descriptors, z = (G − μ_s) / σ_s feature by feature, with μ_s and
 * σ_s the mean and standard deviation over the training set's atoms of element s: inputs of unit
 * scale for every network. A feature that is constant over an element's atoms (σ = 0) is only
 * centred (σ stored as 1). Immutable.
 */
public final class Standardisation {
    private final List<Element> species;
    private final int featureCount;
    private final double[] mean;
    private final double[] std;
    private final double[] inverseStd;

    /**
     * @param mean S × F means (row s for species s), copied
     * @param std S × F standard deviations, each finite and &gt; 0, copied
     */
    public Standardisation(List<Element> species, int featureCount, double[] mean, double[] std) {
        this.species = List.copyOf(species);
        this.featureCount = featureCount;
        int n = this.species.size() * featureCount;
        if (mean.length != n || std.length != n) {
            throw new IllegalArgumentException("standardisation for " + this.species.size() + " elements × "
                    + featureCount + " features needs " + n + " means and deviations, got " + mean.length + " and "
                    + std.length);
        }
        this.mean = mean.clone();
        this.std = std.clone();
        this.inverseStd = new double[n];
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(mean[k])) {
                throw new IllegalArgumentException("standardisation mean " + k + " is not finite: " + mean[k]);
            }
            if (!(std[k] > 0) || !Double.isFinite(std[k])) {
                throw new IllegalArgumentException("standardisation deviation of " + this.species.get(k / featureCount)
                        + " feature " + k % featureCount + " must be finite and > 0, got " + std[k]);
            }
            inverseStd[k] = 1 / std[k];
        }
    }

    /** No scaling: μ = 0, σ = 1 (an untrained model without data). */
    public static Standardisation identity(List<Element> species, int featureCount) {
        double[] std = new double[species.size() * featureCount];
        java.util.Arrays.fill(std, 1.0);
        return new Standardisation(species, featureCount, new double[std.length], std);
    }

    /**
     * Mean and (population) standard deviation of features per element.
     *
     * @param features M × F atom-major rows (not modified)
     * @param type M species indices (not modified)
     */
    public static Standardisation fit(List<Element> species, int featureCount, double[] features, int[] type) {
        int ns = species.size();
        double[] sum = new double[ns * featureCount];
        long[] count = new long[ns];
        for (int i = 0; i < type.length; i++) {
            count[type[i]]++;
            int row = type[i] * featureCount;
            for (int q = 0; q < featureCount; q++) {
                sum[row + q] += features[i * featureCount + q];
            }
        }
        double[] mean = new double[sum.length];
        for (int k = 0; k < sum.length; k++) {
            long c = count[k / featureCount];
            mean[k] = c > 0 ? sum[k] / c : 0;
        }
        double[] var = new double[sum.length];
        for (int i = 0; i < type.length; i++) { // two passes: no cancellation
            int row = type[i] * featureCount;
            for (int q = 0; q < featureCount; q++) {
                double d = features[i * featureCount + q] - mean[row + q];
                var[row + q] += d * d;
            }
        }
        double[] std = new double[sum.length];
        for (int k = 0; k < sum.length; k++) {
            long c = count[k / featureCount];
            double sd = c > 0 ? Math.sqrt(var[k] / c) : 0;
            // a constant feature is only centred; relative 1e-12 catches round-off of a constant
            std[k] = sd > 1e-12 * Math.max(1, Math.abs(mean[k])) ? sd : 1.0;
        }
        return new Standardisation(species, featureCount, mean, std);
    }

    public List<Element> species() {
        return species;
    }

    public int featureCount() {
        return featureCount;
    }

    /** μ, S × F, a fresh copy. */
    public double[] mean() {
        return mean.clone();
    }

    /** σ, S × F, a fresh copy. */
    public double[] std() {
        return std.clone();
    }

    /**
     * Standardises rows [from, to) in place: G_i → (G_i − μ_{s(i)}) / σ_{s(i)}.
     *
     * @param features N × F (rows [from, to) modified)
     * @param type N species indices (not modified)
     */
    public void apply(double[] features, int[] type, int from, int to) {
        for (int i = from; i < to; i++) {
            int row = i * featureCount;
            int par = type[i] * featureCount;
            for (int q = 0; q < featureCount; q++) {
                features[row + q] = (features[row + q] - mean[par + q]) * inverseStd[par + q];
            }
        }
    }

    /**
     * Turns gradients with respect to z into gradients with respect to G in place: ∂ε/∂G = ∂ε/∂z / σ
     * (also the Jacobian–vector product direction in the other sense: dz = dG / σ).
     *
     * @param gradient N × F (rows [from, to) modified)
     */
    public void scale(double[] gradient, int[] type, int from, int to) {
        for (int i = from; i < to; i++) {
            int row = i * featureCount;
            int par = type[i] * featureCount;
            for (int q = 0; q < featureCount; q++) {
                gradient[row + q] *= inverseStd[par + q];
            }
        }
    }
}
