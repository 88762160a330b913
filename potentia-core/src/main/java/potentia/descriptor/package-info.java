/**
 * Descriptors of atomic neighbourhoods for machine-learned potentials.
 *
 * <p>{@link potentia.descriptor.Descriptor} is the contract a force field builds on: features of
 * a range of centres, their vector–Jacobian product (forces and virial from ∂E/∂G) and their
 * Jacobian–vector product (displacements and strain, for force training).
 * {@link potentia.descriptor.BesselDescriptor} implements it with NeuralIL's element-specific
 * spherical Bessel power spectrum (Kocer, Mason and Erturk's orthonormal radial basis
 * {@link potentia.descriptor.RadialBasis}, tabulated by {@link potentia.descriptor.RadialTable},
 * and real spherical harmonics {@link potentia.descriptor.RealSphericalHarmonics}). The
 * building blocks — {@link potentia.descriptor.SphericalBessel} functions and their cached
 * roots {@link potentia.descriptor.SphericalBesselRoots} — are public for reuse and checks.
 */
package potentia.descriptor;
