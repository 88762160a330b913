package potentia.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.nn.AtomicModel;
import potentia.nn.DescriptorSpec;
import potentia.structure.Element;

/** The training loop: it learns, it is deterministic, resumes exactly, keeps the best epoch and stops early. */
class TrainerTest {
    private static final DescriptorSpec SPEC = new DescriptorSpec.Bessel(3.6, 2, List.of(Element.Si));
    private static final MemberFactory FACTORY = new ElementNetworkFactory(List.of(6), 1.0, false);
    private static final DataSplit DATA = DataSplit.random(Fixtures.stillingerWeber(7, 14), 0.3, 5);

    private static TrainingSettings settings(int epochs, int earlyStopping, int committee, long seed) {
        return new TrainingSettings(new LossSettings(LossFunction.MSE, 1, 1, 0, 0.02, 0.2, 0.005),
                new AdamW.Settings(0.9, 0.999, 1e-8, 1e-4),
                new LearningRate(LearningRate.Kind.COSINE, 5e-3, 1e-4, 2, 3, 0.5), 10, epochs, 3, earlyStopping,
                committee, committee > 1, false, seed, 2);
    }

    private static double[][] thetas(TrainingResult r) {
        return r.model().members().stream().map(AtomicModel::parameters).toArray(double[][]::new);
    }

    @Test
    void trainingLowersTheLoss() {
        TrainingResult r = new Trainer(settings(12, 0, 1, 3), SPEC, FACTORY, 1).train(DATA, null, TrainingListener.NONE);
        List<EpochRecord> h = r.histories().get(0);
        assertEquals(12, h.size());
        double first = h.get(0).validation().total();
        double best = h.stream().mapToDouble(e -> e.validation().total()).min().orElseThrow();
        assertTrue(best < 0.5 * first, "validation loss " + first + " → best " + best);
        assertTrue(h.get(11).train().total() < 0.5 * h.get(0).train().total(), "training loss did not fall");
        assertTrue(r.finished());
    }

    @Test
    void theSameSeedGivesTheSameBitsForAnyThreadCount() {
        TrainingResult one = new Trainer(settings(3, 0, 2, 9), SPEC, FACTORY, 1).train(DATA, null, TrainingListener.NONE);
        TrainingResult three = new Trainer(settings(3, 0, 2, 9), SPEC, FACTORY, 3).train(DATA, null,
                TrainingListener.NONE);
        double[][] a = thetas(one);
        double[][] b = thetas(three);
        for (int k = 0; k < a.length; k++) {
            assertArrayEquals(a[k], b[k], 0.0, "member " + k);
        }
        TrainingResult other = new Trainer(settings(3, 0, 2, 10), SPEC, FACTORY, 1).train(DATA, null,
                TrainingListener.NONE);
        assertFalse(java.util.Arrays.equals(a[0], thetas(other)[0]), "another seed gives another model");
    }

    @Test
    void aResumedRunEndsWithTheUninterruptedModel(@TempDir Path dir) throws Exception {
        TrainingSettings s = settings(5, 0, 2, 4);
        TrainingResult straight = new Trainer(s, SPEC, FACTORY, 2).train(DATA, null, TrainingListener.NONE);
        Path checkpoint = dir.resolve("checkpoint.json");
        // "killed" after 3 epochs: the last checkpoint is after epoch 2 (every 2 epochs)
        TrainingResult partial = new Trainer(s, SPEC, FACTORY, 2).train(DATA, checkpoint, TrainingListener.NONE, 3);
        assertFalse(partial.finished());
        assertTrue(Files.exists(checkpoint));
        TrainingResult resumed = new Trainer(s, SPEC, FACTORY, 1).train(DATA, checkpoint, TrainingListener.NONE);
        assertTrue(resumed.finished());
        double[][] a = thetas(straight);
        double[][] b = thetas(resumed);
        for (int k = 0; k < a.length; k++) {
            assertArrayEquals(a[k], b[k], 0.0, "member " + k);
        }
        assertEquals(straight.histories(), resumed.histories());
        assertArrayEquals(straight.model().referenceEnergies(), resumed.model().referenceEnergies(), 0.0);
        TrainingSettings other = settings(6, 0, 2, 4);
        assertThrows(IllegalArgumentException.class,
                () -> new Trainer(other, SPEC, FACTORY, 1).train(DATA, checkpoint, TrainingListener.NONE));
    }

