package potentia.train;

import java.util.List;

/** Hears about a training run's progress (progress bars, logs). Called on the training thread. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * After every epoch of the committee.
     *
     * @param epoch epochs completed (1-based)
     * @param epochs planned epochs
     * @param members each member's record of this epoch, or null for a member that stopped early
     * @param checkpointed whether a checkpoint was written after it
     */
    default void epoch(int epoch, int epochs, List<EpochRecord> members, boolean checkpointed) {
    }

    /** A line worth showing (data preparation, early stops, resume). */
    default void message(String line) {
    }
}
