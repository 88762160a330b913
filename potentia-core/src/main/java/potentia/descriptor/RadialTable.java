package potentia.descriptor;

/**
 * The radial functions of a {@link RadialBasis} tabulated as piecewise polynomials: [0, r_c] cut
 * into K equal intervals, each function on each interval the degree-D Chebyshev interpolant of
 * the exact function, stored as monomial coefficients in the interval's local variable
 * s ∈ [−1, 1] (centred, so the coefficients fall off fast and the conversion from the
 * Chebyshev form loses nothing). Derivatives are the interpolant's own derivatives (Horner for
 * P and P' together), so the tabulated descriptor's forces are the exact gradient of its energy.
 *
 * <p>Why: the descriptor evaluates every function at every neighbour, and a spherical Bessel
 * function costs a sine, a cosine, a division and a recurrence; a table costs D fused
 * multiply-adds per function, vectorisable across the functions (stored function-fastest).
 *
 * <p>{@link #accurate} doubles K until the largest deviation from the exact functions, measured
 * on points between the interpolation nodes, is below a tolerance; the measured errors are kept
 * ({@link #valueError()}, {@link #derivativeError()}).
 */
public final class RadialTable implements RadialFunctions {
    /** Default polynomial degree per interval (the vectorised descriptor kernel is written for it). */
    public static final int DEFAULT_DEGREE = 8;

    private final double cutoff;
    private final int nMax;
    private final int count;
    private final int intervals;
    private final int degree;
    /** Functions per coefficient row: count rounded up to a multiple of 8 (one 512-bit vector of doubles). */
    final int stride;
    private final double inverseWidth;
    /** Coefficients: [interval][power 0..D][function], function fastest, rows padded to {@link #stride}. */
    final double[] value;
    /**
     * The derivative polynomials' coefficients, d/dr (ds/dr folded in): [interval][power 0..D−1][function],
     * for kernels that evaluate values and slopes as two independent polynomials.
     */
    final double[] slope;
    private final double valueError;
    private final double derivativeError;

    /**
     * Tabulates {@code basis} with a given resolution.
     *
     * @param intervals K ≥ 1
     * @param degree D in [1, 30]
     */
    public RadialTable(RadialBasis basis, int intervals, int degree) {
        if (intervals < 1 || degree < 1 || degree > 30) {
            throw new IllegalArgumentException("radial table needs intervals ≥ 1 and degree in [1, 30], got "
                    + intervals + " and " + degree);
        }
        this.cutoff = basis.cutoff();
        this.nMax = basis.nMax();
        this.count = basis.count();
        this.intervals = intervals;
        this.degree = degree;
        this.stride = (count + 7) / 8 * 8;
        this.inverseWidth = intervals / cutoff;
        this.value = new double[intervals * (degree + 1) * stride];
        this.slope = new double[intervals * degree * stride];
        fit(basis);
        double[] errors = measure(basis);
        this.valueError = errors[0];
        this.derivativeError = errors[1];
    }

    /**
     * The coarsest table of degree {@value #DEFAULT_DEGREE} (K a power of two, at least 8) whose
     * values deviate from the exact functions by at most {@code tolerance} times the largest
     * |g| on [0, r_c].
     *
     * @param tolerance relative tolerance, e.g. 1e-13; above 1e-15
     */
    public static RadialTable accurate(RadialBasis basis, double tolerance) {
        if (!(tolerance > 1e-15)) {
            throw new IllegalArgumentException("radial table tolerance must exceed 1e-15, got " + tolerance);
        }
        double scale = largestValue(basis);
        for (int k = 8; ; k *= 2) {
            RadialTable t = new RadialTable(basis, k, DEFAULT_DEGREE);
            if (t.valueError <= tolerance * scale || k >= 1 << 14) {
                return t;
            }
        }
    }

