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
