package potentia.search;

/**
 * How a structure search treats candidates it cannot or should not evaluate. CMA-ES only ranks
 * fitness values, so a penalty must rank below every real energy and, to lead the search back,
 * grow with the violation:
 * <pre>
 *   overlap (closest pair d &lt; d_min):   fitness = P (2 − d/d_min)        ∈ [P, 2P]
 *   exploded (see {@link Candidate.Status#EXPLODED}): fitness = 3P
 * </pre>
 * with P = {@link #BASE}. An energy of P or more counts as exploded.
 *
 * @param minDistance d_min, Å: closer pairs are overlaps (e.g. 0.5)
 * @param maxDisplacement an atom farther than this from its founder position, Å, has exploded
 */
public record Penalties(double minDistance, double maxDisplacement) {
    /** P, eV: far above any sane energy, far below where doubles lose the graded part. */
    public static final double BASE = 1e9;

    public Penalties {
        if (!(minDistance >= 0) || !(maxDisplacement > 0)) {
            throw new IllegalArgumentException("bad penalty settings: minimum distance " + minDistance
                    + " Å, maximum displacement " + maxDisplacement + " Å");
        }
    }

    /** The fitness of an overlapping candidate whose closest pair is {@code distance} apart. */
    public double overlap(double distance) {
        return BASE * (2 - Math.max(0, distance) / minDistance);
    }

    /** The fitness of an exploded candidate. */
    public double exploded() {
        return 3 * BASE;
    }
}
