package potentia.ehp;

/**
 * What an ensemble says about one Gaussian state, by importance reweighting from the state it
 * was drawn from (weights ρ_now/ρ_source): the variational free energy
 * F = F_harm[Φ] + ⟨V − ½uᵀΦu⟩ with its statistical error, the effective sample size, the mean
 * force ⟨f⟩ (−∂F/∂R₀), the effective force constants ⟨∂²V⟩ (the stationary point of F over Φ
 * is Φ = ⟨∂²V⟩) and, with virials, the free energy's stress.
 *
 * @param freeEnergy F, eV (whole system)
 * @param freeEnergyError its standard error, eV (antithetic pairs as independent units; ratio estimator)
 * @param harmonicFreeEnergy F_harm[Φ, T], eV
 * @param effectiveSamples Kong's (Σw)²/Σw² (the ensemble's size without reweighting)
 * @param meanForce ⟨f⟩, eV/Å, length n (not symmetrised)
 * @param effectiveForceConstants ⟨∂²V⟩, n×n row-major, eV/Å² (not symmetrised or projected)
 * @param stress σ_F = (1/V)∂F/∂ε, eV/Å³, 3×3 row-major (ASE sign), or null without virials
 * @param pressureError standard error of the pressure −tr σ_F/3, eV/Å³ (NaN without virials)
 */
public record Estimate(double freeEnergy, double freeEnergyError, double harmonicFreeEnergy, double effectiveSamples,
        double[] meanForce, double[] effectiveForceConstants, double[] stress, double pressureError) {
}
