package potentia.train;

/**
 * One member's epoch: the learning rate at its last step, the mean batch loss during the epoch,
 * the validation loss after it (null without validation frames) and the mean gradient norm
 * before clipping.
 *
 * @param epoch 1-based
 */
public record EpochRecord(int epoch, double learningRate, LossTerms train, LossTerms validation,
        double gradientNorm) {
}
