package potentia.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import potentia.structure.Element;

/**
 * NeuralIL's atomic model (Montes-Campos et al., J. Chem. Inf. Model. 62 (2022) 88): one swish MLP
 * shared by all elements, fed an atom's standardised features concatenated with a learned
 * embedding of its element (D numbers), ε_i = MLP([z_i; e_{s(i)}]), optionally with LayerNorm
 * (learnable gain and bias) after the Dense part of every hidden layer but the first. The
 * embeddings and the network are one flat parameter array ({@link SharedMlpShape}). Immutable.
 *
 * <p>Unlike NeuralIL, the output layer is linear (NeuralIL passes it through one more swish and an
 * affine "denormaliser"; the reference energies e0 do the shifting here), as in
 * {@link ElementNetworks}.
 */
public final class SharedNetwork implements AtomicModel {
    private final List<Element> species;
    private final SharedMlpShape shape;
    private final boolean learnableBeta;
    private final double[] parameters;
    private final BatchedSharedMlp kernel;

    /**
     * @param species the elements, one embedding each, in this order (as many as shape.species())
     * @param shape the embeddings' and network's shape
     * @param learnableBeta whether training may change the swish β's
     * @param parameters shape.parameterCount() numbers (copied); must be finite
     */
    public SharedNetwork(List<Element> species, SharedMlpShape shape, boolean learnableBeta, double[] parameters) {
        this.species = List.copyOf(species);
        if (this.species.stream().distinct().count() != this.species.size()) {
            throw new IllegalArgumentException("element listed twice: " + this.species);
        }
        if (this.species.size() != shape.species()) {
            throw new IllegalArgumentException("a shared network for " + shape.species() + " element(s) cannot serve "
                    + this.species);
        }
        this.shape = shape;
        this.learnableBeta = learnableBeta;
        if (parameters.length != shape.parameterCount()) {
            throw new IllegalArgumentException("shared network " + shape.describe() + " for " + this.species.size()
                    + " elements needs " + shape.parameterCount() + " parameters, got " + parameters.length);
        }
        for (int k = 0; k < parameters.length; k++) {
            if (!Double.isFinite(parameters[k])) {
                throw new IllegalArgumentException("parameter " + k + " is not finite: " + parameters[k]);
            }
        }
        this.parameters = parameters.clone();
        this.kernel = new BatchedSharedMlp(shape, this.parameters);
    }

    /**
     * A randomly initialised network, as NeuralIL's: weights from N(0, 1/fan-in) (LeCun), biases
     * zero, LayerNorm gains one and biases zero, every β = {@code beta}, embeddings from
     * N(0, 1/D) (Flax's default for embeddings).
     */
    public static SharedNetwork random(List<Element> species, SharedMlpShape shape, double beta, boolean learnableBeta,
            RandomGenerator rng) {
        double[] p = new double[shape.parameterCount()];
        double sdEmbedding = 1 / Math.sqrt(shape.embedding());
        for (int k = 0; k < species.size() * shape.embedding(); k++) {
            p[k] = sdEmbedding * rng.nextGaussian();
        }
        for (int k = 0; k < shape.layers(); k++) {
            int nIn = shape.width(k);
            int nOut = shape.width(k + 1);
            double sd = 1 / Math.sqrt(nIn);
            int w = shape.weightOffset(k);
            for (int m = 0; m < nOut * nIn; m++) {
                p[w + m] = sd * rng.nextGaussian();
            }
            if (shape.normalised(k)) {
                Arrays.fill(p, shape.gainOffset(k), shape.gainOffset(k) + nOut, 1.0);
            }
            if (shape.activated(k)) {
                p[shape.betaOffset(k)] = beta;
            }
        }
        return new SharedNetwork(species, shape, learnableBeta, p);
    }

    /** The embeddings' and network's shape. */
    public SharedMlpShape shape() {
        return shape;
    }

    /** Whether training may change the swish β's. */
    public boolean learnableBeta() {
        return learnableBeta;
    }

    /** The embedding of species s, a fresh array of D numbers. */
    public double[] embedding(int s) {
        int at = shape.embeddingOffset(s);
        return Arrays.copyOfRange(parameters, at, at + shape.embedding());
    }

