package potentia.ehp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import potentia.md.CounterRandom;
import potentia.phonon.BandPath;
import potentia.phonon.BandStructure;
import potentia.phonon.DynamicalMatrix;
import potentia.phonon.FiniteDisplacements;
import potentia.phonon.ForceConstants;
import potentia.phonon.Supercell;
import potentia.phonon.SupercellSymmetry;
import potentia.potential.Potential;
import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * A run of effective harmonic potentials over phases, pressures and temperatures, resumable
 * from a checkpoint.
 *
 * <p>Jobs run phase by phase, pressure by pressure, temperatures ascending; each temperature
 * starts from the previous one's effective force constants and centroids, with the cell
 * extrapolated linearly from the previous two (thermal expansion is smooth), and the first
 * from the harmonic force constants of finite displacements ({@link FiniteDisplacements}) at
 * the given cell. Job k uses random-number stream k, so every job's ensembles are fixed by the
 * seed whatever the order of evaluation or the thread count, and a run resumed from its
 * checkpoint (written after every step, at most every {@code checkpointSeconds}) ends with
 * bit-identical numbers.
 *
 * <p>Mutable engine driven by one thread.
 */
public final class EhpRun {
    /** Points per band-path segment for the renormalised bands. */
    public static final int BAND_POINTS = 21;

    /** A crystal to study: a name, its unit cell and the supercell repeats. */
    public record Phase(String name, Structure unit, int[] repeats) {
        public Phase {
            unit = Structure.of(unit.atomicNumbers(), unit.positions(), unit.cell());
            repeats = repeats.clone();
            if (repeats.length != 3) {
                throw new IllegalArgumentException("a supercell needs 3 repeats");
            }
        }
    }

    /**
     * What to run.
     *
     * @param temperatures K, ascending
     * @param pressures target pressures, eV/Å³
     * @param relaxCell whether each cell relaxes under its pressure (thermal expansion)
     * @param displacement finite displacement for the starting force constants, Å
     * @param useSymmetry whether estimates are averaged over each crystal's space group (else
     *     only its lattice translations)
     */
    public record Plan(List<Phase> phases, double[] temperatures, double[] pressures, boolean quantum, boolean relaxCell,
            EhpSettings settings, long seed, double displacement, boolean useSymmetry) {
        public Plan {
            phases = List.copyOf(phases);
            temperatures = temperatures.clone();
            pressures = pressures.clone();
            if (phases.isEmpty() || temperatures.length == 0 || pressures.length == 0) {
                throw new IllegalArgumentException("a run needs at least one phase, temperature and pressure");
            }
            for (int k = 0; k < temperatures.length; k++) {
                if (!(temperatures[k] >= 0) || (!quantum && temperatures[k] == 0)) {
                    throw new IllegalArgumentException("temperature " + temperatures[k] + " K: "
                            + (quantum ? "must be ≥ 0" : "classical sampling needs T > 0"));
                }
                if (k > 0 && !(temperatures[k] > temperatures[k - 1])) {
                    throw new IllegalArgumentException("temperatures must ascend");
                }
            }
        }

        int jobs() {
            return phases.size() * pressures.length * temperatures.length;
        }
    }

    /** Told about progress. */
    public interface Observer {
        /** Every minimisation step of job {@code job}. */
        default void step(int job, int phase, double temperature, double pressure, EhpStep step) {
        }

        /** Every finished job. */
        default void point(EhpPoint point) {
        }
    }

    /** Where the next job of a (phase, pressure) chain starts. */
    record Carry(double[] phi, double[] centroid, double[] cell, double[] previousCell, double previousTemperature,
            double temperature) {
    }

    private final Plan plan;
    private final Potential potential;
    private final Map<String, String> metadata;
    private final Path checkpoint;
    private final double checkpointSeconds;
    private final List<EhpPoint> points;
    private final double[] bulkModuli;
    private int job;
    private Carry carry;
    private EhpMinimiser current;
    private EhpProblem currentProblem;
    private long lastCheckpoint = System.nanoTime();

    private EhpRun(Plan plan, Potential potential, Map<String, String> metadata, Path checkpoint, double checkpointSeconds,
            List<EhpPoint> points, double[] bulkModuli, int job, Carry carry) {
        this.plan = plan;
        this.potential = potential;
        this.metadata = new LinkedHashMap<>(metadata);
        this.checkpoint = checkpoint;
        this.checkpointSeconds = checkpointSeconds;
        this.points = new ArrayList<>(points);
        this.bulkModuli = bulkModuli;
        this.job = job;
        this.carry = carry;
    }

