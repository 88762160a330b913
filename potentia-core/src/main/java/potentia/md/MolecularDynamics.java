package potentia.md;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import potentia.neighbour.VerletList;
import potentia.parallel.ParallelTasks;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Cell;
import potentia.structure.Structure;
import potentia.units.Units;

/**
 * The molecular-dynamics engine: steps an {@link MdState} forward with any {@link Potential}.
 * Mutable and single-threaded (the potential and list builds may use threads); take immutable
 * snapshots with {@link #state()}, {@link #sample()} and {@link #checkpoint}.
 *
 * <p>One step of Δt (units fs, Å, eV, amu; accelerations F/m·{@link Units#FORCE_OVER_MASS_TO_ACCELERATION}):
 * <pre>
 *   thermostat half step      (Bussi: rescale for Δt/2;  Langevin with a barostat: O for Δt/2)
 *   B: v += a Δt/2
 *   drift                     (NVE, Bussi: x += v Δt;  Langevin: A O A = BAOAB;
 *                              barostat: {@link CellRescalingMove})
 *   forces at the new positions (neighbour list reused while valid)
 *   B: v += a Δt/2
 *   thermostat half step
 * </pre>
 * Fixed components keep zero velocity and ignore their force. Positions are never wrapped.
 *
 * <p>Randomness: every random number is a pure function of (seed, stream, step, index)
 * ({@link CounterRandom}), so a run continued from a {@link #checkpoint} is bit-identical to the
 * uninterrupted run (the checkpoint also records where the neighbour list was built, so the
 * continued run rebuilds the same list), and the numbers do not depend on thread counts. The
 * trajectory itself depends on the potential's thread count only through the rounding of its
 * force sums.
 *
 * <p>Degrees of freedom for the temperature: free components, less 3 when the dynamics conserves
 * zero total momentum (no fixed components and no Langevin friction, which thermalises the
 * centre of mass). {@link #create} removes the initial centre-of-mass velocity in that case.
 */
public final class MolecularDynamics {
    static final long STREAM_LANGEVIN = 10;
    static final long STREAM_LANGEVIN_BEFORE = 11;
    static final long STREAM_LANGEVIN_AFTER = 12;
    static final long STREAM_BUSSI_BEFORE = 13;
    static final long STREAM_BUSSI_AFTER = 14;

    /** Below this many atoms the thermostat noise is drawn on one thread. */
    private static final int PARALLEL_NOISE_ATOMS = 4096;

    private final Potential potential;
    private final MdSystem system;
    private final MdSettings settings;
    private final int threads;
    private final CounterRandom random;
    private final VerletList verlet;
    private final int n;
    private final int[] numbers;
    private final double[] acceleration;
    private final boolean[] frozen;
    private final boolean momentumConserved;
    private final int dof;
    private final boolean stressAvailable;
    private final CellRescalingMove barostat;
    private final double[] noise;
    private final List<Registration> observers = new ArrayList<>();

    private final double[] x;
    private final double[] v;
    private double[] f;
    private final double[] h;
    private final boolean[] pbc;
    private long step;
    private double time;
    private double reservoir;
    private Result result;
    private double[] listPositions;
    private Cell listCell;

    private record Registration(long every, MdObserver observer) {
    }

