package potentia.nn;

/**
 * Layer normalisation (Ba, Kiros, Hinton, arXiv 1607.06450) of one atom's n units, without its
 * gain and bias (those are applied by the caller): x̂ = (u − m)·r with m = mean(u),
 * r = (mean((u − m)²) + ε)^(−1/2), the population variance as in Flax (which NeuralIL uses).
 *
 * <p>Its Jacobian J = ∂x̂/∂u = r·(P − x̂x̂ᵀ/n), P = I − 11ᵀ/n, is symmetric, so one routine
 * ({@link #jacobianTimes}) serves the tangent (J u̇) and the reverse (Jᵀ ḡ) passes. Force
 * training needs the gradient in u of q = w·J(u)u̇ too ({@link #curvature}). Scalar reference:
 * the batched kernel ({@link BatchedSharedMlp}) evaluates the same formulas in SIMD lanes.
 */
public final class LayerNorm {
    private LayerNorm() {
    }

    /**
     * x̂ of u.
     *
     * @param u n inputs (not modified)
     * @param xhat receives n normalised values (modified)
     * @return r = (var + ε)^(−1/2)
     */
    public static double normalise(double[] u, double epsilon, double[] xhat) {
        int n = u.length;
        double m = 0;
        for (double v : u) {
            m += v;
        }
        m /= n;
        double var = 0;
        for (double v : u) {
            var += (v - m) * (v - m);
        }
        double r = 1 / Math.sqrt(var / n + epsilon);
        for (int k = 0; k < n; k++) {
            xhat[k] = (u[k] - m) * r;
        }
        return r;
    }

    /**
     * J·v = r·(v − mean(v) − x̂·mean(x̂ v)): the tangent of x̂ along u̇ = v, and, J being
     * symmetric, the adjoint of u given that of x̂.
     *
     * @param xhat n normalised values at the point (not modified)
     * @param v n numbers (not modified)
     * @return a fresh array of n numbers
     */
    public static double[] jacobianTimes(double[] xhat, double r, double[] v) {
        int n = xhat.length;
        double mv = 0;
        double mxv = 0;
        for (int k = 0; k < n; k++) {
            mv += v[k];
            mxv += xhat[k] * v[k];
        }
        mv /= n;
        mxv /= n;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = r * (v[k] - mv - xhat[k] * mxv);
        }
        return out;
    }

    /**
     * ∇_u (w·J(u)u̇) = −r²·[(A − 2BC)·x̂ + C·(w − mean(w))] − r·B·ẋ with A = mean(w ċ),
     * B = mean(w x̂), C = mean(x̂ ċ), ċ = u̇ − mean(u̇), ẋ = J u̇ (derived from ∂r/∂u = −r²x̂/n
     * and ∂x̂/∂u = J): the second-order term of the reverse pass through a tangent pass.
     *
     * @param xhat n normalised values at the point (not modified)
     * @param ud the tangent u̇ (not modified)
     * @param xd ẋ = J u̇ (not modified)
     * @param w the adjoint of ẋ (not modified)
     * @return a fresh array of n numbers
     */
    public static double[] curvature(double[] xhat, double r, double[] ud, double[] xd, double[] w) {
        int n = xhat.length;
        double mud = 0;
        double mw = 0;
        for (int k = 0; k < n; k++) {
            mud += ud[k];
            mw += w[k];
        }
        mud /= n;
        mw /= n;
        double a = 0;
        double b = 0;
        double c = 0;
        for (int k = 0; k < n; k++) {
            double cd = ud[k] - mud;
            a += w[k] * cd;
            b += w[k] * xhat[k];
            c += xhat[k] * cd;
        }
        a /= n;
        b /= n;
        c /= n;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = -r * r * ((a - 2 * b * c) * xhat[k] + c * (w[k] - mw)) - r * b * xd[k];
        }
        return out;
    }
}
