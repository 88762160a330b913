package potentia.analysis;

import java.util.Map;

/**
 * Radial distribution functions averaged over frames, on bins of equal width from 0 to r_max.
 *
 * @param r bin centres, Å
 * @param binWidth Å
 * @param total g(r) over all atoms
 * @param partial g_ab(r) for each pair of elements present, lower atomic number first (g_ab = g_ba)
 * @param totalCoordination mean number of atoms within r of an atom, at each bin's upper edge
 * @param coordination mean number of b atoms within r of an a atom, for every ordered pair a-b
 * @param frames the number of frames averaged
 */
public record Rdf(double[] r, double binWidth, double[] total, Map<SpeciesPair, double[]> partial,
        double[] totalCoordination, Map<SpeciesPair, double[]> coordination, int frames) {

    /** g_ab for a pair in either order. */
    public double[] partial(SpeciesPair pair) {
        double[] g = partial.get(pair.canonical());
        if (g == null) {
            throw new IllegalArgumentException("no partial RDF for " + pair + ": the structures hold " + partial.keySet());
        }
        return g;
    }

    /** Mean number of {@code pair.neighbour()} atoms within r of a {@code pair.centre()} atom (upper bin edges). */
    public double[] coordination(SpeciesPair pair) {
        double[] n = coordination.get(pair);
        if (n == null) {
            throw new IllegalArgumentException("no coordination for " + pair + ": the structures hold "
                    + coordination.keySet());
        }
        return n;
    }
}
