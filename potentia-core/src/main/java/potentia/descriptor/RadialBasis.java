package potentia.descriptor;

/**
 * The smooth orthonormal radial basis of Kocer, Mason and Erturk (J. Chem. Phys. 150 (2019)
 * 154102), evaluated exactly from spherical Bessel functions: the reference that
 * {@link RadialTable} is built from and checked against.
 *
 * <p>With u_{l,n} the (n+1)-th positive root of j_l,
 * f_{n,l}(r) = √(2 / (r_c³ (u_{l,n}² + u_{l,n+1}²))) · [u_{l,n+1} j_l(u_{l,n} r/r_c) / j_{l+1}(u_{l,n})
 * − u_{l,n} j_l(u_{l,n+1} r/r_c) / j_{l+1}(u_{l,n+1})] vanishes with its slope at r_c, and only
 * neighbouring f's overlap, so Gram–Schmidt reduces to the closed-form recurrence
 * e_n = u_{l,n−1}² u_{l,n+1}² / ((u_{l,n−1}² + u_{l,n}²)(u_{l,n}² + u_{l,n+1}²)), d_0 = 1,
 * d_n = 1 − e_n/d_{n−1}, g_{0,l} = f_{0,l}, g_{n,l} = (f_{n,l} + √(e_n/d_{n−1}) g_{n−1,l}) / √d_n,
 * orthonormal with weight r² on [0, r_c]. Each g_{k,l} is thus a fixed combination
 * Σ_{q ≤ k+1} w_q j_l(u_{l,q} r/r_c), which is how it is stored and evaluated here.
 */
public final class RadialBasis implements RadialFunctions {
    /** Orders above this lose accuracy in {@link SphericalBessel} and make no sense for a descriptor. */
    public static final int MAX_N = 20;

    private final double cutoff;
    private final int nMax;
    private final SpectrumLayout layout;
    /** wavenumbers[l][q] = u_{l,q} / r_c, q ≤ n_max − l + 1. */
    private final double[][] wavenumbers;
    /** weights[radial(l,k)][q]: g_{k,l} = Σ_q weights[q] j_l(u_{l,q} r / r_c). */
    private final double[][] weights;

    /**
     * @param cutoff r_c, Å, positive and finite
     * @param nMax largest n, in [0, {@value #MAX_N}]
     */
    public RadialBasis(double cutoff, int nMax) {
        if (!(cutoff > 0) || Double.isInfinite(cutoff)) {
            throw new IllegalArgumentException("radial basis cutoff must be a positive length in Å, got " + cutoff);
        }
        if (nMax < 0 || nMax > MAX_N) {
            throw new IllegalArgumentException("radial basis n_max must lie in [0, " + MAX_N + "], got " + nMax);
        }
        this.cutoff = cutoff;
        this.nMax = nMax;
        this.layout = new SpectrumLayout(nMax, 1);
        this.wavenumbers = new double[nMax + 1][];
        this.weights = new double[layout.radialCount][];
        for (int l = 0; l <= nMax; l++) {
            int kMax = nMax - l;
            double[] u = SphericalBesselRoots.roots(l, kMax + 2);
            wavenumbers[l] = new double[kMax + 2];
            for (int q = 0; q < kMax + 2; q++) {
                wavenumbers[l][q] = u[q] / cutoff;
            }
            // f_k on the Bessel functions q = k and k + 1
            double[][] f = new double[kMax + 1][kMax + 2];
            for (int k = 0; k <= kMax; k++) {
                double a = Math.sqrt(2 / (cutoff * cutoff * cutoff * (u[k] * u[k] + u[k + 1] * u[k + 1])));
                f[k][k] = a * u[k + 1] / SphericalBessel.j(l + 1, u[k]);
                f[k][k + 1] = -a * u[k] / SphericalBessel.j(l + 1, u[k + 1]);
            }
            double[] previous = f[0];
            weights[layout.radial(l, 0)] = previous;
            double d = 1;
            for (int k = 1; k <= kMax; k++) {
                double uPrev2 = u[k - 1] * u[k - 1];
                double u2 = u[k] * u[k];
                double uNext2 = u[k + 1] * u[k + 1];
                double e = uPrev2 * uNext2 / ((uPrev2 + u2) * (u2 + uNext2));
                double dNext = 1 - e / d;
                double mix = Math.sqrt(e / d);
                double norm = 1 / Math.sqrt(dNext);
                double[] g = new double[kMax + 2];
                for (int q = 0; q < kMax + 2; q++) {
                    g[q] = (f[k][q] + mix * previous[q]) * norm;
                }
                weights[layout.radial(l, k)] = g;
                previous = g;
                d = dNext;
            }
        }
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public int nMax() {
        return nMax;
    }

    @Override
    public int count() {
        return layout.radialCount;
    }

    /**
     * u_{l,n} / r_c, the wavenumber of the n-th Bessel function of order l in the basis, 1/Å.
     */
    public double wavenumber(int l, int n) {
        return wavenumbers[l][n];
    }

    /**
     * g_{n−l,l}(r) for one function.
     *
     * @param l angular order, 0 ≤ l ≤ n
     * @param n radial order, ≤ n_max
     * @param r distance, Å
     */
    public double value(int l, int n, double r) {
        double[] w = weights[layout.radial(l, n - l)];
        double[] kq = wavenumbers[l];
        double sum = 0;
        for (int q = 0; q < w.length; q++) {
            if (w[q] != 0) {
                sum += w[q] * SphericalBessel.j(l, kq[q] * r);
            }
        }
        return sum;
    }

    /**
     * d g_{n−l,l}/dr at r for one function, 1/Å^(5/2).
     */
    public double derivative(int l, int n, double r) {
        double[] w = weights[layout.radial(l, n - l)];
        double[] kq = wavenumbers[l];
        double sum = 0;
        for (int q = 0; q < w.length; q++) {
            if (w[q] != 0) {
                sum += w[q] * kq[q] * SphericalBessel.derivative(l, kq[q] * r);
            }
        }
        return sum;
    }

    @Override
    public void values(double r, double[] g, int offset) {
        for (int l = 0; l <= nMax; l++) {
            for (int n = l; n <= nMax; n++) {
                g[offset + layout.radial(l, n - l)] = value(l, n, r);
            }
        }
    }

    @Override
    public void valuesAndDerivatives(double r, double[] g, double[] dg, int offset) {
        for (int l = 0; l <= nMax; l++) {
            for (int n = l; n <= nMax; n++) {
                g[offset + layout.radial(l, n - l)] = value(l, n, r);
                dg[offset + layout.radial(l, n - l)] = derivative(l, n, r);
            }
        }
    }
}