    /**
     * A new run.
     *
     * @param checkpoint where to write the checkpoint, or null for none
     * @param checkpointSeconds the least time between checkpoints (0: after every step)
     * @param metadata free text kept in the checkpoint (e.g. how to rebuild the potential)
     */
    public static EhpRun start(Plan plan, Potential potential, Map<String, String> metadata, Path checkpoint,
            double checkpointSeconds) {
        double[] b = new double[plan.phases().size()];
        for (int p = 0; p < b.length; p++) {
            Phase ph = plan.phases().get(p);
            Structure sc = ph.unit().repeat(ph.repeats()[0], ph.repeats()[1], ph.repeats()[2]);
            b[p] = plan.relaxCell() ? CrystalEhp.bulkModulus(potential, sc) : Double.NaN;
            if (plan.relaxCell() && !(b[p] > 0)) {
                throw new IllegalArgumentException("phase " + ph.name() + " has a non-positive bulk modulus ("
                        + b[p] + " eV/Å³): it is mechanically unstable at the given cell");
            }
        }
        EhpRun run = new EhpRun(plan, potential, metadata, checkpoint, checkpointSeconds, List.of(), b, 0, null);
        run.save();
        return run;
    }

    /** Reads a checkpoint: the run continues where it was written. */
    public static EhpRun resume(Path checkpoint, Potential potential, double checkpointSeconds, int threads) {
        EhpCheckpoint.Contents c = EhpCheckpoint.read(checkpoint);
        Plan plan = new Plan(c.plan().phases(), c.plan().temperatures(), c.plan().pressures(), c.plan().quantum(),
                c.plan().relaxCell(), c.plan().settings().withThreads(threads), c.plan().seed(), c.plan().displacement(),
                c.plan().useSymmetry());
        EhpRun run = new EhpRun(plan, potential, c.metadata(), checkpoint, checkpointSeconds, c.points(), c.bulkModuli(),
                c.job(), c.carry());
        if (c.snapshot() != null && run.job < plan.jobs()) {
            run.currentProblem = run.problem(run.job);
            run.current = EhpMinimiser.resume(run.currentProblem, plan.settings(), new CounterRandom(plan.seed()), run.job,
                    c.snapshot());
        }
        return run;
    }

    /** Reads only the metadata of a checkpoint (to rebuild the potential before resuming). */
    public static Map<String, String> metadata(Path checkpoint) {
        return EhpCheckpoint.read(checkpoint).metadata();
    }

    public Plan plan() {
        return plan;
    }

    public Map<String, String> metadata() {
        return Map.copyOf(metadata);
    }

    /** The finished jobs so far, in order. */
    public List<EhpPoint> points() {
        return List.copyOf(points);
    }

    /** Whether every job has finished. */
    public boolean finished() {
        return job >= plan.jobs();
    }

    /** Total number of jobs. */
    public int jobs() {
        return plan.jobs();
    }

    /** Index of the job running next. */
    public int job() {
        return job;
    }

    /** Runs every remaining job. */
    public List<EhpPoint> run(Observer observer) {
        while (!finished()) {
            runJob(observer);
        }
        save();
        return points();
    }

    /** Runs (the rest of) the next job. */
    public EhpPoint runJob(Observer observer) {
        if (current == null) {
            currentProblem = problem(job);
            current = new EhpMinimiser(currentProblem, plan.settings(), new CounterRandom(plan.seed()), job);
        }
        int phase = phaseOf(job);
        double t = temperatureOf(job);
        double p = pressureOf(job);
        int thisJob = job;
        current.observe(s -> {
            observer.step(thisJob, phase, t, p, s);
            if (!current.done()) {
                saveIfDue();
            }
        });
        EhpResult r = current.run();
        EhpPoint point = point(job, r);
        points.add(point);
        carry = nextCarry(r);
        current = null;
        currentProblem = null;
        job++;
        if (job < plan.jobs() && chainStart(job)) {
            carry = null;
        }
        save();
        observer.point(point);
        return point;
    }

    private int phaseOf(int j) {
        return j / (plan.pressures().length * plan.temperatures().length);
    }

    private int pressureIndexOf(int j) {
        return j / plan.temperatures().length % plan.pressures().length;
    }

    private double pressureOf(int j) {
        return plan.pressures()[pressureIndexOf(j)];
    }

    private double temperatureOf(int j) {
        return plan.temperatures()[j % plan.temperatures().length];
    }

    private boolean chainStart(int j) {
        return j % plan.temperatures().length == 0;
    }

