package potentia.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import potentia.neighbour.NeighbourList;
import potentia.nn.DescriptorSpec;
import potentia.nn.ElementNetworks;
import potentia.nn.MlpShape;
import potentia.nn.NetworkModel;
import potentia.nn.NeuralNetworkPotential;
import potentia.nn.Standardisation;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Element;
import potentia.structure.Structure;

/** The ridge baseline recovers a linear model from its own labels and is an ordinary model file. */
class LinearBaselineTest {

    @Test
    void recoversALinearModelFromItsLabels() {
        DescriptorSpec.Bessel spec = new DescriptorSpec.Bessel(3.6, 2, List.of(Element.Si));
        int f = spec.featureCount();
        SplittableRandom rng = new SplittableRandom(8);
        double[] w = new double[f + 1];
        for (int k = 0; k < w.length; k++) {
            w[k] = rng.nextDouble(-1, 1);
        }
        NetworkModel truth = NetworkModel.of(spec, Standardisation.identity(spec.species(), f), new double[] {-4.0},
                List.of(new ElementNetworks(spec.species(), new MlpShape(f, List.of()), false, w)), Map.of());
        NeuralNetworkPotential p = NeuralNetworkPotential.of(truth);
        List<Sample> samples = new ArrayList<>();
        for (Sample s : Fixtures.stillingerWeber(17, 10)) {
            Structure st = s.structure();
            Result r = p.compute(st, NeighbourList.build(st, p.cutoff(), true),
                    EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS));
            samples.add(new Sample("lin", s.frame(), st, r.energy(), r.forces(), r.stress(), s.group()));
        }
        DataSplit data = DataSplit.random(samples, 0.3, 1);
        LossSettings loss = new LossSettings(LossFunction.MSE, 1, 1, 1, 0.02, 0.2, 0.005);
        LinearBaseline.Fit fit = LinearBaseline.fit(spec, data, loss, 0, 1);
        List<Prediction> predicted = Predictions.of(NeuralNetworkPotential.of(fit.model()), data.validation(), 1);
        ErrorStats e = ErrorStats.of(data.validation(), predicted);
        assertTrue(e.energyMae() < 1e-8 && e.forceMae() < 1e-8 && e.stressMae() < 1e-9, e.toString());
        assertEquals(3, e.structures());

        LinearBaseline.Fit auto = LinearBaseline.fit(spec, data, loss, Double.NaN, 1);
        assertEquals(LinearBaseline.CANDIDATES.length, auto.validationLoss().size());
        assertTrue(auto.lambda() <= 1e-4, "exact labels want almost no ridge, chose " + auto.lambda());
    }
}
