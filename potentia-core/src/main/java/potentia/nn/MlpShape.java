package potentia.nn;

import java.util.List;

/**
 * The shape of a multilayer perceptron inputs → hidden… → 1 with swish on every hidden layer, and
 * the layout of its parameters in one flat array (the view every pass and the optimiser share).
 *
 * <p>Layer k = 0 … L−1 maps width(k) inputs to width(k+1) outputs, width(0) = {@link #inputs},
 * width(L) = 1. Its block in the parameter array, from {@link #weightOffset}(k), holds the
 * weights W_k (width(k+1) × width(k), row-major: W[o][i] at {@code weightOffset(k) + o·width(k) + i}),
 * then the biases b_k (width(k+1)), then — hidden layers only — the swish β_k (one per layer).
 * A network's parameters occupy {@link #parameterCount()} numbers from some base offset.
 *
 * @param inputs features per atom, ≥ 1
 * @param hidden widths of the hidden layers, each ≥ 1 (may be empty: a linear model)
 */
public record MlpShape(int inputs, List<Integer> hidden) {

    public MlpShape {
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least one input, got " + inputs);
        }
        hidden = List.copyOf(hidden);
        for (int w : hidden) {
            if (w < 1) {
                throw new IllegalArgumentException("hidden layer widths must be ≥ 1, got " + hidden);
            }
        }
    }

    /** Number of layers L (hidden + the output layer). */
    public int layers() {
        return hidden.size() + 1;
    }

    /** width(k): inputs for k = 0, hidden widths, 1 for k = L. */
    public int width(int k) {
        if (k == 0) {
            return inputs;
        }
        return k <= hidden.size() ? hidden.get(k - 1) : 1;
    }

    /** The widest layer (inputs included). */
    public int maxWidth() {
        int m = inputs;
        for (int w : hidden) {
            m = Math.max(m, w);
        }
        return m;
    }

    /** Whether layer k has a swish activation (every layer but the last). */
    public boolean activated(int k) {
        return k < hidden.size();
    }

    /** Offset of W_k within a network's block. */
    public int weightOffset(int k) {
        int off = 0;
        for (int j = 0; j < k; j++) {
            off += blockSize(j);
        }
        return off;
    }

    /** Offset of b_k within a network's block. */
    public int biasOffset(int k) {
        return weightOffset(k) + width(k + 1) * width(k);
    }

    /**
     * Offset of β_k within a network's block.
     *
     * @throws IllegalArgumentException for the output layer, which has no activation
     */
    public int betaOffset(int k) {
        if (!activated(k)) {
            throw new IllegalArgumentException("layer " + k + " is the output layer: it has no swish β");
        }
        return biasOffset(k) + width(k + 1);
    }

    /** Numbers per network. */
    public int parameterCount() {
        return weightOffset(layers());
    }

    /** Multiply-adds per atom of the forward pass (the input gradient costs as many again). */
    public long multiplyAdds() {
        long m = 0;
        for (int k = 0; k < layers(); k++) {
            m += (long) width(k) * width(k + 1);
        }
        return m;
    }

    /** "21-64-32-16-1". */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(inputs);
        for (int w : hidden) {
            sb.append('-').append(w);
        }
        return sb.append("-1").toString();
    }

    private int blockSize(int k) {
        return width(k + 1) * width(k) + width(k + 1) + (activated(k) ? 1 : 0);
    }
}
