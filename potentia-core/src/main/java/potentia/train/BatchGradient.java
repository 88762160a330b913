package potentia.train;

import java.util.List;

/**
 * The loss of a set of structures and its gradient, structures spread over threads. Each
 * structure's gradient goes into its own array and the arrays are summed in batch order, so the
 * result is the same bits for any thread count.
 */
final class BatchGradient {
    private BatchGradient() {
    }

    /**
     * The batch loss (terms normalised over the batch) and, when {@code gradient} is not null, its
     * gradient, which overwrites {@code gradient}.
     *
     * @param gradient θ-shaped output (overwritten), or null for the loss alone
     */
    static LossTerms compute(TrainableModel tm, List<Sample> batch, LossSettings loss, int threads,
            double[] gradient) {
        BatchNorms norms = BatchNorms.of(batch, loss);
        int b = batch.size();
        LossTerms[] terms = new LossTerms[b];
        double[][] parts = gradient == null ? null : new double[b][];
        Work.forEach(b, threads, k -> {
            double[] g = parts == null ? null : new double[tm.parameterCount()];
            terms[k] = StructureLoss.evaluate(tm, batch.get(k), loss, norms, g);
            if (parts != null) {
                parts[k] = g;
            }
        });
        LossTerms total = LossTerms.ZERO;
        for (LossTerms t : terms) {
            total = total.plus(t);
        }
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0);
            for (double[] g : parts) {
                for (int k = 0; k < g.length; k++) {
                    gradient[k] += g[k];
                }
            }
        }
        return total;
    }
}
