package potentia.ehp;

import potentia.structure.Cell;

/**
 * The potential-energy surface the effective harmonic potential approximates: energy, forces
 * and (for crystals) virial of one configuration. Implementations must be safe to call from
 * several threads at once and deterministic (the same configuration gives the same numbers).
 */
@FunctionalInterface
public interface Landscape {

    /**
     * One evaluated configuration.
     *
     * @param energy eV
     * @param forces eV/Å, length n
     * @param virial W = −σV, eV, 3×3 row-major, or null when not computed
     */
    record Sample(double energy, double[] forces, double[] virial) {
    }

    /**
     * Evaluates a configuration.
     *
     * @param positions Cartesian, Å, length n (not modified)
     * @param cell the cell ({@link Cell#NONE} for a system without one)
     */
    Sample evaluate(double[] positions, Cell cell);
}
