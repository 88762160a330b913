package potentia.search;

import java.util.EnumSet;
import java.util.Set;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Structure;

/**
 * The trivial local relaxation the hook is tested with (the real relaxer lives elsewhere):
 * {@code steps} steps x ← x + α F on the movable atoms, each atom's step capped at 0.1 Å.
 */
record SteepestDescent(int steps, double alpha) implements LocalRelaxation {
    @Override
    public Relaxed relax(Structure start, int[] movable, Potential potential, Set<Property> requested) {
        Structure s = start;
        EnumSet<Property> want = EnumSet.copyOf(requested);
        want.add(Property.FORCES);
        Result r = potential.compute(s, want);
        for (int k = 0; k < steps; k++) {
            double[] x = s.positions();
            double[] f = r.forces();
            for (int i : movable) {
                double scale = 1;
                double norm = Math.sqrt(f[3 * i] * f[3 * i] + f[3 * i + 1] * f[3 * i + 1] + f[3 * i + 2] * f[3 * i + 2]);
                if (alpha * norm > 0.1) {
                    scale = 0.1 / (alpha * norm);
                }
                for (int c = 0; c < 3; c++) {
                    x[3 * i + c] += scale * alpha * f[3 * i + c];
                }
            }
            s = s.withPositions(x);
            r = potential.compute(s, want);
        }
        return new Relaxed(s, r);
    }
}
