package potentia.md;

import java.util.Arrays;
import potentia.structure.Cell;

/**
 * A snapshot of a run after {@code step} steps: everything the dynamics needs to continue.
 *
 * <p>Immutable: arrays are copied in and out. Positions are as integrated, never wrapped into
 * the cell (an atom that crossed a face is outside it; wrap copies for output only), so that
 * displacements and the neighbour list's reuse test stay meaningful.
 *
 * @param step steps taken since the run started, ≥ 0
 * @param time simulated time, fs
 * @param positions 3N, Å, unwrapped
 * @param velocities 3N, Å/fs
 * @param cell the current cell (changes under a barostat)
 * @param reservoirEnergy eV: the energy the thermostat and barostat have taken out of the system
 *     so far (minus what they put in), so that kinetic + potential (+ P₀V) + this is conserved
 *     up to the integration error
 */
public record MdState(long step, double time, double[] positions, double[] velocities, Cell cell,
        double reservoirEnergy) {

    public MdState {
        if (step < 0) {
            throw new IllegalArgumentException("step must be ≥ 0, got " + step);
        }
        if (positions.length != velocities.length || positions.length % 3 != 0) {
            throw new IllegalArgumentException("positions and velocities need 3N numbers each, got "
                    + positions.length + " and " + velocities.length);
        }
        if (cell == null) {
            throw new IllegalArgumentException("cell must not be null (use Cell.NONE)");
        }
        for (int k = 0; k < positions.length; k++) {
            if (!Double.isFinite(positions[k]) || !Double.isFinite(velocities[k])) {
                throw new IllegalArgumentException("atom " + k / 3 + " has a non-finite position or velocity");
            }
        }
        positions = positions.clone();
        velocities = velocities.clone();
    }

    /** Number of atoms. */
    public int size() {
        return positions.length / 3;
    }

    @Override
    public double[] positions() {
        return positions.clone();
    }

    @Override
    public double[] velocities() {
        return velocities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MdState s && step == s.step && Double.compare(time, s.time) == 0
                && Arrays.equals(positions, s.positions) && Arrays.equals(velocities, s.velocities)
                && cell.equals(s.cell) && Double.compare(reservoirEnergy, s.reservoirEnergy) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(step) * 31 + Arrays.hashCode(positions);
    }

    @Override
    public String toString() {
        return "MdState[step " + step + ", " + time + " fs, " + size() + " atoms]";
    }
}
