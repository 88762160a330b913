package potentia.potential;

import potentia.structure.AtomArray;
import potentia.structure.InfoValue;
import potentia.structure.Structure;

/**
 * Attaches a {@link Result} to a structure under ASE's keys, as ASE's extended XYZ writer stores
 * a calculator's results: info {@code energy} (eV), {@code stress} (9 numbers, eV/Å³, ASE sign;
 * {@code virial} instead when there is no volume), {@code energy_std}; per-atom arrays
 * {@code forces} (eV/Å), {@code energies} (eV), {@code forces_std}, {@code energies_std}.
 * Existing entries with those names are replaced; everything else the structure carried is kept.
 */
public final class ResultLabels {
    private ResultLabels() {
    }

    /** The structure with every available property of {@code r} attached. */
    public static Structure attach(Structure s, Result r) {
        if (r.atoms() != s.size()) {
            throw new IllegalArgumentException("result is for " + r.atoms() + " atoms, structure has " + s.size());
        }
        Structure out = s;
        if (r.has(Property.ENERGY)) {
            out = out.withInfo(Property.ENERGY.key(), new InfoValue.Real(r.energy()));
        }
        if (r.has(Property.ENERGY_STD)) {
            out = out.withInfo(Property.ENERGY_STD.key(), new InfoValue.Real(r.energyStd()));
        }
        if (r.hasStress()) {
            out = out.withInfo(Property.STRESS.key(), new InfoValue.Reals(r.stress()));
        } else if (r.has(Property.STRESS)) {
            out = out.withInfo("virial", new InfoValue.Reals(r.virial()));
        }
        if (r.has(Property.STRESS_STD)) {
            out = out.withInfo(Property.STRESS_STD.key(), new InfoValue.Reals(r.stressStd()));
        }
        if (r.has(Property.FORCES)) {
            out = out.withArray(Property.FORCES.key(), new AtomArray.Reals(r.forces(), 3));
        }
        if (r.has(Property.FORCES_STD)) {
            out = out.withArray(Property.FORCES_STD.key(), new AtomArray.Reals(r.forcesStd(), 3));
        }
        if (r.has(Property.ENERGIES)) {
            out = out.withArray(Property.ENERGIES.key(), new AtomArray.Reals(r.energies(), 1));
        }
        if (r.has(Property.ENERGIES_STD)) {
            out = out.withArray(Property.ENERGIES_STD.key(), new AtomArray.Reals(r.energiesStd(), 1));
        }
        return out;
    }
}
