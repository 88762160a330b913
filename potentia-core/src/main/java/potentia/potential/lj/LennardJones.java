package potentia.potential.lj;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import potentia.neighbour.NeighbourList;
import potentia.potential.LocalEnergy;
import potentia.potential.LocalMoves;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.potential.SpeciesIndex;
import potentia.potential.Tally;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * The Lennard-Jones pair potential, E = Σ_{pairs, r &lt; r_c} u_ab(r) with
 * u(r) = 4ε[(σ/r)¹² − (σ/r)⁶] and parameters per species pair, brought to zero at each pair's
 * cutoff as its {@link CutoffMode} says. Pairs without explicit parameters take
 * Lorentz–Berthelot mixing of the two species' own ({@link LjParameters#lorentzBerthelot}).
 *
 * <p>Uses a half neighbour list (given a full one, it takes each pair once). Per-atom energies split each pair energy half to each atom.
 * Immutable and thread-safe; {@link #withThreads} sets how many threads one evaluation uses
 * (static partition of atoms, per-thread accumulators summed in a fixed order: results depend
 * on the thread count only by rounding, and are reproducible for a given count).
 */
public final class LennardJones implements Potential, LocalEnergy {
    private static final Set<Property> SUPPORTED =
            EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS, Property.ENERGIES);

    private final SpeciesIndex species;
    /** n×n, row-major by species index; null where no parameters were given or mixed. */
    private final LjParameters[] pairs;
    private final CutoffMode mode;
    private final int threads;
    private final LjKernel.Tables tables;
    private final double cutoff;

    private LennardJones(SpeciesIndex species, LjParameters[] pairs, CutoffMode mode, int threads) {
        this.species = species;
        this.pairs = pairs;
        this.mode = mode;
        this.threads = threads;
        this.tables = LjKernel.Tables.of(species.size(), pairs, mode);
        double c = 0;
        for (LjParameters p : pairs) {
            if (p != null) {
                c = Math.max(c, p.cutoff());
            }
        }
        this.cutoff = c;
    }

    /** A single-species potential. */
    public static LennardJones of(Element element, double epsilon, double sigma, double cutoff, CutoffMode mode) {
        return builder().species(element, epsilon, sigma, cutoff).cutoffMode(mode).build();
    }

    /** Starts a multi-species potential (default cutoff mode: {@link CutoffMode.Shifted}). */
    public static Builder builder() {
        return new Builder();
    }

    /** This potential evaluated with {@code n} threads (1 = the serial reference path). */
    public LennardJones withThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("thread count must be ≥ 1, got " + n);
        }
        return new LennardJones(species, pairs, mode, n);
    }

    /** Threads one evaluation uses. */
    public int threads() {
        return threads;
    }

    /** The cutoff mode. */
    public CutoffMode cutoffMode() {
        return mode;
    }

    /** The elements with parameters, in index order. */
    public List<Element> elements() {
        return species.elements();
    }

    /**
     * The parameters used for the pair a–b (given or mixed).
     *
     * @throws IllegalArgumentException when there are none
     */
    public LjParameters parameters(Element a, Element b) {
        int ia = species.indexOf(a);
        int ib = species.indexOf(b);
        LjParameters p = ia < 0 || ib < 0 ? null : pairs[ia * species.size() + ib];
        if (p == null) {
            throw new IllegalArgumentException(missing(a, b));
        }
        return p;
    }

    @Override
    public String name() {
        String m = switch (mode) {
            case CutoffMode.Truncated t -> "truncated";
            case CutoffMode.Shifted s -> "shifted";
            case CutoffMode.Smooth s -> "smooth from " + s.onFraction() + "·r_c";
        };
        return "Lennard-Jones (" + m + ")";
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public boolean needsFullList() {
        return false;
    }

    @Override
    public Set<Property> supported() {
        return EnumSet.copyOf(SUPPORTED);
    }

    @Override
    public Result compute(Structure structure, NeighbourList neighbours, Set<Property> requested) {
        checkRequest(structure, neighbours, requested);
        int[] type = species.types(structure, name());
        checkPairs(type);
        double[] x = structure.positions();
        double[] h = structure.cell().matrix();
        return Tally.evaluate(structure.size(), threads, requested.contains(Property.ENERGIES),
                structure.cell().volume(),
                (from, to, tally) -> LjKernel.run(tables, type, x, h, neighbours, from, to, tally));
    }

    /** Single-atom moves with local updates: always available (a pair potential). */
    @Override
    public Optional<LocalMoves> track(Structure structure) {
        int[] type = species.types(structure, name());
        checkPairs(type);
        return Optional.of(new LjLocalMoves(this, tables, type, structure));
    }

    /** Refuses a structure containing a species pair without parameters, naming it. */
    private void checkPairs(int[] type) {
        int ns = species.size();
        boolean[] present = new boolean[ns];
        for (int t : type) {
            present[t] = true;
        }
        for (int a = 0; a < ns; a++) {
            for (int b = a; b < ns; b++) {
                if (present[a] && present[b] && pairs[a * ns + b] == null) {
                    throw new IllegalArgumentException(missing(species.elements().get(a), species.elements().get(b)));
                }
            }
        }
    }

    private static String missing(Element a, Element b) {
        return "Lennard-Jones has no parameters for the pair " + a + "–" + b
                + " (give both species' parameters for Lorentz–Berthelot mixing, or the pair itself)";
    }

    @Override
    public String toString() {
        return name() + " " + species.elements();
    }

    /** Collects species and pair parameters; pairs given explicitly override mixing. */
    public static final class Builder {
        private final Map<Element, LjParameters> single = new LinkedHashMap<>();
        private final Map<List<Element>, LjParameters> explicit = new LinkedHashMap<>();
        private final List<Element> order = new ArrayList<>();
        private CutoffMode mode = CutoffMode.shifted();

        private Builder() {
        }

        /** Parameters of one species (ε eV, σ Å, cutoff Å), used for its like pairs and for mixing. */
        public Builder species(Element e, double epsilon, double sigma, double cutoff) {
            single.put(e, new LjParameters(epsilon, sigma, cutoff));
            note(e);
            return this;
        }

        /** Parameters of the pair a–b (ε eV, σ Å, cutoff Å), overriding mixing (and a species' own for a = b). */
        public Builder pair(Element a, Element b, double epsilon, double sigma, double cutoff) {
            explicit.put(key(a, b), new LjParameters(epsilon, sigma, cutoff));
            note(a);
            note(b);
            return this;
        }

        /** How energies go to zero at the cutoff (default: shifted). */
        public Builder cutoffMode(CutoffMode m) {
            this.mode = Objects.requireNonNull(m, "cutoff mode");
            return this;
        }

        /** The potential, serial (one thread). */
        public LennardJones build() {
            if (order.isEmpty()) {
                throw new IllegalStateException("Lennard-Jones needs parameters for at least one species or pair");
            }
            int n = order.size();
            LjParameters[] table = new LjParameters[n * n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    Element ea = order.get(a);
                    Element eb = order.get(b);
                    LjParameters p = explicit.get(key(ea, eb));
                    if (p == null && single.containsKey(ea) && single.containsKey(eb)) {
                        p = a == b ? single.get(ea) : LjParameters.lorentzBerthelot(single.get(ea), single.get(eb));
                    }
                    table[a * n + b] = p;
                }
            }
            return new LennardJones(new SpeciesIndex(order), table, mode, 1);
        }

        private void note(Element e) {
            if (!order.contains(e)) {
                order.add(e);
            }
        }

        private static List<Element> key(Element a, Element b) {
            return a.ordinal() <= b.ordinal() ? List.of(a, b) : List.of(b, a);
        }
    }
}
