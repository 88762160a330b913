package potentia.potential;

import java.util.Set;

/**
 * A potential that wraps another and changes only what happens around its evaluation (counting,
 * timing, fault injection, extra labels): by default its name, cutoff, neighbour-list kind and
 * supported properties are the wrapped potential's, so a wrapper overrides {@code compute} and
 * whatever it really changes. A record with an {@code inner} component implements
 * {@link #inner()} by itself.
 */
public interface ForwardingPotential extends Potential {

    /** The wrapped potential. */
    Potential inner();

    @Override
    default String name() {
        return inner().name();
    }

    @Override
    default double cutoff() {
        return inner().cutoff();
    }

    @Override
    default boolean needsFullList() {
        return inner().needsFullList();
    }

    @Override
    default Set<Property> supported() {
        return inner().supported();
    }
}
