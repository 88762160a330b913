package potentia.nn;

/**
 * The swish activation s_β(z) = z·σ(βz) with σ the logistic function (Ramachandran, Zoph, Le,
 * arXiv 1710.05941; NeuralIL uses β = 1) and the derivatives back-propagation and training need.
 * Scalar reference; the batched kernel ({@link BatchedMlp}) evaluates the same formulas in SIMD lanes.
 */
public final class Swish {
    private Swish() {
    }

    /** σ(βz) = 1 / (1 + e^{−βz}). */
    public static double sigmoid(double beta, double z) {
        return 1.0 / (1.0 + Math.exp(-beta * z));
    }

    /** s_β(z) = z·σ(βz). */
    public static double value(double beta, double z) {
        return z * sigmoid(beta, z);
    }

    /** ∂s/∂z = σ + βz·σ(1 − σ). */
    public static double derivative(double beta, double z) {
        double sg = sigmoid(beta, z);
        return sg * (1 + beta * z * (1 - sg));
    }

    /** ∂²s/∂z² = βσ(1 − σ)·(2 + βz(1 − 2σ)) (for tangent passes in force training). */
    public static double secondDerivative(double beta, double z) {
        double sg = sigmoid(beta, z);
        return beta * sg * (1 - sg) * (2 + beta * z * (1 - 2 * sg));
    }

    /** ∂s/∂β = z²·σ(1 − σ) (for a learnable β). */
    public static double betaDerivative(double beta, double z) {
        double sg = sigmoid(beta, z);
        return z * z * sg * (1 - sg);
    }

    /** ∂²s/∂z∂β = zσ(1 − σ)·(2 + βz(1 − 2σ)) (for force training with a learnable β). */
    public static double mixedDerivative(double beta, double z) {
        double sg = sigmoid(beta, z);
        return z * sg * (1 - sg) * (2 + beta * z * (1 - 2 * sg));
    }
}
