package potentia.potential.sw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.neighbour.BruteForceNeighbours;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.FiniteDifference;
import potentia.testing.RandomStructures;
import potentia.testing.Symmetry;

class StillingerWeberTest {
    static final Set<Property> ALL = EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS, Property.ENERGIES);

    static Path resource(String name) {
        try {
            return Path.of(StillingerWeberTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static StillingerWeber siGe() {
        return StillingerWeber.read(resource("SiGe_synthetic.sw"));
    }

    /**
     * A random triclinic cell: odd seeds give a tiny cell (edges 3.2–3.6 Å, 2 atoms) whose
     * lattice vectors are shorter than the cutoff, so atoms interact with their own images;
     * even seeds a larger one (edges 4.5–6 Å, 6 atoms), with more distinct triplets.
     */
    static Structure smallCell(long seed, List<Element> species) {
        var rng = new SplittableRandom(seed);
        boolean tiny = seed % 2 == 1;
        Cell cell = tiny
                ? RandomStructures.randomCell(rng, 3.2, 3.6, 0.15, new boolean[] {true, true, true})
                : RandomStructures.randomCell(rng, 4.5, 6.0, 0.2, new boolean[] {true, true, true});
        return RandomStructures.randomAtoms(rng, cell, tiny ? 2 : 6, species, 2.1);
    }

    /** Whether some atom of {@code s} is its own neighbour (through a periodic image) within {@code cutoff}. */
    static boolean seesOwnImages(Structure s, double cutoff) {
        var list = BruteForceNeighbours.build(s, cutoff, true);
        for (int i = 0; i < s.size(); i++) {
            for (int p = list.start(i); p < list.end(i); p++) {
                if (list.neighbour(p) == i) {
                    return true;
                }
            }
        }
        return false;
    }

    static Structure cluster(long seed, List<Element> species) {
        var rng = new SplittableRandom(seed);
        Cell box = RandomStructures.randomCell(rng, 5.5, 6.5, 0.0, new boolean[] {false, false, false});
        Structure s = RandomStructures.randomAtoms(rng, box, 10, species, 2.1);
        return Structure.of(s.atomicNumbers(), s.positions(), Cell.NONE);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void siliconForcesAndStressMatchCentralDifferences(int seed) {
        Structure s = smallCell(seed, List.of(Element.Si));
        assertEquals(seed % 2 == 1, seesOwnImages(s, StillingerWeber.silicon().cutoff()));
        FiniteDifference.assertForces(StillingerWeber.silicon(), s, 1e-5, 1e-7, 1e-9);
        FiniteDifference.assertStress(StillingerWeber.silicon(), s, 1e-6, 1e-7, 1e-9);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void siliconGermaniumForcesAndStressMatchCentralDifferences(int seed) {
        Structure s = smallCell(seed, List.of(Element.Si, Element.Ge));
        assertEquals(seed % 2 == 1, seesOwnImages(s, siGe().cutoff()));
        FiniteDifference.assertForces(siGe(), s, 1e-5, 1e-7, 1e-9);
        FiniteDifference.assertStress(siGe(), s, 1e-6, 1e-7, 1e-9);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void clusterForcesAndVirialMatchCentralDifferences(int seed) {
        Structure s = cluster(seed, List.of(Element.Si, Element.Ge));
        FiniteDifference.assertForces(siGe(), s, 1e-5, 1e-7, 1e-9);
        FiniteDifference.assertStress(siGe(), s, 1e-6, 1e-7, 1e-9);
        assertFalse(siGe().compute(s).hasStress(), "a cluster has a virial but no stress");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void energyAndPerAtomEnergiesMatchTheFormulaWrittenOut(int seed) {
        for (StillingerWeber sw : List.of(StillingerWeber.silicon(), siGe())) {
            List<Element> species = sw.parameters().elements();
            for (Structure s : List.of(smallCell(seed, species), cluster(seed, species))) {
                double[] ref = SwReference.energies(sw.parameters(), s);
                Result r = sw.compute(s, ALL);
                double tol = 1e-12 * Math.abs(ref[0]);
                assertEquals(ref[0], r.energy(), tol);
                double[] e = r.energies();
                for (int i = 0; i < s.size(); i++) {
                    assertEquals(ref[1 + i], e[i], tol, "atom " + i);
                }
            }
        }
    }

    @Test
    void forcesSumToZeroAndPerAtomEnergiesSumToTheEnergy() {
        Result r = siGe().compute(smallCell(9, List.of(Element.Si, Element.Ge)), ALL);
        double[] f = r.forces();
        for (int k = 0; k < 3; k++) {
            double sum = 0;
            for (int i = k; i < f.length; i += 3) {
                sum += f[i];
            }
            assertEquals(0, sum, 1e-12 * r.maxForce(), "force sum, component " + k);
        }
        double total = 0;
        for (double e : r.energies()) {
            total += e;
        }
        assertEquals(r.energy(), total, 1e-13 * Math.abs(r.energy()));
    }

    @Test
    void invariantUnderRotationTranslationAndPermutation() {
        var rng = new SplittableRandom(5);
        StillingerWeber sw = siGe();
        Structure s = smallCell(6, List.of(Element.Si, Element.Ge));
        Result r0 = sw.compute(s, ALL);
        double tol = 1e-12 * Math.abs(r0.energy());
        double ftol = 1e-12 * r0.maxForce();
        double[] rot = Symmetry.randomRotation(rng);
        Result rr = sw.compute(Symmetry.rotate(s, rot), ALL);
        assertEquals(r0.energy(), rr.energy(), tol);
        assertArrayEquals(Symmetry.rotateVectors(r0.forces(), rot), rr.forces(), ftol);
        assertArrayEquals(Symmetry.rotateTensor(r0.stress(), rot), rr.stress(), 1e-12);
        Result rt = sw.compute(Symmetry.translate(s, new double[] {-2.2, 0.7, 13.1}), ALL);
        assertEquals(r0.energy(), rt.energy(), tol);
        assertArrayEquals(r0.forces(), rt.forces(), ftol);
        int[] perm = Symmetry.randomPermutation(rng, s.size());
        Result rp = sw.compute(Symmetry.permute(s, perm), ALL);
        assertEquals(r0.energy(), rp.energy(), tol);
        assertArrayEquals(Symmetry.permuteRows(r0.forces(), perm, 3), rp.forces(), ftol);
        assertArrayEquals(Symmetry.permuteRows(r0.energies(), perm, 1), rp.energies(), tol);
    }

    /**
     * JAX-MD's published check (its energy_test.py): the 2-atom primitive diamond cell with
     * a = 5.428 Å, repeated 2×2×2 and 3×3×3, gives −4.336503155764325 eV/atom with JAX-MD's
     * default parameters, which are the original Si ones except ε = 2.16826 eV (LAMMPS's Si.sw
     * has 2.1683). 5.428 Å is not quite the SW minimum (5.4309 Å, below).
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void reproducesJaxMdsPublishedDiamondEnergy(int repeat) {
        SwTriplet si = StillingerWeberParameters.silicon().entry(Element.Si, Element.Si, Element.Si);
        SwTriplet jax = new SwTriplet(si.first(), si.second(), si.third(), 2.16826, si.sigma(), si.a(), si.lambda(),
                si.gamma(), si.cosTheta0(), si.bigA(), si.bigB(), si.p(), si.q(), si.tol());
        StillingerWeber sw = StillingerWeber.of(StillingerWeberParameters.of(List.of(jax), "JAX-MD"));
        double a = 5.428;
        double[] fcc = {0, a / 2, a / 2, a / 2, 0, a / 2, a / 2, a / 2, 0};
        double[] x = {0, 0, 0, a / 4, a / 4, a / 4};
        Structure prim = Structure.of(List.of(Element.Si, Element.Si), x, Cell.periodic(fcc)).repeat(repeat, repeat, repeat);
        assertEquals(-4.336503155764325, sw.compute(prim).energy() / prim.size(), 1e-12 * 4.34);
    }

    /**
     * In perfect diamond every angle is tetrahedral (no three-body energy) and second
     * neighbours lie beyond the cutoff, so E/atom = 2φ₂(r_nn); the SW pair term has its
     * minimum −ε at r = 2^{1/6}σ, so the minimum of E(a) is −2ε at a₀ = 4·2^{1/6}σ/√3 = 5.4309 Å,
     * where the stress vanishes. LAMMPS's 5.431 Å is that minimum rounded.
     */
    @Test
    void diamondSiliconAtTheSwMinimum() {
        StillingerWeber sw = StillingerWeber.silicon();
        SwTriplet si = sw.parameters().entry(Element.Si, Element.Si, Element.Si);
        double a0 = 4 * Math.pow(2, 1.0 / 6) * si.sigma() / Math.sqrt(3);
        assertEquals(5.4309, a0, 1e-4);
        Result r = sw.compute(RandomStructures.diamond(a0, 2));
        assertEquals(-2 * 2.1683, r.energy() / 64, 1e-8);
        assertEquals(2 * SwReference.phi2(si, a0 * Math.sqrt(3) / 4), r.energy() / 64, 1e-14);
        for (double s : r.stress()) {
            assertEquals(0, s, 1e-8);
        }
        assertEquals(0, r.maxForce(), 1e-12);
        double at5431 = sw.compute(RandomStructures.diamond(5.431, 2)).energy() / 64;
        assertEquals(2 * SwReference.phi2(si, 5.431 * Math.sqrt(3) / 4), at5431, 1e-14);
        assertTrue(at5431 > r.energy() / 64, "5.431 Å lies just above the minimum");
    }

    @Test
    void threadsAgreeWithTheSerialPathAndAreReproducible() {
        var rng = new SplittableRandom(12);
        Structure si = RandomStructures.rattle(RandomStructures.diamond(5.431, 3), rng, 0.1);
        Structure siGeCell = RandomStructures.randomAtoms(rng,
                RandomStructures.randomCell(rng, 11, 12, 0.15, new boolean[] {true, true, true}), 70,
                List.of(Element.Si, Element.Ge), 2.1);
        for (var c : List.of(new Object[] {StillingerWeber.silicon(), si}, new Object[] {siGe(), siGeCell})) {
            StillingerWeber serial = (StillingerWeber) c[0];
            Structure s = (Structure) c[1];
            Result r1 = serial.compute(s, ALL);
            for (int threads : new int[] {2, 3, 8}) {
                StillingerWeber par = serial.withThreads(threads);
                Result r = par.compute(s, ALL);
                assertAgree(r1, r, 1e-12);
                Result again = par.compute(s, ALL);
                assertEquals(r.energy(), again.energy(), 0.0, "same thread count, same bits");
                assertArrayEquals(r.forces(), again.forces(), 0.0);
                assertArrayEquals(r.virial(), again.virial(), 0.0);
            }
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

    @Test
    void listWithSkinGivesTheSameResult() {
        StillingerWeber sw = siGe();
        Structure s = smallCell(3, List.of(Element.Si, Element.Ge));
        Result exact = sw.compute(s, ALL);
        Result skin = sw.compute(s, BruteForceNeighbours.build(s, sw.cutoff() + 1.0, true), ALL);
        assertEquals(exact.energy(), skin.energy(), 1e-13 * Math.abs(exact.energy()));
        assertArrayEquals(exact.forces(), skin.forces(), 1e-12);
        assertArrayEquals(exact.virial(), skin.virial(), 1e-12);
    }

    @Test
    void clearErrors() {
        StillingerWeber sw = StillingerWeber.silicon();
        Structure sio = Structure.of(List.of(Element.Si, Element.O), new double[] {0, 0, 0, 2, 0, 0}, Cell.NONE);
        var e = assertThrows(IllegalArgumentException.class, () -> sw.compute(sio));
        assertTrue(e.getMessage().contains("element O"), e.getMessage());
        Structure si2 = Structure.of(List.of(Element.Si, Element.Si), new double[] {0, 0, 0, 2.3, 0, 0}, Cell.NONE);
        var half = assertThrows(IllegalArgumentException.class,
                () -> sw.compute(si2, BruteForceNeighbours.build(si2, 4.0, false), ALL));
        assertTrue(half.getMessage().contains("full"), half.getMessage());
        var shortList = assertThrows(IllegalArgumentException.class,
                () -> sw.compute(si2, BruteForceNeighbours.build(si2, 3.0, true), ALL));
        assertTrue(shortList.getMessage().contains("cutoff"), shortList.getMessage());
        var unsupported = assertThrows(IllegalArgumentException.class,
                () -> sw.compute(si2, EnumSet.of(Property.ENERGY_STD)));
        assertTrue(unsupported.getMessage().contains("energy_std"), unsupported.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sw.withThreads(0));
    }

    @Test
    void cutoffIsASigma() {
        assertEquals(1.80 * 2.0951, StillingerWeber.silicon().cutoff(), 1e-15);
        assertEquals(1.80 * 2.181, siGe().cutoff(), 1e-15);
        assertTrue(StillingerWeber.silicon().needsFullList());
    }
}
