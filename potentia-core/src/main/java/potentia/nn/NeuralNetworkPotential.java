package potentia.nn;

import java.util.EnumSet;
import java.util.Set;
import potentia.descriptor.Descriptor;
import potentia.neighbour.NeighbourList;
import potentia.parallel.ParallelTasks;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.potential.SpeciesIndex;
import potentia.potential.Tally;
import potentia.structure.Structure;

/**
 * A neural-network potential (Behler–Parrinello lineage; NeuralIL, J. Chem. Inf. Model. 62 (2022) 88):
 * E = Σ_i [ε_{s(i)}(z_i) + e0_{s(i)}] with z_i the standardised descriptor of atom i
 * ({@link NetworkModel}). Forces and stress are analytic: the networks' input gradients ∂E/∂G_i
 * go through the descriptor's vector–Jacobian product ({@link Descriptor#backward}), which yields
 * forces and the virial Σ d ⊗ f at once; nothing is differentiated numerically.
 *
 * <p>A committee of K members returns the members' mean energy, forces, stress and per-atom
 * energies, and their standard deviations (population, 1/K: the spread of the K predictions)
 * as {@link Property#ENERGY_STD}, {@link Property#FORCES_STD} (per component),
 * {@link Property#STRESS_STD} (per component; needs a cell volume) and {@link Property#ENERGIES_STD};
 * the deviations are offered when K ≥ 2. Descriptors are computed once for all members. When no
 * force or stress deviation is requested, the members' feature gradients are averaged before the
 * single back-propagation through the descriptor (it is linear), so a committee costs K network
 * passes but one descriptor backward; with deviations, the K back-propagations share the
 * descriptor's per-neighbour work ({@link Descriptor#backwardEach}).
 *
 * <p>Needs a full neighbour list. Immutable and thread-safe. {@link #withThreads} sets how many
 * threads one evaluation uses: centres are split into contiguous ranges, each range computes
 * descriptors, networks and back-propagation into its own accumulators, which are summed in range
 * order, so a given thread count always gives the same bits (energies do not depend on it at all).
 */
