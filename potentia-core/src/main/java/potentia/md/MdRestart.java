package potentia.md;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import potentia.structure.Cell;

/**
 * Everything needed to continue a run bit for bit: the system, the settings, the state, and the
 * positions and cell at which the current neighbour list was built (so that the continued run
 * rebuilds the very same list and sums forces in the same order), with the potential's name and
 * cutoff to check that the same potential is supplied, and free-form metadata for the caller
 * (a command stores its options and output positions there).
 *
 * <p>Immutable. Written and read by {@link RestartFile}.
 *
 * @param listPositions 3N, Å: positions at the last neighbour-list build
 * @param listCell the cell at the last neighbour-list build
 */
public record MdRestart(MdSystem system, MdSettings settings, MdState state, double[] listPositions, Cell listCell,
        String potentialName, double potentialCutoff, Map<String, String> metadata) {

    public MdRestart {
        if (state.size() != system.size() || listPositions.length != 3 * system.size()) {
            throw new IllegalArgumentException("restart is inconsistent: system of " + system.size() + " atoms, state of "
                    + state.size() + ", neighbour reference of " + listPositions.length / 3);
        }
        listPositions = listPositions.clone();
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    @Override
    public double[] listPositions() {
        return listPositions.clone();
    }

    /** This restart with other metadata. */
    public MdRestart withMetadata(Map<String, String> m) {
        return new MdRestart(system, settings, state, listPositions, listCell, potentialName, potentialCutoff, m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MdRestart r && system.equals(r.system) && settings.equals(r.settings)
                && state.equals(r.state) && Arrays.equals(listPositions, r.listPositions) && listCell.equals(r.listCell)
                && potentialName.equals(r.potentialName) && Double.compare(potentialCutoff, r.potentialCutoff) == 0
                && metadata.equals(r.metadata);
    }

    @Override
    public int hashCode() {
        return state.hashCode();
    }
}
