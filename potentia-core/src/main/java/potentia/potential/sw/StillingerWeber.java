package potentia.potential.sw;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import potentia.neighbour.NeighbourList;
import potentia.potential.LocalEnergy;
import potentia.potential.LocalMoves;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.potential.Tally;
import potentia.structure.Structure;

/**
 * The Stillinger-Weber potential (Phys. Rev. B 31, 5262 (1985)) with LAMMPS's
 * {@code pair_style sw} semantics, multi-element parameters included:
 * <pre>
 * E  = Σ_i Σ_{j&gt;i} φ₂(r_ij) + Σ_i Σ_{j≠i} Σ_{k&gt;j} φ₃(r_ij, r_ik, θ_jik)
 * φ₂ = A_ij ε_ij [B_ij (σ_ij/r)^p_ij − (σ_ij/r)^q_ij] exp(σ_ij / (r − a_ij σ_ij))
 * φ₃ = λ_ijk ε_ijk [cos θ_jik − cos θ₀_ijk]² exp(γ_ij σ_ij / (r_ij − a_ij σ_ij)) exp(γ_ik σ_ik / (r_ik − a_ik σ_ik))
 * </pre>
 * where the pair parameters of i–j come from the file's i-j-j entry and λ, ε, cos θ₀ of φ₃ from
 * its i-j-k entry; a leg i–j takes part only within that entry's (tol-shortened) cutoff. Each pair
 * term is evaluated once, by the atom LAMMPS picks (see {@link SwKernel#owns}), so a file whose
 * i-j-j and j-i-i two-body parameters differ gives LAMMPS's numbers for the same atom order.
 * Per-atom energies follow LAMMPS's {@code compute pe/atom}: half of each pair term to each
 * atom, a third of each three-body term to each of i, j, k.
 *
 * <p>Needs a full neighbour list. Immutable and thread-safe; {@link #withThreads} sets how many
 * threads one evaluation uses (static partition of centres, per-thread accumulators summed in a
 * fixed order; one thread is the serial reference path).
 */
public final class StillingerWeber implements Potential, LocalEnergy {
    private static final Set<Property> SUPPORTED =
            EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS, Property.ENERGIES);

    private final StillingerWeberParameters params;
    private final SwTables tables;
    private final int threads;

    private StillingerWeber(StillingerWeberParameters params, SwTables tables, int threads) {
        this.params = params;
        this.tables = tables;
        this.threads = threads;
    }

    /** The potential for a parameter set, serial. */
    public static StillingerWeber of(StillingerWeberParameters params) {
        return new StillingerWeber(params, new SwTables(params), 1);
    }

    /** Original silicon (Stillinger &amp; Weber 1985), serial. */
    public static StillingerWeber silicon() {
        return of(StillingerWeberParameters.silicon());
    }

    /** The potential of a LAMMPS {@code .sw} file ({@link StillingerWeberParameters#read(Path)}), serial. */
    public static StillingerWeber read(Path file) {
        return of(StillingerWeberParameters.read(file));
    }

    /** This potential evaluated with {@code n} threads (1 = the serial reference path). */
    public StillingerWeber withThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("thread count must be ≥ 1, got " + n);
        }
        return new StillingerWeber(params, tables, n);
    }

    /** Threads one evaluation uses. */
    public int threads() {
        return threads;
    }

    /** The parameters. */
    public StillingerWeberParameters parameters() {
        return params;
    }

    @Override
    public String name() {
        return "Stillinger-Weber (" + params.source() + ")";
    }

    @Override
    public double cutoff() {
        return params.cutoff();
    }

    @Override
    public boolean needsFullList() {
        return true;
    }

    @Override
    public Set<Property> supported() {
        return EnumSet.copyOf(SUPPORTED);
    }

    @Override
    public Result compute(Structure structure, NeighbourList neighbours, Set<Property> requested) {
        checkRequest(structure, neighbours, requested);
        int[] type = params.species().types(structure, name());
        double[] x = structure.positions();
        double[] h = structure.cell().matrix();
        return Tally.evaluate(structure.size(), threads, requested.contains(Property.ENERGIES),
                structure.cell().volume(),
                (from, to, tally) -> new SwKernel(tables, type, x, h, neighbours, from, to).run(from, to, tally));
    }

    /**
     * Single-atom moves with local updates, available when every triplet entry i-j-k has the
     * strength and angle of i-k-j (true of every physical parameter set; the full kernel, like
     * LAMMPS, would otherwise depend on the order of neighbours).
     */
    @Override
    public Optional<LocalMoves> track(Structure structure) {
        int[] type = params.species().types(structure, name());
        return legOrderFree() ? Optional.of(new SwLocalMoves(this, tables, type, structure)) : Optional.empty();
    }

    private boolean legOrderFree() {
        int n = tables.species;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    int a = (i * n + j) * n + k;
                    int b = (i * n + k) * n + j;
                    if (tables.lambdaEpsilon[a] != tables.lambdaEpsilon[b] || tables.cosTheta0[a] != tables.cosTheta0[b]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name() + " " + params.elements();
    }
}
