package potentia.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The hot kernel of a swish MLP ({@link MlpShape}): forward pass and input gradient for a batch of
 * up to {@link #BATCH} atoms at once, in FP64.
 *
 * <p>Why hand-written: C2 does not auto-vectorise the per-atom loops, and per-atom vectorisation
 * over output units wastes lanes on narrow layers (PERFORMANCE.md measured 0.36 M atoms/s for
 * plain loops against 2.1 M for this layout). Activations are stored unit-major, {@code [unit][atom]}
 * with one atom per SIMD lane, so every layer is a small matrix times a batch of lane-vectors:
 * each weight is broadcast once and multiplied into a whole vector of atoms. A register block of
 * {@value #ROWS} output rows × 2 vectors of atoms keeps 2·{@value #ROWS} accumulators live
 * (enough independent FMAs to hide their latency, few enough for 16 AVX2 registers). Bias and
 * swish (with its derivative, kept for the reverse pass) follow as a pass over the stored rows
 * while they are in L1; the reverse pass reads a transposed copy of each weight matrix so that
 * it is the same kernel, then multiplies by the stored derivative.
 *
 * <p>The reference is {@link ScalarMlp}; a test checks that they agree. Immutable (weights are
 * copied at construction); the mutable buffers live in a {@link Workspace}, one per thread. The
 * static passes over {@code [unit][atom]} batches (multiply, swish, bias, gate) are shared with
 * {@link BatchedSharedMlp}.
 */
final class BatchedMlp {
    static final VectorSpecies<Double> V = DoubleVector.SPECIES_PREFERRED;
    private static final int L = V.length();
    /** Atoms per batch: small enough that a batch's activations stay in L2. */
    static final int BATCH = 64;
    private static final int ROWS = 4;
    /** Lanes per register block: batches are computed in multiples of this many atoms. */
    static final int STEP = 2 * L;

    private final MlpShape shape;
    /** w[k]: W_k, width(k+1) × width(k), row-major. */
    private final double[][] w;
    /** wt[k]: W_kᵀ, width(k) × width(k+1), row-major. */
    private final double[][] wt;
    private final double[][] bias;
    private final double[] beta;

    /**
     * @param p parameters of the network from {@code p[base]} in {@link MlpShape}'s layout (copied)
     */
    BatchedMlp(MlpShape shape, double[] p, int base) {
        this.shape = shape;
        int layers = shape.layers();
        w = new double[layers][];
        wt = new double[layers][];
        bias = new double[layers][];
        beta = new double[layers];
        for (int k = 0; k < layers; k++) {
            int nIn = shape.width(k);
            int nOut = shape.width(k + 1);
            int wo = base + shape.weightOffset(k);
            w[k] = new double[nOut * nIn];
            wt[k] = new double[nOut * nIn];
            for (int o = 0; o < nOut; o++) {
                for (int i = 0; i < nIn; i++) {
                    double v = p[wo + o * nIn + i];
                    w[k][o * nIn + i] = v;
                    wt[k][i * nOut + o] = v;
                }
            }
            bias[k] = new double[nOut];
            System.arraycopy(p, base + shape.biasOffset(k), bias[k], 0, nOut);
            beta[k] = shape.activated(k) ? p[base + shape.betaOffset(k)] : 0;
        }
    }

    MlpShape shape() {
        return shape;
    }

    /** Buffers for one thread's batches of this shape (usable by any network of the same shape). */
    static final class Workspace {
        /** Inputs, [feature][atom], shape.inputs() × BATCH: filled by the caller. */
        final double[] x;
        /** Input gradient ∂ε/∂x, [feature][atom]: read by the caller after {@link #run}. */
        final double[] grad;
        /** ε per atom of the batch. */
        final double[] energy = new double[BATCH];
        private final double[][] act;
        private final double[][] dact;
        private final double[] deltaA;
        private final double[] deltaB;

        Workspace(MlpShape shape) {
            x = new double[shape.inputs() * BATCH];
            grad = new double[shape.inputs() * BATCH];
            int hidden = shape.layers() - 1;
            act = new double[hidden][];
            dact = new double[hidden][];
            for (int k = 0; k < hidden; k++) {
                act[k] = new double[shape.width(k + 1) * BATCH];
                dact[k] = new double[shape.width(k + 1) * BATCH];
            }
            deltaA = new double[shape.maxWidth() * BATCH];
            deltaB = new double[shape.maxWidth() * BATCH];
        }
    }

    /**
     * Evaluates the first {@code count} atoms of the batch in {@code ws.x}: ε into
     * {@code ws.energy}, and ∂ε/∂x into {@code ws.grad} when {@code gradient}. Lanes beyond
     * {@code count} up to the next multiple of 2·(vector length) are computed too, so the caller
     * must keep them finite (zero them once).
     */
    void run(Workspace ws, int count, boolean gradient) {
        if (count <= 0) {
            return;
        }
        int nb = Math.min(BATCH, (count + STEP - 1) / STEP * STEP);
        int last = shape.layers() - 1;
        double[] in = ws.x;
        for (int k = 0; k < last; k++) {
            multiply(w[k], shape.width(k + 1), shape.width(k), in, ws.act[k], nb);
            swish(ws.act[k], ws.dact[k], bias[k], beta[k], shape.width(k + 1), nb);
            in = ws.act[k];
        }
        multiply(w[last], 1, shape.width(last), in, ws.energy, nb);
        addBias(ws.energy, bias[last], 1, nb);
        if (!gradient) {
            return;
        }
        if (last == 0) {
            for (int i = 0; i < shape.inputs(); i++) {
                java.util.Arrays.fill(ws.grad, i * BATCH, i * BATCH + nb, w[0][i]);
            }
            return;
        }
        // g_{L−2} = w_out ⊙ s'(z_{L−2}); then h_k = W_kᵀ g_k, gated by s'(z_{k−1}) down to the inputs
        double[] g = ws.deltaA;
        double[] spare = ws.deltaB;
        double[] d = ws.dact[last - 1];
        double[] wOut = w[last];
        for (int i = 0; i < shape.width(last); i++) {
            DoubleVector wi = DoubleVector.broadcast(V, wOut[i]);
            for (int b = 0; b < nb; b += L) {
                wi.mul(DoubleVector.fromArray(V, d, i * BATCH + b)).intoArray(g, i * BATCH + b);
            }
        }
        for (int k = last - 1; k >= 0; k--) {
            if (k > 0) {
                multiply(wt[k], shape.width(k), shape.width(k + 1), g, spare, nb);
                gate(spare, ws.dact[k - 1], shape.width(k), nb);
                double[] t = g;
                g = spare;
                spare = t;
            } else {
                multiply(wt[0], shape.inputs(), shape.width(1), g, ws.grad, nb);
            }
        }
    }

    /**
     * out[r][b] = Σ_c m[r][c]·in[c][b] for b &lt; nb: a rows × cols matrix (row-major) times a
     * [cols][BATCH] batch into [rows][BATCH]. Vectors never cross a method boundary here: when C2
     * declines to inline a callee (these methods are large) a vector argument is boxed on the heap,
     * which costs 20× — so epilogues are separate passes over the stored rows.
     */
    static void multiply(double[] m, int rows, int cols, double[] in, double[] out, int nb) {
        for (int b = 0; b < nb; b += STEP) {
            int r = 0;
            for (; r + ROWS <= rows; r += ROWS) {
                DoubleVector c00 = DoubleVector.zero(V);
                DoubleVector c01 = c00;
                DoubleVector c10 = c00;
                DoubleVector c11 = c00;
                DoubleVector c20 = c00;
                DoubleVector c21 = c00;
                DoubleVector c30 = c00;
                DoubleVector c31 = c00;
                int m0 = r * cols;
                int m1 = m0 + cols;
                int m2 = m1 + cols;
                int m3 = m2 + cols;
                for (int c = 0; c < cols; c++) {
                    DoubleVector x0 = DoubleVector.fromArray(V, in, c * BATCH + b);
                    DoubleVector x1 = DoubleVector.fromArray(V, in, c * BATCH + b + L);
                    DoubleVector w0 = DoubleVector.broadcast(V, m[m0 + c]);
                    c00 = x0.fma(w0, c00);
                    c01 = x1.fma(w0, c01);
                    DoubleVector w1 = DoubleVector.broadcast(V, m[m1 + c]);
                    c10 = x0.fma(w1, c10);
                    c11 = x1.fma(w1, c11);
                    DoubleVector w2 = DoubleVector.broadcast(V, m[m2 + c]);
                    c20 = x0.fma(w2, c20);
                    c21 = x1.fma(w2, c21);
                    DoubleVector w3 = DoubleVector.broadcast(V, m[m3 + c]);
                    c30 = x0.fma(w3, c30);
                    c31 = x1.fma(w3, c31);
                }
                int at = r * BATCH + b;
                c00.intoArray(out, at);
                c01.intoArray(out, at + L);
                c10.intoArray(out, at + BATCH);
                c11.intoArray(out, at + BATCH + L);
                c20.intoArray(out, at + 2 * BATCH);
                c21.intoArray(out, at + 2 * BATCH + L);
                c30.intoArray(out, at + 3 * BATCH);
                c31.intoArray(out, at + 3 * BATCH + L);
            }
            for (; r < rows; r++) {
                DoubleVector c0 = DoubleVector.zero(V);
                DoubleVector c1 = c0;
                int m0 = r * cols;
                for (int c = 0; c < cols; c++) {
                    DoubleVector wv = DoubleVector.broadcast(V, m[m0 + c]);
                    c0 = DoubleVector.fromArray(V, in, c * BATCH + b).fma(wv, c0);
                    c1 = DoubleVector.fromArray(V, in, c * BATCH + b + L).fma(wv, c1);
                }
                c0.intoArray(out, r * BATCH + b);
                c1.intoArray(out, r * BATCH + b + L);
            }
        }
    }

    /** In place z → s = z·σ(βz) with z = out + bias, and s' = σ(1 + βz(1 − σ)) into aux (see {@link Swish}). */
    static void swish(double[] out, double[] aux, double[] bias, double beta, int rows, int nb) {
        DoubleVector one = DoubleVector.broadcast(V, 1.0);
        for (int r = 0; r < rows; r++) {
            DoubleVector br = DoubleVector.broadcast(V, bias[r]);
            for (int b = r * BATCH, end = r * BATCH + nb; b < end; b += L) {
                DoubleVector z = DoubleVector.fromArray(V, out, b).add(br);
                DoubleVector bz = z.mul(beta);
                DoubleVector sg = one.div(VectorExp.exp(bz.neg()).add(one));
                z.mul(sg).intoArray(out, b);
                sg.mul(bz.fma(one.sub(sg), one)).intoArray(aux, b);
            }
        }
    }

    /** In place out += bias (per row). */
    static void addBias(double[] out, double[] bias, int rows, int nb) {
        for (int r = 0; r < rows; r++) {
            DoubleVector br = DoubleVector.broadcast(V, bias[r]);
            for (int b = r * BATCH, end = r * BATCH + nb; b < end; b += L) {
                DoubleVector.fromArray(V, out, b).add(br).intoArray(out, b);
            }
        }
    }

    /** In place out *= gate, element by element. */
    static void gate(double[] out, double[] gate, int rows, int nb) {
        for (int r = 0; r < rows; r++) {
            for (int b = r * BATCH, end = r * BATCH + nb; b < end; b += L) {
                DoubleVector.fromArray(V, out, b).mul(DoubleVector.fromArray(V, gate, b)).intoArray(out, b);
            }
        }
    }
}
