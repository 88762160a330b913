package potentia.relax;

/** Told about the start and every step of a relaxation (progress bars, trajectories). */
@FunctionalInterface
public interface RelaxObserver {
    /** Observes nothing. */
    RelaxObserver NONE = step -> {
    };

    /** Called with the start (step 0) and after each step, on the relaxing thread. */
    void onStep(RelaxStep step);
}
