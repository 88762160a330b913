package potentia.md;

import potentia.potential.lj.CutoffMode;
import potentia.potential.lj.LennardJones;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

/** The small Lennard-Jones argon crystal the statistical tests sample: 32 atoms, fcc 2×2×2. */
final class LjSystems {
    /** Argon: ε = 0.0104 eV, σ = 3.40 Å, cut at 2.5σ with the energy shifted to zero there. */
    static final LennardJones ARGON = LennardJones.of(Element.Ar, 0.0104, 3.40, 8.5, CutoffMode.shifted());

    private LjSystems() {
    }

    static Structure crystal() {
        return Crystals.fcc(Element.Ar, 5.30).repeat(2, 2, 2);
    }

    /** An engine on the crystal with Maxwell–Boltzmann velocities at the thermostat's temperature (or 40 K). */
    static MolecularDynamics engine(MdSettings settings) {
        Structure s = crystal();
        MdSystem sys = MdSystem.of(s);
        double t = settings.thermostat() instanceof Thermostat.None ? 40 : settings.thermostat().temperature();
        return MolecularDynamics.create(ARGON, sys, settings,
                MolecularDynamics.initialState(s, Velocities.maxwellBoltzmann(sys, t, 5)), 1);
    }
}
