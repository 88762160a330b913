package potentia.ns;

import potentia.units.Units;

/**
 * Everything that defines a nested-sampling run besides the potential and the atoms.
 *
 * @param walkers K, the number of live walkers
 * @param cull walkers removed (and replaced by clones) per iteration, 1 ≤ cull &lt; K
 * @param parallelWalks walks per iteration P ≥ cull: the clones and P − cull other random
 *     walkers, each walked for walkLength·cull/P steps, so every walker gets about walkLength
 *     steps in its life; the walks run in parallel (results do not depend on the thread count)
 * @param walkLength L, steps per walker life (see {@link MoveKind} for the cost of a move)
 * @param iterations iterations to run
 * @param seed the random seed
 * @param pressure P, eV/Å³ (≥ 0, variable cell only; 0 in fixed containers)
 * @param container where the walkers live
 * @param moves the move mix
 * @param initialSteps step sizes at the start
 * @param tuning how step sizes adapt
 * @param snapshotEvery write the culled walker's structure every this many iterations (0: never)
 */
public record NsSettings(int walkers, int cull, int parallelWalks, int walkLength, long iterations, long seed,
        double pressure, Container container, MoveMix moves, StepSizes initialSteps, Tuning tuning, int snapshotEvery) {

    public NsSettings {
        if (walkers < 2) {
            throw new IllegalArgumentException("nested sampling needs at least 2 walkers, got " + walkers);
        }
        if (cull < 1 || cull >= walkers) {
            throw new IllegalArgumentException("walkers removed per iteration must be in [1, " + (walkers - 1) + "], got "
                    + cull);
        }
        if (parallelWalks < cull) {
            throw new IllegalArgumentException("parallel walks (" + parallelWalks + ") must be at least the walkers "
                    + "removed per iteration (" + cull + ")");
        }
        if (walkers < 2 * parallelWalks) {
            throw new IllegalArgumentException("too few walkers (" + walkers + ") for " + parallelWalks
                    + " parallel walks: need at least " + 2 * parallelWalks);
        }
        if (walkLength < 1) {
            throw new IllegalArgumentException("walk length must be ≥ 1 step, got " + walkLength);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be ≥ 0, got " + iterations);
        }
        if (!Double.isFinite(pressure)) {
            throw new IllegalArgumentException("pressure must be finite, got " + pressure);
        }
        if (container.variableCell() && pressure < 0) {
            throw new IllegalArgumentException("negative pressure (" + Units.toGPa(pressure) + " GPa) is not supported: "
                    + "the enthalpy E + PV would fall without bound as the volume grows to its maximum");
        }
        if (!container.variableCell() && pressure != 0) {
            throw new IllegalArgumentException("a pressure needs a variable cell; this container has a fixed volume");
        }
        if (snapshotEvery < 0) {
            throw new IllegalArgumentException("snapshot interval must be ≥ 0, got " + snapshotEvery);
        }
    }

    /** Steps of each walk: walkLength·cull/parallelWalks, at least 1. */
    public int stepsPerWalk() {
        return Math.max(1, (int) Math.round((double) walkLength * cull / parallelWalks));
    }

    /** This run continued to a new total number of iterations. */
    public NsSettings withIterations(long total) {
        return new NsSettings(walkers, cull, parallelWalks, walkLength, total, seed, pressure, container, moves,
                initialSteps, tuning, snapshotEvery);
    }

    /** A builder with the defaults (K = 100, cull 1, P = 1, L = 100, pymatnest-like moves). */
    public static Builder builder(Container container) {
        return new Builder(container);
    }

    /** Collects settings. */
    public static final class Builder {
        private final Container container;
        private int walkers = 100;
        private int cull = 1;
        private int parallelWalks = 1;
        private int walkLength = 100;
        private long iterations = 1000;
        private long seed = 1;
        private double pressure;
        private MoveMix moves = MoveMix.defaults();
        private StepSizes steps = StepSizes.defaults();
        private Tuning tuning = Tuning.defaults();
        private int snapshotEvery;

        private Builder(Container container) {
            this.container = container;
        }

        public Builder walkers(int k) {
            this.walkers = k;
            return this;
        }

        public Builder cull(int c) {
            this.cull = c;
            return this;
        }

        public Builder parallelWalks(int p) {
            this.parallelWalks = p;
            return this;
        }

        public Builder walkLength(int l) {
            this.walkLength = l;
            return this;
        }

        public Builder iterations(long m) {
            this.iterations = m;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Pressure, eV/Å³. */
        public Builder pressure(double p) {
            this.pressure = p;
            return this;
        }

        public Builder moves(MoveMix m) {
            this.moves = m;
            return this;
        }

        public Builder steps(StepSizes s) {
            this.steps = s;
            return this;
        }

        public Builder tuning(Tuning t) {
            this.tuning = t;
            return this;
        }

        public Builder snapshotEvery(int every) {
            this.snapshotEvery = every;
            return this;
        }

        public NsSettings build() {
            return new NsSettings(walkers, cull, parallelWalks, walkLength, iterations, seed, pressure, container, moves,
                    steps, tuning, snapshotEvery);
        }
    }
}
