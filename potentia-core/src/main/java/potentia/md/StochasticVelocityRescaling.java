package potentia.md;

/**
 * The kinetic-energy update of stochastic velocity rescaling (Bussi, Donadio, Parrinello,
 * J. Chem. Phys. 126 (2007) 014101, Appendix): the exact solution over a time h of
 * dK = (K̄ − K) dt/τ + 2√(K K̄/N_f) dW/√τ is
 * <pre>  K' = c K + (1 − c) K̄ (R₁² + S)/N_f + 2 R₁ √(c (1 − c) K K̄/N_f),   c = e^{−h/τ},</pre>
 * with R₁ a standard normal and S a sum of N_f − 1 squared standard normals (a χ² deviate,
 * drawn as a Gamma deviate). Velocities are then scaled by α = √(K'/K) (the positive root).
 */
final class StochasticVelocityRescaling {
    private StochasticVelocityRescaling() {
    }

    /**
     * The new kinetic energy.
     *
     * @param kinetic K &gt; 0, eV
     * @param target K̄ = N_f k_BT/2, eV
     * @param dof N_f ≥ 1
     * @param c e^{−h/τ} in [0, 1)
     * @param noise the step's random numbers (advanced)
     */
    static double resampledKinetic(double kinetic, double target, int dof, double c, CounterRandom.Sequence noise) {
        double r1 = noise.normal();
        double s = noise.sumOfSquaredNormals(dof - 1);
        return c * kinetic + (1 - c) * target * (r1 * r1 + s) / dof
                + 2 * r1 * Math.sqrt(c * (1 - c) * kinetic * target / dof);
    }
}
