package potentia.md;

/** Receives samples of a run (logging, trajectories, checkpoints, progress); see {@link MolecularDynamics#observe}. */
@FunctionalInterface
public interface MdObserver {
    /** Called on the stepping thread; a thrown exception stops the run. */
    void observe(MdSample sample);
}
