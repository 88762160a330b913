package potentia.ns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import potentia.md.CounterRandom;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.structure.Structure;
import potentia.units.Units;

/**
 * The nested-sampling engine (Skilling 2006; Pártay, Bartók, Csányi 2010; Baldock et al. 2016):
 * K walkers drawn from the prior; each iteration removes the {@code cull} walkers of highest
 * enthalpy H = E + PV (returned as {@link Culled} records, highest first), replaces each by a
 * copy of a random survivor, and walks the copies and P − cull other random walkers under
 * H &lt; H_limit (the lowest removed enthalpy) with walkLength·cull/P steps each, in parallel.
 * Step sizes adapt to the acceptance rates ({@link Tuning}).
 *
 * <p>Randomness: the choices of iteration i come from a generator seeded by
 * {@link CounterRandom}(seed) at (selection stream, i), and walk slot p of iteration i from one
 * seeded at (walk stream + p, i); initial walker k from (initial stream, k). Every number is
 * thus a function of (seed, iteration, slot), not of threads or timing: a run gives the same
 * bits on 1 or 16 threads, and a run continued from {@link #state()} the same bits as one
 * that never stopped. The potential is called from several threads at once (potentials are
 * thread-safe); give it one thread of its own so that its sums do not depend on the machine.
 *
 * <p>Mutable; call from one thread. {@link #close()} stops the worker threads.
 */
public final class NestedSampling implements AutoCloseable {
    static final long STREAM_INITIAL = 31;
    static final long STREAM_SELECT = 32;
    static final long STREAM_WALK = 1L << 20;

    private final Potential potential;
    private final int[] numbers;
    private final NsSettings settings;
    private final CounterRandom random;
    private final Walker[] walkers;
    private final WalkEngine[] engines;
    private final Acceptance[] slotCounts;
    private final Acceptance sinceTune = new Acceptance();
    private final Acceptance recent = new Acceptance();
    private final TreeSet<Integer> byEnthalpy;
    private final ExecutorService pool;
    private final double[] recentLimits;
    private long iteration;
    private StepSizes steps;