public final class NeuralNetworkPotential implements Potential {
    private static final Set<Property> BASIC =
            EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS, Property.ENERGIES);
    private static final Set<Property> SPREAD =
            EnumSet.of(Property.ENERGY_STD, Property.FORCES_STD, Property.STRESS_STD, Property.ENERGIES_STD);

    /** Default largest total of per-member gradient arrays kept at once for {@link Descriptor#backwardEach}. */
    private static final long SHARED_GRADIENT_BYTES = 256L << 20;

    private final NetworkModel model;
    private final SpeciesIndex species;
    private final String name;
    private final int threads;
    private final long sharedGradientBytes;

    private NeuralNetworkPotential(NetworkModel model, String name, int threads, long sharedGradientBytes) {
        this.model = model;
        this.species = new SpeciesIndex(model.species());
        this.name = name;
        this.threads = threads;
        this.sharedGradientBytes = sharedGradientBytes;
    }

    /** The potential of a model, serial. */
    public static NeuralNetworkPotential of(NetworkModel model) {
        String name = model.metadata().getOrDefault("name", "neural network " + model.species());
        return new NeuralNetworkPotential(model, name, 1, SHARED_GRADIENT_BYTES);
    }

    /** This potential evaluated with {@code n} threads (1 = serial). */
    public NeuralNetworkPotential withThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("thread count must be ≥ 1, got " + n);
        }
        return new NeuralNetworkPotential(model, name, n, sharedGradientBytes);
    }

    /** This potential under another display name. */
    public NeuralNetworkPotential withName(String newName) {
        return new NeuralNetworkPotential(model, newName, threads, sharedGradientBytes);
    }

    /** The potential of committee member k alone (same threads). */
    public NeuralNetworkPotential member(int k) {
        return new NeuralNetworkPotential(model.member(k), name + " member " + k, threads, sharedGradientBytes);
    }

    /** This potential with another memory limit for sharing descriptor work over members (tests use 0). */
    NeuralNetworkPotential withSharedGradientBytes(long bytes) {
        return new NeuralNetworkPotential(model, name, threads, bytes);
    }

    public NetworkModel model() {
        return model;
    }

    public int threads() {
        return threads;
    }

    @Override
    public String name() {
        int k = model.committeeSize();
        return k > 1 ? name + " (committee of " + k + ")" : name;
    }

    @Override
    public double cutoff() {
        return model.descriptor().cutoff();
    }

    @Override
    public boolean needsFullList() {
        return true;
    }

    @Override
    public Set<Property> supported() {
        EnumSet<Property> s = EnumSet.copyOf(BASIC);
        if (model.committeeSize() > 1) {
            s.addAll(SPREAD);
        }
        return s;
    }

    @Override
    public Result compute(Structure structure, NeighbourList neighbours, Set<Property> requested) {
        checkRequest(structure, neighbours, requested);
        int n = structure.size();
        int[] type = species.types(structure, name());
        int members = model.committeeSize();
        boolean wantGradient = requested.contains(Property.FORCES) || requested.contains(Property.STRESS)
                || requested.contains(Property.FORCES_STD) || requested.contains(Property.STRESS_STD);
        boolean perMember = members > 1
                && (requested.contains(Property.FORCES_STD) || requested.contains(Property.STRESS_STD));
        int tallies = perMember ? members : 1;
        Descriptor descriptor = model.descriptor();
        Standardisation scaling = model.standardisation();
        int f = descriptor.featureCount();
        double[] z = new double[n * f];
        // per-member spreads: one gradient array per member lets the descriptor share its
        // per-neighbour work over all members (backwardEach), unless that needs too much memory
        boolean together = perMember && (long) members * n * f * Double.BYTES <= sharedGradientBytes;
        double[][] gradients = new double[together ? members : 1][];
        if (wantGradient) {
            for (int k = 0; k < gradients.length; k++) {
                gradients[k] = new double[n * f];
            }
        }
        double[] meanGradient = wantGradient && !perMember && members > 1 ? new double[n * f] : null;
        double[][] energies = new double[members][n];
        int tasks = ParallelTasks.tasksFor(n, threads);
        Tally[][] parts = new Tally[tasks][tallies];
        ParallelTasks.run(tasks, t -> {
            int from = ParallelTasks.chunkStart(n, tasks, t);
            int to = ParallelTasks.chunkStart(n, tasks, t + 1);
            descriptor.features(structure, neighbours, from, to, z);
            scaling.apply(z, type, from, to);
            Tally[] mine = parts[t];
            for (int k = 0; k < tallies; k++) {
                mine[k] = new Tally(n, false);
            }
            for (int k = 0; k < members; k++) {
                double[] gradient = wantGradient ? gradients[together ? k : 0] : null;
                model.members().get(k).evaluate(z, type, from, to, energies[k], gradient);
                if (!wantGradient) {
                    continue;
                }
                scaling.scale(gradient, type, from, to);
                if (perMember && !together) {
                    descriptor.backward(structure, neighbours, gradient, from, to, mine[k]);
                } else if (meanGradient != null) {
                    accumulate(meanGradient, gradient, 1.0 / members, from * f, to * f);
                }
            }
            if (together) {
                descriptor.backwardEach(structure, neighbours, gradients, from, to, mine);
            } else if (wantGradient && !perMember) {
                descriptor.backward(structure, neighbours, meanGradient != null ? meanGradient : gradients[0], from,
                        to, mine[0]);
            }
        });
        double[] e0 = model.referenceEnergies();
        for (double[] ek : energies) {
            for (int i = 0; i < n; i++) {
                ek[i] += e0[type[i]];
            }
        }
        return assemble(structure, requested, energies, wantGradient ? parts : null, perMember);
    }

    private static void accumulate(double[] into, double[] from, double weight, int lo, int hi) {
        for (int k = lo; k < hi; k++) {
            into[k] += weight * from[k];
        }
    }

    /** Reduces per-task accumulators (parts[task][member]) in task order and forms means and deviations over members. */
    private Result assemble(Structure structure, Set<Property> requested, double[][] energies, Tally[][] parts,
            boolean perMember) {
        int n = structure.size();
        int members = energies.length;
        double volume = structure.cell().volume();
        Result.Builder b = Result.builder(n, volume);
        double[] memberEnergy = new double[members];
        for (int k = 0; k < members; k++) {
            double e = 0;
            for (int i = 0; i < n; i++) {
                e += energies[k][i];
            }
            memberEnergy[k] = e;
        }
        b.energy(mean(memberEnergy));
        b.energies(meanRows(energies));
        if (requested.contains(Property.ENERGY_STD)) {
            b.energyStd(std(memberEnergy));
        }
        if (requested.contains(Property.ENERGIES_STD)) {
            b.energiesStd(stdRows(energies));
        }
        if (parts == null) {
            return b.build();
        }
        int tallies = parts[0].length;
        double[][] forces = new double[tallies][];
        double[][] virials = new double[tallies][];
        for (int k = 0; k < tallies; k++) {
            forces[k] = parts[0][k].forces;
            virials[k] = parts[0][k].virial;
            for (int t = 1; t < parts.length; t++) {
                add(forces[k], parts[t][k].forces);
                add(virials[k], parts[t][k].virial);
            }
        }
        b.forces(meanRows(forces));
        b.virial(meanRows(virials));
        if (perMember && requested.contains(Property.FORCES_STD)) {
            b.forcesStd(stdRows(forces));
        }
        if (perMember && requested.contains(Property.STRESS_STD) && volume > 0) {
            double[] sd = stdRows(virials);
            for (int c = 0; c < 9; c++) {
                sd[c] /= volume; // σ = −W/V: the spread scales by 1/V
            }
            b.stressStd(sd);
        }
        return b.build();
    }

    private static void add(double[] into, double[] from) {
        for (int k = 0; k < into.length; k++) {
            into[k] += from[k];
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    private static double[] meanRows(double[][] rows) {
        if (rows.length == 1) {
            return rows[0];
        }
        double[] m = new double[rows[0].length];
        for (double[] r : rows) {
            add(m, r);
        }
        for (int c = 0; c < m.length; c++) {
            m[c] /= rows.length;
        }
        return m;
    }

    private static double[] stdRows(double[][] rows) {
        double[] m = meanRows(rows);
        double[] s = new double[m.length];
        for (double[] r : rows) {
            for (int c = 0; c < m.length; c++) {
                double d = r[c] - m[c];
                s[c] += d * d;
            }
        }
        for (int c = 0; c < s.length; c++) {
            s[c] = Math.sqrt(s[c] / rows.length);
        }
        return s;
    }

    @Override
    public String toString() {
        return name() + " " + model;
    }
}
