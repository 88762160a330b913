package potentia.nn;

/**
 * The obviously-right per-atom reference of NeuralIL's shared network ({@link SharedMlpShape}):
 * plain loops, one atom at a time. The batched kernel ({@link BatchedSharedMlp}) must agree with
 * it; {@link SharedNetwork}'s parameter gradients use it.
 *
 * <p>Notation: a_0 = [z; e_s] (features, then species s's embedding); layer k: u_k = W_k a_k + b_k,
 * v_k = γ_k ⊙ x̂(u_k) + δ_k with LayerNorm ({@link LayerNorm}) or v_k = u_k without,
 * a_{k+1} = s_{β_k}(v_k) for hidden layers; ε = v_{L−1}. Every method reads the parameters from
 * {@code p} in {@link SharedMlpShape}'s layout (not modified); parameter gradients are added to
 * {@code out} in the same layout.
 */
final class ScalarSharedMlp {
    private ScalarSharedMlp() {
    }

    /**
     * The atomic energy ε of an atom of species s.
     *
     * @param z features from {@code z[zOff]}, shape.inputs() numbers (not modified)
     */
    static double energy(SharedMlpShape shape, double[] p, double[] z, int zOff, int s) {
        return new Pass(shape, p, z, zOff, s).energy();
    }

    /**
     * ε and its gradient with respect to the features (not the embedding).
     *
     * @param grad receives ∇_z ε at {@code grad[gOff …]}, shape.inputs() numbers (modified)
     */
    static double energyAndGradient(SharedMlpShape shape, double[] p, double[] z, int zOff, int s, double[] grad,
            int gOff) {
        Pass pass = new Pass(shape, p, z, zOff, s);
        double[] h0 = pass.reverse(0, null);
        System.arraycopy(h0, 0, grad, gOff, shape.inputs());
        return pass.energy();
    }

    /** Adds weight·∂ε/∂θ to {@code out} (all parameters, embeddings included) and returns ε. */
    static double parameterGradient(SharedMlpShape shape, double[] p, double[] z, int zOff, int s, double weight,
            double[] out) {
        Pass pass = new Pass(shape, p, z, zOff, s);
        pass.reverse(weight, out);
        return pass.energy();
    }

