package potentia.train;

import java.util.List;
import potentia.nn.NetworkModel;

/**
 * What a training run gives: the model (each member at its best validation loss, or at its last
 * epoch without validation frames), each member's learning curve and best epoch, and whether the
 * run finished (false when it was stopped by an epoch budget, to be resumed from its checkpoint).
 *
 * @param histories per member, one record per epoch run (resumed runs include the epochs before the resume)
 * @param bestEpochs per member, the 1-based epoch whose parameters the model holds
 * @param epochsDone epochs completed by the committee
 */
public record TrainingResult(NetworkModel model, List<List<EpochRecord>> histories, int[] bestEpochs, int epochsDone,
        boolean finished) {

    public TrainingResult {
        histories = histories.stream().map(List::copyOf).toList();
        bestEpochs = bestEpochs.clone();
    }

    @Override
    public int[] bestEpochs() {
        return bestEpochs.clone();
    }
}
