package potentia.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import potentia.descriptor.BesselDescriptor;
import potentia.nn.AtomicModel;
import potentia.nn.DescriptorSpec;
import potentia.nn.SharedMlpShape;
import potentia.nn.SharedNetwork;
import potentia.nn.Standardisation;
import potentia.structure.Element;

/** Training NeuralIL's shared network with element embeddings: exact loss gradients, and it learns. */
class SharedNetworkTrainingTest {

    @Test
    void lossGradientMatchesCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(51);
        BesselDescriptor d = new BesselDescriptor(3.5, 2, Fixtures.SIO);
        int f = d.featureCount();
        double[] mean = new double[2 * f];
        double[] std = new double[2 * f];
        for (int k = 0; k < mean.length; k++) {
            mean[k] = rng.nextDouble(-0.1, 0.3);
            std[k] = rng.nextDouble(0.2, 1.0);
        }
        SharedMlpShape shape = new SharedMlpShape(2, f, 2, List.of(4, 3), true);
        SharedNetwork random = SharedNetwork.random(Fixtures.SIO, shape, 1.0, true, rng);
        double[] p = random.parameters();
        for (int k = 0; k < p.length; k++) {
            p[k] += 0.2 * rng.nextGaussian(); // biases, gains and β away from their initial values
        }
        TrainableModel tm = new TrainableModel(d, new Standardisation(Fixtures.SIO, f, mean, std),
                new double[] {-3, -6}, random.withParameters(p), true);
        List<Sample> batch = Fixtures.labelled(tm, Fixtures.structures(52, 3, Fixtures.SIO), 0.05, 53);
        LossSettings loss = new LossSettings(LossFunction.LOGCOSH, 1.0, 0.7, 0.4, 0.02, 0.03, 0.0005);
        double[] gradient = new double[tm.parameterCount()];
        BatchGradient.compute(tm, batch, loss, 1, gradient);
        double[] theta = tm.parameters();
        double largest = 0;
        for (int k = 0; k < theta.length; k++) {
            // embeddings (the first 2·D), every parameter of the last layers and e0 (the end); a
            // third of the first layer's weights
            boolean check = k < 4 || k >= shape.weightOffset(1) || k % 3 == 0;
            if (!check) {
                continue;
            }
            // smaller steps than for per-element networks: LayerNorm over a few units is strongly curved
            double fd = (4 * central(tm, batch, loss, theta, k, 2e-5) - central(tm, batch, loss, theta, k, 4e-5)) / 3;
            double error = Math.abs(fd - gradient[k]) / (1e-4 + Math.abs(fd));
            assertTrue(error < 1e-6, "parameter " + k + ": analytic " + gradient[k] + ", central differences " + fd);
            largest = Math.max(largest, Math.abs(gradient[k]));
        }
        assertTrue(largest > 1e-2, "gradients all tiny: the check would be empty");
    }

    @Test
    void trainsDeterministically() {
        DescriptorSpec spec = new DescriptorSpec.Bessel(3.6, 2, List.of(Element.Si));
        DataSplit data = DataSplit.random(Fixtures.stillingerWeber(7, 14), 0.3, 5);
        TrainingSettings s = new TrainingSettings(new LossSettings(LossFunction.MSE, 1, 1, 0, 0.02, 0.2, 0.005),
                new AdamW.Settings(0.9, 0.999, 1e-8, 1e-4),
                new LearningRate(LearningRate.Kind.COSINE, 3e-2, 1e-4, 2, 3, 0.5), 10, 10, 3, 0, 1, false, false, 3, 5);
        MemberFactory factory = new SharedNetworkFactory(2, List.of(6, 4), true, 1.0, false);
        TrainingResult a = new Trainer(s, spec, factory, 1).train(data, null, TrainingListener.NONE);
        TrainingResult b = new Trainer(s, spec, factory, 2).train(data, null, TrainingListener.NONE);
        List<EpochRecord> h = a.histories().get(0);
        assertTrue(h.get(9).train().total() < 0.5 * h.get(0).train().total(), "training loss did not fall: "
                + h.get(0).train().total() + " → " + h.get(9).train().total());
        AtomicModel m = a.model().members().get(0);
        assertTrue(m instanceof SharedNetwork);
        assertArrayEquals(m.parameters(), b.model().members().get(0).parameters(), 0.0);
    }

    private static double central(TrainableModel tm, List<Sample> batch, LossSettings loss, double[] theta, int k,
            double h) {
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        plus[k] += h;
        minus[k] -= h;
        return (BatchGradient.compute(tm.withParameters(plus), batch, loss, 1, null).total()
                - BatchGradient.compute(tm.withParameters(minus), batch, loss, 1, null).total()) / (2 * h);
    }
}