    /**
     * Adds weight·∂φ/∂θ for φ = ∇_z ε · u (the force term of a training loss) to {@code out} and
     * returns φ: a forward tangent pass along ȧ_0 = [u; 0] (the embedding does not move with the
     * features), then a reverse pass through values and tangents (Pearlmutter's R-operator), with
     * LayerNorm's second-order term ({@link LayerNorm#curvature}).
     *
     * @param u direction in feature space from {@code u[uOff]} (not modified)
     */
    static double forceParameterGradient(SharedMlpShape shape, double[] p, double[] z, int zOff, int s, double[] u,
            int uOff, double weight, double[] out) {
        Pass pass = new Pass(shape, p, z, zOff, s);
        int layers = shape.layers();
        int f = shape.inputs();
        // tangent: u̇_k = W_k ȧ_k, ẋ_k = J u̇_k, v̇_k = γ ⊙ ẋ_k (or u̇_k), ȧ_{k+1} = s'(v_k) v̇_k
        double[][] ad = new double[layers][];
        double[][] ud = new double[layers][];
        double[][] xd = new double[layers][];
        double[][] vd = new double[layers][];
        ad[0] = new double[shape.width(0)];
        System.arraycopy(u, uOff, ad[0], 0, f);
        for (int k = 0; k < layers; k++) {
            int nIn = shape.width(k);
            int nOut = shape.width(k + 1);
            int w = shape.weightOffset(k);
            ud[k] = new double[nOut];
            for (int o = 0; o < nOut; o++) {
                double sum = 0;
                for (int i = 0; i < nIn; i++) {
                    sum += p[w + o * nIn + i] * ad[k][i];
                }
                ud[k][o] = sum;
            }
            if (shape.normalised(k)) {
                xd[k] = LayerNorm.jacobianTimes(pass.xhat[k], pass.r[k], ud[k]);
                vd[k] = new double[nOut];
                int g = shape.gainOffset(k);
                for (int o = 0; o < nOut; o++) {
                    vd[k][o] = p[g + o] * xd[k][o];
                }
            } else {
                vd[k] = ud[k];
            }
            if (shape.activated(k)) {
                double beta = p[shape.betaOffset(k)];
                ad[k + 1] = new double[nOut];
                for (int o = 0; o < nOut; o++) {
                    ad[k + 1][o] = Swish.derivative(beta, pass.v[k][o]) * vd[k][o];
                }
            }
        }
        double phi = vd[layers - 1][0];
        // reverse through (v, v̇): vBar = ∂φ/∂v_k, vdBar = ∂φ/∂v̇_k
        double[] vBar = {0};
        double[] vdBar = {1};
        for (int k = layers - 1; k >= 0; k--) {
            int nIn = shape.width(k);
            int nOut = shape.width(k + 1);
            double[] uBar;
            double[] udBar;
            if (shape.normalised(k)) {
                int g = shape.gainOffset(k);
                int d = shape.shiftOffset(k);
                double[] xBar = new double[nOut];
                double[] xdBar = new double[nOut];
                for (int o = 0; o < nOut; o++) {
                    out[g + o] += weight * (vBar[o] * pass.xhat[k][o] + vdBar[o] * xd[k][o]);
                    out[d + o] += weight * vBar[o];
                    xBar[o] = p[g + o] * vBar[o];
                    xdBar[o] = p[g + o] * vdBar[o];
                }
                uBar = LayerNorm.jacobianTimes(pass.xhat[k], pass.r[k], xBar);
                double[] second = LayerNorm.curvature(pass.xhat[k], pass.r[k], ud[k], xd[k], xdBar);
                for (int o = 0; o < nOut; o++) {
                    uBar[o] += second[o];
                }
                udBar = LayerNorm.jacobianTimes(pass.xhat[k], pass.r[k], xdBar);
            } else {
                uBar = vBar;
                udBar = vdBar;
            }
            int w = shape.weightOffset(k);
            int b = shape.biasOffset(k);
            double[] aBar = new double[nIn];
            double[] adBar = new double[nIn];
            for (int o = 0; o < nOut; o++) {
                out[b + o] += weight * uBar[o];
                for (int i = 0; i < nIn; i++) {
                    out[w + o * nIn + i] += weight * (uBar[o] * pass.a[k][i] + udBar[o] * ad[k][i]);
                    aBar[i] += p[w + o * nIn + i] * uBar[o];
                    adBar[i] += p[w + o * nIn + i] * udBar[o];
                }
            }
            if (k == 0) {
                int e = shape.embeddingOffset(s);
                for (int c = 0; c < shape.embedding(); c++) {
                    out[e + c] += weight * aBar[shape.inputs() + c];
                }
                break;
            }
            // a_k = s(v_{k−1}), ȧ_k = s'(v_{k−1}) v̇_{k−1}
            double beta = p[shape.betaOffset(k - 1)];
            double[] v = pass.v[k - 1];
            double[] vdot = vd[k - 1];
            double[] prevBar = new double[nIn];
            double[] prevDotBar = new double[nIn];
            double gBeta = 0;
            for (int i = 0; i < nIn; i++) {
                double d1 = Swish.derivative(beta, v[i]);
                prevDotBar[i] = adBar[i] * d1;
                prevBar[i] = aBar[i] * d1 + adBar[i] * Swish.secondDerivative(beta, v[i]) * vdot[i];
                gBeta += aBar[i] * Swish.betaDerivative(beta, v[i]) + adBar[i] * Swish.mixedDerivative(beta, v[i]) * vdot[i];
            }
            out[shape.betaOffset(k - 1)] += weight * gBeta;
            vBar = prevBar;
            vdBar = prevDotBar;
        }
        return phi;
    }

    /** One forward pass with every intermediate kept, and its reverse pass. */
    private static final class Pass {
        final SharedMlpShape shape;
        final double[] p;
        final int species;
        /** a[k]: input of layer k (a[0] = [z; e_s]). */
        final double[][] a;
        /** x̂[k] and r[k]: LayerNorm of layer k's Dense output (normalised layers only). */
        final double[][] xhat;
        final double[] r;
        /** v[k]: pre-activation output of layer k. */
        final double[][] v;

