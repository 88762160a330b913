package potentia.train;

/**
 * The parts of a loss (each already weighted and normalised as in {@link LossSettings}), and
 * their sum.
 */
public record LossTerms(double energy, double forces, double stress) {
    public static final LossTerms ZERO = new LossTerms(0, 0, 0);

    public double total() {
        return energy + forces + stress;
    }

    public LossTerms plus(LossTerms o) {
        return new LossTerms(energy + o.energy, forces + o.forces, stress + o.stress);
    }

    public LossTerms times(double c) {
        return new LossTerms(c * energy, c * forces, c * stress);
    }
}
