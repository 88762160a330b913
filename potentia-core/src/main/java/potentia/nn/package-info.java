/**
 * Neural-network potentials (Behler–Parrinello lineage, NeuralIL): per-element swish networks on
 * standardised descriptors, committees, the model file, and the potential that serves them
 * through the common {@link potentia.potential.Potential} contract.
 *
 * <p>Data flow of one evaluation ({@link potentia.nn.NeuralNetworkPotential}): descriptor
 * features G (N × F, per range of centres) → standardisation z = (G − μ_s)/σ_s
 * ({@link potentia.nn.Standardisation}) → atomic energies ε_i and ∂ε_i/∂z_i for every committee
 * member ({@link potentia.nn.AtomicModel}; {@link potentia.nn.ElementNetworks} evaluates batches
 * of atoms in SIMD lanes with {@code BatchedMlp}, checked against {@link potentia.nn.ScalarMlp})
 * → ∂E/∂G = ∂ε/∂z / σ → the descriptor's vector–Jacobian product gives forces and virial.
 *
 * <p>The pieces: {@link potentia.nn.MlpShape} (layer widths and the flat parameter layout),
 * {@link potentia.nn.Swish}, {@link potentia.nn.NetworkModel} (descriptor spec, species,
 * standardisation, reference energies, members, metadata), {@link potentia.nn.DescriptorSpec}
 * (what rebuilds the descriptor), {@link potentia.nn.ModelFile} (versioned JSON with a checksum),
 * {@link potentia.nn.ModelInit} (untrained models).
 */
package potentia.nn;
