package potentia.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;

/** Random cluster founders for structure searches (no cell). */
public final class RandomClusters {
    private RandomClusters() {
    }

    /**
     * {@code atoms} atoms of one element placed uniformly at random in a sphere around the origin
     * whose volume holds them at {@code density}, radius (3N/(4π ρ))^⅓, each new atom at least
     * {@code minDistance} from those placed before (rejection sampling).
     *
     * @param density atoms per Å³ (for LJ in reduced units: per σ³)
     * @param minDistance Å
     * @param seed the same seed gives the same cluster
     * @throws IllegalArgumentException for nonsense arguments, or when the atoms do not fit
     *     (10⁶ rejections in a row)
     */
    public static Structure uniformSphere(Element element, int atoms, double density, double minDistance, long seed) {
        if (atoms < 1 || !(density > 0) || Double.isInfinite(density) || !(minDistance >= 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "random cluster needs ≥ 1 atom, a positive density and a minimum distance ≥ 0, got %d atoms, "
                            + "%s Å⁻³, %s Å", atoms, density, minDistance));
        }
        SplittableRandom r = new SplittableRandom(seed);
        double radius = Math.cbrt(3.0 * atoms / (4 * Math.PI * density));
        double min2 = minDistance * minDistance;
        double[] x = new double[3 * atoms];
        int placed = 0;
        int rejected = 0;
        while (placed < atoms) {
            double[] p = {r.nextDouble(-radius, radius), r.nextDouble(-radius, radius), r.nextDouble(-radius, radius)};
            if (p[0] * p[0] + p[1] * p[1] + p[2] * p[2] > radius * radius) {
                continue;
            }
            boolean ok = true;
            for (int j = 0; j < placed && ok; j++) {
                double dx = p[0] - x[3 * j];
                double dy = p[1] - x[3 * j + 1];
                double dz = p[2] - x[3 * j + 2];
                ok = dx * dx + dy * dy + dz * dz >= min2;
            }
            if (ok) {
                System.arraycopy(p, 0, x, 3 * placed, 3);
                placed++;
                rejected = 0;
            } else if (++rejected == 1_000_000) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "cannot place %d atoms %s Å apart at density %s Å⁻³ (placed %d)", atoms, minDistance, density,
                        placed));
            }
        }
        int[] z = new int[atoms];
        Arrays.fill(z, element.number());
        return Structure.of(z, x, Cell.NONE);
    }
}
