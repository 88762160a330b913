package potentia.nn;

/**
 * The obviously-right per-atom reference of a swish MLP ({@link MlpShape}): plain loops, one atom
 * at a time. The batched kernel ({@link BatchedMlp}) must agree with it; training uses its
 * parameter gradients until they are batched too.
 *
 * <p>Notation: a_0 = x, z_k = W_k a_k + b_k, a_{k+1} = s_{β_k}(z_k) for hidden layers, ε = z_{L−1}.
 * Reverse pass: g_{L−1} = 1, h_k = W_kᵀ g_k (= ∂ε/∂a_k), g_{k−1} = h_k ⊙ s'(z_{k−1}); ∇_x ε = h_0.
 *
 * <p>Every method reads the network's parameters from {@code p[base …]} (not modified).
 */
public final class ScalarMlp {
    private ScalarMlp() {
    }

    /**
     * The atomic energy ε(x).
     *
     * @param x features from {@code x[xOff]}, shape.inputs() numbers (not modified)
     */
    public static double energy(MlpShape shape, double[] p, int base, double[] x, int xOff) {
        return new Pass(shape, p, base, x, xOff).energy;
    }

    /**
     * ε(x) and its input gradient ∇_x ε.
     *
     * @param x features from {@code x[xOff]}, shape.inputs() numbers (not modified)
     * @param grad receives ∇_x ε at {@code grad[gOff …]}, shape.inputs() numbers (modified)
     */
    public static double energyAndGradient(MlpShape shape, double[] p, int base, double[] x, int xOff,
            double[] grad, int gOff) {
        Pass pass = new Pass(shape, p, base, x, xOff);
        double[][] h = pass.reverse();
        System.arraycopy(h[0], 0, grad, gOff, shape.inputs());
        return pass.energy;
    }

    /**
     * Adds weight·∂ε/∂θ to {@code out[outBase …]} (the network's parameter layout) and returns ε.
     *
     * @param x features from {@code x[xOff]} (not modified)
     * @param out parameter-shaped accumulator (modified)
     */
    public static double parameterGradient(MlpShape shape, double[] p, int base, double[] x, int xOff, double weight,
            double[] out, int outBase) {
        Pass pass = new Pass(shape, p, base, x, xOff);
        double[][] h = pass.reverse();
        for (int k = 0; k < shape.layers(); k++) {
            int nIn = shape.width(k);
            int nOut = shape.width(k + 1);
            double[] g = pass.g[k];
            double[] a = pass.a[k];
            int w = outBase + shape.weightOffset(k);
            int b = outBase + shape.biasOffset(k);
            for (int o = 0; o < nOut; o++) {
                double go = weight * g[o];
                for (int i = 0; i < nIn; i++) {
                    out[w + o * nIn + i] += go * a[i];
                }
                out[b + o] += go;
            }
            if (shape.activated(k)) {
                double beta = p[base + shape.betaOffset(k)];
                double sum = 0;
                for (int o = 0; o < nOut; o++) {
                    sum += h[k + 1][o] * Swish.betaDerivative(beta, pass.z[k][o]);
                }
                out[outBase + shape.betaOffset(k)] += weight * sum;
            }
        }
        return pass.energy;
    }