    @Override
    public List<Element> species() {
        return species;
    }

    @Override
    public int featureCount() {
        return shape.inputs();
    }

    @Override
    public int parameterCount() {
        return parameters.length;
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    @Override
    public SharedNetwork withParameters(double[] p) {
        return new SharedNetwork(species, shape, learnableBeta, p);
    }

    @Override
    public boolean trainable(int k) {
        if (k < 0 || k >= parameters.length) {
            throw new IndexOutOfBoundsException("parameter " + k + " of " + parameters.length);
        }
        if (learnableBeta) {
            return true;
        }
        for (int l = 0; l + 1 < shape.layers(); l++) {
            if (k == shape.betaOffset(l)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String describe() {
        double beta = shape.layers() > 1 ? parameters[shape.betaOffset(0)] : Double.NaN;
        String act = learnableBeta ? "swish, learnable β" : String.format(Locale.ROOT, "swish β=%s fixed", beta);
        return "shared MLP " + shape.describe() + " (" + shape.describeExtras() + "), " + act;
    }

    @Override
    public void evaluate(double[] z, int[] type, int from, int to, double[] energies, double[] dEdz) {
        int f = shape.inputs();
        int batch = BatchedMlp.BATCH;
        BatchedSharedMlp.Workspace ws = new BatchedSharedMlp.Workspace(shape);
        int[] atoms = new int[batch];
        int[][] bySpecies = ElementNetworks.groupBySpecies(type, species.size(), from, to);
        for (int s = 0; s < bySpecies.length; s++) {
            int[] list = bySpecies[s];
            for (int start = 0; start < list.length; start += batch) {
                int count = Math.min(batch, list.length - start);
                System.arraycopy(list, start, atoms, 0, count);
                // gather: atom-major rows → [feature][atom]; unused lanes are zero (finite)
                for (int b = 0; b < count; b++) {
                    int row = atoms[b] * f;
                    for (int q = 0; q < f; q++) {
                        ws.x[q * batch + b] = z[row + q];
                    }
                }
                if (count < batch) {
                    for (int q = 0; q < f; q++) {
                        Arrays.fill(ws.x, q * batch + count, (q + 1) * batch, 0.0);
                    }
                }
                kernel.run(ws, count, s, dEdz != null);
                for (int b = 0; b < count; b++) {
                    energies[atoms[b]] = ws.energy[b];
                }
                if (dEdz != null) {
                    for (int b = 0; b < count; b++) {
                        int row = atoms[b] * f;
                        for (int q = 0; q < f; q++) {
                            dEdz[row + q] = ws.grad[q * batch + b];
                        }
                    }
                }
            }
        }
    }

    @Override
    public void evaluateReference(double[] z, int[] type, int from, int to, double[] energies, double[] dEdz) {
        int f = shape.inputs();
        for (int i = from; i < to; i++) {
            energies[i] = dEdz == null
                    ? ScalarSharedMlp.energy(shape, parameters, z, i * f, type[i])
                    : ScalarSharedMlp.energyAndGradient(shape, parameters, z, i * f, type[i], dEdz, i * f);
        }
    }

    @Override
    public void parameterGradient(double[] z, int[] type, int from, int to, double[] weights, double[] out) {
        checkAccumulator(out);
        int f = shape.inputs();
        for (int i = from; i < to; i++) {
            ScalarSharedMlp.parameterGradient(shape, parameters, z, i * f, type[i], weights == null ? 1 : weights[i],
                    out);
        }
    }

    @Override
    public void forceParameterGradient(double[] z, int[] type, int from, int to, double[] u, double[] out) {
        checkAccumulator(out);
        int f = shape.inputs();
        for (int i = from; i < to; i++) {
            ScalarSharedMlp.forceParameterGradient(shape, parameters, z, i * f, type[i], u, i * f, 1, out);
        }
    }

    private void checkAccumulator(double[] out) {
        if (out.length != parameters.length) {
            throw new IllegalArgumentException("gradient accumulator needs " + parameters.length + " numbers, got "
                    + out.length);
        }
    }

    @Override
    public String toString() {
        return describe() + " for " + species;
    }
}
