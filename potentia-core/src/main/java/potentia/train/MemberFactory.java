package potentia.train;

import java.util.List;
import java.util.random.RandomGenerator;
import potentia.nn.AtomicModel;
import potentia.structure.Element;

/**
 * Makes the untrained atomic model of one committee member: the architecture is the factory's
 * business (per-element networks, a shared network with element embeddings, a linear model…),
 * the trainer only sees {@link AtomicModel}.
 */
public interface MemberFactory {

    /**
     * A freshly initialised model.
     *
     * @param species the elements, in type-index order
     * @param features features per atom
     * @param rng the member's own seeded generator (use it for every random choice)
     */
    AtomicModel create(List<Element> species, int features, RandomGenerator rng);

    /** A description that changes whenever the models it makes would (recorded in checkpoints and metadata). */
    String describe();
}
