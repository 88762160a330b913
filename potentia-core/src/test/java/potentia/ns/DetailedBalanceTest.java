package potentia.ns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.lj.CutoffMode;
import potentia.potential.lj.LennardJones;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * Every move leaves the prior restricted to H &lt; H_max invariant: long chains of one walker
 * under a fixed limit are compared, in ten equally likely bins, with independent draws from
 * the prior kept when below the limit (or with the exact distribution), on landscapes with
 * several basins. A move that broke detailed balance (a missing Vᴺ factor, a one-sided wall,
 * a biased reflection) would pile samples into some bins.
 */
class DetailedBalanceTest {
    /** χ² with 9 degrees of freedom exceeds this with probability 6·10⁻⁵. */
    private static final double CHI2_LIMIT = 35;
    private static final int STEPS = 30;

    /** E = Σ_i Σ_k cos(2π x_ik / L) + ½ cos(2π(x_0 − x_1)/L) with its forces: several basins. */
    static Potential cosines(double edge) {
        double q = 2 * Math.PI / edge;
        ToDoubleFunction<Structure> energy = s -> {
            double[] x = s.positions();
            double e = 0;
            for (double v : x) {
                e += Math.cos(q * v);
            }
            return e + 0.5 * Math.cos(q * (x[0] - x[3]));
        };
        return ToyPotentials.of("cosines", energy, s -> {
            double[] x = s.positions();
            double[] f = new double[x.length];
            for (int a = 0; a < x.length; a++) {
                f[a] = q * Math.sin(q * x[a]);
            }
            double c = 0.5 * q * Math.sin(q * (x[0] - x[3]));
            f[0] += c;
            f[3] -= c;
            return f;
        });
    }

