package potentia.cli;

import java.util.Locale;
import potentia.relax.RelaxOptions;
import potentia.search.LocalRelaxation;
import potentia.search.RelaxerRelaxation;

/**
 * The local relaxation {@code potentia search --relax} uses: the project's relaxer (L-BFGS or FIRE,
 * {@code --relax-optimizer}) for at most {@code --relax-steps} steps or down to {@code --relax-fmax}.
 */
final class SearchRelaxers {
    /** The {@code --relax-optimizer} default: {@link RelaxerRelaxation#DEFAULT_ALGORITHM} (a literal for picocli; tested). */
    static final String DEFAULT_OPTIMIZER = "lbfgs";

    private SearchRelaxers() {
    }

    /** No relaxation, or the relaxer with the setup's settings. */
    static LocalRelaxation of(SearchSetup setup) {
        if (!setup.relax()) {
            return LocalRelaxation.none();
        }
        return RelaxerRelaxation.of(algorithm(setup.relaxOptimizer()), setup.relaxSteps(), setup.relaxFmax());
    }

    /**
     * The algorithm named {@code fire} or {@code lbfgs} (any case; {@code l-bfgs} too).
     *
     * @throws IllegalArgumentException for another name
     */
    static RelaxOptions.Algorithm algorithm(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "fire" -> RelaxOptions.Algorithm.FIRE;
            case "lbfgs", "l-bfgs" -> RelaxOptions.Algorithm.LBFGS;
            default -> throw new IllegalArgumentException("unknown --relax-optimizer '" + name + "': use fire or lbfgs");
        };
    }
}
