package potentia.train;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import potentia.nn.AtomicModel;
import potentia.nn.ElementNetworks;
import potentia.nn.MlpShape;
import potentia.structure.Element;

/**
 * Behler–Parrinello members: one swish MLP per element ({@link ElementNetworks#random}: weights
 * N(0, 1/fan-in), biases 0, every β the given value).
 *
 * @param hidden hidden layer widths
 * @param beta initial swish β
 * @param learnableBeta whether training may change β
 */
public record ElementNetworkFactory(List<Integer> hidden, double beta, boolean learnableBeta) implements MemberFactory {

    public ElementNetworkFactory {
        hidden = List.copyOf(hidden);
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("swish β must be > 0, got " + beta);
        }
    }

    @Override
    public AtomicModel create(List<Element> species, int features, RandomGenerator rng) {
        return ElementNetworks.random(species, new MlpShape(features, hidden), beta, learnableBeta, rng);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "element-mlp hidden %s swish β=%s %s", hidden, beta,
                learnableBeta ? "learnable" : "fixed");
    }
}
