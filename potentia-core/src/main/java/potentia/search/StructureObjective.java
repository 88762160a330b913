package potentia.search;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import potentia.cmaes.Objective;
import potentia.neighbour.NeighbourList;
import potentia.neighbour.Overlaps;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.potential.ResultLabels;
import potentia.structure.InfoValue;
import potentia.structure.Structure;

/**
 * The fitness of a structure search: the degrees of freedom are the Cartesian coordinates of the
 * free atoms (x = (x₀, y₀, z₀, x₁, …) in the order of {@code free}, Å), the other atoms stay at
 * their founder positions; the fitness is the potential energy (eV), optionally after a local
 * relaxation, plus κ·σ_E when the potential is a committee that reports its energy spread
 * (keeping the search where the model is trustworthy). Candidates that overlap or explode get
 * the graded {@link Penalties} instead of an evaluation; nothing a candidate does throws.
 *
 * <p>Immutable and thread-safe when the potential and the relaxation are.
 */
public final class StructureObjective implements Objective {
    private final Structure founder;
    private final int[] free;
    private final double[] founderPositions;
    private final Potential potential;
    private final LocalRelaxation relaxation;
    private final Penalties penalties;
    private final double kappa;
    private final Set<Property> requested;

    /**
     * @param free indices of the atoms to move, ascending, at least one (not modified)
     * @param kappa weight κ of the committee's energy spread in the fitness (0: none)
     */
    public StructureObjective(Structure founder, int[] free, Potential potential, LocalRelaxation relaxation,
            Penalties penalties, double kappa) {
        if (free.length == 0) {
            throw new IllegalArgumentException("the search has no free atom");
        }
        for (int k = 0; k < free.length; k++) {
            if (free[k] < 0 || free[k] >= founder.size() || (k > 0 && free[k] <= free[k - 1])) {
                throw new IllegalArgumentException("free atoms must be distinct ascending indices below "
                        + founder.size());
            }
        }
        if (!(kappa >= 0) || Double.isInfinite(kappa)) {
            throw new IllegalArgumentException("κ must be ≥ 0, got " + kappa);
        }
        this.founder = founder;
        this.free = free.clone();
        this.founderPositions = founder.positions();
        this.potential = potential;
        this.relaxation = relaxation;
        this.penalties = penalties;
        this.kappa = kappa;
        EnumSet<Property> req = EnumSet.of(Property.ENERGY);
        if (potential.supported().contains(Property.ENERGY_STD)) {
            req.add(Property.ENERGY_STD);
        }
        this.requested = req;
    }

    /** Number of degrees of freedom, 3 × free atoms. */
    public int dimension() {
        return 3 * free.length;
    }

    /** The free atoms' indices, a fresh copy. */
    public int[] free() {
        return free.clone();
    }

    /** The founder structure. */
    public Structure founder() {
        return founder;
    }

    /** The potential. */
    public Potential potential() {
        return potential;
    }

    /** Whether the potential reports a committee spread (σ_E). */
    public boolean committee() {
        return requested.contains(Property.ENERGY_STD);
    }

    /** The founder's free coordinates: the initial mean of the search, 3k, Å. */
    public double[] founderCoordinates() {
        double[] x = new double[dimension()];
        for (int k = 0; k < free.length; k++) {
            System.arraycopy(founderPositions, 3 * free[k], x, 3 * k, 3);
        }
        return x;
    }

    /**
     * The founder with the free atoms at {@code x}.
     *
     * @param x 3k coordinates, Å (not modified)
     */
    public Structure structure(double[] x) {
        if (x.length != dimension()) {
            throw new IllegalArgumentException("expected " + dimension() + " coordinates, got " + x.length);
        }
        double[] pos = founderPositions.clone();
        for (int k = 0; k < free.length; k++) {
            System.arraycopy(x, 3 * k, pos, 3 * free[k], 3);
        }
        return founder.withPositions(pos);
    }

    @Override
    public double value(double[] x) {
        return evaluate(x).fitness();
    }

