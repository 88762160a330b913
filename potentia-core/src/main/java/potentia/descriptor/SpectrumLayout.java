package potentia.descriptor;

/**
 * Where each number of the spherical Bessel power spectrum lives, for a given n_max and number
 * of species S. Immutable.
 *
 * <ul>
 * <li>Radial functions g_{n−l,l}, 0 ≤ l ≤ n ≤ n_max: index {@code radial(l, k)} with k = n − l,
 *     ordered by l, then n; there are {@link #radialCount} of them. Features of one species pair
 *     follow the same order (NeuralIL's "then l, then n").</li>
 * <li>Real spherical harmonics Y_lm, l ≤ n_max: index l² + l + m.</li>
 * <li>Expansion coefficients c_{nlm} of one species: ordered by l, then k = n − l, then
 *     m = −l … l; {@link #coefficientStart(int)} gives the first of (l, k = 0);
 *     {@link #coefficientCount} per species.</li>
 * <li>Features: species pair (β ≤ γ, upper triangle, row-major) then the radial order:
 *     {@code pair(β, γ) * radialCount + radial(l, k)}.</li>
 * </ul>
 */
final class SpectrumLayout {
    final int nMax;
    final int species;
    final int radialCount;
    final int harmonicCount;
    final int coefficientCount;
    final int pairCount;
    final int featureCount;
    private final int[] radialStart;
    private final int[] coefficientStart;

    SpectrumLayout(int nMax, int species) {
        this.nMax = nMax;
        this.species = species;
        radialStart = new int[nMax + 2];
        coefficientStart = new int[nMax + 2];
        for (int l = 0; l <= nMax; l++) {
            radialStart[l + 1] = radialStart[l] + (nMax - l + 1);
            coefficientStart[l + 1] = coefficientStart[l] + (nMax - l + 1) * (2 * l + 1);
        }
        radialCount = radialStart[nMax + 1];
        harmonicCount = (nMax + 1) * (nMax + 1);
        coefficientCount = coefficientStart[nMax + 1];
        pairCount = species * (species + 1) / 2;
        featureCount = pairCount * radialCount;
    }

    /** Index of g_{k,l} (n = l + k) among the radial functions. */
    int radial(int l, int k) {
        return radialStart[l] + k;
    }

    /** Index of the first coefficient with this l (k = 0, m = −l) within one species' block. */
    int coefficientStart(int l) {
        return coefficientStart[l];
    }

    /** Index of the species pair β ≤ γ in the upper triangle, row-major. */
    int pair(int beta, int gamma) {
        return beta * species - beta * (beta - 1) / 2 + (gamma - beta);
    }
}
