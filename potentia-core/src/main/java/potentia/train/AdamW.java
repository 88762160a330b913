package potentia.train;

/**
 * Adam with decoupled weight decay (Kingma &amp; Ba, arXiv 1412.6980; Loshchilov &amp; Hutter,
 * arXiv 1711.05101): with gradient g at step t = 1, 2, …
 * <pre>
 * m ← β1 m + (1 − β1) g,   v ← β2 v + (1 − β2) g²,
 * θ ← θ − η ( m/(1 − β1^t) / (√(v/(1 − β2^t)) + ε) + λ·θ·[decayed] )
 * </pre>
 * Components that are not trainable never move; weight decay acts only on the components marked
 * for it (weights, not biases, β or e0). Mutable: the optimiser state of one training run.
 */
public final class AdamW {
    /** Adam's hyper-parameters and the decoupled weight decay λ (0 = plain Adam). */
    public record Settings(double beta1, double beta2, double epsilon, double weightDecay) {
        public static final Settings DEFAULT = new Settings(0.9, 0.999, 1e-8, 0);

        public Settings {
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("Adam's β1 and β2 must be in [0, 1), got " + beta1 + ", " + beta2);
            }
            if (!(epsilon > 0) || !(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
                throw new IllegalArgumentException("Adam's ε must be > 0 and the weight decay ≥ 0, got " + epsilon
                        + ", " + weightDecay);
            }
        }
    }

    private final Settings settings;
    private final boolean[] trainable;
    private final boolean[] decayed;
    private final double[] m;
    private final double[] v;
    private long step;

    /**
     * A fresh optimiser.
     *
     * @param trainable per component of θ, whether it is updated (copied)
     * @param decayed per component, whether weight decay applies (copied)
     */
    public AdamW(Settings settings, boolean[] trainable, boolean[] decayed) {
        this(settings, trainable, decayed, new double[trainable.length], new double[trainable.length], 0);
    }

    /** An optimiser with saved moments (copied) after {@code step} updates. */
    public AdamW(Settings settings, boolean[] trainable, boolean[] decayed, double[] m, double[] v, long step) {
        if (decayed.length != trainable.length || m.length != trainable.length || v.length != trainable.length) {
            throw new IllegalArgumentException("optimiser state lengths differ: " + trainable.length + ", "
                    + decayed.length + ", " + m.length + ", " + v.length);
        }
        this.settings = settings;
        this.trainable = trainable.clone();
        this.decayed = decayed.clone();
        this.m = m.clone();
        this.v = v.clone();
        this.step = step;
    }

    /**
     * One update of θ in place.
     *
     * @param theta parameters (modified)
     * @param gradient ∂L/∂θ (not modified)
     * @param learningRate η
     */
    public void update(double[] theta, double[] gradient, double learningRate) {
        if (theta.length != m.length || gradient.length != m.length) {
            throw new IllegalArgumentException("θ and gradient need " + m.length + " numbers, got " + theta.length
                    + " and " + gradient.length);
        }
        step++;
        double b1 = settings.beta1();
        double b2 = settings.beta2();
        double c1 = 1 - Math.pow(b1, step);
        double c2 = 1 - Math.pow(b2, step);
        for (int k = 0; k < theta.length; k++) {
            if (!trainable[k]) {
                continue;
            }
            double g = gradient[k];
            m[k] = b1 * m[k] + (1 - b1) * g;
            v[k] = b2 * v[k] + (1 - b2) * g * g;
            double update = (m[k] / c1) / (Math.sqrt(v[k] / c2) + settings.epsilon());
            if (decayed[k]) {
                update += settings.weightDecay() * theta[k];
            }
            theta[k] -= learningRate * update;
        }
    }

    /** Updates done so far. */
    public long step() {
        return step;
    }

    /** First moments, a fresh copy. */
    public double[] firstMoments() {
        return m.clone();
    }

    /** Second moments, a fresh copy. */
    public double[] secondMoments() {
        return v.clone();
    }

    /**
     * Scales {@code gradient} in place so that its Euclidean norm is at most {@code maxNorm}
     * (0 or infinity: unchanged) and returns the norm before clipping.
     */
    public static double clip(double[] gradient, double maxNorm) {
        double s = 0;
        for (double g : gradient) {
            s += g * g;
        }
        double norm = Math.sqrt(s);
        if (maxNorm > 0 && norm > maxNorm) {
            double c = maxNorm / norm;
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] *= c;
            }
        }
        return norm;
    }
}