    private MolecularDynamics(Potential potential, MdSystem system, MdSettings settings, MdState state, int threads) {
        if (state.size() != system.size()) {
            throw new IllegalArgumentException("state has " + state.size() + " atoms, system " + system.size());
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.potential = potential;
        this.system = system;
        this.settings = settings;
        this.threads = threads;
        this.random = new CounterRandom(settings.seed());
        this.n = system.size();
        this.numbers = system.atomicNumbers();
        this.frozen = system.frozen();
        this.acceleration = new double[n];
        for (int i = 0; i < n; i++) {
            acceleration[i] = Units.FORCE_OVER_MASS_TO_ACCELERATION / system.mass(i);
        }
        this.momentumConserved = !system.anyFrozen() && !(settings.thermostat() instanceof Thermostat.Langevin);
        this.dof = Velocities.degreesOfFreedom(system, momentumConserved);
        Cell cell = state.cell();
        this.stressAvailable = potential.supported().contains(Property.STRESS) && cell.volume() > 0;
        if (settings.barostat() instanceof Barostat.CellRescaling c) {
            if (!cell.fullyPeriodic()) {
                throw new IllegalArgumentException("a barostat needs a cell periodic along a, b and c");
            }
            if (!stressAvailable) {
                throw new IllegalArgumentException("a barostat needs the stress, which " + potential.name() + " does not compute");
            }
            if (system.anyFrozen()) {
                throw new IllegalArgumentException("fixed atoms cannot be combined with a barostat (the cell rescaling moves them)");
            }
            this.barostat = new CellRescalingMove(c, settings.thermostat().temperature(), random, system);
        } else {
            this.barostat = null;
        }
        this.noise = settings.thermostat() instanceof Thermostat.Langevin ? new double[3 * n] : null;
        this.verlet = new VerletList(potential.cutoff(), settings.skin(), potential.needsFullList(), threads);
        this.x = state.positions();
        this.v = state.velocities();
        this.h = cell.matrix();
        this.pbc = cell.pbc();
        this.step = state.step();
        this.time = state.time();
        this.reservoir = state.reservoirEnergy();
        for (int k = 0; k < 3 * n; k++) {
            if (frozen[k]) {
                v[k] = 0;
            }
        }
    }

    /**
     * An engine starting from {@code state} with a freshly built neighbour list. When the dynamics
     * conserves momentum, the centre-of-mass velocity is removed first.
     *
     * @param threads threads for neighbour-list builds and thermostat noise (the potential has its own)
     * @throws IllegalArgumentException for an inconsistent state, a barostat without a periodic
     *     cell or stress, or fixed atoms with a barostat
     */
    public static MolecularDynamics create(Potential potential, MdSystem system, MdSettings settings, MdState state,
            int threads) {
        MolecularDynamics md = new MolecularDynamics(potential, system, settings, state, threads);
        if (md.momentumConserved) {
            Velocities.removeCentreOfMassVelocity(system, md.v);
        }
        md.evaluate(true);
        return md;
    }

    /**
     * The state at step 0 of a structure: its positions and cell, the given velocities.
     *
     * @param velocities 3N, Å/fs (not modified)
     */
    public static MdState initialState(Structure structure, double[] velocities) {
        return new MdState(0, 0, structure.positions(), velocities, structure.cell(), 0);
    }

    /**
     * Continues a checkpointed run exactly: same list, same random numbers.
     *
     * @throws IllegalArgumentException when {@code potential} is not the one the run used (by
     *     name and cutoff)
     */
    public static MolecularDynamics resume(Potential potential, MdRestart restart, int threads) {
        if (!potential.name().equals(restart.potentialName()) || potential.cutoff() != restart.potentialCutoff()) {
            throw new IllegalArgumentException("the run used " + restart.potentialName() + " (cutoff "
                    + restart.potentialCutoff() + " Å), not " + potential.name() + " (cutoff " + potential.cutoff() + " Å)");
        }
        MolecularDynamics md = new MolecularDynamics(potential, restart.system(), restart.settings(), restart.state(),
                threads);
        md.verlet.rebuild(Structure.of(md.numbers, restart.listPositions(), restart.listCell()));
        md.listPositions = restart.listPositions();
        md.listCell = restart.listCell();
        md.evaluate(true);
        return md;
    }

    /**
     * Calls {@code observer} after every step that is a multiple of {@code every} (counted from the
     * start of the run, so a continued run samples the same steps). On those steps the stress is
     * computed too, when the potential offers it. Observers run in registration order.
     */
    public void observe(long every, MdObserver observer) {
        if (every < 1) {
            throw new IllegalArgumentException("observation interval must be ≥ 1 step, got " + every);
        }
        observers.add(new Registration(every, observer));
    }

    /** Takes {@code steps} steps. */
    public void run(long steps) {
        for (long k = 0; k < steps; k++) {
            step();
        }
    }

    /** Takes one step and notifies the observers due at its end. */
    public void step() {
        long s = step + 1;
        double dt = settings.timestep();
        boolean sampled = due(s);
        thermostatHalfStep(s, 0.5 * dt, true);
        kick(0.5 * dt);
        if (barostat != null) {
            reservoir += barostat.before(s, dt, x, v, result.virial(), h);
        } else if (settings.thermostat() instanceof Thermostat.Langevin l) {
            drift(0.5 * dt);
            ornsteinUhlenbeck(l, dt, STREAM_LANGEVIN, s);
            drift(0.5 * dt);
        } else {
            drift(dt);
        }
        checkFinite(s);
        evaluate(sampled || barostat != null);
        if (barostat != null) {
            reservoir += barostat.after(dt, v, result.virial(), h);
        }
        kick(0.5 * dt);
        thermostatHalfStep(s, 0.5 * dt, false);
        step = s;
        time += dt;
        if (sampled) {
            MdSample sample = sample();
            for (Registration r : observers) {
                if (s % r.every() == 0) {
                    r.observer().observe(sample);
                }
            }
        }
    }

    private boolean due(long s) {
        for (Registration r : observers) {
            if (s % r.every() == 0) {
                return true;
            }
        }
        return false;
    }

    private void thermostatHalfStep(long s, double half, boolean before) {
        switch (settings.thermostat()) {
            case Thermostat.Bussi b -> bussi(b, half, before ? STREAM_BUSSI_BEFORE : STREAM_BUSSI_AFTER, s);
            case Thermostat.Langevin l when barostat != null ->
                    ornsteinUhlenbeck(l, half, before ? STREAM_LANGEVIN_BEFORE : STREAM_LANGEVIN_AFTER, s);
            default -> {
            }
        }
    }

    private void kick(double half) {
        for (int i = 0; i < n; i++) {
            double a = half * acceleration[i];
            for (int k = 3 * i; k < 3 * i + 3; k++) {
                if (!frozen[k]) {
                    v[k] += a * f[k];
                }
            }
        }
    }

    private void drift(double dt) {
        for (int k = 0; k < 3 * n; k++) {
            x[k] += dt * v[k];
        }
    }

    /** The exact Ornstein–Uhlenbeck step v ← c v + √((1 − c²) k_BT/m) ξ over {@code duration}; heat to the reservoir. */
    private void ornsteinUhlenbeck(Thermostat.Langevin l, double duration, long stream, long s) {
        double before = Velocities.kinetic(system, v);
        double c = StrictMath.exp(-l.friction() * duration);
        double spread = (1 - c * c) * Units.BOLTZMANN * l.temperature();
        int tasks = n >= PARALLEL_NOISE_ATOMS ? ParallelTasks.tasksFor(n, threads) : 1;
        ParallelTasks.run(tasks, t -> {
            int from = 3 * ParallelTasks.chunkStart(n, tasks, t);
            int to = 3 * ParallelTasks.chunkStart(n, tasks, t + 1);
            random.normals(stream, s, noise, from, to);
        });
        for (int i = 0; i < n; i++) {
            double sigma = Math.sqrt(spread * acceleration[i]); // √((1 − c²) k_BT/m) in Å/fs
            for (int k = 3 * i; k < 3 * i + 3; k++) {
                if (!frozen[k]) {
                    v[k] = c * v[k] + sigma * noise[k];
                }
            }
        }
        reservoir += before - Velocities.kinetic(system, v);
    }

    private void bussi(Thermostat.Bussi b, double duration, long stream, long s) {
        double kinetic = Velocities.kinetic(system, v);
        if (!(kinetic > 0) || dof < 1) {
            return; // nothing to rescale
        }
        double target = 0.5 * dof * Units.BOLTZMANN * b.temperature();
        double c = StrictMath.exp(-duration / b.tau());
        double next = StochasticVelocityRescaling.resampledKinetic(kinetic, target, dof, c, random.sequence(stream, s));
        double alpha = Math.sqrt(next / kinetic);
        for (int k = 0; k < 3 * n; k++) {
            v[k] *= alpha;
        }
        reservoir += kinetic - next;
    }

    private void checkFinite(long s) {
        for (int k = 0; k < 3 * n; k++) {
            if (!Double.isFinite(x[k]) || !Double.isFinite(v[k])) {
                throw new IllegalStateException("the dynamics became unstable at step " + s + ": atom " + k / 3
                        + " has a non-finite position or velocity (time step too large, or overlapping atoms?)");
            }
        }
    }

    private Cell cell() {
        return Cell.of(h, pbc);
    }

    private void evaluate(boolean withStress) {
        Structure s = Structure.of(numbers, x, cell());
        if (verlet.update(s)) {
            listPositions = x.clone();
            listCell = s.cell();
        }
        Set<Property> requested = withStress && stressAvailable
                ? EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS)
                : EnumSet.of(Property.ENERGY, Property.FORCES);
        result = potential.compute(s, verlet.list(), requested);
        f = result.forces();
    }

