/**
 * Structure search with CMA-ES (the Clinamen2 approach; Wanzenböck et al., Digital Discovery 1
 * (2022) 703): the Cartesian coordinates of the atoms an {@link potentia.search.AtomSelection}
 * frees are the optimiser's variables, the potential energy (optionally after a
 * {@link potentia.search.LocalRelaxation} such as {@link potentia.search.RelaxerRelaxation}, plus
 * κ·σ_E for a committee) is the fitness
 * ({@link potentia.search.StructureObjective}), overlapping or exploding candidates get
 * {@link potentia.search.Penalties}; {@link potentia.search.SearchRun} drives and checkpoints one
 * run and counts its energy evaluations (relaxation steps included),
 * {@link potentia.search.DistinctStructures} merges what many runs found,
 * {@link potentia.search.RandomClusters} makes random cluster founders.
 */
package potentia.search;
