package potentia.neighbour;

import potentia.structure.Structure;

/** Placeholder until the O(N) cell-list builder lands: delegates to the brute-force reference. */
final class CellListBuilder {
    private CellListBuilder() {
    }

    static NeighbourList build(Structure s, double cutoff, boolean full) {
        return BruteForceNeighbours.build(s, cutoff, full);
    }
}