    /** The current state (a copy). */
    public MdState state() {
        return new MdState(step, time, x, v, cell(), reservoir);
    }

    /** The potential energy at the current positions, eV (from the last force evaluation, no extra call). */
    public double potentialEnergy() {
        return result.energy();
    }

    /** Steps taken since the run started. */
    public long currentStep() {
        return step;
    }

    /** The system. */
    public MdSystem system() {
        return system;
    }

    /** The settings. */
    public MdSettings settings() {
        return settings;
    }

    /** The potential. */
    public Potential potential() {
        return potential;
    }

    /** N_f, the degrees of freedom of the temperature. */
    public int degreesOfFreedom() {
        return dof;
    }

    /** How many times the neighbour list has been built by this engine. */
    public int neighbourBuilds() {
        return verlet.builds();
    }

    /**
     * The thermodynamic sample of the current state. When the last evaluation skipped the stress
     * and the potential offers it, it is computed now (the dynamics keeps its own forces).
     */
    public MdSample sample() {
        Result r = result;
        if (stressAvailable && !r.has(Property.STRESS)) {
            r = potential.compute(Structure.of(numbers, x, cell()), verlet.list(),
                    EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS));
        }
        double kinetic = Velocities.kinetic(system, v);
        double volume = cell().volume();
        double pressure = Double.NaN;
        if (r.has(Property.STRESS) && volume > 0) {
            double[] w = r.virial();
            pressure = (w[0] + w[4] + w[8] + 2 * kinetic) / (3 * volume);
        }
        double conserved = kinetic + r.energy() + reservoir;
        if (settings.barostat() instanceof Barostat.CellRescaling c) {
            conserved += c.pressure() * volume;
        }
        return new MdSample(system, state(), r, kinetic, dof, pressure, conserved);
    }

    /**
     * Everything needed to continue this run exactly ({@link #resume}).
     *
     * @param metadata free-form caller data stored with it
     */
    public MdRestart checkpoint(Map<String, String> metadata) {
        return new MdRestart(system, settings, state(), listPositions, listCell, potential.name(), potential.cutoff(),
                metadata);
    }
}
