package potentia.train;

import java.util.ArrayList;
import java.util.List;

/**
 * One committee member's training state between epochs: everything a checkpoint must hold for a
 * resumed run to continue exactly where it stopped. Mutable; owned by the trainer.
 */
final class MemberState {
    final int index;
    /** Indices into the training list: 0 … n−1, or the member's bootstrap resample. */
    final int[] samples;
    double[] theta;
    AdamW adam;
    LearningRate.Plateau plateau;
    double bestLoss;
    int bestEpoch;
    double[] bestTheta;
    boolean stopped;
    final List<EpochRecord> history;
    /** The moving average of θ that is validated and kept, or null when the run averages nothing. */
    double[] average;

    MemberState(int index, int[] samples, double[] theta, AdamW adam, LearningRate.Plateau plateau, double bestLoss,
            int bestEpoch, double[] bestTheta, boolean stopped, List<EpochRecord> history, double[] average) {
        this.index = index;
        this.samples = samples;
        this.theta = theta;
        this.adam = adam;
        this.plateau = plateau;
        this.bestLoss = bestLoss;
        this.bestEpoch = bestEpoch;
        this.bestTheta = bestTheta;
        this.stopped = stopped;
        this.history = new ArrayList<>(history);
        this.average = average;
    }

    /** The parameters the member is judged by: the average when there is one, else θ. */
    double[] judged() {
        return average != null ? average : theta;
    }
}
