package potentia.potential;

import java.util.Set;
import potentia.neighbour.NeighbourList;
import potentia.structure.Structure;

/**
 * The one contract every potential honours — reference potentials and trained networks alike —
 * and the only thing simulations use: compute(structure, requested properties) → {@link Result}.
 *
 * <p>A potential declares the neighbour list it needs (cutoff, half or full), as LAMMPS pair
 * styles do, so that an engine can build one list with a Verlet skin and reuse it across calls;
 * callers without a list use {@link #compute(Structure, Set)}, which builds one.
 *
 * <p>Implementations are immutable and safe to call from several threads at once.
 * A structure with an element the potential has no parameters for is refused with an
 * {@link IllegalArgumentException} naming the element.
 */
public interface Potential {

    /** A short human-readable name, e.g. "Stillinger-Weber (Si.sw)". */
    String name();

    /** Interaction cutoff, Å: pairs farther apart contribute nothing. */
    double cutoff();

    /** Whether {@link #compute(Structure, NeighbourList, Set)} needs a full list (else a half list). */
    boolean needsFullList();

    /** The properties this potential can compute. */
    Set<Property> supported();

    /**
     * Computes the requested properties with a given neighbour list.
     *
     * @param neighbours a list for {@code structure} with cutoff ≥ {@link #cutoff()}, full if
     *     {@link #needsFullList()} (it may be a Verlet list with extra, farther pairs)
     * @param requested what to compute; the result may hold more
     * @throws IllegalArgumentException for an unsupported property or element, or an unsuitable list
     */
    Result compute(Structure structure, NeighbourList neighbours, Set<Property> requested);

    /** Computes the requested properties, building the neighbour list. */
    default Result compute(Structure structure, Set<Property> requested) {
        return compute(structure, NeighbourList.build(structure, cutoff(), needsFullList()), requested);
    }

    /** Every property this potential supports. */
    default Result compute(Structure structure) {
        return compute(structure, supported());
    }

    /**
     * Checks a caller-supplied list and request against this potential: throws with a clear
     * message if the list is for another number of atoms, too short-ranged or of the wrong kind,
     * or a property is unsupported.
     */
    default void checkRequest(Structure structure, NeighbourList neighbours, Set<Property> requested) {
        if (neighbours.atoms() != structure.size()) {
            throw new IllegalArgumentException("neighbour list is for " + neighbours.atoms() + " atoms, structure has "
                    + structure.size());
        }
        if (neighbours.cutoff() < cutoff()) {
            throw new IllegalArgumentException(name() + " needs a neighbour list with cutoff ≥ " + cutoff()
                    + " Å, got " + neighbours.cutoff() + " Å");
        }
        if (needsFullList() && !neighbours.full()) {
            throw new IllegalArgumentException(name() + " needs a full neighbour list");
        }
        for (Property p : requested) {
            if (!supported().contains(p)) {
                throw new IllegalArgumentException(name() + " cannot compute " + p.key());
            }
        }
    }
}
