package potentia.cmaes;

/**
 * A fitness to minimise. Implementations used with more than one thread must be safe to call
 * concurrently; each call must depend on {@code x} alone (not on the order of calls), so that
 * results do not depend on the thread count.
 */
@FunctionalInterface
public interface Objective {
    /**
     * The fitness of {@code x} (not modified); NaN counts as the worst possible.
     */
    double value(double[] x);
}
