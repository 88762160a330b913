package potentia.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import potentia.neighbour.NeighbourList;
import potentia.nn.ElementNetworks;
import potentia.nn.MlpShape;
import potentia.nn.NetworkModel;
import potentia.nn.NeuralNetworkPotential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Structure;
import potentia.train.StructureLoss.Prediction;

/** The per-structure loss: its predictions match the potential's, its gradient matches central differences. */
class StructureLossTest {

    @Test
    void predictionsMatchTheNetworkPotential() {
        TrainableModel tm = Fixtures.model(Fixtures.SIO, List.of(5, 4), true, false, 3);
        NetworkModel model = NetworkModel.of(new potentia.nn.DescriptorSpec.Bessel(3.5, 2, Fixtures.SIO),
                tm.standardisation(), tm.referenceEnergies(), List.of(tm.model()), Map.of());
        NeuralNetworkPotential nnp = NeuralNetworkPotential.of(model);
        for (Structure s : Fixtures.structures(5, 4, Fixtures.SIO)) {
            Prediction p = StructureLoss.predict(tm, s, true);
            Result r = nnp.compute(s, NeighbourList.build(s, nnp.cutoff(), true),
                    s.cell().volume() > 0 ? EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS)
                            : EnumSet.of(Property.ENERGY, Property.FORCES));
            assertEquals(r.energy(), p.energy(), 1e-10 * Math.abs(r.energy()));
            for (int c = 0; c < 3 * s.size(); c++) {
                assertEquals(r.forces()[c], p.forces()[c], 1e-10, "force component " + c);
            }
            if (s.cell().volume() > 0) {
                for (int c = 0; c < 9; c++) {
                    assertEquals(r.stress()[c], p.stress()[c], 1e-12, "stress component " + c);
                }
            }
        }
    }

    /**
     * ∂L/∂θ against central differences of L for every parameter, reported per type (weights,
     * biases, swish β, e0), with energy, force and stress terms all active, on a batch of two
     * periodic cells (atoms see their own images) and a cluster.
     */
    @ParameterizedTest
    @EnumSource(LossFunction.class)
    void lossGradientMatchesCentralDifferencesForEveryParameterType(LossFunction function) {
        TrainableModel tm = Fixtures.model(Fixtures.SIO, List.of(3, 2), true, true, 11);
        List<Sample> batch = Fixtures.labelled(tm, Fixtures.structures(12, 3, Fixtures.SIO), 0.05, 13);
        // scales below the residuals, so log-cosh works in its non-quadratic range too
        LossSettings loss = new LossSettings(function, 1.0, 0.7, 0.4, 0.02, 0.03, 0.0005);
        double[] gradient = new double[tm.parameterCount()];
        LossTerms terms = BatchGradient.compute(tm, batch, loss, 1, gradient);
        assertTrue(terms.energy() > 0 && terms.forces() > 0 && terms.stress() > 0, "every term is active: " + terms);
        double[] theta = tm.parameters();
        Map<String, Double> worst = new LinkedHashMap<>();
        Map<String, Double> largest = new LinkedHashMap<>();
        for (int k = 0; k < theta.length; k++) {
            if (type(tm, k).equals("weight") && k % 3 != 0) {
                continue; // a third of the weights is plenty; every other parameter is checked
            }
            // Richardson: (4 D(h/2) − D(h))/3 cancels the h² error of central differences; h large enough
            // that the loss's rounding noise (~1e-14 absolute) stays below 1e-9 in the quotient
            double fd = (4 * central(tm, batch, loss, theta, k, 1e-4) - central(tm, batch, loss, theta, k, 2e-4)) / 3;
            String type = type(tm, k);
            double error = Math.abs(fd - gradient[k]) / (1e-4 + Math.abs(fd));
            worst.merge(type, error, Math::max);
            largest.merge(type, Math.abs(gradient[k]), Math::max);
        }
        assertEquals(List.of("weight", "bias", "beta", "e0"), List.copyOf(worst.keySet()));
        for (String type : worst.keySet()) {
            assertTrue(largest.get(type) > 1e-3, type + " gradients are all tiny: the check would be empty");
            assertTrue(worst.get(type) < 1e-6, type + " gradient off by " + worst.get(type) + " (relative)");
        }
    }

    @Test
    void threadsDoNotChangeTheBatchGradient() {
        TrainableModel tm = Fixtures.model(Fixtures.SIO, List.of(4, 3), false, false, 21);
        List<Sample> batch = Fixtures.labelled(tm, Fixtures.structures(22, 7, Fixtures.SIO), 0.05, 23);
        LossSettings loss = new LossSettings(LossFunction.LOGCOSH, 1, 1, 1, 0.02, 0.2, 0.005);
        double[] one = new double[tm.parameterCount()];
        double[] three = new double[tm.parameterCount()];
        LossTerms a = BatchGradient.compute(tm, batch, loss, 1, one);
        LossTerms b = BatchGradient.compute(tm, batch, loss, 3, three);
        assertEquals(a, b);
        assertTrue(java.util.Arrays.equals(one, three), "gradients differ between 1 and 3 threads");
    }

    /**
     * The loss and gradient are the same bits however warm the JVM is (the first calls run in the
     * interpreter, later ones in compiled code): otherwise a run's result would depend on timing and
     * a resumed run would differ from an uninterrupted one. The batched network kernel's vector exp
     * differs from the interpreter's in rare last bits (seen in whole training runs, too rare for a
     * small batch to show), so the training path must use the scalar per-atom network, checked here
     * bit for bit.
     */
    @Test
    void repeatedEvaluationsGiveTheSameBits() {
        TrainableModel tm = Fixtures.model(Fixtures.SIO, List.of(8, 4), true, false, 41);
        List<Sample> batch = Fixtures.labelled(tm, Fixtures.structures(42, 3, Fixtures.SIO), 0.05, 43);
        LossSettings loss = new LossSettings(LossFunction.LOGCOSH, 1, 1, 1, 0.02, 0.2, 0.005);
        double[] first = new double[tm.parameterCount()];
        LossTerms t0 = BatchGradient.compute(tm, batch, loss, 1, first);
        // warm the network's kernels up on many atoms so that the JIT compiles them
        int f = tm.model().featureCount();
        int atoms = 20_000;
        double[] z = new double[atoms * f];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(44);
        for (int k = 0; k < z.length; k++) {
            z[k] = rng.nextGaussian();
        }
        int[] type = new int[atoms];
        double[] e = new double[atoms];
        double[] g = new double[atoms * f];
        for (int k = 0; k < 30; k++) {
            tm.model().evaluate(z, type, 0, atoms, e, g);
        }
        for (Sample sample : batch) {
            Structure st = sample.structure();
            int n = st.size();
            double[] zs = new double[n * f];
            tm.descriptor().features(st, NeighbourList.build(st, tm.descriptor().cutoff(), true), 0, n, zs);
            int[] ts = tm.types(st);
            tm.standardisation().apply(zs, ts, 0, n);
            double[] eps = new double[n];
            tm.model().evaluateReference(zs, ts, 0, n, eps, null);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += eps[i] + tm.referenceEnergies()[ts[i]];
            }
            assertEquals(sum, StructureLoss.predict(tm, st, false).energy(), 0.0, "the scalar network path");
        }
        double[] again = new double[tm.parameterCount()];
        for (int k = 0; k < 100; k++) {
            LossTerms t = BatchGradient.compute(tm, batch, loss, 1, again);
            assertEquals(t0, t, "call " + k);
            assertTrue(java.util.Arrays.equals(first, again), "gradient bits changed at call " + k);
        }
    }

    @Test
    void perfectLabelsGiveZeroLossAndGradient() {
        TrainableModel tm = Fixtures.model(Fixtures.SIO, List.of(4), false, false, 31);
        List<Sample> batch = Fixtures.labelled(tm, Fixtures.structures(32, 3, Fixtures.SIO), 0, 33);
        double[] g = new double[tm.parameterCount()];
        LossTerms t = BatchGradient.compute(tm, batch,
                new LossSettings(LossFunction.MSE, 1, 1, 1, 0.02, 0.2, 0.005), 1, g);
        assertEquals(0, t.total(), 1e-20);
        for (double v : g) {
            assertEquals(0, v, 1e-12);
        }
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

    private static String type(TrainableModel tm, int k) {
        ElementNetworks e = (ElementNetworks) tm.model();
        if (k >= e.parameterCount()) {
            return "e0";
        }
        MlpShape shape = e.shape();
        int local = k % shape.parameterCount();
        for (int l = 0; l < shape.layers(); l++) {
            if (local >= shape.weightOffset(l) && local < shape.biasOffset(l)) {
                return "weight";
            }
            if (local >= shape.biasOffset(l) && local < shape.biasOffset(l) + shape.width(l + 1)) {
                return "bias";
            }
        }
        return "beta";
    }
}
