package potentia.testing;

import java.util.List;
import java.util.random.RandomGenerator;
import potentia.structure.Cell;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

/** Seeded random structures for tests: triclinic cells, mixed periodicity, minimum separations. */
public final class RandomStructures {
    private RandomStructures() {
    }

    /**
     * A random cell: lattice vectors of lengths in [minLength, maxLength] Å, tilted by up to
     * {@code tilt} (fraction of the length) from the axes, with the given periodicity.
     */
    public static Cell randomCell(RandomGenerator rng, double minLength, double maxLength, double tilt, boolean[] pbc) {
        double[] h = new double[9];
        for (int k = 0; k < 3; k++) {
            double len = minLength + (maxLength - minLength) * rng.nextDouble();
            h[3 * k + k] = len;
            for (int c = 0; c < 3; c++) {
                if (c != k) {
                    h[3 * k + c] = tilt * len * (2 * rng.nextDouble() - 1);
                }
            }
        }
        return Cell.of(h, pbc);
    }

    /**
     * Atoms placed uniformly in the cell (fractional coordinates in [0, 1), or in a box of the
     * cell's size along non-periodic axes), rejecting any closer than {@code minDistance} Å to an
     * earlier one or its periodic images.
     *
     * @param species elements drawn uniformly per atom
     */
    public static Structure randomAtoms(RandomGenerator rng, Cell cell, int atoms, List<Element> species,
            double minDistance) {
        double[] x = new double[3 * atoms];
        int[] z = new int[atoms];
        double[] h = cell.matrix();
        int placed = 0;
        int attempts = 0;
        while (placed < atoms) {
            if (++attempts > 1_000_000) {
                throw new IllegalStateException("cannot place " + atoms + " atoms " + minDistance + " Å apart");
            }
            double s0 = rng.nextDouble();
            double s1 = rng.nextDouble();
            double s2 = rng.nextDouble();
            double px = s0 * h[0] + s1 * h[3] + s2 * h[6];
            double py = s0 * h[1] + s1 * h[4] + s2 * h[7];
            double pz = s0 * h[2] + s1 * h[5] + s2 * h[8];
            if (tooClose(px, py, pz, x, placed, cell, minDistance)) {
                continue;
            }
            x[3 * placed] = px;
            x[3 * placed + 1] = py;
            x[3 * placed + 2] = pz;
            z[placed] = species.get(rng.nextInt(species.size())).number();
            placed++;
        }
        return Structure.of(z, x, cell);
    }

    /** Minimum-image-free check over images −2..2 along periodic axes (enough for tests' cells). */
    private static boolean tooClose(double px, double py, double pz, double[] x, int placed, Cell cell, double minDistance) {
        double[] h = cell.matrix();
        int ra = cell.periodic(0) ? 2 : 0;
        int rb = cell.periodic(1) ? 2 : 0;
        int rc = cell.periodic(2) ? 2 : 0;
        double m2 = minDistance * minDistance;
        for (int a = -ra; a <= ra; a++) {
            for (int b = -rb; b <= rb; b++) {
                for (int c = -rc; c <= rc; c++) {
                    double ox = a * h[0] + b * h[3] + c * h[6];
                    double oy = a * h[1] + b * h[4] + c * h[7];
                    double oz = a * h[2] + b * h[5] + c * h[8];
                    if ((a != 0 || b != 0 || c != 0) && ox * ox + oy * oy + oz * oz < m2) {
                        return true;
                    }
                    for (int j = 0; j < placed; j++) {
                        double dx = x[3 * j] - px + ox;
                        double dy = x[3 * j + 1] - py + oy;
                        double dz = x[3 * j + 2] - pz + oz;
                        if (dx * dx + dy * dy + dz * dz < m2) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Diamond-structure silicon, conventional 8-atom cell of edge {@code a} Å, repeated n×n×n. */
    public static Structure diamond(double a, int n) {
        return Crystals.diamond(Element.Si, a).repeat(n, n, n);
    }

    /** The structure with every coordinate displaced by a normal deviate of width {@code sigma} Å. */
    public static Structure rattle(Structure s, RandomGenerator rng, double sigma) {
        return s.rattled(sigma, rng);
    }

    /** Where ../shared lives (CI and sessions check out the repo beside it). */
    public static java.nio.file.Path shared() {
        String p = System.getProperty("potentia.shared");
        java.nio.file.Path path = p != null ? java.nio.file.Path.of(p) : java.nio.file.Path.of("..", "..", "shared");
        return path.toAbsolutePath().normalize();
    }
}
