package potentia.nn;

import static potentia.nn.BatchedMlp.BATCH;
import static potentia.nn.BatchedMlp.STEP;
import static potentia.nn.BatchedMlp.V;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;

/**
 * The hot kernel of NeuralIL's shared network ({@link SharedMlpShape}): forward pass and feature
 * gradient for a batch of up to {@link BatchedMlp#BATCH} atoms of one species, in FP64, in
 * {@link BatchedMlp}'s {@code [unit][atom]} layout (one atom per SIMD lane) and with its matrix
 * and activation passes.
 *
 * <p>Two things differ from the per-element kernel. The embedding is a constant input per
 * species, so W_0·[z; e_s] + b_0 = W_0^z z + (b_0 + W_0^e e_s): the embedding columns fold into a
 * per-species bias of layer 0, and layer 0 multiplies the F features only (batches hold one
 * species, as {@link ElementNetworks}' do). LayerNorm couples the units of one atom, which in this
 * layout sit in one lane of consecutive rows: its mean, variance and the two means of its reverse
 * pass are sums down the rows, lane by lane — plain vector adds, no horizontal reductions. The
 * forward pass keeps x̂ and r = (var + ε)^(−1/2) per layer for the reverse pass.
 *
 * <p>The reference is {@link ScalarSharedMlp}; a test checks that they agree. Immutable (weights
 * are copied at construction); the mutable buffers live in a {@link Workspace}, one per thread.
 */
final class BatchedSharedMlp {
    private static final int L = V.length();

    private final SharedMlpShape shape;
    /** w[k]: W_k, rows × columns where layer 0 keeps only its F feature columns. */
    private final double[][] w;
    /** wt[k]: the transpose of w[k]. */
    private final double[][] wt;
    private final double[][] bias;
    /** b_0 + W_0^e e_s per species s. */
    private final double[][] speciesBias;
    private final double[][] gain;
    private final double[][] shift;
    private final double[] beta;

    /** @param p all parameters in {@link SharedMlpShape}'s layout (copied) */
    BatchedSharedMlp(SharedMlpShape shape, double[] p) {
        this.shape = shape;
        int layers = shape.layers();
        int f = shape.inputs();
        w = new double[layers][];
        wt = new double[layers][];
        bias = new double[layers][];
        gain = new double[layers][];
        shift = new double[layers][];
        beta = new double[layers];
        for (int k = 0; k < layers; k++) {
            int nIn = shape.width(k);
            int cols = k == 0 ? f : nIn;
            int nOut = shape.width(k + 1);
            int wo = shape.weightOffset(k);
            w[k] = new double[nOut * cols];
            wt[k] = new double[nOut * cols];
            for (int o = 0; o < nOut; o++) {
                for (int i = 0; i < cols; i++) {
                    double v = p[wo + o * nIn + i];
                    w[k][o * cols + i] = v;
                    wt[k][i * nOut + o] = v;
                }
            }
            bias[k] = Arrays.copyOfRange(p, shape.biasOffset(k), shape.biasOffset(k) + nOut);
            if (shape.normalised(k)) {
                gain[k] = Arrays.copyOfRange(p, shape.gainOffset(k), shape.gainOffset(k) + nOut);
                shift[k] = Arrays.copyOfRange(p, shape.shiftOffset(k), shape.shiftOffset(k) + nOut);
            }
            beta[k] = shape.activated(k) ? p[shape.betaOffset(k)] : 0;
        }
        int nIn = shape.width(0);
        int nOut = shape.width(1);
        int wo = shape.weightOffset(0);
        speciesBias = new double[shape.species()][nOut];
        for (int s = 0; s < shape.species(); s++) {
            int e = shape.embeddingOffset(s);
            for (int o = 0; o < nOut; o++) {
                double sum = bias[0][o];
                for (int c = 0; c < shape.embedding(); c++) {
                    sum += p[wo + o * nIn + f + c] * p[e + c];
                }
                speciesBias[s][o] = sum;
            }
        }
    }

