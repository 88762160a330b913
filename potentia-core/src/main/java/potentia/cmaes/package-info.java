/**
 * The (μ/μ_w, λ)-CMA-ES optimiser (Hansen, arXiv:1604.00772) with an ask/tell interface:
 * {@link potentia.cmaes.Cmaes} (one run, Hansen's default parameters from
 * {@link potentia.cmaes.CmaesParameters}, termination criteria {@link potentia.cmaes.StopReason}),
 * {@link potentia.cmaes.RestartingCmaes} (IPOP and BIPOP restarts behind the same interface),
 * parallel evaluation of a population ({@link potentia.cmaes.PopulationEvaluator}) and of many
 * runs ({@link potentia.cmaes.ParallelRuns}), and bit-exact, atomically written checkpoints
 * ({@link potentia.cmaes.CmaesState}, {@link potentia.cmaes.CheckpointFile}) whose resumed runs
 * continue exactly as uninterrupted ones. Nothing here knows about atoms.
 */
package potentia.cmaes;
