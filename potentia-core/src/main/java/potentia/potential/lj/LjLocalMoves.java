package potentia.potential.lj;

import potentia.potential.LocalMoves;
import potentia.potential.Potential;
import potentia.structure.Structure;

/**
 * Single-atom moves for Lennard-Jones: the energy change of moving atom i is the sum of its
 * pair energies at the trial position less those now, O(neighbours). Pairs of i with its own
 * images keep their length and are left out.
 */
final class LjLocalMoves extends LocalMoves {
    private final LjKernel.Tables tables;
    private final int[] type;

    LjLocalMoves(Potential potential, LjKernel.Tables tables, int[] type, Structure structure) {
        super(potential, structure);
        this.tables = tables;
        this.type = type;
    }

    @Override
    protected double change(int i) {
        int row = type[i] * tables.species();
        double after = 0;
        int[] nb = neighbourhoods.trialNeighbours();
        double[] d = neighbourhoods.trialSeparations();
        for (int e = 0, c = neighbourhoods.trialCount(); e < c; e++) {
            int j = nb[e];
            if (j != i) {
                after += LjKernel.pairEnergy(tables, row + type[j], squared(d, e));
            }
        }
        double before = 0;
        nb = neighbourhoods.neighbours(i);
        d = neighbourhoods.separations(i);
        for (int e = 0, c = neighbourhoods.count(i); e < c; e++) {
            int j = nb[e];
            if (j != i) {
                before += LjKernel.pairEnergy(tables, row + type[j], squared(d, e));
            }
        }
        return after - before;
    }

    private static double squared(double[] d, int e) {
        double x = d[3 * e];
        double y = d[3 * e + 1];
        double z = d[3 * e + 2];
        return x * x + y * y + z * z;
    }
}
