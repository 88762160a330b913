/**
 * Molecular dynamics on the {@link potentia.potential.Potential} contract alone, so that it runs
 * the same with Lennard-Jones, Stillinger-Weber or a trained network.
 *
 * <p>Units: time fs, length Å, energy eV, mass amu, temperature K, velocity Å/fs, pressure eV/Å³
 * inside (GPa in the log), conversions only through {@link potentia.units.Units}.
 *
 * <ul>
 *   <li>{@link potentia.md.MolecularDynamics} — the engine: velocity Verlet (NVE), BAOAB
 *       Langevin and Bussi stochastic velocity rescaling ({@link potentia.md.Thermostat}),
 *       Bernetti–Bussi stochastic cell rescaling, isotropic or anisotropic
 *       ({@link potentia.md.Barostat}); fixed atoms and components, per-atom masses
 *       ({@link potentia.md.MdSystem}); Verlet-list reuse; observers
 *       ({@link potentia.md.MdObserver}) receive {@link potentia.md.MdSample}s.</li>
 *   <li>{@link potentia.md.MdState} — the immutable snapshot (positions never wrapped,
 *       velocities, cell, step, time, reservoir energy).</li>
 *   <li>{@link potentia.md.CounterRandom} — random numbers as pure functions of (seed, stream,
 *       step, index): restarts are bit-identical and thread counts do not matter.</li>
 *   <li>{@link potentia.md.Velocities} — Maxwell–Boltzmann velocities, kinetic energy,
 *       degrees of freedom, velocities from a structure (ours or ASE's momenta).</li>
 *   <li>{@link potentia.md.MdRun}, {@link potentia.md.RestartFile}, {@link potentia.md.MdRestart} —
 *       an output directory (extended XYZ trajectory, CSV log, atomic restart files) and exact
 *       continuation.</li>
 * </ul>
 */
package potentia.md;
