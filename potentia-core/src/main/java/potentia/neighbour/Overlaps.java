package potentia.neighbour;

import java.util.Optional;
import potentia.structure.Structure;

/**
 * Finds atoms that sit on top of each other — the input error that turns every potential's energy
 * into infinity or NaN — so that commands can refuse such a structure with a clear message.
 */
public final class Overlaps {
    private Overlaps() {
    }

    /** Two atoms (the second possibly a periodic image of the first) and their distance, Å. */
    public record Pair(int i, int j, double distance) {
    }

    /**
     * The closest pair of atoms nearer than {@code minDistance}, over all periodic images; empty when
     * none is (O(N) through a neighbour list of that cutoff).
     */
    public static Optional<Pair> closest(Structure s, double minDistance) {
        if (s.size() == 0 || !(minDistance > 0)) {
            return Optional.empty();
        }
        NeighbourList nl = NeighbourList.build(s, minDistance, false);
        double[] x = s.positions();
        double[] h = s.cell().matrix();
        double[] d = new double[3];
        Pair best = null;
        for (int i = 0; i < nl.atoms(); i++) {
            for (int p = nl.start(i); p < nl.end(i); p++) {
                nl.separation(p, i, x, h, d);
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                if (best == null || r < best.distance()) {
                    best = new Pair(i, nl.neighbour(p), r);
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