    private Supercell supercell(int phase, Structure unit) {
        Phase ph = plan.phases().get(phase);
        return Supercell.of(unit, ph.repeats()[0], ph.repeats()[1], ph.repeats()[2]);
    }

    private SupercellSymmetry symmetry(Supercell sc) {
        return plan.useSymmetry() ? SupercellSymmetry.of(sc) : SupercellSymmetry.translationsOnly(sc);
    }

    /** The problem of job j: from the carried state, or the harmonic one at a chain's start. */
    EhpProblem problem(int j) {
        int phase = phaseOf(j);
        Phase ph = plan.phases().get(phase);
        Supercell sc = supercell(phase, ph.unit());
        SupercellSymmetry sym = symmetry(sc);
        double t = temperatureOf(j);
        double[] phi;
        double[] centroid;
        Cell cell;
        if (carry == null) {
            try {
                phi = FiniteDisplacements.compute(potential, sc, plan.displacement(), sym, plan.settings().threads())
                        .matrix();
            } catch (RuntimeException e) {
                throw new IllegalStateException("harmonic force constants of " + ph.name() + ": " + e.getMessage(), e);
            }
            centroid = sc.structure().positions();
            cell = sc.structure().cell();
        } else {
            phi = carry.phi();
            centroid = carry.centroid();
            double[] h = carry.cell();
            if (carry.previousCell() != null && plan.relaxCell() && carry.temperature() > carry.previousTemperature()) {
                // linear extrapolation of the cell in T; centroids follow in fractional coordinates
                double f = (t - carry.temperature()) / (carry.temperature() - carry.previousTemperature());
                double[] guess = new double[9];
                for (int k = 0; k < 9; k++) {
                    guess[k] = h[k] + f * (h[k] - carry.previousCell()[k]);
                }
                Cell from = Cell.periodic(h);
                Cell to = Cell.periodic(guess);
                centroid = to.toCartesian(from.toFractional(centroid));
                h = guess;
            }
            cell = Cell.periodic(h);
        }
        try {
            return CrystalEhp.problem(sc, potential, centroid, cell, phi, t, plan.quantum(), pressureOf(j),
                    plan.relaxCell(), sym, bulkModuli[phase]);
        } catch (UnstableModesException e) {
            throw new UnstableModesException(e.count(), e.lowestFrequency(), ph.name() + (carry == null
                    ? ": the harmonic force constants have " : " at " + t + " K: the starting force constants have "));
        }
    }

    private Carry nextCarry(EhpResult r) {
        double t = temperatureOf(job);
        double[] previous = carry == null ? null : carry.cell();
        double previousT = carry == null ? Double.NaN : carry.temperature();
        return new Carry(r.state().forceConstants(), r.state().centroid(), r.cell().matrix(), previous, previousT, t);
    }

    private EhpPoint point(int j, EhpResult r) {
        int phase = phaseOf(j);
        Phase ph = plan.phases().get(phase);
        double[] h = r.cell().matrix();
        double[] unit = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int c = 0; c < 3; c++) {
                unit[3 * row + c] = h[3 * row + c] / ph.repeats()[row];
            }
        }
        double latticeError = plan.relaxCell() ? r.pressureError() / (3 * bulkModuli[phase]) : 0;
        double[] nu = r.state().frequencies();
        double[][] bands = null;
        Structure expanded = ph.unit().withCell(Cell.periodic(unit), true);
        Supercell sc = supercell(phase, expanded);
        var path = BandPath.standard(sc.primitive());
        if (path.isPresent()) {
            DynamicalMatrix d = new DynamicalMatrix(new ForceConstants(sc, r.state().forceConstants()), null);
            bands = BandStructure.along(d, path.get(), BAND_POINTS).frequencies();
        }
        return new EhpPoint(phase, pressureIndexOf(j), temperatureOf(j), pressureOf(j), r.converged(), r.freeEnergy(),
                r.freeEnergyError(), r.gibbsFreeEnergy(), r.pressure(), r.pressureError(), r.volume(), unit,
                latticeError, r.steps(), r.ensembles(), r.evaluations(), r.gap(), nu, bands);
    }

    private void saveIfDue() {
        if (checkpoint != null && (System.nanoTime() - lastCheckpoint) * 1e-9 >= checkpointSeconds) {
            save();
        }
    }

    /** Writes the checkpoint now (no-op without a checkpoint path). */
    public void save() {
        if (checkpoint == null) {
            return;
        }
        EhpCheckpoint.write(checkpoint, new EhpCheckpoint.Contents(plan, metadata, bulkModuli, points, job, carry,
                current == null ? null : current.snapshot()));
        lastCheckpoint = System.nanoTime();
    }
}
