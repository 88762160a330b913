package potentia.train;

/**
 * The penalty φ(y) applied to a residual y = (prediction − reference)/scale, dimensionless.
 * {@link #MSE}: y²; {@link #LOGCOSH}: log cosh y, which is y²/2 near zero and |y| − log 2 far
 * from it, so a few badly wrong labels cannot dominate the gradient (NeuralIL's choice).
 */
public enum LossFunction {
    /** φ(y) = y². */
    MSE {
        @Override
        public double value(double y) {
            return y * y;
        }

        @Override
        public double derivative(double y) {
            return 2 * y;
        }
    },
    /** φ(y) = log cosh y, computed as |y| + log1p(e^{−2|y|}) − log 2 (no overflow). */
    LOGCOSH {
        @Override
        public double value(double y) {
            double a = Math.abs(y);
            return a + Math.log1p(Math.exp(-2 * a)) - LN2;
        }

        @Override
        public double derivative(double y) {
            return Math.tanh(y);
        }
    };

    private static final double LN2 = Math.log(2);

    /** φ(y). */
    public abstract double value(double y);

    /** φ'(y). */
    public abstract double derivative(double y);
}
