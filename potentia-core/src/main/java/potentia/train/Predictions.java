package potentia.train;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import potentia.neighbour.NeighbourList;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Structure;

/**
 * Evaluates a potential on labelled frames, frames spread over threads (the potential itself
 * runs serially on each), results in data order.
 */
public final class Predictions {
    private Predictions() {
    }

    /**
     * @param potential a serial potential (thread-safe, as every {@link Potential} is)
     * @return one prediction per sample, in order
     */
    public static List<Prediction> of(Potential potential, List<Sample> samples, int threads) {
        Prediction[] out = new Prediction[samples.size()];
        Set<Property> offered = potential.supported();
        Work.forEach(samples.size(), threads, k -> {
            Structure s = samples.get(k).structure();
            Set<Property> want = EnumSet.of(Property.ENERGY, Property.FORCES);
            boolean periodic = s.cell().volume() > 0;
            if (periodic && offered.contains(Property.STRESS)) {
                want.add(Property.STRESS);
            }
            boolean committee = offered.contains(Property.ENERGY_STD) && offered.contains(Property.FORCES_STD);
            if (committee) {
                want.add(Property.ENERGY_STD);
                want.add(Property.FORCES_STD);
            }
            NeighbourList list = NeighbourList.build(s, potential.cutoff(), potential.needsFullList(), 1);
            Result r = potential.compute(s, list, want);
            out[k] = new Prediction(r.energy(), r.forces(), want.contains(Property.STRESS) ? r.stress() : null,
                    committee ? r.energyStd() : Double.NaN, committee ? r.forcesStd() : null);
        });
        return List.of(out);
    }
}