        Pass(SharedMlpShape shape, double[] p, double[] z, int zOff, int species) {
            this.shape = shape;
            this.p = p;
            this.species = species;
            int layers = shape.layers();
            int f = shape.inputs();
            a = new double[layers][];
            xhat = new double[layers][];
            r = new double[layers];
            v = new double[layers][];
            a[0] = new double[shape.width(0)];
            System.arraycopy(z, zOff, a[0], 0, f);
            System.arraycopy(p, shape.embeddingOffset(species), a[0], f, shape.embedding());
            for (int k = 0; k < layers; k++) {
                int nIn = shape.width(k);
                int nOut = shape.width(k + 1);
                int w = shape.weightOffset(k);
                int b = shape.biasOffset(k);
                double[] u = new double[nOut];
                for (int o = 0; o < nOut; o++) {
                    double sum = p[b + o];
                    for (int i = 0; i < nIn; i++) {
                        sum += p[w + o * nIn + i] * a[k][i];
                    }
                    u[o] = sum;
                }
                if (shape.normalised(k)) {
                    xhat[k] = new double[nOut];
                    r[k] = LayerNorm.normalise(u, shape.epsilon(), xhat[k]);
                    int g = shape.gainOffset(k);
                    int d = shape.shiftOffset(k);
                    v[k] = new double[nOut];
                    for (int o = 0; o < nOut; o++) {
                        v[k][o] = p[g + o] * xhat[k][o] + p[d + o];
                    }
                } else {
                    v[k] = u;
                }
                if (shape.activated(k)) {
                    double beta = p[shape.betaOffset(k)];
                    a[k + 1] = new double[nOut];
                    for (int o = 0; o < nOut; o++) {
                        a[k + 1][o] = Swish.value(beta, v[k][o]);
                    }
                }
            }
        }

        double energy() {
            return v[shape.layers() - 1][0];
        }

        /**
         * Back-propagates ε: adds weight·∂ε/∂θ to {@code out} when it is not null, and returns
         * ∂ε/∂a_0 (features, then embedding).
         */
        double[] reverse(double weight, double[] out) {
            int layers = shape.layers();
            double[] vBar = {1};
            double[] h = null;
            for (int k = layers - 1; k >= 0; k--) {
                int nIn = shape.width(k);
                int nOut = shape.width(k + 1);
                double[] uBar;
                if (shape.normalised(k)) {
                    int g = shape.gainOffset(k);
                    int d = shape.shiftOffset(k);
                    double[] xBar = new double[nOut];
                    for (int o = 0; o < nOut; o++) {
                        if (out != null) {
                            out[g + o] += weight * vBar[o] * xhat[k][o];
                            out[d + o] += weight * vBar[o];
                        }
                        xBar[o] = p[g + o] * vBar[o];
                    }
                    uBar = LayerNorm.jacobianTimes(xhat[k], r[k], xBar);
                } else {
                    uBar = vBar;
                }
                int w = shape.weightOffset(k);
                int b = shape.biasOffset(k);
                h = new double[nIn];
                for (int o = 0; o < nOut; o++) {
                    double go = uBar[o];
                    if (out != null) {
                        out[b + o] += weight * go;
                        for (int i = 0; i < nIn; i++) {
                            out[w + o * nIn + i] += weight * go * a[k][i];
                        }
                    }
                    for (int i = 0; i < nIn; i++) {
                        h[i] += p[w + o * nIn + i] * go;
                    }
                }
                if (k > 0) {
                    double beta = p[shape.betaOffset(k - 1)];
                    double[] prev = v[k - 1];
                    vBar = new double[nIn];
                    double gBeta = 0;
                    for (int i = 0; i < nIn; i++) {
                        vBar[i] = h[i] * Swish.derivative(beta, prev[i]);
                        gBeta += h[i] * Swish.betaDerivative(beta, prev[i]);
                    }
                    if (out != null) {
                        out[shape.betaOffset(k - 1)] += weight * gBeta;
                    }
                }
            }
            if (out != null) {
                int e = shape.embeddingOffset(species);
                for (int c = 0; c < shape.embedding(); c++) {
                    out[e + c] += weight * h[shape.inputs() + c];
                }
            }
            return h;
        }
    }
}
