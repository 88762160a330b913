package potentia.train;

/**
 * The training loss of a batch of B structures:
 * <pre>
 * L = w_E · (1/B) Σ_n φ(ΔE_n / (N_n s_E))
 *   + w_F · (1/C_F) Σ_n Σ_{a,k} φ(ΔF_{n,a,k} / s_F)
 *   + w_S · (1/C_S) Σ_n Σ_{k,l} φ(Δσ_{n,kl} / s_S)
 * </pre>
 * with ΔE the total-energy error (so ΔE/N is per atom), C_F the number of force components and
 * C_S nine times the number of structures with stress in the batch (only structures with the
 * label count). Scales make the terms dimensionless and set where log-cosh turns from quadratic
 * to linear; NeuralIL uses 0.020 eV/atom and 0.200 eV/Å.
 *
 * @param function φ
 * @param energyWeight w_E ≥ 0
 * @param forceWeight w_F ≥ 0
 * @param stressWeight w_S ≥ 0 (0: stress is not fitted)
 * @param energyScale s_E &gt; 0, eV/atom
 * @param forceScale s_F &gt; 0, eV/Å
 * @param stressScale s_S &gt; 0, eV/Å³
 */
public record LossSettings(LossFunction function, double energyWeight, double forceWeight, double stressWeight,
        double energyScale, double forceScale, double stressScale) {

    public LossSettings {
        if (function == null) {
            throw new IllegalArgumentException("loss function missing");
        }
        check("energy weight", energyWeight, true);
        check("force weight", forceWeight, true);
        check("stress weight", stressWeight, true);
        check("energy scale", energyScale, false);
        check("force scale", forceScale, false);
        check("stress scale", stressScale, false);
        if (energyWeight + forceWeight + stressWeight == 0) {
            throw new IllegalArgumentException("every loss weight is zero: nothing to fit");
        }
    }

    private static void check(String what, double v, boolean zeroAllowed) {
        if (!Double.isFinite(v) || v < 0 || (!zeroAllowed && v == 0)) {
            throw new IllegalArgumentException(what + " must be " + (zeroAllowed ? "≥ 0" : "> 0") + ", got " + v);
        }
    }

    /** Whether forces enter the loss. */
    public boolean fitsForces() {
        return forceWeight > 0;
    }

    /** Whether stress enters the loss. */
    public boolean fitsStress() {
        return stressWeight > 0;
    }
}
