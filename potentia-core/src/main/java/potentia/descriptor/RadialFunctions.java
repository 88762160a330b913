package potentia.descriptor;

/**
 * The radial functions g_{n−l,l}(r), 0 ≤ l ≤ n ≤ n_max, of the spherical Bessel descriptor on
 * [0, r_c], in the order "by l, then n" ({@link #count()} of them), with first derivatives.
 * Implementations are immutable and thread-safe.
 */
public sealed interface RadialFunctions permits RadialBasis, RadialTable {

    /** Cutoff radius r_c, Å. */
    double cutoff();

    /** Largest n. */
    int nMax();

    /** Number of functions, (n_max+1)(n_max+2)/2. */
    int count();

    /**
     * All function values at r.
     *
     * @param r distance, Å, in [0, r_c]
     * @param g receives {@link #count()} values at [offset, offset + count) (modified), Å^(−3/2)
     */
    void values(double r, double[] g, int offset);

    /**
     * All values and derivatives d/dr at r.
     *
     * @param r distance, Å, in [0, r_c]
     * @param g receives {@link #count()} values at [offset, offset + count) (modified), Å^(−3/2)
     * @param dg receives {@link #count()} derivatives at [offset, offset + count) (modified), Å^(−5/2)
     */
    void valuesAndDerivatives(double r, double[] g, double[] dg, int offset);
}