    /**
     * Evaluates (or penalises) the candidate {@code x} (3k, Å, not modified). With a relaxation, the
     * overlap check runs before it (on the sample) and after it (a potential with a hole can pull
     * atoms together), as does the displacement check; a relaxation that fails or throws makes the
     * candidate exploded.
     */
    public Candidate evaluate(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return exploded(founder, "a coordinate is not finite", 1);
            }
        }
        Structure s = structure(x);
        Candidate far = tooFar(s, 1);
        if (far != null) {
            return far;
        }
        LocalRelaxation.Relaxed relaxed;
        try {
            if (relaxation instanceof LocalRelaxation.None) {
                // one neighbour list serves the overlap check and the energy
                NeighbourList nl = NeighbourList.build(s, Math.max(potential.cutoff(), penalties.minDistance()),
                        potential.needsFullList());
                Candidate overlap = overlap(s, nl);
                if (overlap != null) {
                    return overlap;
                }
                relaxed = new LocalRelaxation.Relaxed(s, potential.compute(s, nl, requested));
            } else {
                Candidate overlap = overlap(s, 1);
                if (overlap != null) {
                    return overlap;
                }
                relaxed = relaxation.relax(s, free, potential, requested);
                if (!relaxed.ok()) {
                    return exploded(relaxed.structure(), relaxed.problem(), relaxed.evaluations());
                }
                Candidate after = overlap(relaxed.structure(), relaxed.evaluations());
                if (after == null) {
                    after = tooFar(relaxed.structure(), relaxed.evaluations());
                }
                if (after != null) {
                    return after;
                }
            }
        } catch (RuntimeException e) {
            return exploded(s, "evaluation failed: " + e.getMessage(), 1);
        }
        double energy = relaxed.result().energy();
        if (!Double.isFinite(energy) || energy >= Penalties.BASE) {
            return exploded(relaxed.structure(), "energy " + energy + " eV", relaxed.evaluations());
        }
        double std = relaxed.result().has(Property.ENERGY_STD) ? relaxed.result().energyStd() : Double.NaN;
        double fitness = energy + (kappa > 0 && Double.isFinite(std) ? kappa * std : 0);
        return new Candidate(Candidate.Status.OK, fitness, energy, std, relaxed.structure(), "", relaxed.evaluations());
    }

    /** An exploded candidate when a free atom of {@code s} is farther than allowed from its founder position, or null. */
    private Candidate tooFar(Structure s, long evaluations) {
        double max2 = penalties.maxDisplacement() * penalties.maxDisplacement();
        for (int i : free) {
            double d2 = 0;
            for (int c = 0; c < 3; c++) {
                double d = s.position(i, c) - founderPositions[3 * i + c];
                d2 += d * d;
            }
            if (!(d2 <= max2)) {
                return exploded(s, String.format(Locale.ROOT, "atom %d moved %.3g Å from its founder position", i,
                        Math.sqrt(d2)), evaluations);
            }
        }
        return null;
    }

    /** An overlap candidate when two atoms of {@code s} are closer than the minimum distance, or null. */
    private Candidate overlap(Structure s, long evaluations) {
        if (!(penalties.minDistance() > 0)) {
            return null;
        }
        Optional<Overlaps.Pair> close = Overlaps.closest(s, penalties.minDistance());
        return close.map(p -> overlapped(s, p, evaluations)).orElse(null);
    }

    /** The closest pair nearer than the minimum distance in {@code nl}, as an overlap candidate, or null. */
    private Candidate overlap(Structure s, NeighbourList nl) {
        if (!(penalties.minDistance() > 0)) {
            return null;
        }
        double[] x = s.positions();
        double[] h = s.cell().matrix();
        double[] d = new double[3];
        double min2 = penalties.minDistance() * penalties.minDistance();
        Overlaps.Pair best = null;
        for (int i = 0; i < nl.atoms(); i++) {
            for (int p = nl.start(i); p < nl.end(i); p++) {
                nl.separation(p, i, x, h, d);
                double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                if (r2 < min2 && (best == null || r2 < best.distance() * best.distance())) {
                    best = new Overlaps.Pair(i, nl.neighbour(p), Math.sqrt(r2));
                }
            }
        }
        return best == null ? null : overlapped(s, best, 1);
    }

    private Candidate overlapped(Structure s, Overlaps.Pair p, long evaluations) {
        return new Candidate(Candidate.Status.OVERLAP, penalties.overlap(p.distance()), Double.NaN, Double.NaN, s,
                String.format(Locale.ROOT, "atoms %d and %d are %.3g Å apart", p.i(), p.j(), p.distance()), evaluations);
    }

    private Candidate exploded(Structure s, String problem, long evaluations) {
        return new Candidate(Candidate.Status.EXPLODED, penalties.exploded(), Double.NaN, Double.NaN, s, problem,
                evaluations);
    }

    /**
     * The candidate's structure with everything the potential offers of energy, forces and their
     * committee spreads attached under ASE's keys, plus {@code forces_std_max} (the largest
     * per-atom norm of the force spread, eV/Å) for a committee and {@code search_status}.
     */
    public Structure labelled(Candidate c) {
        Structure s = c.structure().withInfo("search_status", new InfoValue.Text(c.status().name().toLowerCase(Locale.ROOT)));
        if (c.status() != Candidate.Status.OK) {
            return s;
        }
        EnumSet<Property> want = EnumSet.noneOf(Property.class);
        for (Property p : new Property[] {Property.ENERGY, Property.FORCES, Property.ENERGY_STD, Property.FORCES_STD}) {
            if (potential.supported().contains(p)) {
                want.add(p);
            }
        }
        Result r = potential.compute(c.structure(), want);
        Structure out = ResultLabels.attach(s, r);
        if (r.has(Property.FORCES_STD)) {
            out = out.withInfo("forces_std_max", new InfoValue.Real(maxNorm(r.forcesStd())));
        }
        return out;
    }

    /** The largest norm of the 3-vectors in {@code v} (3N, not modified). */
    static double maxNorm(double[] v) {
        double m = 0;
        for (int i = 0; i + 2 < v.length; i += 3) {
            m = Math.max(m, Math.sqrt(v[i] * v[i] + v[i + 1] * v[i + 1] + v[i + 2] * v[i + 2]));
        }
        return m;
    }
}
