package potentia.phonon;

import java.util.ArrayList;
import java.util.List;

/**
 * Phonon frequencies along a {@link BandPath}.
 *
 * @param k the wave vectors, Cartesian Å⁻¹, {@code [point][3]}
 * @param distance path length up to each point, Å⁻¹ (breaks add nothing)
 * @param frequencies {@code [point][band]}, THz, ascending per point; negative = imaginary
 * @param labels the path's labels in order ("U|K" at a break)
 * @param labelDistances where each label sits on the distance axis
 */
public record BandStructure(double[][] k, double[] distance, double[][] frequencies, List<String> labels,
        double[] labelDistances) {

    /** Frequencies along {@code path} with {@code pointsPerSegment} points per segment. */
    public static BandStructure along(DynamicalMatrix d, BandPath path, int pointsPerSegment) {
        List<double[]> ks = path.sample(pointsPerSegment);
        double[][] k = ks.toArray(new double[0][]);
        double[][] nu = new double[k.length][];
        for (int i = 0; i < k.length; i++) {
            nu[i] = d.frequencies(k[i]);
        }
        double[] distance = new double[k.length];
        List<String> labels = new ArrayList<>();
        List<Double> at = new ArrayList<>();
        int i = 0;
        double x = 0;
        for (int r = 0; r < path.runs().size(); r++) {
            List<BandPath.Point> run = path.runs().get(r);
            if (r == 0) {
                labels.add(run.get(0).label());
                at.add(0.0);
            } else {
                labels.set(labels.size() - 1, labels.get(labels.size() - 1) + "|" + run.get(0).label());
            }
            for (int s = 0; s + 1 < run.size(); s++) {
                for (int j = 0; j < pointsPerSegment; j++, i++) {
                    if (j > 0) {
                        double dx = k[i][0] - k[i - 1][0];
                        double dy = k[i][1] - k[i - 1][1];
                        double dz = k[i][2] - k[i - 1][2];
                        x += Math.sqrt(dx * dx + dy * dy + dz * dz);
                    }
                    distance[i] = x;
                }
                labels.add(run.get(s + 1).label());
                at.add(x);
            }
        }
        double[] ld = new double[at.size()];
        for (int j = 0; j < ld.length; j++) {
            ld[j] = at.get(j);
        }
        return new BandStructure(k, distance, nu, List.copyOf(labels), ld);
    }

    /** Number of bands (3 × atoms in the primitive cell). */
    public int bands() {
        return frequencies.length == 0 ? 0 : frequencies[0].length;
    }

    /** The lowest frequency anywhere on the path, THz (negative if a mode is unstable). */
    public double minimum() {
        double m = Double.POSITIVE_INFINITY;
        for (double[] f : frequencies) {
            m = Math.min(m, f[0]);
        }
        return m;
    }
}
