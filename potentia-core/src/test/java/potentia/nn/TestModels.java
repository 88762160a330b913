package potentia.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import potentia.structure.Element;

/** Seeded random models on the {@link PairProductDescriptor} stand-in, for tests. */
final class TestModels {
    private TestModels() {
    }

    /**
     * A committee of {@code members} random per-element networks with a non-trivial
     * standardisation (random means, deviations in [0.5, 2]) and random reference energies.
     */
    static NetworkModel random(List<Element> species, double cutoff, int nMax, List<Integer> hidden, int members,
            long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DescriptorSpec.Bessel spec = new DescriptorSpec.Bessel(cutoff, nMax, species);
        PairProductDescriptor d = PairProductDescriptor.like(spec);
        int f = d.featureCount();
        double[] mean = new double[species.size() * f];
        double[] std = new double[mean.length];
        for (int k = 0; k < mean.length; k++) {
            mean[k] = rng.nextDouble(-0.5, 2);
            std[k] = rng.nextDouble(0.5, 2);
        }
        double[] e0 = new double[species.size()];
        for (int s = 0; s < e0.length; s++) {
            e0[s] = rng.nextDouble(-5, 0);
        }
        List<AtomicModel> list = new ArrayList<>();
        for (int k = 0; k < members; k++) {
            list.add(randomNetworks(species, new MlpShape(f, hidden), rng));
        }
        return NetworkModel.of(spec, d, new Standardisation(species, f, mean, std), e0, list,
                Map.of("name", "test model"));
    }

    /** Random networks with random biases and β's (the initialiser leaves them at 0 and 1). */
    static ElementNetworks randomNetworks(List<Element> species, MlpShape shape, SplittableRandom rng) {
        ElementNetworks n = ElementNetworks.random(species, shape, 1.0, true, rng);
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
}
