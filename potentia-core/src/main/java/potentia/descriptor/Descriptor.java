package potentia.descriptor;

import java.util.List;
import potentia.neighbour.NeighbourList;
import potentia.potential.Tally;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * A description of each atom's neighbourhood (within {@link #cutoff()}) by a fixed-length vector
 * G_i of {@link #featureCount()} rotation-, translation- and permutation-invariant features, with
 * the derivatives a force field needs: a vector–Jacobian product (forces and virial from ∂E/∂G)
 * and a Jacobian–vector product (the change of G along a displacement and strain, for force
 * training).
 *
 * <p>Arrays of features are atom-major: G_i's feature f sits at {@code [i * featureCount() + f]}.
 * Methods work on a range of centres [from, to) so callers can split atoms over threads; they
 * read only the structure and the list, and write only their outputs, so ranges may run
 * concurrently. Implementations are immutable.
 */
public interface Descriptor {

    /** Cutoff radius, Å. */
    double cutoff();

    /** The elements the features are specific to, in the order that defines the features. */
    List<Element> species();

    /** Features per atom. */
    int featureCount();

    /** Human-readable labels of the features, in order (e.g. "Si-O l=2 n=3"). */
    List<String> featureLabels();

    /**
     * Features of centres [from, to).
     *
     * @param neighbours a full list with cutoff ≥ {@link #cutoff()} (extra pairs are ignored)
     * @param out N × featureCount, atom-major; rows [from, to) are overwritten (modified)
     * @throws IllegalArgumentException for an element outside {@link #species()}
     */
    void features(Structure s, NeighbourList neighbours, int from, int to, double[] out);

    /**
     * Vector–Jacobian product: given g_i = ∂E/∂G_i for centres [from, to), adds the forces
     * F_a −= Σ_i g_i · ∂G_i/∂R_a to {@code tally.forces} and the virial Σ_i Σ_j d_ij ⊗ f_ij of the
     * corresponding pair forces to {@code tally.virial} (eV, ASE sign convention of {@link Tally}).
     *
     * @param dEdG N × featureCount, atom-major (not modified; only rows [from, to) are read)
     * @param tally accumulators (forces and virial modified; energy untouched)
     */
    void backward(Structure s, NeighbourList neighbours, double[] dEdG, int from, int to, Tally tally);

    /**
     * Several vector–Jacobian products at once, e.g. one per committee member: for each k, as
     * {@link #backward(Structure, NeighbourList, double[], int, int, Tally)} with dEdG[k] into
     * tallies[k]. Implementations may share the work that does not depend on ∂E/∂G (for the
     * spherical Bessel descriptor, everything but the final contraction); this default simply
     * calls {@code backward} once per k.
     *
     * @param dEdG K arrays of N × featureCount, atom-major (not modified; rows [from, to) are read)
     * @param tallies K accumulators, tallies[k] receiving dEdG[k]'s forces and virial (modified)
     */
    default void backwardEach(Structure s, NeighbourList neighbours, double[][] dEdG, int from, int to,
            Tally[] tallies) {
        if (dEdG.length != tallies.length) {
            throw new IllegalArgumentException(dEdG.length + " gradients but " + tallies.length + " tallies");
        }
        for (int k = 0; k < dEdG.length; k++) {
            backward(s, neighbours, dEdG[k], from, to, tallies[k]);
        }
    }

    /**
     * Jacobian–vector product: dG_i/dt for centres [from, to) when positions move along
     * {@code displacement} and the cell (with every separation vector d ↦ d + d·ε) along
     * {@code strain}: dG_i = Σ_j ∂G_i/∂d_ij · (v_j − v_i + d_ij·ε).
     *
     * @param displacement v, 3N, Å (not modified), or null for none
     * @param strain ε, 3×3 row-major (not modified), or null for none
     * @param out N × featureCount; rows [from, to) are overwritten (modified)
     */
    void tangent(Structure s, NeighbourList neighbours, double[] displacement, double[] strain,
            int from, int to, double[] out);
}
