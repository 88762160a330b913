/**
 * Local relaxation with any potential: {@link potentia.relax.Relaxer#relax} minimises the energy
 * over positions, or the enthalpy H = E + pV over positions and cell, by FIRE or L-BFGS, and
 * returns a {@link potentia.relax.RelaxResult} saying whether it converged and why not.
 *
 * <pre>{@code
 * RelaxResult r = Relaxer.relax(StillingerWeber.silicon(), structure,
 *         RelaxOptions.builder().algorithm(Algorithm.LBFGS).fmax(0.01)
 *                 .cell(CellRelaxation.atPressure(Units.fromGPa(5))).build(),
 *         step -> System.err.println(step.step() + " " + step.energy()));
 * if (!r.converged()) throw new IllegalStateException(r.message());
 * }</pre>
 *
 * <p>Engines here use only the {@link potentia.potential.Potential} contract.
 */
package potentia.relax;
