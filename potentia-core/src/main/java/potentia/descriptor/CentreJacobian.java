package potentia.descriptor;

import java.util.Arrays;

/**
 * The sparse Jacobian of one centre's features G_i: for every pair (i, j, S) inside the cutoff,
 * ∂G_i/∂d_p with d_p = x_j − x_i + S·h the pair's separation vector; and from those, per atom,
 * ∂G_i/∂R_a = Σ_{pairs with j = a} ∂G_i/∂d_p − [a = i] Σ_p ∂G_i/∂d_p (several images of a
 * neighbour add up; an atom's own images cancel in ∂G_i/∂R_i, since they move with it).
 * Immutable.
 */
public final class CentreJacobian {
    private final int centre;
    private final int featureCount;
    private final int[] neighbours;
    private final int[] shiftCodes;
    private final double[] separations;
    private final double[] pairDerivatives;
    private final int[] atoms;
    private final double[] atomDerivatives;

    /**
     * Takes ownership of the arrays.
     *
     * @param neighbours P neighbour indices (one per pair inside the cutoff)
     * @param shiftCodes P packed image shifts ({@code NeighbourList.shiftCode})
     * @param separations 3P separation vectors, Å
     * @param pairDerivatives P × featureCount × 3, [(p · F + f) · 3 + k] = ∂G_i[f]/∂d_p[k]
     */
    CentreJacobian(int centre, int featureCount, int[] neighbours, int[] shiftCodes, double[] separations,
            double[] pairDerivatives) {
        this.centre = centre;
        this.featureCount = featureCount;
        this.neighbours = neighbours;
        this.shiftCodes = shiftCodes;
        this.separations = separations;
        this.pairDerivatives = pairDerivatives;
        // distinct atoms: the centre first, then neighbours in order of first appearance
        int[] order = new int[neighbours.length + 1];
        order[0] = centre;
        int count = 1;
        for (int j : neighbours) {
            boolean seen = false;
            for (int q = 0; q < count && !seen; q++) {
                seen = order[q] == j;
            }
            if (!seen) {
                order[count++] = j;
            }
        }
        this.atoms = Arrays.copyOf(order, count);
        int block = 3 * featureCount;
        this.atomDerivatives = new double[count * block];
        for (int p = 0; p < neighbours.length; p++) {
            int slot = 0;
            while (atoms[slot] != neighbours[p]) {
                slot++;
            }
            for (int e = 0; e < block; e++) {
                double v = pairDerivatives[p * block + e];
                atomDerivatives[slot * block + e] += v;
                atomDerivatives[e] -= v;
            }
        }
    }

    /** The centre atom i. */
    public int centre() {
        return centre;
    }

    /** Features per atom, F. */
    public int featureCount() {
        return featureCount;
    }

    /** Number of pairs inside the cutoff. */
    public int pairCount() {
        return neighbours.length;
    }

    /** Neighbour atom of pair p. */
    public int neighbour(int p) {
        return neighbours[p];
    }

    /** Packed image shift of pair p (as {@code NeighbourList.shiftCode}). */
    public int shiftCode(int p) {
        return shiftCodes[p];
    }

    /** Component k of pair p's separation vector, Å. */
    public double separation(int p, int k) {
        return separations[3 * p + k];
    }

    /** ∂G_i[f]/∂d_p[k], 1/Å in the features' units. */
    public double pairDerivative(int p, int f, int k) {
        return pairDerivatives[(p * featureCount + f) * 3 + k];
    }

    /** The atoms G_i depends on: the centre first, then each distinct neighbour. A fresh copy. */
    public int[] atoms() {
        return atoms.clone();
    }

    /**
     * ∂G_i/∂R_a for atom a, all zero when G_i does not depend on a.
     *
     * @return F × 3, [f · 3 + k] = ∂G_i[f]/∂R_a[k], a fresh array
     */
    public double[] atomDerivatives(int a) {
        int block = 3 * featureCount;
        for (int slot = 0; slot < atoms.length; slot++) {
            if (atoms[slot] == a) {
                return Arrays.copyOfRange(atomDerivatives, slot * block, (slot + 1) * block);
            }
        }
        return new double[block];
    }
}