    /**
     * E = Σ_{i<j} Σ_k cos(2π d_ijk / L) + ½ cos(2π(d_01x + d_01y)/L) with d_ij = x_i − x_j, and
     * its forces: several basins, and translation-invariant (the forces sum to zero), as
     * Hamiltonian moves require.
     */
    static Potential pairCosines(double edge) {
        double q = 2 * Math.PI / edge;
        ToDoubleFunction<Structure> energy = s -> {
            double[] x = s.positions();
            int n = x.length / 3;
            double e = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    for (int k = 0; k < 3; k++) {
                        e += Math.cos(q * (x[3 * i + k] - x[3 * j + k]));
                    }
                }
            }
            return e + 0.5 * Math.cos(q * (x[0] - x[3] + x[1] - x[4]));
        };
        return ToyPotentials.of("pair cosines", energy, s -> {
            double[] x = s.positions();
            int n = x.length / 3;
            double[] f = new double[x.length];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    for (int k = 0; k < 3; k++) {
                        double c = q * Math.sin(q * (x[3 * i + k] - x[3 * j + k]));
                        f[3 * i + k] += c;
                        f[3 * j + k] -= c;
                    }
                }
            }
            double c = 0.5 * q * Math.sin(q * (x[0] - x[3] + x[1] - x[4]));
            f[0] += c;
            f[1] += c;
            f[3] -= c;
            f[4] -= c;
            return f;
        });
    }

    enum AtomMoves { SINGLE_ATOM, GALILEAN }

    @ParameterizedTest
    @EnumSource(AtomMoves.class)
    void atomMovesInAPeriodicCell(AtomMoves kind) {
        double edge = 1;
        Container box = new Container.FixedCell(Cell.orthorhombic(edge, edge, edge));
        Potential p = cosines(edge);
        MoveKind k = kind == AtomMoves.SINGLE_ATOM ? MoveKind.ATOM_SWEEP : MoveKind.GALILEAN;
        StepSizes sizes = StepSizes.defaults().with(MoveKind.ATOM_SWEEP, 0.15).with(MoveKind.GALILEAN, 0.08);
        check(p, new int[] {18, 18}, box, new MoveMix(Map.of(k, 1.0), 3), sizes, -1.0,
                s -> p.compute(s, EnumSet.of(Property.ENERGY)).energy(), 4);
    }

    @ParameterizedTest
    @EnumSource(AtomMoves.class)
    void atomMovesInASphere(AtomMoves kind) {
        Container sphere = new Container.Sphere(1.0);
        Potential p = cosines(1.3);
        MoveKind k = kind == AtomMoves.SINGLE_ATOM ? MoveKind.ATOM_SWEEP : MoveKind.GALILEAN;
        StepSizes sizes = StepSizes.defaults().with(MoveKind.ATOM_SWEEP, 0.3).with(MoveKind.GALILEAN, 0.1);
        check(p, new int[] {18, 18}, sphere, new MoveMix(Map.of(k, 1.0), 3), sizes, 1.0,
                s -> s.position(0, 0) * s.position(0, 0) + s.position(0, 1) * s.position(0, 1)
                        + s.position(0, 2) * s.position(0, 2), 5);
    }

    @Test
    void galileanMovesInABox() {
        Container box = new Container.Box(1.0, 1.2, 0.9);
        Potential p = cosines(0.8);
        StepSizes sizes = StepSizes.defaults().with(MoveKind.GALILEAN, 0.1);
        check(p, new int[] {18, 18}, box, new MoveMix(Map.of(MoveKind.GALILEAN, 1.0), 3), sizes, 0.5,
                s -> s.position(1, 1), 6);
    }

    @Test
    void singleAtomMovesWithLocalLennardJonesEnergies() {
        double edge = 7;
        Container box = new Container.FixedCell(Cell.orthorhombic(edge, edge, edge));
        LennardJones lj = LennardJones.of(Element.Ar, 0.0104, 3.4, 3.3, CutoffMode.shifted());
        check(lj, new int[] {18, 18, 18}, box, new MoveMix(Map.of(MoveKind.ATOM_SWEEP, 1.0), 1),
                StepSizes.defaults().with(MoveKind.ATOM_SWEEP, 1.5), 0.002, s -> distance(s, 0, 1), 7);
    }

    @Test
    void swapsWithSingleAtomMoves() {
        double edge = 1;
        double q = 2 * Math.PI / edge;
        Container box = new Container.FixedCell(Cell.orthorhombic(edge, edge, edge));
        // the energy depends on which species sits where: swaps change it
        Potential p = ToyPotentials.of("species cosines", s -> {
            double e = 0;
            for (int i = 0; i < s.size(); i++) {
                double w = s.atomicNumber(i) == 18 ? 1.0 : -0.6;
                e += w * (Math.cos(q * s.position(i, 0)) + Math.cos(q * s.position(i, 1)));
            }
            return e;
        });
        check(p, new int[] {18, 18, 36}, box,
                new MoveMix(Map.of(MoveKind.ATOM_SWEEP, 1.0, MoveKind.SWAP, 2.0), 1),
                StepSizes.defaults().with(MoveKind.ATOM_SWEEP, 0.05), 0.0,
                s -> s.position(2, 0) - Math.floor(s.position(2, 0)), 8);
    }

    enum HamiltonianStatistic { ENERGY, KINETIC, POSITION }

    /**
     * Total-enthalpy Hamiltonian moves (with the momenta redrawn at each walk and trajectory)
     * keep the joint prior of configuration and momenta under E + K &lt; H_max: the potential
     * energy, the kinetic energy and a coordinate all follow the rejection-sampled reference.
     */
    @ParameterizedTest
    @EnumSource(HamiltonianStatistic.class)
    void hamiltonianMovesInAPeriodicCell(HamiltonianStatistic stat) {
        double edge = 1;
        Container box = new Container.FixedCell(Cell.orthorhombic(edge, edge, edge));
        Potential p = pairCosines(edge);
        // K ≤ 3 k_B · 10⁴ K ≈ 2.6 eV: the cap binds for part of the walkers, not all
        MoveMix moves = new MoveMix(Map.of(MoveKind.HAMILTONIAN, 1.0), 3, 3, 1e4);
        StepSizes sizes = StepSizes.defaults().with(MoveKind.HAMILTONIAN, 4.0);
        checkWalker(p, new int[] {18, 18, 36}, box, moves, sizes, -2.0, hamiltonianStatistic(stat, box), 21);
    }

    @ParameterizedTest
    @EnumSource(HamiltonianStatistic.class)
    void hamiltonianMovesInASphere(HamiltonianStatistic stat) {
        Container sphere = new Container.Sphere(1.0);
        Potential p = pairCosines(1.3);
        // trajectories keep the centre of mass, which the walls make matter: atom moves shift it
        MoveMix moves = new MoveMix(Map.of(MoveKind.HAMILTONIAN, 1.0, MoveKind.ATOM_SWEEP, 1.0), 3, 3, 1e4);
        StepSizes sizes = StepSizes.defaults().with(MoveKind.HAMILTONIAN, 4.0).with(MoveKind.ATOM_SWEEP, 0.3);
        checkWalker(p, new int[] {18, 18, 36}, sphere, moves, sizes, 1.0, hamiltonianStatistic(stat, sphere), 22);
    }

    private static ToDoubleFunction<Walker> hamiltonianStatistic(HamiltonianStatistic stat, Container c) {
        return switch (stat) {
            case ENERGY -> w -> w.energy;
            case KINETIC -> w -> w.kinetic;
            case POSITION -> c.periodic() ? w -> (w.x[4] - w.x[1]) - Math.floor(w.x[4] - w.x[1]) : w -> w.x[4];
        };
    }

    /**
     * Runs a chain of walks of one walker under hMax and compares the statistic's distribution
     * with that of prior draws kept below hMax.
     */
    private static void check(Potential p, int[] numbers, Container c, MoveMix moves, StepSizes sizes, double hMax,
            ToDoubleFunction<Structure> statistic, long seed) {
        checkWalker(p, numbers, c, moves, sizes, hMax, w -> statistic.applyAsDouble(w.structure(numbers, c.periodic())),
                seed);
    }

    /**
     * The same with a statistic of the whole walker (its kinetic energy, say); with momenta the
     * prior is the configuration's times the {@link KineticPrior}'s, kept below hMax in E + K.
     */
    private static void checkWalker(Potential p, int[] numbers, Container c, MoveMix moves, StepSizes sizes,
            double hMax, ToDoubleFunction<Walker> statistic, long seed) {
        NsSettings s = NsSettings.builder(c).walkers(4).moves(moves).steps(sizes).seed(seed).build();
        WalkEngine engine = new WalkEngine(p, numbers, s, NestedSampling.activeMoves(s, numbers, p));
        InitialWalkers prior = new InitialWalkers(s, numbers);
        SplittableRandom rng = new SplittableRandom(seed);
        int draws = 20_000;
        double[] reference = new double[draws];
        Walker w = new Walker(numbers.length);
        Walker start = null;
        for (int k = 0; k < draws; ) {
            prior.draw(w, rng);
            w.energy = engine.energy(w.x, w.h);
            if (w.energy + w.kinetic < hMax) {
                reference[k++] = statistic.applyAsDouble(w);
                if (start == null) {
                    start = new Walker(numbers.length);
                    start.copyFrom(w);
                }
            }
        }
        Acceptance acc = new Acceptance();
        double[] chain = new double[4000];
        for (int k = 0; k < chain.length; k++) {
            engine.walk(start, hMax, STEPS, sizes, rng, acc);
            assertTrue(start.energy + start.kinetic < hMax, "walker left the allowed region");
            assertEquals(start.enthalpy, start.energy + start.kinetic, 1e-12, "enthalpy E + PV + K");
            chain[k] = statistic.applyAsDouble(start);
        }
        double chi2 = chiSquared(reference, chain);
        System.out.printf("%s %s: χ² = %.1f, acceptance %s%n", p.name(), moves.weights().keySet().stream()
                .filter(m -> moves.weight(m) > 0).toList(), chi2, acc.rates());
        assertTrue(chi2 < CHI2_LIMIT, "χ² = " + chi2 + " over 10 bins");
    }

    /** χ² of the chain against ten equally likely bins of the reference. */
    static double chiSquared(double[] reference, double[] chain) {
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        double[] edges = new double[9];
        for (int b = 1; b < 10; b++) {
            edges[b - 1] = sorted[b * sorted.length / 10];
        }
        int[] counts = new int[10];
        for (double v : chain) {
            int b = 0;
            while (b < 9 && v >= edges[b]) {
                b++;
            }
            counts[b]++;
        }
        double expected = chain.length / 10.0;
        double chi2 = 0;
        for (int n : counts) {
            chi2 += (n - expected) * (n - expected) / expected;
        }
        return chi2;
    }

    private static double distance(Structure s, int i, int j) {
        double[] h = s.cell().matrix();
        double r2 = 0;
        for (int k = 0; k < 3; k++) {
            double d = s.position(j, k) - s.position(i, k);
            d -= h[4 * k] * Math.rint(d / h[4 * k]);
            r2 += d * d;
        }
        return Math.sqrt(r2);
    }

    // --- cell moves ---

    enum CellMoves { VOLUME, VOLUME_SHEAR_STRETCH }

    /**
     * With no energy and H = PV, the cell moves must reproduce the volume prior Vᴺ, cut at
     * min(V_max, H_max/P): P(V ≤ v) = (v/V_c)^{N+1}.
     */
    @ParameterizedTest
    @EnumSource(CellMoves.class)
    void cellMovesPreserveTheVolumePrior(CellMoves kind) {
        int n = 3;
        double pressure = 1;
        for (double hMax : new double[] {6, Double.POSITIVE_INFINITY}) {
            double vMax = 10;
            Map<MoveKind, Double> w = kind == CellMoves.VOLUME ? Map.of(MoveKind.VOLUME, 1.0, MoveKind.ATOM_SWEEP, 0.01)
                    : Map.of(MoveKind.VOLUME, 1.0, MoveKind.SHEAR, 1.0, MoveKind.STRETCH, 1.0, MoveKind.ATOM_SWEEP, 0.01);
            Container c = new Container.VariableCell(vMax, 0.7);
            NsSettings s = NsSettings.builder(c).walkers(4).pressure(pressure).moves(new MoveMix(w, 1)).seed(3).build();
            Potential gas = ToyPotentials.idealGas();
            int[] numbers = {18, 18, 18};
            WalkEngine engine = new WalkEngine(gas, numbers, s, NestedSampling.activeMoves(s, numbers, gas));
            Walker walker = new Walker(n);
            new InitialWalkers(s, numbers).draw(walker, new SplittableRandom(1));
            double cap = Math.min(vMax, hMax / pressure);
            double scale = Math.cbrt(0.5 * cap / walker.volume);
            for (int a = 0; a < 9; a++) {
                walker.h[a] *= scale;
            }
            walker.volume = CellGeometry.volume(walker.h);
            StepSizes sizes = StepSizes.defaults().with(MoveKind.VOLUME, 0.8).with(MoveKind.SHEAR, 0.2)
                    .with(MoveKind.STRETCH, 0.2);
            SplittableRandom rng = new SplittableRandom(5);
            Acceptance acc = new Acceptance();
            int samples = 6000;
            double[] u = new double[samples];
            for (int k = 0; k < samples; k++) {
                engine.walk(walker, hMax, 8, sizes, rng, acc);
                assertTrue(CellGeometry.aspectRatio(walker.h) >= 0.7 - 1e-12);
                assertEquals(CellGeometry.volume(walker.h), walker.volume, 1e-9 * walker.volume);
                u[k] = Math.pow(walker.volume / cap, n + 1); // uniform on (0, 1) under the prior
            }
            double[] uniform = new double[20_000];
            for (int k = 0; k < uniform.length; k++) {
                uniform[k] = (k + 0.5) / uniform.length;
            }
            double chi2 = chiSquared(uniform, u);
            System.out.printf("cell moves %s, H_max %s: χ² = %.1f, acceptance %s%n", kind, hMax, chi2, acc.rates());
            assertTrue(chi2 < CHI2_LIMIT, "volume distribution: χ² = " + chi2);
        }
    }

    /** Shear and stretch are undone by their negated arguments, keep the volume and have unit Jacobian on d⁹h. */
    @Test
    void shapeMovesAreReversibleAndMeasurePreserving() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int trial = 0; trial < 20; trial++) {
            double[] h = new double[9];
            for (int a = 0; a < 9; a++) {
                h[a] = (a % 4 == 0 ? 3 : 0) + rng.nextDouble() - 0.5;
            }
            int axis = rng.nextInt(3);
            double t1 = rng.nextGaussian();
            double t2 = rng.nextGaussian();
            double delta = 0.3 * rng.nextGaussian();
            List<java.util.function.UnaryOperator<double[]>> moves = List.of(
                    m -> {
                        double[] c = m.clone();
                        CellGeometry.shear(c, axis, t1, t2);
                        return c;
                    },
                    m -> {
                        double[] c = m.clone();
                        CellGeometry.stretch(c, axis, (axis + 1) % 3, delta);
                        return c;
                    });
            List<java.util.function.UnaryOperator<double[]>> inverses = List.of(
                    m -> {
                        double[] c = m.clone();
                        CellGeometry.shear(c, axis, -t1, -t2);
                        return c;
                    },
                    m -> {
                        double[] c = m.clone();
                        CellGeometry.stretch(c, axis, (axis + 1) % 3, -delta);
                        return c;
                    });
            for (int m = 0; m < 2; m++) {
                double[] moved = moves.get(m).apply(h);
                assertEquals(CellGeometry.volume(h), CellGeometry.volume(moved), 1e-10 * CellGeometry.volume(h));
                double[] back = inverses.get(m).apply(moved);
                for (int a = 0; a < 9; a++) {
                    assertEquals(h[a], back[a], 1e-12, "move undone");
                }
                assertEquals(1.0, jacobian(moves.get(m), h), 1e-6, "Jacobian of move " + m);
            }
        }
    }

    /** det ∂h'/∂h by central differences. */
    private static double jacobian(java.util.function.UnaryOperator<double[]> f, double[] h) {
        double eps = 1e-6;
        double[][] j = new double[9][9];
        for (int c = 0; c < 9; c++) {
            double[] plus = h.clone();
            double[] minus = h.clone();
            plus[c] += eps;
            minus[c] -= eps;
            double[] fp = f.apply(plus);
            double[] fm = f.apply(minus);
            for (int r = 0; r < 9; r++) {
                j[r][c] = (fp[r] - fm[r]) / (2 * eps);
            }
        }
        return org.ejml.dense.row.CommonOps_DDRM.det(new org.ejml.data.DMatrixRMaj(j));
    }
}
