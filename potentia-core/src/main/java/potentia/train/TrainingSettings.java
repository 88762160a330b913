package potentia.train;

/**
 * Everything that decides what a training run computes (threads and where it writes do not):
 * two runs with equal settings, data and member factory give the same model bit for bit, and a
 * checkpoint only resumes under the settings it was written with.
 *
 * @param loss the loss
 * @param adam the optimiser's hyper-parameters and weight decay
 * @param learningRate the schedule
 * @param clipNorm largest Euclidean norm of a batch gradient (larger ones are scaled down); 0 = no clipping
 * @param epochs passes over the training set (at most)
 * @param batchSize structures per optimiser step (the last batch of an epoch may be smaller)
 * @param earlyStopping stop a member after this many epochs without a better validation loss; 0 = never
 * @param committee members K ≥ 1
 * @param bootstrap whether each member trains on its own bootstrap resample of the training frames
 * @param trainReferenceEnergies whether the per-element e0 are trained along with the networks
 * @param seed of the initial weights, bootstrap samples and batch orders
 * @param checkpointEvery write a checkpoint every this many epochs (and after the last), ≥ 1
 * @param emaDecay decay d of an exponential moving average of the weights ({@link WeightAverage}),
 *     which is what is validated, kept as the best epoch and written; 0 = off, otherwise in (0, 1)
 */
public record TrainingSettings(LossSettings loss, AdamW.Settings adam, LearningRate learningRate, double clipNorm,
        int epochs, int batchSize, int earlyStopping, int committee, boolean bootstrap, boolean trainReferenceEnergies,
        long seed, int checkpointEvery, double emaDecay) {

    /** Settings without a moving average of the weights. */
    public TrainingSettings(LossSettings loss, AdamW.Settings adam, LearningRate learningRate, double clipNorm,
            int epochs, int batchSize, int earlyStopping, int committee, boolean bootstrap,
            boolean trainReferenceEnergies, long seed, int checkpointEvery) {
        this(loss, adam, learningRate, clipNorm, epochs, batchSize, earlyStopping, committee, bootstrap,
                trainReferenceEnergies, seed, checkpointEvery, 0);
    }

    public TrainingSettings {
        if (!(emaDecay >= 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("the weight average's decay must be in [0, 1) (0 = off), got " + emaDecay);
        }
        if (!(clipNorm >= 0) || Double.isNaN(clipNorm)) {
            throw new IllegalArgumentException("gradient clipping norm must be ≥ 0 (0 = off), got " + clipNorm);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be ≥ 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
        }
        if (earlyStopping < 0) {
            throw new IllegalArgumentException("early-stopping patience must be ≥ 0 (0 = off), got " + earlyStopping);
        }
        if (committee < 1) {
            throw new IllegalArgumentException("committee size must be ≥ 1, got " + committee);
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpoint interval must be ≥ 1 epoch, got " + checkpointEvery);
        }
    }
}
