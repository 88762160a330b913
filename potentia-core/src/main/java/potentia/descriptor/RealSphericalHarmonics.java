package potentia.descriptor;

/**
 * Real spherical harmonics Y_lm (orthonormal on the unit sphere, no Condon–Shortley phase) for
 * 0 ≤ l ≤ L, from a unit vector u = (x, y, z) by recurrences only (no trigonometric calls).
 *
 * <p>With Q_l^m(z) = d^m P_l(z)/dz^m (P_l the Legendre polynomial) and
 * (x + iy)^m = C_m + i S_m: Y_l0 = N_l0 Q_l^0, Y_lm = √2 N_lm Q_l^m C_m and
 * Y_l,−m = √2 N_lm Q_l^m S_m for m &gt; 0, N_lm = √((2l+1)/(4π) · (l−m)!/(l+m)!). Q obeys the
 * associated-Legendre recurrence (l−m) Q_l^m = (2l−1) z Q_{l−1}^m − (l+m−1) Q_{l−2}^m from
 * Q_m^m = (2m−1)!!, and dQ_l^m/dz = Q_l^{m+1}. Σ_m Y_lm(u) Y_lm(v) = (2l+1)/(4π) P_l(u·v).
 *
 * <p>Index of (l, m): l² + l + m. Immutable; callers pass their own scratch.
 */
public final class RealSphericalHarmonics {
    private final int lMax;
    /** N_lm with the √2 of m &gt; 0 folded in, at [l² + l + m], m ≥ 0. */
    final double[] norm;
    /** Recurrence factors (2l−1)/(l−m) and (l+m−1)/(l−m) at [l² + l + m]. */
    final double[] ra;
    final double[] rb;
    /** Q_m^m = (2m−1)!!. */
    final double[] diagonal;

    /** @param lMax largest l, ≥ 0 */
    public RealSphericalHarmonics(int lMax) {
        if (lMax < 0 || lMax > 40) {
            throw new IllegalArgumentException("spherical harmonics need 0 ≤ lMax ≤ 40, got " + lMax);
        }
        this.lMax = lMax;
        int n = (lMax + 1) * (lMax + 1);
        norm = new double[n];
        ra = new double[n];
        rb = new double[n];
        diagonal = new double[lMax + 1];
        double df = 1;
        for (int m = 0; m <= lMax; m++) {
            diagonal[m] = df;
            df *= 2 * m + 1;
        }
        for (int l = 0; l <= lMax; l++) {
            for (int m = 0; m <= l; m++) {
                // (l−m)!/(l+m)! as a product, no overflow
                double ratio = 1;
                for (int k = l - m + 1; k <= l + m; k++) {
                    ratio /= k;
                }
                double nlm = Math.sqrt((2 * l + 1) / (4 * Math.PI) * ratio);
                norm[l * l + l + m] = m == 0 ? nlm : Math.sqrt(2) * nlm;
                if (l - m >= 2) {
                    ra[l * l + l + m] = (2.0 * l - 1) / (l - m);
                    rb[l * l + l + m] = (l + m - 1.0) / (l - m);
                }
            }
        }
    }

    /** Largest l. */
    public int lMax() {
        return lMax;
    }

    /** Number of harmonics, (L+1)². */
    public int count() {
        return (lMax + 1) * (lMax + 1);
    }

    /** Scratch length {@link #evaluate} and {@link #evaluateWithGradient} need. */
    public int scratchLength() {
        return (lMax + 1) * (lMax + 4);
    }