    private NestedSampling(Potential potential, int[] numbers, NsSettings settings, int threads, NsState state) {
        this.potential = potential;
        this.numbers = numbers.clone();
        this.settings = settings;
        this.random = new CounterRandom(settings.seed());
        int k = settings.walkers();
        this.walkers = new Walker[k];
        List<MoveKind> active = activeMoves(settings, numbers, potential);
        int p = settings.parallelWalks();
        this.engines = new WalkEngine[p];
        this.slotCounts = new Acceptance[p];
        for (int s = 0; s < p; s++) {
            engines[s] = new WalkEngine(potential, this.numbers, settings, active);
            slotCounts[s] = new Acceptance();
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        this.pool = threads > 1 ? Executors.newFixedThreadPool(Math.min(threads, Math.max(p, k)), r -> {
            Thread t = new Thread(r, "ns-walker");
            t.setDaemon(true);
            return t;
        }) : null;
        this.byEnthalpy = new TreeSet<>((a, b) -> {
            int c = Double.compare(walkers[a].enthalpy, walkers[b].enthalpy);
            return c != 0 ? c : Integer.compare(a, b);
        });
        this.recentLimits = new double[Math.max(2, k)];
        Arrays.fill(recentLimits, Double.NaN);
        if (state == null) {
            this.steps = settings.initialSteps();
            initialise();
        } else {
            restore(state);
        }
    }

    /**
     * Starts a run: draws the K walkers from the prior and evaluates their energies.
     *
     * @param numbers atomic numbers of the N atoms (copied)
     * @param threads worker threads for the walks (results do not depend on it)
     * @throws IllegalArgumentException for settings that do not fit the atoms or potential (an
     *     element without parameters, Galilean moves with a potential without forces)
     */
    public static NestedSampling start(Potential potential, int[] numbers, NsSettings settings, int threads) {
        return new NestedSampling(potential, numbers, settings, threads, null);
    }

    /** Continues a run from a saved {@link #state()} (the same potential, atoms and settings, the iteration count aside). */
    public static NestedSampling resume(Potential potential, int[] numbers, NsSettings settings, int threads,
            NsState state) {
        if (state.positions().length != settings.walkers() || state.positions()[0].length != 3 * numbers.length) {
            throw new IllegalArgumentException("saved state is for " + state.positions().length + " walkers of "
                    + state.positions()[0].length / 3 + " atoms, not " + settings.walkers() + " of " + numbers.length);
        }
        return new NestedSampling(potential, numbers, settings, threads, state);
    }

    /** The moves this run uses: positive weight and applicable to the container and species. */
    static List<MoveKind> activeMoves(NsSettings s, int[] numbers, Potential potential) {
        boolean multi = Arrays.stream(numbers).distinct().count() > 1;
        List<MoveKind> active = new ArrayList<>();
        for (MoveKind k : MoveKind.values()) {
            boolean applies = switch (k) {
                case VOLUME, SHEAR, STRETCH -> s.container().variableCell();
                case SWAP -> multi;
                default -> true;
            };
            if (applies && s.moves().weight(k) > 0) {
                active.add(k);
            }
        }
        if (!active.contains(MoveKind.ATOM_SWEEP) && !active.contains(MoveKind.GALILEAN)
                && !active.contains(MoveKind.HAMILTONIAN)) {
            throw new IllegalArgumentException("the move mix must move atoms: give atom sweeps, Galilean or "
                    + "Hamiltonian moves a positive weight");
        }
        for (MoveKind k : List.of(MoveKind.GALILEAN, MoveKind.HAMILTONIAN)) {
            if (active.contains(k) && !potential.supported().contains(Property.FORCES)) {
                String name = k == MoveKind.GALILEAN ? "Galilean" : "Hamiltonian";
                throw new IllegalArgumentException(name + " moves need forces, which " + potential.name()
                        + " cannot compute");
            }
        }
        if (active.contains(MoveKind.HAMILTONIAN) && !s.container().periodic() && !active.contains(MoveKind.ATOM_SWEEP)
                && !active.contains(MoveKind.GALILEAN)) {
            throw new IllegalArgumentException("Hamiltonian trajectories keep the centre of mass where it is; in a "
                    + "sphere or box, whose walls make it matter, mix them with atom or Galilean moves");
        }
        return Collections.unmodifiableList(active);
    }

    private void initialise() {
        int k = walkers.length;
        InitialWalkers init = new InitialWalkers(settings, numbers);
        for (int w = 0; w < k; w++) {
            walkers[w] = new Walker(numbers.length);
        }
        runAll(k, w -> {
            init.draw(walkers[w], seeded(STREAM_INITIAL, w));
            walkers[w].energy = engines[0].energy(walkers[w].x, walkers[w].h);
            walkers[w].updateEnthalpy(settings.pressure());
        });
        for (int w = 0; w < k; w++) {
            byEnthalpy.add(w);
        }
    }

    private void restore(NsState s) {
        iteration = s.iteration();
        steps = s.steps();
        KineticPrior kinetic = KineticPrior.of(numbers, settings.moves());
        if ((kinetic != null) != (s.velocities().length == walkers.length)) {
            throw new IllegalArgumentException("saved state " + (kinetic != null ? "lacks" : "has") + " velocities, but "
                    + "the run " + (kinetic != null ? "samples" : "does not sample") + " momenta");
        }
        for (int w = 0; w < walkers.length; w++) {
            Walker wk = new Walker(numbers.length);
            System.arraycopy(s.positions()[w], 0, wk.x, 0, wk.x.length);
            System.arraycopy(s.cells()[w], 0, wk.h, 0, 9);
            wk.energy = s.energies()[w];
            wk.volume = s.volumes()[w];
            if (kinetic != null) {
                System.arraycopy(s.velocities()[w], 0, wk.v, 0, wk.v.length);
                wk.kinetic = kinetic.kinetic(wk.v);
            }
            wk.updateEnthalpy(settings.pressure());
            walkers[w] = wk;
            byEnthalpy.add(w);
        }
        System.arraycopy(s.tuneAttempts(), 0, sinceTune.attempts, 0, sinceTune.attempts.length);
        System.arraycopy(s.tuneAccepted(), 0, sinceTune.accepted, 0, sinceTune.accepted.length);
        System.arraycopy(s.recentLimits(), 0, recentLimits, 0, Math.min(recentLimits.length, s.recentLimits().length));
    }

    /** A generator for one (stream, index), seeded from the counter-based hash. */
    private SplittableRandom seeded(long stream, long index) {
        CounterRandom.Sequence seq = random.sequence(stream, index);
        long hi = (long) (seq.uniform() * 0x1p32);
        long lo = (long) (seq.uniform() * 0x1p32);
        return new SplittableRandom((hi << 32) ^ lo);
    }

    /** Iterations done so far. */
    public long iteration() {
        return iteration;
    }

    /** The settings. */
    public NsSettings settings() {
        return settings;
    }

    /** The current step sizes. */
    public StepSizes steps() {
        return steps;
    }

    /** The highest enthalpy among the live walkers, eV. */
    public double maxEnthalpy() {
        return walkers[byEnthalpy.last()].enthalpy;
    }

    /**
     * A running temperature estimate, K: the contour H_max falls by k_B·T per unit of
     * −ln X near the temperature whose ensemble it samples, so T ≈ ΔH / (k_B Δ(−ln X)) over
     * the last K limits; NaN until K iterations are done.
     */
    public double temperature() {
        int k = recentLimits.length;
        if (iteration < k) {
            return Double.NaN;
        }
        double newest = recentLimits[(int) ((iteration - 1) % k)];
        double oldest = recentLimits[(int) (iteration % k)];
        double perIteration = 0;
        for (int j = 0; j < settings.cull(); j++) {
            perIteration -= Math.log((double) (settings.walkers() - j) / (settings.walkers() + 1 - j));
        }
        return (oldest - newest) / (Units.BOLTZMANN * perIteration * (k - 1));
    }

    /** Acceptance rates since the last call of this method (moves attempted since then only). */
    public Map<MoveKind, Double> takeAcceptanceRates() {
        Map<MoveKind, Double> r = recent.rates();
        recent.clear();
        return r;
    }

    /**
     * One iteration: removes the cull highest-enthalpy walkers and returns them (highest first),
     * clones survivors into their places and walks.
     */
    public List<Culled> iterate() {
        int k = walkers.length;
        int cull = settings.cull();
        int[] culled = new int[cull];
        List<Culled> out = new ArrayList<>(cull);
        for (int c = 0; c < cull; c++) {
            int w = byEnthalpy.pollLast();
            culled[c] = w;
            Walker wk = walkers[w];
            boolean snapshot = settings.snapshotEvery() > 0 && iteration % settings.snapshotEvery() == 0 && c == 0;
            Structure s = snapshot ? wk.structure(numbers, settings.container().periodic()) : null;
            out.add(new Culled(iteration, wk.enthalpy, wk.energy, wk.volume, s));
        }
        double limit = walkers[culled[cull - 1]].enthalpy;
        recentLimits[(int) (iteration % recentLimits.length)] = limit;

        SplittableRandom select = seeded(STREAM_SELECT, iteration);
        boolean[] taken = new boolean[k];
        for (int w : culled) {
            taken[w] = true;
        }
        for (int w : culled) {
            int source;
            do {
                source = select.nextInt(k);
            } while (isCulled(source, culled));
            walkers[w].copyFrom(walkers[source]);
        }
        int p = settings.parallelWalks();
        int[] walked = new int[p];
        System.arraycopy(culled, 0, walked, 0, cull);
        for (int s = cull; s < p; s++) {
            int w;
            do {
                w = select.nextInt(k);
            } while (taken[w]);
            taken[w] = true;
            walked[s] = w;
        }
        for (int s = cull; s < p; s++) {
            byEnthalpy.remove(walked[s]);
        }
        int stepsPerWalk = settings.stepsPerWalk();
        StepSizes sizes = steps;
        long it = iteration;
        runAll(p, s -> {
            slotCounts[s].clear();
            engines[s].walk(walkers[walked[s]], limit, stepsPerWalk, sizes, seeded(STREAM_WALK + s, it), slotCounts[s]);
        });
        for (int s = 0; s < p; s++) {
            byEnthalpy.add(walked[s]);
            sinceTune.add(slotCounts[s]);
            recent.add(slotCounts[s]);
        }
        iteration++;
        if (iteration % settings.tuning().every() == 0) {
            tune();
        }
        return out;
    }

    private static boolean isCulled(int w, int[] culled) {
        for (int c : culled) {
            if (c == w) {
                return true;
            }
        }
        return false;
    }

    /** Adjusts step sizes toward the target acceptance range, within bounds. */
    private void tune() {
        Tuning t = settings.tuning();
        Map<MoveKind, Double> sizes = new EnumMap<>(steps.sizes());
        for (MoveKind kind : MoveKind.values()) {
            long att = sinceTune.attempts[kind.ordinal()];
            if (att < t.minAttempts() || kind == MoveKind.SWAP) {
                continue;
            }
            double rate = (double) sinceTune.accepted[kind.ordinal()] / att;
            double size = sizes.get(kind);
            if (rate < t.lowRate()) {
                size /= t.factor();
            } else if (rate > t.highRate()) {
                size *= t.factor();
            } else {
                sinceTune.attempts[kind.ordinal()] = 0;
                sinceTune.accepted[kind.ordinal()] = 0;
                continue;
            }
            sizes.put(kind, Math.min(maxStep(kind), Math.max(1e-9, size)));
            sinceTune.attempts[kind.ordinal()] = 0;
            sinceTune.accepted[kind.ordinal()] = 0;
        }
        steps = new StepSizes(sizes);
    }

    /** Upper bounds that keep a step meaningful: atoms within the container, cells not inverted. */
    private double maxStep(MoveKind kind) {
        double length = Math.cbrt(settings.container().volume());
        return switch (kind) {
            case ATOM_SWEEP, GALILEAN -> length;
            case HAMILTONIAN -> 50.0;
            case VOLUME -> settings.container().volume() / numbers.length;
            case SHEAR, STRETCH -> 1.0;
            case SWAP -> 1.0;
        };
    }

    /** The state to continue from (between iterations). */
    public NsState state() {
        int k = walkers.length;
        double[][] x = new double[k][];
        double[][] h = new double[k][];
        double[] e = new double[k];
        double[] v = new double[k];
        double[][] u = new double[settings.moves().kinetic() ? k : 0][];
        for (int w = 0; w < k; w++) {
            x[w] = walkers[w].x.clone();
            h[w] = walkers[w].h.clone();
            e[w] = walkers[w].energy;
            v[w] = walkers[w].volume;
            if (u.length > 0) {
                u[w] = walkers[w].v.clone();
            }
        }
        return new NsState(iteration, steps, x, h, e, v, u, sinceTune.attempts.clone(), sinceTune.accepted.clone(),
                recentLimits.clone());
    }

    /** The live walkers as records (enthalpy order, highest first), for the final contribution. */
    public List<Culled> live() {
        List<Culled> out = new ArrayList<>(walkers.length);
        for (int w : byEnthalpy.descendingSet()) {
            Walker wk = walkers[w];
            out.add(new Culled(iteration, wk.enthalpy, wk.energy, wk.volume,
                    wk.structure(numbers, settings.container().periodic())));
        }
        return out;
    }

    private interface Task {
        void run(int index);
    }

    /** Runs task(0 … count−1), in parallel when there is a pool; rethrows the first failure. */
    private void runAll(int count, Task task) {
        if (pool == null) {
            for (int i = 0; i < count; i++) {
                task.run(i);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> task.run(index)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
