package potentia.potential;

import potentia.parallel.ParallelTasks;

/**
 * One worker's accumulators while a potential is evaluated: energy (eV), forces (eV/Å, 3N),
 * virial W = Σ d ⊗ f (eV, 3×3 row-major) and, on request, per-atom energies (eV, N).
 *
 * <p>Mutable, owned by one thread: each task of a parallel evaluation fills its own tally over
 * all atoms (many-body terms add to atoms outside the task's range), and {@link #reduce} sums
 * the tallies in task order, so a given thread count always gives the same bits.
 */
public final class Tally {
    /** Total energy, eV. */
    public double energy;
    /** Forces, eV/Å, 3N, atom-major. */
    public final double[] forces;
    /** Virial Σ d ⊗ f over interaction terms (d relative to the term's centre), eV, 3×3 row-major. */
    public final double[] virial = new double[9];
    /** Per-atom energies, eV, N; null when not requested. */
    public final double[] energies;

    /**
     * Zeroed accumulators.
     *
     * @param atoms number of atoms
     * @param withEnergies whether to keep per-atom energies
     */
    public Tally(int atoms, boolean withEnergies) {
        this.forces = new double[3 * atoms];
        this.energies = withEnergies ? new double[atoms] : null;
    }

    /** A kernel that adds the terms of centres [from, to) into a tally. */
    @FunctionalInterface
    public interface RangeKernel {
        void run(int from, int to, Tally into);
    }

    /**
     * Runs {@code kernel} over the atoms split into contiguous ranges, one tally per range on up to
     * {@code threads} threads, and reduces the tallies in range order: the evaluation scaffold
     * every force-field kernel shares.
     *
     * @param atoms number of atoms
     * @param volume cell volume, Å³ (0 for a cluster)
     */
    public static Result evaluate(int atoms, int threads, boolean withEnergies, double volume, RangeKernel kernel) {
        int tasks = ParallelTasks.tasksFor(atoms, threads);
        Tally[] parts = new Tally[tasks];
        ParallelTasks.run(tasks, t -> {
            Tally tally = new Tally(atoms, withEnergies);
            kernel.run(ParallelTasks.chunkStart(atoms, tasks, t), ParallelTasks.chunkStart(atoms, tasks, t + 1), tally);
            parts[t] = tally;
        });
        return reduce(parts, volume);
    }

    /**
     * Sums tallies in array order (the fixed order that makes parallel results reproducible)
     * into a result holding energy, forces and virial, plus per-atom energies when the tallies
     * kept them.
     *
     * @param parts at least one tally, all for the same number of atoms (the first is modified)
     * @param volume cell volume, Å³ (0 for a cluster)
     */
    public static Result reduce(Tally[] parts, double volume) {
        Tally sum = parts[0];
        for (int t = 1; t < parts.length; t++) {
            Tally p = parts[t];
            sum.energy += p.energy;
            add(sum.forces, p.forces);
            add(sum.virial, p.virial);
            if (sum.energies != null) {
                add(sum.energies, p.energies);
            }
        }
        Result.Builder b = Result.builder(sum.forces.length / 3, volume)
                .energy(sum.energy)
                .forces(sum.forces)
                .virial(sum.virial);
        if (sum.energies != null) {
            b.energies(sum.energies);
        }
        return b.build();
    }

    private static void add(double[] into, double[] from) {
        for (int k = 0; k < into.length; k++) {
            into[k] += from[k];
        }
    }
}
