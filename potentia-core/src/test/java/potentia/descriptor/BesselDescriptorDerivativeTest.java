package potentia.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static potentia.descriptor.DescriptorFixtures.SPECIES;
import static potentia.descriptor.DescriptorFixtures.centralDifference;
import static potentia.descriptor.DescriptorFixtures.features;
import static potentia.descriptor.DescriptorFixtures.gaussian;
import static potentia.descriptor.DescriptorFixtures.maxAbs;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.neighbour.NeighbourList;
import potentia.parallel.ParallelTasks;
import potentia.potential.Tally;
import potentia.structure.Structure;

/**
 * Analytic derivatives of the descriptor (explicit Jacobian, vector–Jacobian and
 * Jacobian–vector products, virial) against central differences and against each other, on
 * random multi-species structures including tiny triclinic cells where atoms see their own
 * images. The neighbour list is built once with a skin and kept while atoms move, as in MD.
 */
class BesselDescriptorDerivativeTest {
    private static final double RC = 4.2;
    private static final int NMAX = 4;
    private static final double STEP = 1e-5;
    private static final double TOL = 1e-6;
    private final BesselDescriptor d = new BesselDescriptor(RC, NMAX, SPECIES);

    private static NeighbourList list(Structure s) {
        return NeighbourList.build(s, RC + 0.5, true);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void explicitJacobianMatchesCentralDifferences(long seed) {
        Structure s = DescriptorFixtures.random(seed);
        NeighbourList list = list(s);
        int nf = d.featureCount();
        for (int i = 0; i < s.size(); i += Math.max(1, s.size() / 3)) {
            CentreJacobian jac = d.jacobian(s, list, i);
            assertTrue(jac.pairCount() > 0, "centre " + i + " has neighbours");
            double scale = 0;
            for (int a = 0; a < s.size(); a++) {
                scale = Math.max(scale, maxAbs(jac.atomDerivatives(a)));
            }
            for (int a = 0; a < s.size(); a++) {
                double[] analytic = jac.atomDerivatives(a);
                for (int k = 0; k < 3; k++) {
                    double[] v = new double[3 * s.size()];
                    v[3 * a + k] = 1;
                    double[] fd = centralDifference(d, s, list, v, null, STEP);
                    for (int f = 0; f < nf; f++) {
                        assertEquals(fd[i * nf + f], analytic[f * 3 + k], TOL * scale,
                                "∂G_" + i + "[" + d.featureLabels().get(f) + "]/∂R_" + a + "[" + k + "], seed " + seed);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void backwardGivesTheForcesAndVirialOfCentralDifferences(long seed) {
        Structure s = DescriptorFixtures.random(seed);
        NeighbourList list = list(s);
        int n = s.size();
        double[] w = gaussian(new SplittableRandom(seed + 100), n * d.featureCount());
        Tally tally = new Tally(n, false);
        d.backward(s, list, w, 0, n, tally);
        // E = Σ_i w_i · G_i, so F = −∂E/∂R and ∂E/∂ε = −W
        double fScale = maxAbs(tally.forces);
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < 3; k++) {
                double[] v = new double[3 * n];
                v[3 * a + k] = 1;
                double dE = dot(w, centralDifference(d, s, list, v, null, STEP));
                assertEquals(-dE, tally.forces[3 * a + k], TOL * fScale, "force on " + a + "[" + k + "], seed " + seed);
            }
        }
        double wScale = maxAbs(tally.virial);
        for (int c = 0; c < 9; c++) {
            double[] strain = new double[9];
            strain[c] = 1;
            double dE = dot(w, centralDifference(d, s, list, null, strain, STEP));
            assertEquals(-dE, tally.virial[c], TOL * wScale, "virial component " + c + ", seed " + seed);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void tangentMatchesCentralDifferences(long seed) {
        Structure s = DescriptorFixtures.random(seed);
        NeighbourList list = list(s);
        SplittableRandom rng = new SplittableRandom(seed + 200);
        double[] v = gaussian(rng, 3 * s.size());
        double[] strain = gaussian(rng, 9);
        double[][] cases = {v, null, v};
        double[][] strains = {null, strain, strain};
        for (int c = 0; c < cases.length; c++) {
            double[] out = new double[s.size() * d.featureCount()];
            d.tangent(s, list, cases[c], strains[c], 0, s.size(), out);
            double[] fd = centralDifference(d, s, list, cases[c], strains[c], STEP);
            double scale = maxAbs(fd);
            for (int k = 0; k < out.length; k++) {
                assertEquals(fd[k], out[k], TOL * scale, "tangent case " + c + " entry " + k + ", seed " + seed);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void backwardIsTheAdjointOfTangentAndForcesSumToZero(long seed) {
        Structure s = DescriptorFixtures.random(seed);
        NeighbourList list = list(s);
        int n = s.size();
        SplittableRandom rng = new SplittableRandom(seed + 300);
        double[] w = gaussian(rng, n * d.featureCount());
        double[] v = gaussian(rng, 3 * n);
        double[] strain = gaussian(rng, 9);
        double[] jv = new double[n * d.featureCount()];
        d.tangent(s, list, v, strain, 0, n, jv);
        Tally tally = new Tally(n, false);
        d.backward(s, list, w, 0, n, tally);
        // ⟨w, J(v, ε)⟩ = Σ ∂E/∂d · (v_j − v_i + d ε) = −⟨F, v⟩ − ⟨W, ε⟩
        double lhs = dot(w, jv);
        double rhs = -dot(tally.forces, v) - dot(tally.virial, strain);
        assertEquals(lhs, rhs, 1e-11 * (Math.abs(lhs) + 1), "adjoint identity, seed " + seed);
        double[] total = new double[3];
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < 3; k++) {
                total[k] += tally.forces[3 * a + k];
            }
        }
        double fScale = maxAbs(tally.forces);
        for (int k = 0; k < 3; k++) {
            assertEquals(0, total[k], 1e-12 * fScale * n, "sum of forces, component " + k);
        }
        // the explicit Jacobian applied to v is the tangent without strain
        double[] jvOnly = new double[n * d.featureCount()];
        d.tangent(s, list, v, null, 0, n, jvOnly);
        int nf = d.featureCount();
        for (int i = 0; i < n; i++) {
            CentreJacobian jac = d.jacobian(s, list, i);
            for (int f = 0; f < nf; f++) {
                double sum = 0;
                for (int a : jac.atoms()) {
                    double[] block = jac.atomDerivatives(a);
                    sum += block[3 * f] * v[3 * a] + block[3 * f + 1] * v[3 * a + 1] + block[3 * f + 2] * v[3 * a + 2];
                }
                assertEquals(jvOnly[i * nf + f], sum, 1e-12 * (1 + Math.abs(sum)), "J·v at atom " + i + " feature " + f);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void rangesOnSeveralThreadsAgreeWithOneRange(long seed) {
        Structure base = DescriptorFixtures.random(seed);
        Structure s = base.repeat(2, 2, 2);
        NeighbourList list = list(s);
        int n = s.size();
        int nf = d.featureCount();
        SplittableRandom rng = new SplittableRandom(seed + 400);
        double[] w = gaussian(rng, n * nf);
        double[] v = gaussian(rng, 3 * n);
        double[] strain = gaussian(rng, 9);

        double[] one = features(d, s, list);
        double[] oneTangent = new double[n * nf];
        d.tangent(s, list, v, strain, 0, n, oneTangent);
        Tally oneTally = new Tally(n, false);
        d.backward(s, list, w, 0, n, oneTally);

        int tasks = 3;
        double[] many = new double[n * nf];
        double[] manyTangent = new double[n * nf];
        Tally[] tallies = new Tally[tasks];
        ParallelTasks.run(tasks, t -> {
            int from = ParallelTasks.chunkStart(n, tasks, t);
            int to = ParallelTasks.chunkStart(n, tasks, t + 1);
            d.features(s, list, from, to, many);
            d.tangent(s, list, v, strain, from, to, manyTangent);
            tallies[t] = new Tally(n, false);
            d.backward(s, list, w, from, to, tallies[t]);
        });
        assertArrayEquals(one, many, "features by ranges");
        assertArrayEquals(oneTangent, manyTangent, "tangent by ranges");
        double[] forces = new double[3 * n];
        double[] virial = new double[9];
        for (Tally t : tallies) {
            for (int k = 0; k < forces.length; k++) {
                forces[k] += t.forces[k];
            }
            for (int k = 0; k < 9; k++) {
                virial[k] += t.virial[k];
            }
        }
        assertArrayEquals(oneTally.forces, forces, 1e-12 * maxAbs(forces), "forces by ranges");
        assertArrayEquals(oneTally.virial, virial, 1e-12 * maxAbs(virial), "virial by ranges");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void backwardEachEqualsOneBackwardPerGradient(long seed) {
        Structure s = DescriptorFixtures.random(seed);
        NeighbourList list = list(s);
        int n = s.size();
        SplittableRandom rng = new SplittableRandom(seed + 500);
        double[][] w = new double[3][];
        for (int k = 0; k < w.length; k++) {
            w[k] = gaussian(rng, n * d.featureCount());
        }
        for (BesselDescriptor each : java.util.List.of(d, d.scalar())) {
            Tally[] together = {new Tally(n, false), new Tally(n, false), new Tally(n, false)};
            each.backwardEach(s, list, w, 0, n, together);
            for (int k = 0; k < w.length; k++) {
                Tally alone = new Tally(n, false);
                each.backward(s, list, w[k], 0, n, alone);
                assertArrayEquals(alone.forces, together[k].forces, "forces of gradient " + k);
                assertArrayEquals(alone.virial, together[k].virial, "virial of gradient " + k);
                assertTrue(maxAbs(alone.forces) > 0);
            }
        }
        // the interface's default (one backward per gradient) agrees with the shared-work override
        Descriptor plain = new Descriptor() {
            @Override
            public double cutoff() {
                return d.cutoff();
            }

            @Override
            public java.util.List<potentia.structure.Element> species() {
                return d.species();
            }

            @Override
            public int featureCount() {
                return d.featureCount();
            }

            @Override
            public java.util.List<String> featureLabels() {
                return d.featureLabels();
            }

            @Override
            public void features(Structure st, NeighbourList nl, int from, int to, double[] out) {
                d.features(st, nl, from, to, out);
            }

            @Override
            public void backward(Structure st, NeighbourList nl, double[] g, int from, int to, Tally tally) {
                d.backward(st, nl, g, from, to, tally);
            }

            @Override
            public void tangent(Structure st, NeighbourList nl, double[] v, double[] e, int from, int to, double[] out) {
                d.tangent(st, nl, v, e, from, to, out);
            }
        };
        Tally[] viaDefault = {new Tally(n, false), new Tally(n, false), new Tally(n, false)};
        Tally[] viaOverride = {new Tally(n, false), new Tally(n, false), new Tally(n, false)};
        plain.backwardEach(s, list, w, 0, n, viaDefault);
        d.backwardEach(s, list, w, 0, n, viaOverride);
        for (int k = 0; k < w.length; k++) {
            assertArrayEquals(viaOverride[k].forces, viaDefault[k].forces, "default backwardEach, gradient " + k);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