    /** Buffers for one thread's batches of this shape. */
    static final class Workspace {
        /** Features, [feature][atom], F × BATCH: filled by the caller. */
        final double[] x;
        /** Feature gradient ∂ε/∂z, [feature][atom]: read by the caller after {@link #run}. */
        final double[] grad;
        /** ε per atom of the batch. */
        final double[] energy = new double[BATCH];
        private final double[][] act;
        private final double[][] dact;
        private final double[][] xhat;
        private final double[][] r;
        private final double[] deltaA;
        private final double[] deltaB;
        private final double[] sumA = new double[BATCH];
        private final double[] sumB = new double[BATCH];

        Workspace(SharedMlpShape shape) {
            x = new double[shape.inputs() * BATCH];
            grad = new double[shape.inputs() * BATCH];
            int hidden = shape.layers() - 1;
            act = new double[hidden][];
            dact = new double[hidden][];
            xhat = new double[hidden][];
            r = new double[hidden][];
            for (int k = 0; k < hidden; k++) {
                act[k] = new double[shape.width(k + 1) * BATCH];
                dact[k] = new double[shape.width(k + 1) * BATCH];
                if (shape.normalised(k)) {
                    xhat[k] = new double[shape.width(k + 1) * BATCH];
                    r[k] = new double[BATCH];
                }
            }
            deltaA = new double[shape.maxWidth() * BATCH];
            deltaB = new double[shape.maxWidth() * BATCH];
        }
    }

