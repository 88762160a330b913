package potentia.ns;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import potentia.md.MdSettings;
import potentia.md.MdState;
import potentia.md.MdSystem;
import potentia.md.MolecularDynamics;
import potentia.potential.LocalEnergy;
import potentia.potential.LocalMoves;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * Walks one walker under the constraint H &lt; H_max with a mix of moves, each of which leaves
 * the prior (uniform in positions, and for a variable cell uniform in volume with Vᴺ and in
 * shape under shear and stretch) restricted to H &lt; H_max invariant:
 * <ul>
 *   <li>single-atom sweeps: a Gaussian displacement (symmetric), accepted iff the atom stays in
 *       the container and H stays below H_max; with a {@link LocalEnergy} potential the energy
 *       change is local, O(neighbours), otherwise a full evaluation;</li>
 *   <li>Galilean trajectories (Skilling's reflective walk): all atoms move along a random
 *       direction v of fixed length; a step that leaves the allowed region is reflected off the
 *       surface normal there (−∇H, or a container wall) and kept if the reflected step lands
 *       inside, else the walker stays and v reverses. The map (x, v) → (x', v') is reversible
 *       and volume-preserving and v is isotropic, so uniform x stays uniform;</li>
 *   <li>volume moves: V' = V + ΔV with symmetric ΔV, positions carried along, accepted with
 *       min(1, (V'/V)ᴺ) (the positions' measure) if V' ≤ V_max and H' &lt; H_max;</li>
 *   <li>shear and stretch moves: volume-preserving maps of the cell with unit Jacobian and
 *       symmetric proposals, accepted if every perpendicular width stays ≥ the minimum aspect
 *       ratio times V^{1/3} and H' &lt; H_max;</li>
 *   <li>swaps of two atoms of different species: a symmetric proposal, accepted if H' &lt; H_max;</li>
 *   <li>Hamiltonian trajectories (total-enthalpy HMC, Baldock et al. 2017), when walkers carry
 *       momenta ({@link KineticPrior}): the velocities are redrawn from their prior given the
 *       configuration (uniform under K ≤ min(K_max, H_max − E − PV): a Gibbs step), then
 *       {@link MolecularDynamics} runs NVE velocity Verlet; the end point is kept iff it stays in
 *       the container, K ≤ K_max and E + PV + K &lt; H_max, else the walker stays as it was (the
 *       usual momentum flip is not needed: the momenta are redrawn before every trajectory). Velocity Verlet is
 *       reversible and volume-preserving, so this is a Metropolis step with a symmetric
 *       proposal. Every walk starts with such a redraw, so momenta decorrelate whatever moves
 *       the walk picks.</li>
 * </ul>
 * With momenta, every other move keeps them fixed and tests E + PV + K &lt; H_max.
 * One instance per walk slot: its scratch arrays and local-move tracker are its mutable state.
 */
final class WalkEngine {
    private static final Set<Property> ENERGY = EnumSet.of(Property.ENERGY);
    private static final Set<Property> ENERGY_FORCES = EnumSet.of(Property.ENERGY, Property.FORCES);

    private final Potential potential;
    private final int[] numbers;
    private final int n;
    private final Container container;
    private final boolean periodic;
    private final double pressure;
    private final double maxVolume;
    private final double minAspect;
    private final int galileanSteps;
    private final int hamiltonianSteps;
    private final KineticPrior kinetic;
    private final MdSystem mdSystem;
    private final MoveKind[] kinds;
    private final double[] cumulative;

    private boolean localTried;
    private LocalMoves tracker;
    private final int[] order;
    private final double[] trialX;
    private final double[] trialX2;
    private final double[] trialH = new double[9];
    private final double[] velocity;
    private final double[] incoming;
    private final double[] normal;

    /**
     * @param active the kinds this run uses, with positive weights in {@code settings}
     */
    WalkEngine(Potential potential, int[] numbers, NsSettings settings, List<MoveKind> active) {
        this.potential = potential;
        this.numbers = numbers;
        this.n = numbers.length;
        this.container = settings.container();
        this.periodic = container.periodic();
        this.pressure = settings.pressure();
        this.maxVolume = container instanceof Container.VariableCell v ? v.maxVolume() : container.volume();
        this.minAspect = container instanceof Container.VariableCell v ? v.minAspectRatio() : 0;
        this.galileanSteps = settings.moves().galileanSteps();
        this.hamiltonianSteps = settings.moves().hamiltonianSteps();
        this.kinetic = KineticPrior.of(numbers, settings.moves());
        this.mdSystem = kinetic == null ? null : new MdSystem(numbers, kinetic.masses(), new boolean[3 * numbers.length]);
        this.kinds = active.toArray(new MoveKind[0]);
        this.cumulative = new double[kinds.length];
        double sum = 0;
        for (int k = 0; k < kinds.length; k++) {
            sum += settings.moves().weight(kinds[k]);
            cumulative[k] = sum;
        }
        this.order = new int[n];
        this.trialX = new double[3 * n];
        this.trialX2 = new double[3 * n];
        this.velocity = new double[3 * n];
        this.incoming = new double[3 * n];
        this.normal = new double[3 * n];
    }

    /**
     * Walks {@code w} for a budget of steps under H &lt; hMax.
     *
     * @param w modified: ends at the walk's last configuration, with its exact energy
     * @param acc modified: the walk's attempts and acceptances are added
     */
    void walk(Walker w, double hMax, int steps, StepSizes sizes, SplittableRandom rng, Acceptance acc) {
        if (periodic) {
            w.wrap();
        }
        if (kinetic != null) {
            w.kinetic = kinetic.draw(w.v, hMax - w.energy - pressure * w.volume, rng);
        }
        boolean trackerCurrent = false;
        boolean exact = true;
        int budget = steps;
        while (budget > 0) {
            MoveKind k = pick(rng);
            switch (k) {
                case ATOM_SWEEP -> {
                    LocalMoves t = tracker(w);
                    if (t != null) {
                        if (!trackerCurrent) {
                            t.reset(w.x, w.cell(periodic), w.energy);
                            trackerCurrent = true;
                        }
                        exact &= !sweepLocal(t, w, hMax, sizes.get(k), rng, acc);
                    } else {
                        sweepFull(w, hMax, sizes.get(k), rng, acc);
                    }
                    budget--;
                }
                case GALILEAN -> {
                    if (galilean(w, hMax, sizes.get(k), rng, acc)) {
                        trackerCurrent = false;
                        exact = true;
                    }
                    budget -= galileanSteps;
                }
                case HAMILTONIAN -> {
                    if (hamiltonian(w, hMax, sizes.get(k), rng, acc)) {
                        trackerCurrent = false;
                        exact = true;
                    }
                    budget -= hamiltonianSteps;
                }
                case VOLUME, SHEAR, STRETCH -> {
                    if (cellMove(k, w, hMax, sizes.get(k), rng, acc)) {
                        trackerCurrent = false;
                        exact = true;
                    }
                    budget--;
                }
                case SWAP -> {
                    if (swap(w, hMax, rng, acc)) {
                        trackerCurrent = false;
                        exact = true;
                    }
                    budget--;
                }
            }
        }
        if (!exact) {
            // local updates carry rounding; records and culling use the configuration's own energy
            w.energy = energy(w.x, w.h);
        }
        w.updateEnthalpy(pressure);
    }

    private MoveKind pick(SplittableRandom rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        for (int k = 0; k < kinds.length - 1; k++) {
            if (u < cumulative[k]) {
                return kinds[k];
            }
        }
        return kinds[kinds.length - 1];
    }

    private LocalMoves tracker(Walker w) {
        if (!localTried) {
            localTried = true;
            if (potential instanceof LocalEnergy le) {
                Optional<LocalMoves> t = le.track(w.structure(numbers, periodic));
                tracker = t.orElse(null);
            }
        }
        return tracker;
    }

    /** One sweep with local energy changes; returns whether any move was accepted. */
    private boolean sweepLocal(LocalMoves t, Walker w, double hMax, double sigma, SplittableRandom rng, Acceptance acc) {
        shuffle(rng);
        double limit = hMax - pressure * w.volume - w.kinetic;
        double e = t.energy();
        double[] x = w.x;
        boolean moved = false;
        for (int idx = 0; idx < n; idx++) {
            int i = order[idx];
            double px = x[3 * i] + sigma * rng.nextGaussian();
            double py = x[3 * i + 1] + sigma * rng.nextGaussian();
            double pz = x[3 * i + 2] + sigma * rng.nextGaussian();
            boolean ok = false;
            if (container.holds(px, py, pz)) {
                double change = t.trial(i, px, py, pz);
                if (e + change < limit) {
                    t.accept();
                    e = t.energy();
                    x[3 * i] = px;
                    x[3 * i + 1] = py;
                    x[3 * i + 2] = pz;
                    ok = true;
                    moved = true;
                }
            }
            acc.count(MoveKind.ATOM_SWEEP, ok);
        }
        w.energy = e;
        return moved;
    }

    /** One sweep with a full evaluation per move (potentials without local energies). */
    private void sweepFull(Walker w, double hMax, double sigma, SplittableRandom rng, Acceptance acc) {
        shuffle(rng);
        double limit = hMax - pressure * w.volume - w.kinetic;
        double[] x = w.x;
        for (int idx = 0; idx < n; idx++) {
            int i = order[idx];
            double ox = x[3 * i];
            double oy = x[3 * i + 1];
            double oz = x[3 * i + 2];
            double px = ox + sigma * rng.nextGaussian();
            double py = oy + sigma * rng.nextGaussian();
            double pz = oz + sigma * rng.nextGaussian();
            boolean ok = false;
            if (container.holds(px, py, pz)) {
                x[3 * i] = px;
                x[3 * i + 1] = py;
                x[3 * i + 2] = pz;
                double e = energy(x, w.h);
                if (e < limit) {
                    w.energy = e;
                    ok = true;
                } else {
                    x[3 * i] = ox;
                    x[3 * i + 1] = oy;
                    x[3 * i + 2] = oz;
                }
            }
            acc.count(MoveKind.ATOM_SWEEP, ok);
        }
    }

    private void shuffle(SplittableRandom rng) {
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /**
     * One Galilean trajectory; returns whether the walker moved. Acceptance counts straight
     * steps (neither reflected nor reversed).
     */
    private boolean galilean(Walker w, double hMax, double sigma, SplittableRandom rng, Acceptance acc) {
        double norm = 0;
        for (int a = 0; a < 3 * n; a++) {
            velocity[a] = rng.nextGaussian();
            norm += velocity[a] * velocity[a];
        }
        double scale = sigma * Math.sqrt(n / norm);
        for (int a = 0; a < 3 * n; a++) {
            velocity[a] *= scale;
        }
        double limit = hMax - pressure * w.volume - w.kinetic;
        boolean moved = false;
        double[] x = w.x;
        for (int s = 0; s < galileanSteps; s++) {
            for (int a = 0; a < 3 * n; a++) {
                trialX[a] = x[a] + velocity[a];
            }
            double e1 = Double.NaN;
            double[] forces = null;
            boolean inside = inside(trialX);
            if (inside) {
                Result r = potential.compute(Structure.of(numbers, trialX, w.cell(periodic)), ENERGY_FORCES);
                e1 = r.energy();
                if (e1 < limit) {
                    System.arraycopy(trialX, 0, x, 0, 3 * n);
                    w.energy = e1;
                    moved = true;
                    acc.count(MoveKind.GALILEAN, true);
                    continue;
                }
                forces = r.forces();
            }
            acc.count(MoveKind.GALILEAN, false);
            // reflect off the constraint surface at the rejected point: the wall, or ∇H = −F
            if (inside) {
                System.arraycopy(forces, 0, normal, 0, 3 * n);
            } else {
                wallNormal(trialX);
            }
            double nn = 0;
            double vn = 0;
            for (int a = 0; a < 3 * n; a++) {
                nn += normal[a] * normal[a];
                vn += velocity[a] * normal[a];
            }
            System.arraycopy(velocity, 0, incoming, 0, 3 * n);
            boolean reflected = false;
            if (nn > 0 && Double.isFinite(nn) && Double.isFinite(vn)) {
                double c = 2 * vn / nn;
                for (int a = 0; a < 3 * n; a++) {
                    velocity[a] -= c * normal[a];
                    trialX2[a] = trialX[a] + velocity[a];
                }
                if (inside(trialX2)) {
                    double e2 = energy(trialX2, w.h);
                    if (e2 < limit) {
                        System.arraycopy(trialX2, 0, x, 0, 3 * n);
                        w.energy = e2;
                        moved = true;
                        reflected = true;
                    }
                }
            }
            if (!reflected) {
                for (int a = 0; a < 3 * n; a++) {
                    velocity[a] = -incoming[a];
                }
            }
        }
        return moved;
    }

    private boolean inside(double[] x) {
        if (periodic) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (!container.holds(x[3 * i], x[3 * i + 1], x[3 * i + 2])) {
                return false;
            }
        }
        return true;
    }

    /** The outward normal of the walls the atoms outside the container crossed (zero for the others). */
    private void wallNormal(double[] x) {
        for (int i = 0; i < n; i++) {
            double px = x[3 * i];
            double py = x[3 * i + 1];
            double pz = x[3 * i + 2];
            normal[3 * i] = 0;
            normal[3 * i + 1] = 0;
            normal[3 * i + 2] = 0;
            if (container.holds(px, py, pz)) {
                continue;
            }
            switch (container) {
                case Container.Sphere s -> {
                    double r = Math.sqrt(px * px + py * py + pz * pz);
                    normal[3 * i] = px / r;
                    normal[3 * i + 1] = py / r;
                    normal[3 * i + 2] = pz / r;
                }
                case Container.Box b -> {
                    double[] edge = {b.a(), b.b(), b.c()};
                    for (int k = 0; k < 3; k++) {
                        double v = x[3 * i + k];
                        normal[3 * i + k] = v < 0 ? -1 : v > edge[k] ? 1 : 0;
                    }
                }
                default -> throw new IllegalStateException("periodic containers have no walls");
            }
        }
    }

    /** A volume, shear or stretch move; returns whether it was accepted. */
    private boolean cellMove(MoveKind k, Walker w, double hMax, double size, SplittableRandom rng, Acceptance acc) {
        System.arraycopy(w.h, 0, trialH, 0, 9);
        double newVolume;
        switch (k) {
            case VOLUME -> {
                newVolume = w.volume + size * n * rng.nextGaussian();
                if (!(newVolume > 0) || newVolume > maxVolume) {
                    acc.count(k, false);
                    return false;
                }
                // the positions' measure Vᴺ: accept a shrinking cell with (V'/V)ᴺ
                double ratio = newVolume / w.volume;
                if (ratio < 1 && rng.nextDouble() >= Math.exp(n * Math.log(ratio))) {
                    acc.count(k, false);
                    return false;
                }
                double s = Math.cbrt(ratio);
                for (int a = 0; a < 9; a++) {
                    trialH[a] *= s;
                }
            }
            case SHEAR -> {
                double scale = size * Math.cbrt(w.volume);
                CellGeometry.shear(trialH, rng.nextInt(3), scale * rng.nextGaussian(), scale * rng.nextGaussian());
                newVolume = CellGeometry.volume(trialH);
            }
            case STRETCH -> {
                int a = rng.nextInt(3);
                int b = (a + 1 + rng.nextInt(2)) % 3;
                CellGeometry.stretch(trialH, a, b, size * rng.nextGaussian());
                newVolume = CellGeometry.volume(trialH);
            }
            default -> throw new IllegalArgumentException(k + " is not a cell move");
        }
        if (k != MoveKind.VOLUME && CellGeometry.aspectRatio(trialH) < minAspect) {
            acc.count(k, false);
            return false;
        }
        System.arraycopy(w.x, 0, trialX, 0, 3 * n);
        CellGeometry.carry(trialX, w.h, trialH);
        double e = energy(trialX, trialH);
        boolean ok = e + pressure * newVolume + w.kinetic < hMax;
        if (ok) {
            System.arraycopy(trialX, 0, w.x, 0, 3 * n);
            System.arraycopy(trialH, 0, w.h, 0, 9);
            w.energy = e;
            w.volume = newVolume;
        }
        acc.count(k, ok);
        return ok;
    }

    /** Exchanges two atoms of different species; returns whether it was accepted. */
    private boolean swap(Walker w, double hMax, SplittableRandom rng, Acceptance acc) {
        int i = rng.nextInt(n);
        int others = 0;
        for (int j = 0; j < n; j++) {
            if (numbers[j] != numbers[i]) {
                others++;
            }
        }
        if (others == 0) {
            acc.count(MoveKind.SWAP, false);
            return false;
        }
        int pick = rng.nextInt(others);
        int j = 0;
        for (int c = -1; ; j++) {
            if (numbers[j] != numbers[i] && ++c == pick) {
                break;
            }
        }
        System.arraycopy(w.x, 0, trialX, 0, 3 * n);
        for (int k = 0; k < 3; k++) {
            trialX[3 * i + k] = w.x[3 * j + k];
            trialX[3 * j + k] = w.x[3 * i + k];
        }
        double e = energy(trialX, w.h);
        boolean ok = e + pressure * w.volume + w.kinetic < hMax;
        if (ok) {
            System.arraycopy(trialX, 0, w.x, 0, 3 * n);
            w.energy = e;
        }
        acc.count(MoveKind.SWAP, ok);
        return ok;
    }

    /**
     * One total-enthalpy Hamiltonian trajectory of time step {@code dt} fs; returns whether it
     * was accepted.
     */
    private boolean hamiltonian(Walker w, double hMax, double dt, SplittableRandom rng, Acceptance acc) {
        w.kinetic = kinetic.draw(w.v, hMax - w.energy - pressure * w.volume, rng);
        MdState start = MolecularDynamics.initialState(w.structure(numbers, periodic), w.v);
        // a thin skin: the list is built once per trajectory and the atoms move a fraction of an Å
        MolecularDynamics md = MolecularDynamics.create(potential, mdSystem, MdSettings.nve(dt, 0).withSkin(0.5),
                start, 1);
        try {
            md.run(hamiltonianSteps);
        } catch (IllegalStateException | IllegalArgumentException blownUp) {
            // a step too long for a close contact flings atoms off (non-finite, or hundreds of
            // cells away): the end point is simply not accepted
            acc.count(MoveKind.HAMILTONIAN, false);
            return false;
        }
        MdState end = md.state();
        requireMomentumConserved(end.velocities());
        double e = md.potentialEnergy();
        double k = kinetic.kinetic(end.velocities());
        // the end point must lie in the prior's support as well as under the limit: K ≤ K_max
        boolean ok = Double.isFinite(e) && k <= kinetic.cap() && inside(end.positions())
                && e + pressure * w.volume + k < hMax;
        if (ok) {
            System.arraycopy(end.positions(), 0, w.x, 0, 3 * n);
            System.arraycopy(end.velocities(), 0, w.v, 0, 3 * n);
            w.energy = e;
            w.kinetic = k;
        }
        acc.count(MoveKind.HAMILTONIAN, ok);
        return ok;
    }

    /**
     * The momenta's prior lives on the zero-total-momentum subspace, which the dynamics keeps
     * only when the forces sum to zero, as for every interatomic potential; an external field
     * would bias the sampling silently, so refuse it.
     */
    private void requireMomentumConserved(double[] v) {
        double[] m = kinetic.masses();
        double scale = 0;
        for (int k = 0; k < 3; k++) {
            double p = 0;
            for (int i = 0; i < n; i++) {
                p += m[i] * v[3 * i + k];
                scale += m[i] * Math.abs(v[3 * i + k]);
            }
            if (Math.abs(p) > 1e-8 * scale && Math.abs(p) > 1e-300) {
                throw new IllegalArgumentException("Hamiltonian moves need forces that sum to zero (a translation-"
                        + "invariant potential): " + potential.name() + " changed the total momentum");
            }
        }
    }

    /** The potential's energy of positions x in cell h (ignored for clusters), eV. */
    double energy(double[] x, double[] h) {
        Cell cell = periodic ? Cell.periodic(h) : Cell.NONE;
        return potential.compute(Structure.of(numbers, x, cell), ENERGY).energy();
    }
}
