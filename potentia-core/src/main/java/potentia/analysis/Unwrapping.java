package potentia.analysis;

import java.util.ArrayList;
import java.util.List;
import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * Unwraps a trajectory whose atoms were mapped back into the cell, so that displacements are
 * the real ones (the mean-square displacement needs them).
 *
 * <p>Between consecutive frames each atom's Cartesian displacement d = x(t+1) − x(t) is replaced
 * by d − n·h(t+1), n the integer vector rounding d's fractional components along the periodic
 * axes in the cell of frame t+1 (minimum image). This is exact when no atom moves more than half a
 * perpendicular cell width between frames. With a changing cell (NPT) it is the
 * "toroidal-view-preserving" scheme of von Bülow, Bullerjahn and Hummer (J. Chem. Phys. 153 (2020)
 * 021101), which, unlike unwrapping in scaled coordinates, does not inflate the displacements by
 * the volume fluctuations. An already unwrapped trajectory comes back unchanged.
 */
public final class Unwrapping {
    private Unwrapping() {
    }

    /**
     * Unwrapped positions and how many times an atom crossed a cell boundary (0 means the input was
     * not wrapped, or nothing crossed).
     *
     * @param positions per frame, 3N Cartesian positions, Å (owned by this record)
     */
    public record Unwrapped(List<double[]> positions, long crossings) {
    }

    /** Unwraps the frames of a trajectory (same atoms in the same order in every frame). */
    public static Unwrapped unwrap(List<Structure> frames) {
        List<double[]> positions = new ArrayList<>(frames.size());
        List<Cell> cells = new ArrayList<>(frames.size());
        int n = frames.isEmpty() ? 0 : frames.get(0).size();
        for (int f = 0; f < frames.size(); f++) {
            Structure s = frames.get(f);
            if (s.size() != n) {
                throw new IllegalArgumentException("frame " + f + " has " + s.size() + " atoms, frame 0 has " + n);
            }
            positions.add(s.positions());
            cells.add(s.cell());
        }
        return unwrap(positions, cells);
    }

    /**
     * Unwraps positions in a constant cell.
     *
     * @param positions per frame, 3N Cartesian positions, Å (not modified)
     */
    public static Unwrapped unwrap(List<double[]> positions, Cell cell) {
        return unwrap(positions, java.util.Collections.nCopies(positions.size(), cell));
    }

    /**
     * Unwraps positions with a cell per frame.
     *
     * @param positions per frame, 3N Cartesian positions, Å (not modified)
     * @param cells the cell of each frame
     */
    public static Unwrapped unwrap(List<double[]> positions, List<Cell> cells) {
        if (positions.size() != cells.size()) {
            throw new IllegalArgumentException(positions.size() + " position frames but " + cells.size() + " cells");
        }
        List<double[]> out = new ArrayList<>(positions.size());
        if (positions.isEmpty()) {
            return new Unwrapped(out, 0);
        }
        int length = positions.get(0).length;
        out.add(positions.get(0).clone());
        long crossings = 0;
        for (int f = 1; f < positions.size(); f++) {
            double[] previous = positions.get(f - 1);
            double[] current = positions.get(f);
            if (current.length != length) {
                throw new IllegalArgumentException("frame " + f + " has " + current.length / 3 + " atoms, frame 0 has "
                        + length / 3);
            }
            Cell cell = cells.get(f);
            double[] h = cell.matrix();
            if (cell.anyPeriodic() && !(cell.volume() > 0)) {
                throw new IllegalArgumentException("frame " + f + ": unwrapping needs a cell with a volume (give "
                        + "non-periodic axes a vector), got " + cell);
            }
            double[] inverse = cell.anyPeriodic() ? cell.inverse() : null;
            double[] last = out.get(f - 1);
            double[] next = new double[length];
            for (int a = 0; a < length; a += 3) {
                double dx = current[a] - previous[a];
                double dy = current[a + 1] - previous[a + 1];
                double dz = current[a + 2] - previous[a + 2];
                if (inverse != null) {
                    for (int k = 0; k < 3; k++) {
                        if (!cell.periodic(k)) {
                            continue;
                        }
                        double s = dx * inverse[k] + dy * inverse[3 + k] + dz * inverse[6 + k];
                        double jump = Math.rint(s);
                        if (jump != 0) {
                            dx -= jump * h[3 * k];
                            dy -= jump * h[3 * k + 1];
                            dz -= jump * h[3 * k + 2];
                            crossings += (long) Math.abs(jump);
                        }
                    }
                }
                next[a] = last[a] + dx;
                next[a + 1] = last[a + 1] + dy;
                next[a + 2] = last[a + 2] + dz;
            }
            out.add(next);
        }
        return new Unwrapped(out, crossings);
    }
}
