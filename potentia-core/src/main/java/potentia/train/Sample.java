package potentia.train;

import java.util.Optional;
import potentia.structure.AtomArray;
import potentia.structure.InfoValue;
import potentia.structure.Structure;

/**
 * One labelled structure of a data set: the structure, its reference energy and, when present,
 * forces and stress, where it came from, and its group for reports. Immutable (arrays are
 * copied on the way in and out).
 *
 * @param source the file it was read from (for messages and the written split)
 * @param frame its 0-based frame index in that file
 * @param energy total energy, eV (NaN when the frame has none)
 * @param forces 3N forces, eV/Å, or null when the frame has none
 * @param stress 9 stress components, eV/Å³, ASE sign, row-major, or null when the frame has none
 * @param group the frame's group (its config_type or similar), "" when it has none
 */
public record Sample(String source, int frame, Structure structure, double energy, double[] forces, double[] stress,
        String group) {

    public Sample {
        forces = forces == null ? null : forces.clone();
        stress = stress == null ? null : stress.clone();
        if (forces != null && forces.length != 3 * structure.size()) {
            throw new IllegalArgumentException(where(source, frame) + ": forces have " + forces.length
                    + " components, expected 3N = " + 3 * structure.size());
        }
        if (stress != null && stress.length != 9) {
            throw new IllegalArgumentException(where(source, frame) + ": stress needs 9 components, got "
                    + stress.length);
        }
        group = group == null ? "" : group;
    }

    /**
     * The labels of a structure read from a file.
     *
     * @throws IllegalArgumentException when a label exists under its key but has the wrong type or shape
     */
    public static Sample of(Structure s, LabelKeys keys, String source, int frame) {
        double energy = Double.NaN;
        Optional<InfoValue> e = s.info(keys.energy());
        if (e.isPresent()) {
            energy = switch (e.get()) {
                case InfoValue.Real r -> r.value();
                case InfoValue.Int i -> i.value();
                default -> throw new IllegalArgumentException(where(source, frame) + ": energy '" + keys.energy()
                        + "' is not a number");
            };
        }
        double[] forces = null;
        Optional<AtomArray> f = s.array(keys.forces());
        if (f.isPresent()) {
            if (!(f.get() instanceof AtomArray.Reals r) || r.columns() != 3) {
                throw new IllegalArgumentException(where(source, frame) + ": forces '" + keys.forces()
                        + "' must be a real per-atom array of 3 columns");
            }
            forces = r.values();
        }
        double[] stress = null;
        Optional<InfoValue> st = s.info(keys.stress());
        if (st.isPresent()) {
            double[] v = switch (st.get()) {
                case InfoValue.Reals r -> r.values();
                case InfoValue.Ints i -> st.get().asDoubles();
                default -> throw new IllegalArgumentException(where(source, frame) + ": stress '" + keys.stress()
                        + "' must be 9 or 6 numbers");
            };
            stress = switch (v.length) {
                case 9 -> v;
                case 6 -> new double[] {v[0], v[5], v[4], v[5], v[1], v[3], v[4], v[3], v[2]};
                default -> throw new IllegalArgumentException(where(source, frame) + ": stress '" + keys.stress()
                        + "' has " + v.length + " numbers, expected 9 or 6");
            };
        }
        String group = s.info(keys.group()).map(Sample::text).orElse("");
        return new Sample(source, frame, s, energy, forces, stress, group);
    }

    private static String text(InfoValue v) {
        return switch (v) {
            case InfoValue.Text t -> t.value();
            case InfoValue.Int i -> Long.toString(i.value());
            case InfoValue.Real r -> Double.toString(r.value());
            case InfoValue.Bool b -> Boolean.toString(b.value());
            default -> v.toString();
        };
    }

    /** Atoms. */
    public int size() {
        return structure.size();
    }

    public boolean hasEnergy() {
        return !Double.isNaN(energy);
    }

    public boolean hasForces() {
        return forces != null;
    }

    /** Whether it has a stress label and a cell volume to define the model's stress. */
    public boolean hasStress() {
        return stress != null && structure.cell().volume() > 0;
    }

    @Override
    public double[] forces() {
        return forces == null ? null : forces.clone();
    }

    @Override
    public double[] stress() {
        return stress == null ? null : stress.clone();
    }

    /** Reads force component k without copying. */
    double force(int k) {
        return forces[k];
    }

    /** Reads stress component k without copying. */
    double stressComponent(int k) {
        return stress[k];
    }

    /** "file frame 12". */
    public String where() {
        return where(source, frame);
    }

    /** A stable identity within a run: source and frame. */
    public String id() {
        return source + "#" + frame;
    }

    private static String where(String source, int frame) {
        return source + " frame " + frame;
    }
}
