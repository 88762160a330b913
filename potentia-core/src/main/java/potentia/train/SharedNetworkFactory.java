package potentia.train;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import potentia.nn.AtomicModel;
import potentia.nn.SharedMlpShape;
import potentia.nn.SharedNetwork;
import potentia.structure.Element;

/**
 * NeuralIL's members: one swish MLP shared by all elements, fed the features and a learned
 * D-number element embedding, optionally with LayerNorm ({@link SharedNetwork#random}).
 *
 * @param embedding D ≥ 1
 * @param hidden hidden layer widths
 * @param layerNorm LayerNorm after every hidden layer but the first (needs two or more)
 * @param beta initial swish β
 * @param learnableBeta whether training may change β
 */
public record SharedNetworkFactory(int embedding, List<Integer> hidden, boolean layerNorm, double beta,
        boolean learnableBeta) implements MemberFactory {

    public SharedNetworkFactory {
        hidden = List.copyOf(hidden);
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("swish β must be > 0, got " + beta);
        }
    }

    @Override
    public AtomicModel create(List<Element> species, int features, RandomGenerator rng) {
        return SharedNetwork.random(species, new SharedMlpShape(species.size(), features, embedding, hidden, layerNorm),
                beta, learnableBeta, rng);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "shared-mlp embedding %d hidden %s%s swish β=%s %s", embedding, hidden,
                layerNorm ? " layer-norm" : "", beta, learnableBeta ? "learnable" : "fixed");
    }
}