    /**
     * Adds weight·∂φ/∂θ for φ = ∇_x ε · u (the force term of a training loss: u is the force
     * residual pulled back to feature space) to {@code out[outBase …]} and returns φ: a forward
     * tangent pass along u followed by a reverse pass through both (Pearlmutter's R-operator).
     *
     * @param x features from {@code x[xOff]} (not modified)
     * @param u direction in feature space from {@code u[uOff]} (not modified)
     * @param out parameter-shaped accumulator (modified)
     */
    public static double forceParameterGradient(MlpShape shape, double[] p, int base, double[] x, int xOff,
            double[] u, int uOff, double weight, double[] out, int outBase) {
        Pass pass = new Pass(shape, p, base, x, xOff);
        int layers = shape.layers();
        // tangent: ȧ_0 = u, ż_k = W_k ȧ_k, ȧ_{k+1} = s'(z_k) ż_k
        double[][] ad = new double[layers][];
        double[][] zd = new double[layers][];
        ad[0] = new double[shape.inputs()];
        System.arraycopy(u, uOff, ad[0], 0, shape.inputs());
        for (int k = 0; k < layers; k++) {
            int nIn = shape.width(k);
            int nOut = shape.width(k + 1);
            int w = base + shape.weightOffset(k);
            zd[k] = new double[nOut];
            for (int o = 0; o < nOut; o++) {
                double s = 0;
                for (int i = 0; i < nIn; i++) {
                    s += p[w + o * nIn + i] * ad[k][i];
                }
                zd[k][o] = s;
            }
            if (shape.activated(k)) {
                double beta = p[base + shape.betaOffset(k)];
                ad[k + 1] = new double[nOut];
                for (int o = 0; o < nOut; o++) {
                    ad[k + 1][o] = Swish.derivative(beta, pass.z[k][o]) * zd[k][o];
                }
            }
        }
        double phi = zd[layers - 1][0];
        // reverse through (z, ż): gz = ∂φ/∂z_k, gzd = ∂φ/∂ż_k
        double[] gz = {0};
        double[] gzd = {1};
        for (int k = layers - 1; k >= 0; k--) {
            int nIn = shape.width(k);
            int nOut = shape.width(k + 1);
            int w = base + shape.weightOffset(k);
            int ow = outBase + shape.weightOffset(k);
            int ob = outBase + shape.biasOffset(k);
            double[] ga = new double[nIn];
            double[] gad = new double[nIn];
            for (int o = 0; o < nOut; o++) {
                out[ob + o] += weight * gz[o];
                for (int i = 0; i < nIn; i++) {
                    out[ow + o * nIn + i] += weight * (gz[o] * pass.a[k][i] + gzd[o] * ad[k][i]);
                    ga[i] += p[w + o * nIn + i] * gz[o];
                    gad[i] += p[w + o * nIn + i] * gzd[o];
                }
            }
            if (k == 0) {
                break;
            }
            double beta = p[base + shape.betaOffset(k - 1)];
            double[] z = pass.z[k - 1];
            double[] prevGz = new double[nIn];
            double[] prevGzd = new double[nIn];
            double gBeta = 0;
            for (int i = 0; i < nIn; i++) {
                double d1 = Swish.derivative(beta, z[i]);
                prevGzd[i] = gad[i] * d1;
                prevGz[i] = ga[i] * d1 + gad[i] * Swish.secondDerivative(beta, z[i]) * zd[k - 1][i];
                gBeta += ga[i] * Swish.betaDerivative(beta, z[i]) + gad[i] * Swish.mixedDerivative(beta, z[i]) * zd[k - 1][i];
            }
            out[outBase + shape.betaOffset(k - 1)] += weight * gBeta;
            gz = prevGz;
            gzd = prevGzd;
        }
        return phi;
    }

    /** One forward pass with every intermediate kept, and its reverse pass. */
    private static final class Pass {
        final MlpShape shape;
        final double[] p;
        final int base;
        /** a[k]: input of layer k (a[0] = x). */
        final double[][] a;
        /** z[k]: pre-activation output of layer k. */
        final double[][] z;
        /** g[k] = ∂ε/∂z_k, filled by {@link #reverse}. */
        final double[][] g;
        final double energy;

        Pass(MlpShape shape, double[] p, int base, double[] x, int xOff) {
            this.shape = shape;
            this.p = p;
            this.base = base;
            int layers = shape.layers();
            a = new double[layers][];
            z = new double[layers][];
            g = new double[layers][];
            a[0] = new double[shape.inputs()];
            System.arraycopy(x, xOff, a[0], 0, shape.inputs());
            for (int k = 0; k < layers; k++) {
                int nIn = shape.width(k);
                int nOut = shape.width(k + 1);
                int w = base + shape.weightOffset(k);
                int b = base + shape.biasOffset(k);
                z[k] = new double[nOut];
                for (int o = 0; o < nOut; o++) {
                    double s = p[b + o];
                    for (int i = 0; i < nIn; i++) {
                        s += p[w + o * nIn + i] * a[k][i];
                    }
                    z[k][o] = s;
                }
                if (shape.activated(k)) {
                    double beta = p[base + shape.betaOffset(k)];
                    a[k + 1] = new double[nOut];
                    for (int o = 0; o < nOut; o++) {
                        a[k + 1][o] = Swish.value(beta, z[k][o]);
                    }
                }
            }
            energy = z[layers - 1][0];
        }

        /** Fills g and returns h (h[k] = ∂ε/∂a_k). */
        double[][] reverse() {
            int layers = shape.layers();
            double[][] h = new double[layers][];
            g[layers - 1] = new double[] {1};
            for (int k = layers - 1; k >= 0; k--) {
                int nIn = shape.width(k);
                int nOut = shape.width(k + 1);
                int w = base + shape.weightOffset(k);
                h[k] = new double[nIn];
                for (int o = 0; o < nOut; o++) {
                    double go = g[k][o];
                    for (int i = 0; i < nIn; i++) {
                        h[k][i] += p[w + o * nIn + i] * go;
                    }
                }
                if (k > 0) {
                    double beta = p[base + shape.betaOffset(k - 1)];
                    g[k - 1] = new double[nIn];
                    for (int i = 0; i < nIn; i++) {
                        g[k - 1][i] = h[k][i] * Swish.derivative(beta, z[k - 1][i]);
                    }
                }
            }
            return h;
        }
    }
}