    /**
     * Y_lm(u) for all l ≤ L.
     *
     * @param x u_x, with y and z a unit vector
     * @param out receives (L+1)² values at [offset + l² + l + m] (modified)
     * @param scratch at least {@link #scratchLength()} (modified)
     */
    public void evaluate(double x, double y, double z, double[] out, int offset, double[] scratch) {
        int w = lMax + 2;
        int cOff = (lMax + 1) * w;
        int sOff = cOff + lMax + 1;
        legendre(z, scratch);
        powers(x, y, scratch, cOff, sOff);
        for (int l = 0; l <= lMax; l++) {
            int c = l * l + l;
            int o = offset + c;
            out[o] = norm[c] * scratch[l * w];
            for (int m = 1; m <= l; m++) {
                double q = norm[c + m] * scratch[l * w + m];
                out[o + m] = q * scratch[cOff + m];
                out[o - m] = q * scratch[sOff + m];
            }
        }
    }

    /**
     * Y_lm(u) and the gradient G_lm of the extension T_lm(x, y, z) = N Q_l^m(z)·{C_m, S_m}(x, y)
     * off the sphere. Only G's part tangent to the sphere is the gradient of Y: for a separation
     * vector d = r·u, ∇_d Y_lm(d/|d|) = (G − (u·G) u) / r. Callers that sum many G's project
     * once, after summing.
     *
     * @param out receives (L+1)² values at [offset + l² + l + m] (modified)
     * @param gx receives the x components of G likewise (modified); likewise gy, gz
     * @param scratch at least {@link #scratchLength()} (modified)
     */
    public void evaluateWithGradient(double x, double y, double z, double[] out, double[] gx, double[] gy,
            double[] gz, int offset, double[] scratch) {
        int w = lMax + 2;
        int cOff = (lMax + 1) * w;
        int sOff = cOff + lMax + 1;
        legendre(z, scratch);
        powers(x, y, scratch, cOff, sOff);
        for (int l = 0; l <= lMax; l++) {
            int c = l * l + l;
            int o = offset + c;
            int row = l * w;
            double n0 = norm[c];
            out[o] = n0 * scratch[row];
            gx[o] = 0;
            gy[o] = 0;
            gz[o] = n0 * scratch[row + 1];
            for (int m = 1; m <= l; m++) {
                double nm = norm[c + m];
                double q = nm * scratch[row + m];
                double dq = nm * scratch[row + m + 1];
                double cm = scratch[cOff + m];
                double sm = scratch[sOff + m];
                double qm = q * m;
                double cm1 = scratch[cOff + m - 1];
                double sm1 = scratch[sOff + m - 1];
                out[o + m] = q * cm;
                gx[o + m] = qm * cm1;
                gy[o + m] = -qm * sm1;
                gz[o + m] = dq * cm;
                out[o - m] = q * sm;
                gx[o - m] = qm * sm1;
                gy[o - m] = qm * cm1;
                gz[o - m] = dq * sm;
            }
        }
    }

    /** Q_l^m(z) at scratch[l·(L+2) + m] for m ≤ l + 1 (Q_l^{l+1} = 0). */
    private void legendre(double z, double[] q) {
        int w = lMax + 2;
        for (int m = 0; m <= lMax; m++) {
            double qmm = diagonal[m];
            q[m * w + m] = qmm;
            q[m * w + m + 1] = 0;
            if (m + 1 <= lMax) {
                double q1 = (2 * m + 1) * z * qmm;
                q[(m + 1) * w + m] = q1;
                double q2 = qmm;
                for (int l = m + 2; l <= lMax; l++) {
                    int c = l * l + l + m;
                    double next = ra[c] * z * q1 - rb[c] * q2;
                    q[l * w + m] = next;
                    q2 = q1;
                    q1 = next;
                }
            }
        }
    }

    /** C_m and S_m, (x + iy)^m = C_m + i S_m, at scratch[cOff + m] and scratch[sOff + m]. */
    private void powers(double x, double y, double[] s, int cOff, int sOff) {
        double c = 1;
        double sn = 0;
        s[cOff] = 1;
        s[sOff] = 0;
        for (int m = 1; m <= lMax; m++) {
            double nc = x * c - y * sn;
            double ns = x * sn + y * c;
            c = nc;
            sn = ns;
            s[cOff + m] = c;
            s[sOff + m] = sn;
        }
    }
}
