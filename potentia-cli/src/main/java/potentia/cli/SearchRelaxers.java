package potentia.cli;

import potentia.search.LocalRelaxation;

/**
 * The local relaxation {@code potentia search --relax} uses. The project's relaxer (FIRE, package
 * {@code potentia.relax}) is written separately; until it is part of the build, {@code --relax}
 * is refused with a clear message rather than silently ignored.
 */
final class SearchRelaxers {
    private SearchRelaxers() {
    }

    static LocalRelaxation of(boolean relax) {
        if (!relax) {
            return LocalRelaxation.none();
        }
        throw new IllegalArgumentException("--relax needs the local relaxer (FIRE), which this build does not have yet");
    }
}