    /** max |g_{n,l}(r)| over functions and a grid on [0, r_c]. */
    static double largestValue(RadialBasis basis) {
        double[] g = new double[basis.count()];
        double m = 0;
        for (int i = 0; i <= 2000; i++) {
            basis.values(basis.cutoff() * i / 2000, g, 0);
            for (double v : g) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    private void fit(RadialBasis basis) {
        int np = degree + 1;
        double h = cutoff / intervals;
        double[] nodes = new double[np];
        for (int i = 0; i < np; i++) {
            nodes[i] = Math.cos(Math.PI * (i + 0.5) / np);
        }
        // monomial coefficients of T_0 … T_D
        double[][] cheb = new double[np][np];
        cheb[0][0] = 1;
        if (np > 1) {
            cheb[1][1] = 1;
        }
        for (int j = 2; j < np; j++) {
            for (int p = 0; p < np; p++) {
                cheb[j][p] = (p > 0 ? 2 * cheb[j - 1][p - 1] : 0) - cheb[j - 2][p];
            }
        }
        double[][] samples = new double[np][count];
        double[] a = new double[np];
        double[] mono = new double[np];
        for (int k = 0; k < intervals; k++) {
            double mid = (k + 0.5) * h;
            for (int i = 0; i < np; i++) {
                basis.values(mid + 0.5 * h * nodes[i], samples[i], 0);
            }
            for (int f = 0; f < count; f++) {
                for (int j = 0; j < np; j++) {
                    double s = 0;
                    for (int i = 0; i < np; i++) {
                        s += samples[i][f] * Math.cos(Math.PI * j * (i + 0.5) / np);
                    }
                    a[j] = (j == 0 ? 1.0 : 2.0) * s / np;
                }
                java.util.Arrays.fill(mono, 0);
                for (int j = 0; j < np; j++) {
                    for (int p = 0; p <= j; p++) {
                        mono[p] += a[j] * cheb[j][p];
                    }
                }
                for (int p = 0; p < np; p++) {
                    value[(k * np + p) * stride + f] = mono[p];
                }
                for (int p = 0; p < degree; p++) {
                    slope[(k * degree + p) * stride + f] = (p + 1) * mono[p + 1] * 2 * intervals / cutoff;
                }
            }
        }
    }

    /** Largest absolute deviations of values and derivatives from the exact functions. */
    private double[] measure(RadialBasis basis) {
        double[] ge = new double[count];
        double[] dge = new double[count];
        double[] gt = new double[count];
        double[] dgt = new double[count];
        double ev = 0;
        double ed = 0;
        int perInterval = Math.max(7, 2 * degree + 1);
        for (int k = 0; k < intervals; k++) {
            for (int i = 0; i <= perInterval; i++) {
                double r = (k + (double) i / perInterval) * cutoff / intervals;
                r = Math.min(r, cutoff);
                basis.valuesAndDerivatives(r, ge, dge, 0);
                valuesAndDerivatives(r, gt, dgt, 0);
                for (int f = 0; f < count; f++) {
                    ev = Math.max(ev, Math.abs(gt[f] - ge[f]));
                    ed = Math.max(ed, Math.abs(dgt[f] - dge[f]));
                }
            }
        }
        return new double[] {ev, ed};
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
        return count;
    }

    /** Number of intervals K. */
    public int intervals() {
        return intervals;
    }

    /** Polynomial degree D per interval. */
    public int degree() {
        return degree;
    }

    /** Largest |tabulated − exact| value found on a check grid, Å^(−3/2). */
    public double valueError() {
        return valueError;
    }

    /** Largest |tabulated − exact| derivative found on a check grid, Å^(−5/2). */
    public double derivativeError() {
        return derivativeError;
    }

    /** The interval holding r (the last one for r = r_c). */
    int interval(double r) {
        int k = (int) (r * inverseWidth);
        return k < intervals ? k : intervals - 1;
    }

    /** The local variable s ∈ [−1, 1] of r in interval k. */
    double local(double r, int k) {
        return 2 * (r * inverseWidth - k) - 1;
    }

    @Override
    public void values(double r, double[] g, int offset) {
        int k = interval(r);
        double s = local(r, k);
        int base = k * (degree + 1) * stride;
        // function-outer Horner: each function is one register chain, no stores in between
        for (int f = 0; f < count; f++) {
            double v = value[base + degree * stride + f];
            for (int p = degree - 1; p >= 0; p--) {
                v = Math.fma(v, s, value[base + p * stride + f]);
            }
            g[offset + f] = v;
        }
    }

    @Override
    public void valuesAndDerivatives(double r, double[] g, double[] dg, int offset) {
        int k = interval(r);
        double s = local(r, k);
        double dsdr = 2 * inverseWidth;
        int base = k * (degree + 1) * stride;
        for (int f = 0; f < count; f++) {
            // simultaneous Horner for P(s) and P'(s)
            double v = value[base + degree * stride + f];
            double d = 0;
            for (int p = degree - 1; p >= 0; p--) {
                d = Math.fma(d, s, v);
                v = Math.fma(v, s, value[base + p * stride + f]);
            }
            g[offset + f] = v;
            dg[offset + f] = d * dsdr;
        }
    }

}
