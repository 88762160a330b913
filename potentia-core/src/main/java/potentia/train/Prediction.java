package potentia.train;

/**
 * A potential's prediction for one labelled frame, with the committee's spread when it has one.
 *
 * @param energy eV
 * @param forces 3N, eV/Å
 * @param stress 9, eV/Å³ (ASE sign), or null for a cluster
 * @param energyStd committee standard deviation of the energy, eV, or NaN for a single model
 * @param forcesStd 3N committee standard deviations, eV/Å, or null for a single model
 */
public record Prediction(double energy, double[] forces, double[] stress, double energyStd, double[] forcesStd) {
}
