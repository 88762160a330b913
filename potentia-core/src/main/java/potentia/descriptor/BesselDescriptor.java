package potentia.descriptor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import potentia.neighbour.NeighbourList;
import potentia.potential.Tally;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * The element-specific spherical Bessel descriptor of NeuralIL (Montes-Campos et al., J. Chem.
 * Inf. Model. 62 (2022) 88), built on the radial basis of Kocer, Mason and Erturk (J. Chem.
 * Phys. 150 (2019) 154102; see {@link RadialBasis}).
 *
 * <p>For centre i and species β, the neighbour density inside r_c is expanded as
 * c^β_{nlm}(i) = Σ_{j∈β, r_ij&lt;r_c} g_{n−l,l}(r_ij) Y_lm(r̂_ij) (0 ≤ l ≤ n ≤ n_max, real Y_lm,
 * every periodic image a separate neighbour, the centre itself excluded), and the features are
 * the rotation-invariant power spectrum p^{βγ}_{nl}(i) = Σ_m c^β_{nlm}(i) c^γ_{nlm}(i), β ≤ γ —
 * by the addition theorem equal to (2l+1)/(4π) Σ_{j∈β} Σ_{k∈γ} g(r_ij) g(r_ik) P_l(cos θ_jik).
 * Features are ordered as NeuralIL's: species pair (upper triangle of the species list,
 * row-major), then l, then n; there are S(S+1)/2 · (n_max+1)(n_max+2)/2 per atom. They do not
 * depend on the centre's own element, but every element met must be in the species list.
 *
 * <p>Cost is O(neighbours) per centre (the Y_lm route); radial functions come from a
 * {@link RadialTable} accurate to {@value #TABLE_TOLERANCE} relative unless built with
 * {@link #exact}. With tables, and when the JVM has the Vector API module, the loops run
 * vectorised ({@link #vectorised()}); otherwise, and for {@link #jacobian}, scalar loops do the
 * same work. Immutable and thread-safe; each call allocates its scratch once.
 */
public final class BesselDescriptor implements Descriptor {
    /** Relative accuracy of the default radial tables (see {@link RadialTable#accurate}). */
    public static final double TABLE_TOLERANCE = 1e-13;

    private final double cutoff;
    private final int nMax;
    private final List<Element> species;
    private final int[] indexOfZ;
    private final RadialFunctions radial;
    private final RealSphericalHarmonics harmonics;
    private final SpectrumLayout layout;
    private final SpectrumAlgebra algebra;
    private final List<String> labels;
    /** Whether features, backward and tangent run the Vector API kernel. */
    private final boolean vectorised;

    /** Whether the JVM was started with the incubating Vector API (--add-modules jdk.incubator.vector). */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private BesselDescriptor(BesselDescriptor d, boolean vectorised) {
        this.cutoff = d.cutoff;
        this.nMax = d.nMax;
        this.species = d.species;
        this.indexOfZ = d.indexOfZ;
        this.radial = d.radial;
        this.harmonics = d.harmonics;
        this.layout = d.layout;
        this.algebra = d.algebra;
        this.labels = d.labels;
        this.vectorised = vectorised;
    }

    private BesselDescriptor(RadialBasis basis, RadialFunctions radial, List<Element> species) {
        this.cutoff = basis.cutoff();
        this.nMax = basis.nMax();
        this.radial = radial;
        Objects.requireNonNull(species, "species");
        if (species.isEmpty()) {
            throw new IllegalArgumentException("spherical Bessel descriptor needs at least one species");
        }
        this.species = List.copyOf(species);
        this.indexOfZ = new int[Element.values().length + 1];
        Arrays.fill(indexOfZ, -1);
        for (int k = 0; k < this.species.size(); k++) {
            Element e = this.species.get(k);
            if (indexOfZ[e.number()] >= 0) {
                throw new IllegalArgumentException("species " + e + " listed twice in " + species);
            }
            indexOfZ[e.number()] = k;
        }
        this.harmonics = new RealSphericalHarmonics(nMax);
        this.layout = new SpectrumLayout(nMax, this.species.size());
        this.algebra = new SpectrumAlgebra(layout);
        this.vectorised = VECTOR_API && radial instanceof RadialTable t && t.degree() == BesselVectorKernel.DEGREE;
        List<String> l = new ArrayList<>(layout.featureCount);
        for (int b = 0; b < this.species.size(); b++) {
            for (int c = b; c < this.species.size(); c++) {
                for (int ll = 0; ll <= nMax; ll++) {
                    for (int n = ll; n <= nMax; n++) {
                        l.add(this.species.get(b) + "-" + this.species.get(c) + " l=" + ll + " n=" + n);
                    }
                }
            }
        }
        this.labels = List.copyOf(l);
    }

    /**
     * The descriptor with tabulated radial functions (the fast default).
     *
     * @param cutoff r_c, Å
     * @param nMax n_max, in [0, {@value RadialBasis#MAX_N}]
     * @param species distinct elements, in the order that defines the species pairs
     */
    public BesselDescriptor(double cutoff, int nMax, List<Element> species) {
        this(new RadialBasis(cutoff, nMax), species);
    }

    private BesselDescriptor(RadialBasis basis, List<Element> species) {
        this(basis, TABLES.computeIfAbsent(new TableKey(basis.cutoff(), basis.nMax()),
                key -> RadialTable.accurate(basis, TABLE_TOLERANCE)), species);
    }

    /** Radial tables are immutable and take tens of milliseconds to build: one per (r_c, n_max) per process. */
    private record TableKey(double cutoff, int nMax) {
    }

    private static final java.util.concurrent.ConcurrentHashMap<TableKey, RadialTable> TABLES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The descriptor evaluating its radial functions exactly from spherical Bessel functions:
     * slow (≈ 10× per neighbour), for reference.
     */
    public static BesselDescriptor exact(double cutoff, int nMax, List<Element> species) {
        RadialBasis basis = new RadialBasis(cutoff, nMax);
        return new BesselDescriptor(basis, basis, species);
    }

    /**
     * The same descriptor computed by the plain scalar loops (the reference the vectorised
     * kernel is tested against; same numbers up to rounding).
     */
    BesselDescriptor scalar() {
        return new BesselDescriptor(this, false);
    }

    /** Whether the Vector API kernel computes features, backward and tangent. */
    public boolean vectorised() {
        return vectorised;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    /** Largest radial order n_max. */
    public int nMax() {
        return nMax;
    }

    @Override
    public List<Element> species() {
        return species;
    }

    @Override
    public int featureCount() {
        return layout.featureCount;
    }

    @Override
    public List<String> featureLabels() {
        return labels;
    }

    /** The radial functions in use (a table, or the exact basis). */
    public RadialFunctions radialFunctions() {
        return radial;
    }

    /**
     * Index of feature p^{βγ}_{nl} in G_i.
     *
     * @param beta species index (in {@link #species()}), β ≤ γ
     * @param gamma species index
     * @param l 0 ≤ l ≤ n
     * @param n ≤ n_max
     */
    public int featureIndex(int beta, int gamma, int l, int n) {
        int s = species.size();
        if (beta < 0 || beta > gamma || gamma >= s || l < 0 || l > n || n > nMax) {
            throw new IllegalArgumentException("no feature (β " + beta + ", γ " + gamma + ", l " + l + ", n " + n
                    + ") with " + s + " species and n_max " + nMax);
        }
        return layout.pair(beta, gamma) * layout.radialCount + layout.radial(l, n - l);
    }

    @Override
    public void features(Structure s, NeighbourList neighbours, int from, int to, double[] out) {
        check(s, neighbours, from, to);
        checkLength("out", out, s.size());
        if (vectorised) {
            new BesselVectorKernel(this, s, neighbours, from, to).features(from, to, out);
        } else {
            new BesselKernel(this, s, neighbours, from, to).features(from, to, out);
        }
    }

    @Override
    public void backward(Structure s, NeighbourList neighbours, double[] dEdG, int from, int to, Tally tally) {
        backwardEach(s, neighbours, new double[][] {dEdG}, from, to, new Tally[] {tally});
    }

    /** {@inheritDoc} Radial functions, harmonics and coefficients are computed once for all K. */
    @Override
    public void backwardEach(Structure s, NeighbourList neighbours, double[][] dEdG, int from, int to,
            Tally[] tallies) {
        check(s, neighbours, from, to);
        if (dEdG.length != tallies.length) {
            throw new IllegalArgumentException(dEdG.length + " gradients but " + tallies.length + " tallies");
        }
        for (int k = 0; k < dEdG.length; k++) {
            checkLength("dEdG", dEdG[k], s.size());
            if (tallies[k].forces.length != 3 * s.size()) {
                throw new IllegalArgumentException("tally holds forces of " + tallies[k].forces.length / 3
                        + " atoms, structure has " + s.size());
            }
        }
        if (vectorised) {
            new BesselVectorKernel(this, s, neighbours, from, to).backward(dEdG, from, to, tallies);
        } else {
            new BesselKernel(this, s, neighbours, from, to).backward(dEdG, from, to, tallies);
        }
    }

    @Override
    public void tangent(Structure s, NeighbourList neighbours, double[] displacement, double[] strain, int from,
            int to, double[] out) {
        check(s, neighbours, from, to);
        checkLength("out", out, s.size());
        if (displacement != null && displacement.length != 3 * s.size()) {
            throw new IllegalArgumentException("displacement has length " + displacement.length + ", expected 3N = "
                    + 3 * s.size());
        }
        if (strain != null && strain.length != 9) {
            throw new IllegalArgumentException("strain must be 3×3 (9 numbers), got " + strain.length);
        }
        if (vectorised) {
            new BesselVectorKernel(this, s, neighbours, from, to).tangent(displacement, strain, from, to, out);
        } else {
            new BesselKernel(this, s, neighbours, from, to).tangent(displacement, strain, from, to, out);
        }
    }

    /**
     * The explicit sparse Jacobian of centre i's features: ∂G_i/∂d for every pair inside the
     * cutoff and ∂G_i/∂R_a for every atom G_i depends on. For tests and analysis; a force
     * field uses {@link #backward} and {@link #tangent}.
     *
     * @param neighbours a full list with cutoff ≥ {@link #cutoff()}
     */
    public CentreJacobian jacobian(Structure s, NeighbourList neighbours, int centre) {
        check(s, neighbours, centre, centre + 1);
        return new BesselKernel(this, s, neighbours, centre, centre + 1).jacobian(centre);
    }

    // package-private views for the kernel
    RadialFunctions radial() {
        return radial;
    }

    RealSphericalHarmonics harmonics() {
        return harmonics;
    }

    SpectrumLayout layout() {
        return layout;
    }

    SpectrumAlgebra algebra() {
        return algebra;
    }

    /** Species index of atomic number z, or −1. */
    int indexOfZ(int z) {
        return indexOfZ[z];
    }

    private void check(Structure s, NeighbourList neighbours, int from, int to) {
        if (!neighbours.full()) {
            throw new IllegalArgumentException("spherical Bessel descriptor needs a full neighbour list, got a half list");
        }
        if (neighbours.cutoff() < cutoff) {
            throw new IllegalArgumentException("neighbour list cutoff " + neighbours.cutoff()
                    + " Å is below the descriptor cutoff " + cutoff + " Å");
        }
        if (neighbours.atoms() != s.size()) {
            throw new IllegalArgumentException("neighbour list is for " + neighbours.atoms() + " atoms, structure has "
                    + s.size());
        }
        if (from < 0 || to > s.size() || from > to) {
            throw new IllegalArgumentException("centre range [" + from + ", " + to + ") outside [0, " + s.size() + ")");
        }
    }

    private void checkLength(String what, double[] a, int atoms) {
        if (a.length < (long) atoms * layout.featureCount) {
            throw new IllegalArgumentException(what + " has length " + a.length + ", needs N × featureCount = "
                    + atoms + " × " + layout.featureCount);
        }
    }

    @Override
    public String toString() {
        return "BesselDescriptor[r_c " + cutoff + " Å, n_max " + nMax + ", species " + species + ", "
                + layout.featureCount + " features]";
    }
}