    private static TrainingSettings averaged(int epochs, double decay) {
        TrainingSettings b = settings(epochs, 0, 2, 4);
        return new TrainingSettings(b.loss(), b.adam(), b.learningRate(), b.clipNorm(), b.epochs(), b.batchSize(),
                b.earlyStopping(), b.committee(), b.bootstrap(), b.trainReferenceEnergies(), b.seed(),
                b.checkpointEvery(), decay);
    }

    @Test
    void aWeightAverageIsWhatIsKeptAndItResumesExactly(@TempDir Path dir) {
        TrainingSettings s = averaged(5, 0.9);
        TrainingResult straight = new Trainer(s, SPEC, FACTORY, 2).train(DATA, null, TrainingListener.NONE);
        Path checkpoint = dir.resolve("checkpoint.json");
        new Trainer(s, SPEC, FACTORY, 2).train(DATA, checkpoint, TrainingListener.NONE, 3);
        TrainingResult resumed = new Trainer(s, SPEC, FACTORY, 1).train(DATA, checkpoint, TrainingListener.NONE);
        double[][] a = thetas(straight);
        double[][] b = thetas(resumed);
        for (int k = 0; k < a.length; k++) {
            assertArrayEquals(a[k], b[k], 0.0, "member " + k);
        }
        assertEquals(straight.histories(), resumed.histories());
        // the kept model is the average, not the last weights: its validation loss is the recorded one
        TrainingResult plain = new Trainer(averaged(5, 0), SPEC, FACTORY, 2).train(DATA, null, TrainingListener.NONE);
        assertFalse(java.util.Arrays.equals(a[0], thetas(plain)[0]), "averaging changes the kept model");
        int best = straight.bestEpochs()[0];
        double recorded = straight.histories().get(0).get(best - 1).validation().total();
        TrainableModel tm = new TrainableModel(straight.model().descriptor(), straight.model().standardisation(),
                straight.model().referenceEnergies(), straight.model().members().get(0), false);
        assertEquals(recorded, BatchGradient.compute(tm, DATA.validation(), s.loss(), 1, null).total(), 1e-12 * recorded);
        // a checkpoint written without the average does not resume a run that wants one
        Path other = dir.resolve("plain.json");
        new Trainer(averaged(5, 0), SPEC, FACTORY, 1).train(DATA, other, TrainingListener.NONE, 2);
        assertThrows(IllegalArgumentException.class,
                () -> new Trainer(s, SPEC, FACTORY, 1).train(DATA, other, TrainingListener.NONE));
        assertThrows(IllegalArgumentException.class, () -> averaged(5, 1.0));
    }

    @Test
    void keepsTheBestEpochAndStopsEarly() {
        // a learning rate far too high makes the validation loss wander: the best epoch is kept
        TrainingSettings s = new TrainingSettings(new LossSettings(LossFunction.MSE, 1, 1, 0, 0.02, 0.2, 0.005),
                AdamW.Settings.DEFAULT, new LearningRate(LearningRate.Kind.CONSTANT, 0.3, 0, 0, 3, 0.5), 0, 40, 2, 3,
                1, false, false, 2, 5);
        TrainingResult r = new Trainer(s, SPEC, FACTORY, 1).train(DATA, null, TrainingListener.NONE);
        List<EpochRecord> h = r.histories().get(0);
        int best = r.bestEpochs()[0];
        double bestLoss = h.get(best - 1).validation().total();
        for (EpochRecord e : h) {
            assertTrue(e.validation().total() >= bestLoss, "epoch " + e.epoch() + " beats the kept epoch " + best);
        }
        assertTrue(h.size() < 40, "stopped early");
        assertEquals(best + 3, h.size(), "stops 3 epochs after the best");
        // the model holds the best epoch's parameters: its validation loss is the recorded one
        TrainableModel tm = new TrainableModel(r.model().descriptor(), r.model().standardisation(),
                r.model().referenceEnergies(), r.model().members().get(0), false);
        double v = BatchGradient.compute(tm, DATA.validation(), s.loss(), 1, null).total();
        assertEquals(bestLoss, v, 1e-12 * bestLoss);
    }
}
