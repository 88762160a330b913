package potentia.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import potentia.structure.Element;

/**
 * Behler–Parrinello atomic networks: one swish MLP ε_s per element s, all of the same
 * {@link MlpShape}, stored back to back in one flat parameter array (element s's block starts at
 * s·{@link MlpShape#parameterCount()}). Immutable.
 */
public final class ElementNetworks implements AtomicModel {
    private final List<Element> species;
    private final MlpShape shape;
    private final boolean learnableBeta;
    private final double[] parameters;
    private final BatchedMlp[] kernels;

    /**
     * @param species the elements, one network each, in this order
     * @param shape every network's shape
     * @param learnableBeta whether training may change the swish β's
     * @param parameters species.size() × shape.parameterCount() numbers (copied); must be finite
     */
    public ElementNetworks(List<Element> species, MlpShape shape, boolean learnableBeta, double[] parameters) {
        this.species = List.copyOf(species);
        if (this.species.isEmpty()) {
            throw new IllegalArgumentException("atomic networks need at least one element");
        }
        if (this.species.stream().distinct().count() != this.species.size()) {
            throw new IllegalArgumentException("element listed twice: " + this.species);
        }
        this.shape = shape;
        this.learnableBeta = learnableBeta;
        int expected = this.species.size() * shape.parameterCount();
        if (parameters.length != expected) {
            throw new IllegalArgumentException("networks " + shape.describe() + " for " + this.species.size()
                    + " elements need " + expected + " parameters, got " + parameters.length);
        }
        for (int k = 0; k < parameters.length; k++) {
            if (!Double.isFinite(parameters[k])) {
                throw new IllegalArgumentException("parameter " + k + " is not finite: " + parameters[k]);
            }
        }
        this.parameters = parameters.clone();
        this.kernels = new BatchedMlp[this.species.size()];
        for (int s = 0; s < kernels.length; s++) {
            kernels[s] = new BatchedMlp(shape, this.parameters, s * shape.parameterCount());
        }
    }

    /**
     * Randomly initialised networks: weights drawn from N(0, 1/fan-in) (LeCun's scaling, which keeps
     * standardised inputs at unit scale through swish layers), biases zero, every β = {@code beta}.
     */
    public static ElementNetworks random(List<Element> species, MlpShape shape, double beta, boolean learnableBeta,
            RandomGenerator rng) {
        int per = shape.parameterCount();
        double[] p = new double[species.size() * per];
        for (int s = 0; s < species.size(); s++) {
            int base = s * per;
            for (int k = 0; k < shape.layers(); k++) {
                int nIn = shape.width(k);
                int nOut = shape.width(k + 1);
                double sd = 1 / Math.sqrt(nIn);
                int w = base + shape.weightOffset(k);
                for (int m = 0; m < nOut * nIn; m++) {
                    p[w + m] = sd * rng.nextGaussian();
                }
                if (shape.activated(k)) {
                    p[base + shape.betaOffset(k)] = beta;
                }
            }
        }
        return new ElementNetworks(species, shape, learnableBeta, p);
    }

    /** The shape of every element's network. */
    public MlpShape shape() {
        return shape;
    }

    /** Whether training may change the swish β's. */
    public boolean learnableBeta() {
        return learnableBeta;
    }

    /** Offset of element s's block in {@link #parameters()}. */
    public int offset(int s) {
        return s * shape.parameterCount();
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
    public ElementNetworks withParameters(double[] p) {
        return new ElementNetworks(species, shape, learnableBeta, p);
    }

    @Override
    public boolean trainable(int k) {
        if (k < 0 || k >= parameters.length) {
            throw new IndexOutOfBoundsException("parameter " + k + " of " + parameters.length);
        }
        if (learnableBeta) {
            return true;
        }
        int local = k % shape.parameterCount();
        for (int l = 0; l + 1 < shape.layers(); l++) {
            if (local == shape.betaOffset(l)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String describe() {
        double beta = shape.layers() > 1 ? parameters[shape.betaOffset(0)] : Double.NaN;
        String act = learnableBeta ? "swish, learnable β" : String.format(Locale.ROOT, "swish β=%s fixed", beta);
        return "per-element MLP " + shape.describe() + ", " + act;
    }

    @Override
    public void evaluate(double[] z, int[] type, int from, int to, double[] energies, double[] dEdz) {
        int f = shape.inputs();
        int batch = BatchedMlp.BATCH;
        BatchedMlp.Workspace ws = new BatchedMlp.Workspace(shape);
        int[] atoms = new int[batch];
        int[][] bySpecies = groupBySpecies(type, from, to);
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
                kernels[s].run(ws, count, dEdz != null);
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
            int base = offset(type[i]);
            energies[i] = dEdz == null
                    ? ScalarMlp.energy(shape, parameters, base, z, i * f)
                    : ScalarMlp.energyAndGradient(shape, parameters, base, z, i * f, dEdz, i * f);
        }
    }

    @Override
    public void parameterGradient(double[] z, int[] type, int from, int to, double[] weights, double[] out) {
        checkAccumulator(out);
        int f = shape.inputs();
        for (int i = from; i < to; i++) {
            int base = offset(type[i]);
            ScalarMlp.parameterGradient(shape, parameters, base, z, i * f, weights == null ? 1 : weights[i], out, base);
        }
    }

    @Override
    public void forceParameterGradient(double[] z, int[] type, int from, int to, double[] u, double[] out) {
        checkAccumulator(out);
        int f = shape.inputs();
        for (int i = from; i < to; i++) {
            int base = offset(type[i]);
            ScalarMlp.forceParameterGradient(shape, parameters, base, z, i * f, u, i * f, 1, out, base);
        }
    }

    private void checkAccumulator(double[] out) {
        if (out.length != parameters.length) {
            throw new IllegalArgumentException("gradient accumulator needs " + parameters.length + " numbers, got "
                    + out.length);
        }
    }

    /** Atoms of [from, to) per species index, each list in increasing order. */
    private int[][] groupBySpecies(int[] type, int from, int to) {
        int ns = species.size();
        int[] counts = new int[ns];
        for (int i = from; i < to; i++) {
            counts[type[i]]++;
        }
        int[][] lists = new int[ns][];
        for (int s = 0; s < ns; s++) {
            lists[s] = new int[counts[s]];
            counts[s] = 0;
        }
        for (int i = from; i < to; i++) {
            int s = type[i];
            lists[s][counts[s]++] = i;
        }
        return lists;
    }

    @Override
    public String toString() {
        return describe() + " for " + species;
    }
}