    /**
     * Evaluates the first {@code count} atoms of the batch in {@code ws.x}, all of species s: ε
     * into {@code ws.energy}, and ∂ε/∂z into {@code ws.grad} when {@code gradient}. Lanes beyond
     * {@code count} up to the next multiple of 2·(vector length) are computed too, so the caller
     * must keep them finite (zero them once).
     */
    void run(Workspace ws, int count, int s, boolean gradient) {
        if (count <= 0) {
            return;
        }
        int nb = Math.min(BATCH, (count + STEP - 1) / STEP * STEP);
        int last = shape.layers() - 1;
        int f = shape.inputs();
        double[] in = ws.x;
        for (int k = 0; k < last; k++) {
            int rows = shape.width(k + 1);
            BatchedMlp.multiply(w[k], rows, k == 0 ? f : shape.width(k), in, ws.act[k], nb);
            double[] b = k == 0 ? speciesBias[s] : bias[k];
            if (shape.normalised(k)) {
                normalise(ws.act[k], ws.xhat[k], ws.r[k], b, gain[k], shape.epsilon(), rows, nb, ws.sumA, ws.sumB);
                BatchedMlp.swish(ws.act[k], ws.dact[k], shift[k], beta[k], rows, nb);
            } else {
                BatchedMlp.swish(ws.act[k], ws.dact[k], b, beta[k], rows, nb);
            }
            in = ws.act[k];
        }
        BatchedMlp.multiply(w[last], 1, last == 0 ? f : shape.width(last), in, ws.energy, nb);
        BatchedMlp.addBias(ws.energy, last == 0 ? speciesBias[s] : bias[last], 1, nb);
        if (!gradient) {
            return;
        }
        if (last == 0) {
            for (int i = 0; i < f; i++) {
                Arrays.fill(ws.grad, i * BATCH, i * BATCH + nb, w[0][i]);
            }
            return;
        }
        // g = ∂ε/∂v_{L−2} = w_out ⊙ s'(v_{L−2}); through LayerNorm to ∂ε/∂u_k;
        // h_k = W_kᵀ g, gated by s'(v_{k−1}) down to the features
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
            int rows = shape.width(k + 1);
            if (shape.normalised(k)) {
                normaliseBackward(g, ws.xhat[k], ws.r[k], gain[k], rows, nb, ws.sumA, ws.sumB);
            }
            if (k > 0) {
                BatchedMlp.multiply(wt[k], shape.width(k), rows, g, spare, nb);
                BatchedMlp.gate(spare, ws.dact[k - 1], shape.width(k), nb);
                double[] t = g;
                g = spare;
                spare = t;
            } else {
                BatchedMlp.multiply(wt[0], f, rows, g, ws.grad, nb);
            }
        }
    }

    /**
     * In place u → γ ⊙ x̂ with u = out + bias, lane by lane over the rows (each lane one atom):
     * x̂ into xhat, r into r; the caller's swish adds δ. Two passes for the variance (centred
     * sums), as the reference does.
     */
    private static void normalise(double[] out, double[] xhat, double[] r, double[] bias, double[] gain,
            double epsilon, int rows, int nb, double[] mean, double[] var) {
        double inv = 1.0 / rows;
        Arrays.fill(mean, 0, nb, 0.0);
        Arrays.fill(var, 0, nb, 0.0);
        for (int row = 0; row < rows; row++) {
            DoubleVector br = DoubleVector.broadcast(V, bias[row]);
            for (int b = 0; b < nb; b += L) {
                int at = row * BATCH + b;
                DoubleVector u = DoubleVector.fromArray(V, out, at).add(br);
                u.intoArray(out, at);
                DoubleVector.fromArray(V, mean, b).add(u).intoArray(mean, b);
            }
        }
        for (int b = 0; b < nb; b += L) {
            DoubleVector.fromArray(V, mean, b).mul(inv).intoArray(mean, b);
        }
        for (int row = 0; row < rows; row++) {
            for (int b = 0; b < nb; b += L) {
                DoubleVector c = DoubleVector.fromArray(V, out, row * BATCH + b).sub(DoubleVector.fromArray(V, mean, b));
                c.fma(c, DoubleVector.fromArray(V, var, b)).intoArray(var, b);
            }
        }
        DoubleVector one = DoubleVector.broadcast(V, 1.0);
        for (int b = 0; b < nb; b += L) {
            DoubleVector v = DoubleVector.fromArray(V, var, b).mul(inv).add(epsilon);
            one.div(v.sqrt()).intoArray(r, b);
        }
        for (int row = 0; row < rows; row++) {
            DoubleVector gr = DoubleVector.broadcast(V, gain[row]);
            for (int b = 0; b < nb; b += L) {
                int at = row * BATCH + b;
                DoubleVector x = DoubleVector.fromArray(V, out, at).sub(DoubleVector.fromArray(V, mean, b))
                        .mul(DoubleVector.fromArray(V, r, b));
                x.intoArray(xhat, at);
                x.mul(gr).intoArray(out, at);
            }
        }
    }

    /**
     * In place ∂ε/∂v → ∂ε/∂u through v = γ ⊙ x̂ + δ: t = γ ⊙ g, then
     * g = r·(t − mean(t) − x̂·mean(x̂ t)), the means down the rows of each lane.
     */
    private static void normaliseBackward(double[] g, double[] xhat, double[] r, double[] gain, int rows, int nb,
            double[] meanT, double[] meanXt) {
        double inv = 1.0 / rows;
        Arrays.fill(meanT, 0, nb, 0.0);
        Arrays.fill(meanXt, 0, nb, 0.0);
        for (int row = 0; row < rows; row++) {
            DoubleVector gr = DoubleVector.broadcast(V, gain[row]);
            for (int b = 0; b < nb; b += L) {
                int at = row * BATCH + b;
                DoubleVector t = DoubleVector.fromArray(V, g, at).mul(gr);
                t.intoArray(g, at);
                DoubleVector.fromArray(V, meanT, b).add(t).intoArray(meanT, b);
                t.fma(DoubleVector.fromArray(V, xhat, at), DoubleVector.fromArray(V, meanXt, b)).intoArray(meanXt, b);
            }
        }
        for (int b = 0; b < nb; b += L) {
            DoubleVector.fromArray(V, meanT, b).mul(inv).intoArray(meanT, b);
            DoubleVector.fromArray(V, meanXt, b).mul(inv).intoArray(meanXt, b);
        }
        for (int row = 0; row < rows; row++) {
            for (int b = 0; b < nb; b += L) {
                int at = row * BATCH + b;
                DoubleVector t = DoubleVector.fromArray(V, g, at).sub(DoubleVector.fromArray(V, meanT, b));
                t = DoubleVector.fromArray(V, xhat, at).neg().fma(DoubleVector.fromArray(V, meanXt, b), t);
                t.mul(DoubleVector.fromArray(V, r, b)).intoArray(g, at);
            }
        }
    }
}
