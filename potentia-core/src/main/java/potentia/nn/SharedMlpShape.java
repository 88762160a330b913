package potentia.nn;

import java.util.List;
import java.util.Locale;

/**
 * The shape of NeuralIL's shared network ({@link SharedNetwork}) and the layout of all its
 * parameters in one flat array: S element embeddings of D numbers, then one swish MLP
 * (F + D) → hidden… → 1 whose input is an atom's F standardised features followed by its
 * element's embedding.
 *
 * <p>Layout: the embedding of species s at {@link #embeddingOffset}(s) (D numbers), species in
 * order; then layer k = 0 … L−1 (width(k) → width(k+1), width(0) = F + D, width(L) = 1) from
 * {@link #weightOffset}(k): the weights W_k (width(k+1) × width(k), row-major, W[o][i] at
 * {@code weightOffset(k) + o·width(k) + i}; columns F … F+D−1 of W_0 multiply the embedding), the
 * biases b_k (width(k+1)), then — for layers with LayerNorm ({@link #normalised}) — the LayerNorm
 * gains γ_k and biases δ_k (width(k+1) each), then — hidden layers only — the swish β_k.
 *
 * <p>LayerNorm, when on, follows the Dense part of every hidden layer but the first, as in NeuralIL
 * (the first hidden layer sees standardised features already); it needs at least two hidden layers.
 *
 * @param species S ≥ 1, the number of elements (embeddings)
 * @param inputs F ≥ 1, features per atom
 * @param embedding D ≥ 1, numbers per element embedding (NeuralIL uses 1–4)
 * @param hidden widths of the hidden layers, each ≥ 1 (may be empty: a linear model)
 * @param layerNorm whether hidden layers 2 … have LayerNorm
 * @param epsilon the LayerNorm variance offset ε &gt; 0 (NeuralIL, through Flax: 1e-6)
 */
public record SharedMlpShape(int species, int inputs, int embedding, List<Integer> hidden, boolean layerNorm,
        double epsilon) {

    /** Flax's LayerNorm ε, which NeuralIL uses. */
    public static final double DEFAULT_EPSILON = 1e-6;

    public SharedMlpShape {
        if (species < 1) {
            throw new IllegalArgumentException("a shared network needs at least one element, got " + species);
        }
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least one input, got " + inputs);
        }
        if (embedding < 1) {
            throw new IllegalArgumentException("element embeddings need at least one number, got " + embedding);
        }
        hidden = List.copyOf(hidden);
        for (int w : hidden) {
            if (w < 1) {
                throw new IllegalArgumentException("hidden layer widths must be ≥ 1, got " + hidden);
            }
        }
        if (layerNorm && hidden.size() < 2) {
            throw new IllegalArgumentException("LayerNorm needs at least two hidden layers (it follows every hidden"
                    + " layer but the first, as in NeuralIL), got " + hidden);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("LayerNorm ε must be a positive number, got " + epsilon);
        }
    }

    /** A shape with the default ε. */
    public SharedMlpShape(int species, int inputs, int embedding, List<Integer> hidden, boolean layerNorm) {
        this(species, inputs, embedding, hidden, layerNorm, DEFAULT_EPSILON);
    }

    /** Number of layers L (hidden + the output layer). */
    public int layers() {
        return hidden.size() + 1;
    }

    /** width(k): F + D for k = 0, hidden widths, 1 for k = L. */
    public int width(int k) {
        if (k == 0) {
            return inputs + embedding;
        }
        return k <= hidden.size() ? hidden.get(k - 1) : 1;
    }

    /** Whether layer k has a swish activation (every layer but the last). */
    public boolean activated(int k) {
        return k < hidden.size();
    }

    /** Whether layer k has LayerNorm between its Dense part and its activation (hidden layers 1 … when on). */
    public boolean normalised(int k) {
        return layerNorm && k >= 1 && k < hidden.size();
    }

    /** Offset of species s's embedding. */
    public int embeddingOffset(int s) {
        return s * embedding;
    }

    /** Offset of W_k. */
    public int weightOffset(int k) {
        int off = species * embedding;
        for (int j = 0; j < k; j++) {
            off += blockSize(j);
        }
        return off;
    }

    /** Offset of b_k. */
    public int biasOffset(int k) {
        return weightOffset(k) + width(k + 1) * width(k);
    }

    /** Offset of the LayerNorm gains γ_k; the biases δ_k follow them. */
    public int gainOffset(int k) {
        if (!normalised(k)) {
            throw new IllegalArgumentException("layer " + k + " has no LayerNorm");
        }
        return biasOffset(k) + width(k + 1);
    }

    /** Offset of the LayerNorm biases δ_k. */
    public int shiftOffset(int k) {
        return gainOffset(k) + width(k + 1);
    }

    /**
     * Offset of β_k.
     *
     * @throws IllegalArgumentException for the output layer, which has no activation
     */
    public int betaOffset(int k) {
        if (!activated(k)) {
            throw new IllegalArgumentException("layer " + k + " is the output layer: it has no swish β");
        }
        return biasOffset(k) + (normalised(k) ? 3 : 1) * width(k + 1);
    }

    /** Numbers in all: embeddings and network. */
    public int parameterCount() {
        return weightOffset(layers());
    }

    /** The widest layer of the network (its input included). */
    public int maxWidth() {
        int m = width(0);
        for (int w : hidden) {
            m = Math.max(m, w);
        }
        return m;
    }

    /**
     * Multiply-adds per atom of the batched forward pass: the embedding columns of W_0 are folded
     * into a per-element bias, so layer 0 costs F·width(1) (the input gradient costs about as many).
     */
    public long multiplyAdds() {
        long m = (long) inputs * width(1);
        for (int k = 1; k < layers(); k++) {
            m += (long) width(k) * width(k + 1);
        }
        return m;
    }

    /** "21+2-64-32-16-1". */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(inputs).append('+').append(embedding);
        for (int w : hidden) {
            sb.append('-').append(w);
        }
        return sb.append("-1").toString();
    }

    /** "2-number element embeddings, LayerNorm (ε = 1e-06) on hidden layers 2–3" or "… no LayerNorm". */
    public String describeExtras() {
        String emb = embedding + "-number element embeddings";
        if (!layerNorm) {
            return emb + ", no LayerNorm";
        }
        String layers = hidden.size() == 2 ? "hidden layer 2" : "hidden layers 2–" + hidden.size();
        return emb + String.format(Locale.ROOT, ", LayerNorm (ε = %s) on %s", epsilon, layers);
    }

    private int blockSize(int k) {
        int out = width(k + 1);
        return out * width(k) + out + (normalised(k) ? 2 * out : 0) + (activated(k) ? 1 : 0);
    }
}
