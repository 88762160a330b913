package potentia.potential.lj;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import potentia.neighbour.BruteForceNeighbours;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.FiniteDifference;
import potentia.testing.RandomStructures;
import potentia.testing.Symmetry;

class LennardJonesTest {
    private static final Set<Property> ALL =
            EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS, Property.ENERGIES);

    /** Ar and Kr (ε, σ roughly as in the literature), mixed, plus an explicit Ar–Ne pair and Ne itself. */
    static LennardJones argonKrypton(CutoffMode mode) {
        return LennardJones.builder()
                .species(Element.Ar, 0.0104, 3.40, 6.5)
                .species(Element.Kr, 0.0140, 3.65, 7.0)
                .species(Element.Ne, 0.0031, 2.75, 5.5)
                .pair(Element.Ar, Element.Ne, 0.0060, 3.0, 6.0)
                .cutoffMode(mode)
                .build();
    }

    static Stream<CutoffMode> modes() {
        return Stream.of(CutoffMode.truncated(), CutoffMode.shifted(), CutoffMode.smooth(0.8));
    }

    static Stream<Arguments> modesAndSeeds() {
        return modes().flatMap(m -> Stream.of(1, 2, 3).map(seed -> Arguments.of(m, seed)));
    }

    /** A small triclinic cell (edges 5–6 Å, below the 5.5–7 Å cutoffs): atoms see their own images. */
    static Structure smallCell(long seed) {
        var rng = new SplittableRandom(seed);
        Cell cell = RandomStructures.randomCell(rng, 5.0, 6.0, 0.2, new boolean[] {true, true, true});
        return RandomStructures.randomAtoms(rng, cell, 4, List.of(Element.Ar, Element.Kr, Element.Ne), 2.6);
    }

    static Structure cluster(long seed) {
        var rng = new SplittableRandom(seed);
        Cell box = RandomStructures.randomCell(rng, 8, 9, 0.0, new boolean[] {false, false, false});
        Structure s = RandomStructures.randomAtoms(rng, box, 8, List.of(Element.Ar, Element.Kr, Element.Ne), 3.0);
        return Structure.of(s.atomicNumbers(), s.positions(), Cell.NONE);
    }

    @ParameterizedTest
    @MethodSource("modesAndSeeds")
    void forcesAndStressMatchCentralDifferencesInSmallTriclinicCells(CutoffMode mode, int seed) {
        LennardJones lj = argonKrypton(mode);
        Structure s = smallCell(seed);
        FiniteDifference.assertForces(lj, s, 1e-5, 1e-7, 1e-9);
        FiniteDifference.assertStress(lj, s, 1e-6, 1e-7, 1e-9);
    }

    @ParameterizedTest
    @MethodSource("modesAndSeeds")
    void clusterForcesAndVirialMatchCentralDifferences(CutoffMode mode, int seed) {
        LennardJones lj = argonKrypton(mode);
        Structure s = cluster(seed);
        FiniteDifference.assertForces(lj, s, 1e-5, 1e-7, 1e-9);
        FiniteDifference.assertStress(lj, s, 1e-6, 1e-7, 1e-9);
        assertTrue(!lj.compute(s).hasStress(), "a cluster has a virial but no stress");
    }

    @ParameterizedTest
    @MethodSource("modes")
    void energyIsTheDirectSumOverPairsAndImages(CutoffMode mode) {
        LennardJones lj = argonKrypton(mode);
        Structure s = smallCell(11);
        assertEquals(directEnergy(lj, s), lj.compute(s).energy(), 1e-12 * Math.abs(directEnergy(lj, s)));
    }

    /** The obviously-right O(N²·images) sum, with the cutoff modes written out again. */
    static double directEnergy(LennardJones lj, Structure s) {
        double[] h = s.cell().matrix();
        int reach = 3;
        double e = 0;
        for (int i = 0; i < s.size(); i++) {
            for (int j = 0; j < s.size(); j++) {
                LjParameters p = lj.parameters(s.element(i), s.element(j));
                for (int a = -reach; a <= reach; a++) {
                    for (int b = -reach; b <= reach; b++) {
                        for (int c = -reach; c <= reach; c++) {
                            if (i == j && a == 0 && b == 0 && c == 0) {
                                continue;
                            }
                            double r2 = 0;
                            for (int k = 0; k < 3; k++) {
                                double d = s.position(j, k) - s.position(i, k) + a * h[k] + b * h[3 + k] + c * h[6 + k];
                                r2 += d * d;
                            }
                            double r = Math.sqrt(r2);
                            e += 0.5 * pairEnergy(p, lj.cutoffMode(), r);
                        }
                    }
                }
            }
        }
        return e;
    }

    static double pairEnergy(LjParameters p, CutoffMode mode, double r) {
        double rc = p.cutoff();
        if (r >= rc) {
            return 0;
        }
        double u = 4 * p.epsilon() * (Math.pow(p.sigma() / r, 12) - Math.pow(p.sigma() / r, 6));
        return switch (mode) {
            case CutoffMode.Truncated t -> u;
            case CutoffMode.Shifted sh -> u - 4 * p.epsilon() * (Math.pow(p.sigma() / rc, 12) - Math.pow(p.sigma() / rc, 6));
            case CutoffMode.Smooth sm -> {
                double on = sm.onFraction() * rc;
                if (r <= on) {
                    yield u;
                }
                double t = (r - on) / (rc - on);
                yield u * (1 - 10 * t * t * t + 15 * t * t * t * t - 6 * t * t * t * t * t);
            }
        };
    }

    @Test
    void dimerAtTheMinimumHasEnergyMinusEpsilonAndNoForce() {
        LennardJones lj = LennardJones.of(Element.Ar, 0.0104, 3.40, 8.0, CutoffMode.truncated());
        double r0 = Math.pow(2, 1.0 / 6) * 3.40;
        Structure dimer = Structure.of(List.of(Element.Ar, Element.Ar), new double[] {0, 0, 0, r0, 0, 0}, Cell.NONE);
        Result r = lj.compute(dimer);
        assertEquals(-0.0104, r.energy(), 1e-15);
        assertEquals(0, r.force(0, 0), 1e-15);
        assertArrayEquals(new double[] {-0.0052, -0.0052}, r.energies(), 1e-15);
    }

    @Test
    void forcesSumToZeroAndPerAtomEnergiesSumToTheEnergy() {
        for (CutoffMode mode : modes().toList()) {
            Result r = argonKrypton(mode).compute(smallCell(5), ALL);
            double[] f = r.forces();
            for (int k = 0; k < 3; k++) {
                double sum = 0;
                double scale = 0;
                for (int i = k; i < f.length; i += 3) {
                    sum += f[i];
                    scale += Math.abs(f[i]);
                }
                assertEquals(0, sum, 1e-13 * scale, "force sum, component " + k);
            }
            double total = 0;
            for (double e : r.energies()) {
                total += e;
            }
            assertEquals(r.energy(), total, 1e-14 * Math.abs(r.energy()) + 1e-16);
        }
    }

    @Test
    void invariantUnderRotationTranslationAndPermutation() {
        var rng = new SplittableRandom(21);
        LennardJones lj = argonKrypton(CutoffMode.smooth(0.8));
        Structure s = smallCell(7);
        Result r0 = lj.compute(s, ALL);
        double[] rot = Symmetry.randomRotation(rng);
        Result rr = lj.compute(Symmetry.rotate(s, rot), ALL);
        double tol = 1e-12 * Math.abs(r0.energy());
        assertEquals(r0.energy(), rr.energy(), tol);
        assertArrayEquals(Symmetry.rotateVectors(r0.forces(), rot), rr.forces(), 1e-12);
        assertArrayEquals(Symmetry.rotateTensor(r0.stress(), rot), rr.stress(), 1e-12);
        Result rt = lj.compute(Symmetry.translate(s, new double[] {0.3, -1.7, 2.9}), ALL);
        assertEquals(r0.energy(), rt.energy(), tol);
        assertArrayEquals(r0.forces(), rt.forces(), 1e-12);
        int[] perm = Symmetry.randomPermutation(rng, s.size());
        Result rp = lj.compute(Symmetry.permute(s, perm), ALL);
        assertEquals(r0.energy(), rp.energy(), tol);
        assertArrayEquals(Symmetry.permuteRows(r0.forces(), perm, 3), rp.forces(), 1e-12);
        assertArrayEquals(Symmetry.permuteRows(r0.energies(), perm, 1), rp.energies(), 1e-12);
    }

    @Test
    void smoothCutoffKeepsEnergyAndForceContinuousAcrossTheCutoff() {
        LennardJones smooth = LennardJones.of(Element.Ar, 0.0104, 3.40, 6.0, CutoffMode.smooth(0.8));
        LennardJones shifted = LennardJones.of(Element.Ar, 0.0104, 3.40, 6.0, CutoffMode.shifted());
        LennardJones truncated = LennardJones.of(Element.Ar, 0.0104, 3.40, 6.0, CutoffMode.truncated());
        double uc = new LjParameters(0.0104, 3.40, 6.0).energy(6.0);
        for (double delta : new double[] {1e-3, 1e-4}) {
            Result in = smooth.compute(dimer(6.0 - delta));
            Result out = smooth.compute(dimer(6.0 + delta));
            // S ≈ 10 s³ with s = δ/(r_c − r_on): E ~ δ³ and F ~ δ² just inside r_c
            double s = delta / 1.2;
            assertTrue(Math.abs(in.energy()) < 20 * Math.abs(uc) * s * s * s, "E " + in.energy());
            assertTrue(Math.abs(in.force(1, 0)) < 100 * Math.abs(uc) * s * s, "F " + in.force(1, 0));
            assertTrue(Math.abs(in.energy()) > 0, "still inside the cutoff");
            assertEquals(0, out.energy());
            assertEquals(0, out.force(1, 0));
            assertEquals(0, shifted.compute(dimer(6.0 - delta)).energy(), 2 * delta * 1e-3);
            // truncation jumps by u(r_c), as documented
            assertEquals(uc, truncated.compute(dimer(6.0 - delta)).energy(), 2 * delta * 1e-3);
        }
        // below r_on the switch changes nothing
        assertEquals(truncated.compute(dimer(4.0)).energy(), smooth.compute(dimer(4.0)).energy(), 0);
    }

    private static Structure dimer(double r) {
        return Structure.of(List.of(Element.Ar, Element.Ar), new double[] {0, 0, 0, r, 0, 0}, Cell.NONE);
    }

    @Test
    void lorentzBerthelotMixingUnlessThePairIsGiven() {
        LennardJones lj = argonKrypton(CutoffMode.shifted());
        LjParameters arKr = lj.parameters(Element.Ar, Element.Kr);
        assertEquals(Math.sqrt(0.0104 * 0.0140), arKr.epsilon(), 1e-16);
        assertEquals((3.40 + 3.65) / 2, arKr.sigma(), 1e-15);
        assertEquals((6.5 + 7.0) / 2, arKr.cutoff(), 1e-15);
        assertEquals(arKr, lj.parameters(Element.Kr, Element.Ar));
        assertEquals(new LjParameters(0.0060, 3.0, 6.0), lj.parameters(Element.Ne, Element.Ar));
        assertEquals(7.0, lj.cutoff());
    }

    @Test
    void clearErrorsForMissingParameters() {
        LennardJones lj = argonKrypton(CutoffMode.shifted());
        Structure xe = Structure.of(List.of(Element.Ar, Element.Xe), new double[] {0, 0, 0, 4, 0, 0}, Cell.NONE);
        var e = assertThrows(IllegalArgumentException.class, () -> lj.compute(xe));
        assertTrue(e.getMessage().contains("Xe"), e.getMessage());
        // Kr–Kr is neither given nor mixable (Kr has no own parameters)
        LennardJones noKrKr = LennardJones.builder()
                .species(Element.Ar, 0.0104, 3.40, 6.5)
                .pair(Element.Ar, Element.Kr, 0.01, 3.5, 7)
                .build();
        Structure arAr = Structure.of(List.of(Element.Ar, Element.Ar), new double[] {0, 0, 0, 4, 0, 0}, Cell.NONE);
        LjParameters ar = new LjParameters(0.0104, 3.40, 6.5);
        assertEquals(ar.energy(4) - ar.energy(6.5), noKrKr.compute(arAr).energy(), 1e-16);
        Structure arKr = Structure.of(List.of(Element.Ar, Element.Kr), new double[] {0, 0, 0, 4, 0, 0}, Cell.NONE);
        var m = assertThrows(IllegalArgumentException.class, () -> noKrKr.compute(arKr));
        assertTrue(m.getMessage().contains("Kr–Kr"), m.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LennardJones.of(Element.Ar, -1, 3.4, 6, CutoffMode.shifted()));
        assertThrows(IllegalArgumentException.class, () -> CutoffMode.smooth(1.0));
        var half = assertThrows(IllegalArgumentException.class,
                () -> lj.compute(arKr, BruteForceNeighbours.build(arKr, 3.0, false), ALL));
        assertTrue(half.getMessage().contains("cutoff"), half.getMessage());
    }

    @Test
    void listWithSkinOrFullListGivesTheSameResult() {
        LennardJones lj = argonKrypton(CutoffMode.smooth(0.8));
        Structure s = smallCell(8);
        Result exact = lj.compute(s, ALL);
        Result skin = lj.compute(s, BruteForceNeighbours.build(s, lj.cutoff() + 1.0, false), ALL);
        assertEquals(exact.energy(), skin.energy(), 1e-13 * Math.abs(exact.energy()));
        assertArrayEquals(exact.forces(), skin.forces(), 1e-13);
        assertArrayEquals(exact.virial(), skin.virial(), 1e-13);
        Result full = lj.compute(s, BruteForceNeighbours.build(s, lj.cutoff(), true), ALL);
        assertEquals(exact.energy(), full.energy(), 1e-13 * Math.abs(exact.energy()));
        assertArrayEquals(exact.forces(), full.forces(), 1e-13);
        assertArrayEquals(exact.virial(), full.virial(), 1e-13);
        assertArrayEquals(exact.energies(), full.energies(), 1e-13);
    }

    @Test
    void threadsAgreeWithTheSerialPathAndAreReproducible() {
        var rng = new SplittableRandom(4);
        Cell cell = RandomStructures.randomCell(rng, 14, 16, 0.1, new boolean[] {true, true, true});
        Structure s = RandomStructures.randomAtoms(rng, cell, 60, List.of(Element.Ar, Element.Kr), 2.8);
        LennardJones serial = argonKrypton(CutoffMode.smooth(0.8));
        Result r1 = serial.compute(s, ALL);
        for (int threads : new int[] {2, 3, 7}) {
            LennardJones par = serial.withThreads(threads);
            Result r = par.compute(s, ALL);
            assertAgree(r1, r, 1e-12);
            Result again = par.compute(s, ALL);
            assertEquals(r.energy(), again.energy(), 0.0, "same thread count, same bits");
            assertArrayEquals(r.forces(), again.forces(), 0.0);
        }
    }

    static void assertAgree(Result a, Result b, double rel) {
        assertEquals(a.energy(), b.energy(), rel * Math.abs(a.energy()));
        assertArrayEquals(a.forces(), b.forces(), rel * a.maxForce());
        double wmax = 0;
        for (double w : a.virial()) {
            wmax = Math.max(wmax, Math.abs(w));
        }
        assertArrayEquals(a.virial(), b.virial(), rel * wmax);
        assertArrayEquals(a.energies(), b.energies(), rel * Math.abs(a.energy()));
    }
}
