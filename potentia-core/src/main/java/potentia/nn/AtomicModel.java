package potentia.nn;

import java.util.List;
import potentia.structure.Element;

/**
 * The learned part of a network potential: maps each atom's standardised descriptor z_i
 * (see {@link Standardisation}) and its species to an atomic energy ε_i (eV, without the
 * reference energy e0), with the derivatives forces and training need. All parameters live in
 * one flat array ({@link #parameters()}), the vector an optimiser updates.
 *
 * <p>Arrays of features are atom-major, N × {@link #featureCount()}; {@code type[i]} is atom i's
 * index in {@link #species()}. Methods work on a range of atoms [from, to), read only their rows
 * and write only their rows, so ranges may run concurrently. Implementations are immutable.
 *
 * <p>Sealed: {@link ElementNetworks} is Behler–Parrinello's one network per element; NeuralIL's
 * single network with learned element embeddings is the planned second implementation.
 */
public sealed interface AtomicModel permits ElementNetworks {

    /** The elements, in the order {@code type} indexes. */
    List<Element> species();

    /** Features per atom. */
    int featureCount();

    /** Number of parameters θ. */
    int parameterCount();

    /** θ, a fresh copy of length {@link #parameterCount()}. */
    double[] parameters();

    /** The same architecture with parameters θ (length {@link #parameterCount()}, copied). */
    AtomicModel withParameters(double[] parameters);

    /**
     * Whether parameter k is trained (a fixed swish β is a parameter that is not): training
     * leaves untrainable parameters at their values.
     */
    boolean trainable(int k);

    /** A one-line description of the architecture, e.g. "per-element MLP 21-64-32-16-1, swish β=1 fixed". */
    String describe();

    /**
     * Atomic energies and, optionally, their gradients with respect to the features: the fast
     * (batched, vectorised) path.
     *
     * @param z N × F standardised features (not modified)
     * @param type N species indices (not modified)
     * @param energies N; entries [from, to) receive ε_i, eV (modified)
     * @param dEdz N × F, rows [from, to) receive ∂ε_i/∂z_i (modified), or null for energies only
     */
    void evaluate(double[] z, int[] type, int from, int to, double[] energies, double[] dEdz);

    /** The same as {@link #evaluate} by the plain per-atom reference path (slow; for tests). */
    void evaluateReference(double[] z, int[] type, int from, int to, double[] energies, double[] dEdz);

    /**
     * Adds Σ_{i∈[from,to)} w_i ∂ε_i/∂θ to {@code out}: the energy term of a loss gradient.
     *
     * @param weights N per-atom weights w_i (not modified), or null for all ones
     * @param out {@link #parameterCount()} accumulators (modified)
     */
    void parameterGradient(double[] z, int[] type, int from, int to, double[] weights, double[] out);

    /**
     * Adds Σ_{i∈[from,to)} ∂(∇_z ε_i · u_i)/∂θ to {@code out}: the force term of a loss gradient,
     * with u_i the force residual pulled back to atom i's feature space (by the descriptor's
     * Jacobian–vector product).
     *
     * @param u N × F directions (not modified)
     * @param out {@link #parameterCount()} accumulators (modified)
     */
    void forceParameterGradient(double[] z, int[] type, int from, int to, double[] u, double[] out);
}
