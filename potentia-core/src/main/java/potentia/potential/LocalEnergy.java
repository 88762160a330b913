package potentia.potential;

import java.util.Optional;
import potentia.structure.Structure;

/**
 * A capability of a {@link Potential} (like the JDK's capability interfaces, separate from the
 * contract): the energy change of moving one atom, computed from the atoms near it alone —
 * O(neighbours) instead of a full evaluation. Single-atom Monte Carlo (nested sampling's walks)
 * uses it; everything else uses {@link Potential#compute}.
 */
public interface LocalEnergy {

    /**
     * Starts tracking a configuration for single-atom moves.
     *
     * @param structure the configuration (copied): a fully periodic cell or a cluster
     * @return the tracker, or empty when this potential cannot update the energy of this
     *     structure locally (then use full evaluations)
     * @throws IllegalArgumentException for an element without parameters
     */
    Optional<LocalMoves> track(Structure structure);
}
