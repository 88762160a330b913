package potentia.relax;

import java.util.EnumSet;
import java.util.Set;
import potentia.neighbour.VerletList;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Structure;

/** The potential energy as a function of the Cartesian positions (3N, Å), the cell fixed. */
final class PositionObjective implements Objective {
    private static final Set<Property> REQUESTED = EnumSet.of(Property.ENERGY, Property.FORCES);

    private final Potential potential;
    private final Structure start;
    private final boolean[] move;
    private final VerletList list;

    PositionObjective(Potential potential, Structure start, boolean[] move, double skin) {
        this.potential = potential;
        this.start = start;
        this.move = move;
        this.list = new VerletList(potential.cutoff(), skin, potential.needsFullList());
    }

    @Override
    public double[] initial() {
        return start.positions();
    }

    @Override
    public Evaluation evaluate(double[] x) {
        Structure s = start.withPositions(x);
        list.update(s);
        Result r = potential.compute(s, list.list(), REQUESTED);
        double e = r.energy();
        double[] f = r.forces();
        String bad = !Double.isFinite(e) ? "energy" : Finite.all(f) ? null : "forces";
        MoveMask.zeroFixed(move, f);
        return new Evaluation(e, e, f, MoveMask.maxNorm(f, s.size()), Double.NaN, s, r, bad);
    }

    @Override
    public void project(double[] dx) {
        MoveMask.zeroFixed(move, dx);
    }
}
