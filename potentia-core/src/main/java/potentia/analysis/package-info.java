/**
 * Trajectory analysis as pure functions over frames: radial distribution functions
 * ({@link potentia.analysis.RadialDistribution}, total and partial, any r_max through periodic
 * images), mean-square displacement and the Einstein diffusion coefficient
 * ({@link potentia.analysis.MeanSquareDisplacement}, multiple time origins, block errors), the
 * velocity autocorrelation and the Green–Kubo diffusion coefficient
 * ({@link potentia.analysis.VelocityAutocorrelation}), and unwrapping of wrapped trajectories
 * ({@link potentia.analysis.Unwrapping}).
 *
 * <pre>{@code
 * List<Structure> frames = ExtxyzReader.readAll(path);
 * Rdf rdf = RadialDistribution.of(frames, 8.0, 200);
 * var msd = MeanSquareDisplacement.of(frames, 10.0, MeanSquareDisplacement.Options.defaults());
 * System.out.println(msd.diffusion().get(Element.Si).describe("MSD fit"));
 * }</pre>
 *
 * <p>Units: Å, fs, Å²/fs for D internally ({@link potentia.analysis.Diffusion} converts to Å²/ps
 * and 10⁻⁹ m²/s).
 */
package potentia.analysis;
