package potentia.md;

import potentia.potential.Result;
import potentia.potential.ResultLabels;
import potentia.structure.AtomArray;
import potentia.structure.InfoValue;
import potentia.structure.Structure;
import potentia.units.Units;

/**
 * What an observer sees at a sampled step: the state, the potential's result at its positions,
 * and the thermodynamic quantities derived from them.
 *
 * @param system the atoms' species, masses and fixed components
 * @param state the state after {@code state.step()} steps
 * @param result energy and forces at the state's positions, with the virial when the potential
 *     offers it
 * @param kinetic kinetic energy Σ ½mv², eV
 * @param degreesOfFreedom N_f used for the temperature: free components, less 3 when the dynamics
 *     conserves (zero) total momentum
 * @param pressure instantaneous pressure (virial + kinetic), eV/Å³; NaN without a virial or volume
 * @param conserved kinetic + potential + P₀V (with a barostat) + the reservoir energy, eV: constant up
 *     to the integration error (the total energy for NVE)
 */
public record MdSample(MdSystem system, MdState state, Result result, double kinetic, int degreesOfFreedom,
        double pressure, double conserved) {

    /** Steps taken. */
    public long step() {
        return state.step();
    }

    /** Simulated time, fs. */
    public double time() {
        return state.time();
    }

    /** Potential energy, eV. */
    public double potentialEnergy() {
        return result.energy();
    }

    /** Kinetic + potential energy, eV. */
    public double totalEnergy() {
        return kinetic + result.energy();
    }

    /** Instantaneous temperature 2K/(N_f k_B), K (NaN with no degrees of freedom). */
    public double temperature() {
        return degreesOfFreedom > 0 ? 2 * kinetic / (degreesOfFreedom * Units.BOLTZMANN) : Double.NaN;
    }

    /** Cell volume, Å³ (0 for a cluster). */
    public double volume() {
        return state.cell().volume();
    }

    /** Pressure in GPa (NaN when unavailable). */
    public double pressureGPa() {
        return Units.toGPa(pressure);
    }

    /**
     * The state as a structure for output: positions (wrapped into the cell along periodic axes
     * when {@code wrap}), per-atom {@code velocities} (Å/fs) and the result under ASE's keys
     * ({@code energy}, {@code forces}, {@code stress}), info {@code step} and {@code time} (fs),
     * and {@code move_mask} when some components are fixed.
     */
    public Structure structure(boolean wrap) {
        Structure s = Structure.of(system.atomicNumbers(), state.positions(), state.cell());
        if (wrap) {
            s = s.wrapped();
        }
        s = s.withInfo("step", new InfoValue.Int(state.step()))
                .withInfo("time", new InfoValue.Real(state.time()));
        s = ResultLabels.attach(s, result);
        s = s.withArray("velocities", new AtomArray.Reals(state.velocities(), 3));
        if (system.anyFrozen()) {
            boolean[] frozen = system.frozen();
            boolean[] mask = new boolean[frozen.length];
            for (int k = 0; k < mask.length; k++) {
                mask[k] = !frozen[k];
            }
            s = s.withArray("move_mask", new AtomArray.Bools(mask, 3));
        }
        return s;
    }
}
