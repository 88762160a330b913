package potentia.ehp;

import java.util.EnumSet;
import java.util.Set;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * The landscape of a {@link Potential} for a fixed list of atoms: each configuration is the
 * structure with those positions and cell, evaluated for energy, forces and (when the cell is
 * periodic and the potential has it) the virial.
 */
public final class PotentialLandscape implements Landscape {
    private final Potential potential;
    private final int[] numbers;
    private final boolean virial;

    /**
     * @param atomicNumbers the atoms, in coordinate order (not modified)
     * @param withVirial whether to compute the virial (needed to relax the cell)
     */
    public PotentialLandscape(Potential potential, int[] atomicNumbers, boolean withVirial) {
        this.potential = potential;
        this.numbers = atomicNumbers.clone();
        this.virial = withVirial;
        if (withVirial && !potential.supported().contains(Property.STRESS)) {
            throw new IllegalArgumentException(potential.name() + " has no stress: the cell cannot be relaxed");
        }
    }

    public Potential potential() {
        return potential;
    }

    @Override
    public Sample evaluate(double[] positions, Cell cell) {
        Structure s = Structure.of(numbers, positions, cell);
        Set<Property> want = virial ? EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS)
                : EnumSet.of(Property.ENERGY, Property.FORCES);
        Result r = potential.compute(s, want);
        return new Sample(r.energy(), r.forces(), virial ? r.virial() : null);
    }
}
