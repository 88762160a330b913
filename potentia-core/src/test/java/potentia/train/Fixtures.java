package potentia.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import potentia.descriptor.BesselDescriptor;
import potentia.nn.ElementNetworks;
import potentia.nn.MlpShape;
import potentia.nn.Standardisation;
import potentia.potential.Potential;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;
import potentia.train.StructureLoss.Prediction;

/** Seeded models, structures and labelled frames for the training tests. */
final class Fixtures {
    static final List<Element> SIO = List.of(Element.Si, Element.O);

    private Fixtures() {
    }

    /** Small random structures: periodic triclinic cells (atoms see their own images) and one cluster. */
    static List<Structure> structures(long seed, int count, List<Element> species) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Structure> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            boolean cluster = k == count - 1 && count > 2;
            Cell cell = RandomStructures.randomCell(rng, 3.2, 4.2, 0.25, new boolean[] {!cluster, !cluster, !cluster});
            out.add(RandomStructures.randomAtoms(rng, cell, 3 + rng.nextInt(3), species, 1.3));
        }
        return out;
    }

    /** Random networks with random biases and β in [0.5, 1.8]. */
    static ElementNetworks networks(List<Element> species, MlpShape shape, boolean learnableBeta,
            SplittableRandom rng) {
        ElementNetworks n = ElementNetworks.random(species, shape, 1.0, learnableBeta, rng);
        double[] p = n.parameters();
        for (int s = 0; s < species.size(); s++) {
            for (int k = 0; k < shape.layers(); k++) {
                int b = n.offset(s) + shape.biasOffset(k);
                for (int o = 0; o < shape.width(k + 1); o++) {
                    p[b + o] = rng.nextDouble(-0.3, 0.3);
                }
                if (shape.activated(k)) {
                    p[n.offset(s) + shape.betaOffset(k)] = rng.nextDouble(0.5, 1.8);
                }
            }
        }
        return n.withParameters(p);
    }

    /** A random trainable model on a small real descriptor with a non-trivial standardisation. */
    static TrainableModel model(List<Element> species, List<Integer> hidden, boolean learnableBeta, boolean trainE0,
            long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        BesselDescriptor d = new BesselDescriptor(3.5, 2, species);
        int f = d.featureCount();
        double[] mean = new double[species.size() * f];
        double[] std = new double[mean.length];
        for (int k = 0; k < mean.length; k++) {
            mean[k] = rng.nextDouble(-0.1, 0.3);
            std[k] = rng.nextDouble(0.2, 1.0);
        }
        double[] e0 = new double[species.size()];
        for (int s = 0; s < e0.length; s++) {
            e0[s] = rng.nextDouble(-5, -1);
        }
        return new TrainableModel(d, new Standardisation(species, f, mean, std), e0,
                networks(species, new MlpShape(f, hidden), learnableBeta, rng), trainE0);
    }

    /**
     * Frames labelled by the model's own prediction plus noise of the given size (energy per atom,
     * force and stress components), so residuals are of the order of the noise.
     */
    static List<Sample> labelled(TrainableModel tm, List<Structure> structures, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Sample> out = new ArrayList<>();
        for (int k = 0; k < structures.size(); k++) {
            Structure s = structures.get(k);
            Prediction p = StructureLoss.predict(tm, s, true);
            double[] f = p.forces().clone();
            for (int c = 0; c < f.length; c++) {
                f[c] += noise * rng.nextGaussian();
            }
            double[] stress = null;
            if (p.stress() != null) {
                stress = p.stress().clone();
                for (int c = 0; c < 9; c++) {
                    stress[c] += 0.01 * noise * rng.nextGaussian();
                }
            }
            double e = p.energy() + s.size() * noise * rng.nextGaussian();
            out.add(new Sample("fixture", k, s, e, f, stress, k % 2 == 0 ? "even" : "odd"));
        }
        return out;
    }

    /** Rattled diamond Si cells, some strained, labelled by Stillinger–Weber (energy, forces, stress). */
    static List<Sample> stillingerWeber(long seed, int count) {
        SplittableRandom rng = new SplittableRandom(seed);
        Potential sw = StillingerWeber.silicon();
        List<Sample> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double a = 5.431 * (1 + rng.nextDouble(-0.03, 0.03));
            Structure s = RandomStructures.rattle(RandomStructures.diamond(a, 1), rng, 0.12);
            var r = sw.compute(s, potentia.neighbour.NeighbourList.build(s, sw.cutoff(), sw.needsFullList()),
                    java.util.EnumSet.of(potentia.potential.Property.ENERGY, potentia.potential.Property.FORCES,
                            potentia.potential.Property.STRESS));
            out.add(new Sample("sw", k, s, r.energy(), r.forces(), r.stress(), k % 3 == 0 ? "a" : "b"));
        }
        return out;
    }
}
