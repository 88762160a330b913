package potentia.potential;

import java.util.EnumSet;
import java.util.Set;
import potentia.neighbour.EntryData;
import potentia.neighbour.LocalNeighbourhoods;
import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * The mutable state of single-atom moves with local energy updates (see {@link LocalEnergy}):
 * positions, cell, the exact neighbourhood of every atom ({@link LocalNeighbourhoods}) and the
 * energy, kept current as moves are accepted. A {@link #trial} returns the energy change of
 * moving one atom; {@link #accept} makes it so. After moves of many atoms or of the cell,
 * {@link #reset} starts over from positions.
 *
 * <p>The tracked energy is the energy at the last reset plus the accepted changes; it differs
 * from a full evaluation by rounding only. Subclasses supply the potential's local kernel.
 * Mutable, for one thread.
 */
public abstract class LocalMoves {
    private static final Set<Property> ENERGY = EnumSet.of(Property.ENERGY);

    private final Potential potential;
    private final int[] numbers;
    /** The neighbourhoods the kernels read. */
    protected final LocalNeighbourhoods neighbourhoods;
    private Cell cell;
    private double energy;
    private double trialChange = Double.NaN;

    /**
     * @param potential evaluates full energies at {@link #reset}
     * @param structure the starting configuration (copied)
     */
    protected LocalMoves(Potential potential, Structure structure) {
        this(potential, structure, null);
    }

    /**
     * @param potential evaluates full energies at {@link #reset}
     * @param structure the starting configuration (copied)
     * @param entryData numbers the kernel keeps per neighbour entry (see {@link LocalNeighbourhoods#data}), or null
     */
    protected LocalMoves(Potential potential, Structure structure, EntryData entryData) {
        this.potential = potential;
        this.numbers = structure.atomicNumbers();
        this.cell = structure.cell();
        this.neighbourhoods = new LocalNeighbourhoods(numbers, structure.positions(), cell, potential.cutoff(), entryData);
        this.energy = potential.compute(structure, ENERGY).energy();
    }

    /** Number of atoms. */
    public final int size() {
        return numbers.length;
    }

    /** The tracked energy, eV. */
    public final double energy() {
        return energy;
    }

    /** Coordinate k of atom i, Å. */
    public final double position(int i, int k) {
        return neighbourhoods.position(i, k);
    }

    /** Positions, 3N, Å, a fresh copy. */
    public final double[] positions() {
        return neighbourhoods.positions();
    }

    /** The cell. */
    public final Cell cell() {
        return cell;
    }

    /** The current configuration as a structure. */
    public final Structure structure() {
        return Structure.of(numbers, neighbourhoods.positions(), cell);
    }

    /**
     * The energy change (eV) if atom {@code i} moved to (x, y, z) Å; the configuration does not
     * change until {@link #accept}. Replaces any earlier trial.
     */
    public final double trial(int i, double x, double y, double z) {
        neighbourhoods.trial(i, x, y, z);
        trialChange = change(i);
        return trialChange;
    }

    /** Moves the atom of the last trial and adds its energy change. */
    public final void accept() {
        if (neighbourhoods.trialAtom() < 0) {
            throw new IllegalStateException("no trial move to accept");
        }
        neighbourhoods.commit();
        energy += trialChange;
        trialChange = Double.NaN;
    }

    /**
     * Starts over from new positions and cell, evaluating the energy in full.
     *
     * @param positions 3N, Å (copied)
     */
    public final void reset(double[] positions, Cell newCell) {
        Structure s = Structure.of(numbers, positions, newCell);
        reset(positions, newCell, potential.compute(s, ENERGY).energy());
    }

    /**
     * Starts over from new positions and cell whose energy is known.
     *
     * @param positions 3N, Å (copied)
     * @param knownEnergy the energy of that configuration, eV
     */
    public final void reset(double[] positions, Cell newCell, double knownEnergy) {
        neighbourhoods.reset(positions, newCell);
        cell = newCell;
        energy = knownEnergy;
        trialChange = Double.NaN;
    }

    /**
     * The potential's local kernel: E(trial) − E(now) for moving atom {@code i}, from
     * {@link #neighbourhoods}' lists (the current configuration) and its trial neighbourhood.
     */
    protected abstract double change(int i);
}
