package potentia.train;

import java.util.List;
import potentia.descriptor.Descriptor;
import potentia.nn.AtomicModel;
import potentia.nn.Standardisation;
import potentia.potential.SpeciesIndex;
import potentia.structure.Element;

/**
 * What one training run optimises: an {@link AtomicModel} on a fixed descriptor and
 * standardisation, with per-element reference energies e0 that are either fixed (the least-squares
 * values) or trained too. The optimiser's parameter vector θ is the atomic model's parameters,
 * followed by the S reference energies when they are trained. Immutable.
 *
 * @param descriptor the descriptor (its species define the type indices)
 * @param standardisation the fixed standardisation of features
 * @param referenceEnergies e0 per species, eV (copied)
 * @param model the learned part
 * @param trainReferenceEnergies whether θ includes e0
 */
public record TrainableModel(Descriptor descriptor, Standardisation standardisation, double[] referenceEnergies,
        AtomicModel model, boolean trainReferenceEnergies) {

    public TrainableModel {
        referenceEnergies = referenceEnergies.clone();
        List<Element> species = descriptor.species();
        if (!model.species().equals(species) || !standardisation.species().equals(species)
                || referenceEnergies.length != species.size()) {
            throw new IllegalArgumentException("model " + model.species() + ", standardisation "
                    + standardisation.species() + " and " + referenceEnergies.length
                    + " reference energies do not fit the descriptor's species " + species);
        }
        if (model.featureCount() != descriptor.featureCount()
                || standardisation.featureCount() != descriptor.featureCount()) {
            throw new IllegalArgumentException("model takes " + model.featureCount() + " features, the descriptor gives "
                    + descriptor.featureCount());
        }
    }

    @Override
    public double[] referenceEnergies() {
        return referenceEnergies.clone();
    }

    /** e0 of species s without copying. */
    double referenceEnergy(int s) {
        return referenceEnergies[s];
    }

    public List<Element> species() {
        return descriptor.species();
    }

    /** Length of θ. */
    public int parameterCount() {
        return model.parameterCount() + (trainReferenceEnergies ? referenceEnergies.length : 0);
    }

    /** θ, a fresh array. */
    public double[] parameters() {
        double[] p = model.parameters();
        if (!trainReferenceEnergies) {
            return p;
        }
        double[] all = java.util.Arrays.copyOf(p, parameterCount());
        System.arraycopy(referenceEnergies, 0, all, p.length, referenceEnergies.length);
        return all;
    }

    /** The same model at θ (length {@link #parameterCount()}; not modified). */
    public TrainableModel withParameters(double[] theta) {
        if (theta.length != parameterCount()) {
            throw new IllegalArgumentException("θ has " + theta.length + " numbers, expected " + parameterCount());
        }
        int p = model.parameterCount();
        AtomicModel m = model.withParameters(java.util.Arrays.copyOf(theta, p));
        double[] e0 = trainReferenceEnergies ? java.util.Arrays.copyOfRange(theta, p, theta.length) : referenceEnergies;
        return new TrainableModel(descriptor, standardisation, e0, m, trainReferenceEnergies);
    }

    /** Whether component k of θ is trained (the atomic model says for its own; e0 always when included). */
    public boolean trainable(int k) {
        return k >= model.parameterCount() || model.trainable(k);
    }

    /** Species indices of a structure's atoms. */
    int[] types(potentia.structure.Structure s) {
        return new SpeciesIndex(species()).types(s, "the model");
    }
}
