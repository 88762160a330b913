package potentia.ehp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.phonon.FiniteDisplacements;
import potentia.phonon.HarmonicPhonons;
import potentia.phonon.Supercell;
import potentia.phonon.SupercellSymmetry;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

class EhpRunTest {
    private static final StillingerWeber SW = StillingerWeber.silicon();
    private static final Structure SI = Crystals.diamond(Element.Si, 5.431);

    private static EhpRun.Plan plan(long seed, int threads) {
        EhpSettings s = EhpSettings.defaults().withPairs(16).withMaxSteps(12).withThreads(threads);
        return new EhpRun.Plan(List.of(new EhpRun.Phase("Si", SI, new int[] {1, 1, 1})), new double[] {300, 900},
                new double[] {0}, false, true, s, seed, 0.01, true);
    }

    private static void assertSame(List<EhpPoint> a, List<EhpPoint> b) {
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            EhpPoint p = a.get(k);
            EhpPoint q = b.get(k);
            assertEquals(p.freeEnergy(), q.freeEnergy(), 0, "F of point " + k);
            assertEquals(p.freeEnergyError(), q.freeEnergyError(), 0);
            assertEquals(p.achievedPressure(), q.achievedPressure(), 0);
            assertArrayEquals(p.unitCell(), q.unitCell(), 0);
            assertArrayEquals(p.frequencies(), q.frequencies(), 0);
            assertEquals(p.evaluations(), q.evaluations());
            assertEquals(p.steps(), q.steps());
        }
    }

    @Test
    void resultsDependOnTheSeedButNotOnTheThreadCount() {
        List<EhpPoint> one = EhpRun.start(plan(3, 1), SW, Map.of(), null, 0).run(new EhpRun.Observer() { });
        List<EhpPoint> two = EhpRun.start(plan(3, 2), SW, Map.of(), null, 0).run(new EhpRun.Observer() { });
        assertSame(one, two);
        List<EhpPoint> other = EhpRun.start(plan(4, 2), SW, Map.of(), null, 0).run(new EhpRun.Observer() { });
        assertNotEquals(one.get(0).freeEnergy(), other.get(0).freeEnergy());
        // the statistics agree: the seeds' free energies are within their errors
        assertEquals(one.get(1).freeEnergy(), other.get(1).freeEnergy(),
                5 * Math.hypot(one.get(1).freeEnergyError(), other.get(1).freeEnergyError()) + 2e-4);
        // thermal expansion: the lattice grows with temperature
        assertTrue(one.get(1).lengths()[0] > one.get(0).lengths()[0]);
        assertTrue(one.get(0).lengths()[0] > 5.431);
    }

    @Test
    void aResumedRunEndsLikeTheUninterruptedOne(@TempDir Path dir) {
        List<EhpPoint> whole = EhpRun.start(plan(5, 2), SW, Map.of(), null, 0).run(new EhpRun.Observer() { });
        int total = whole.stream().mapToInt(EhpPoint::steps).sum();
        Path checkpoint = dir.resolve("checkpoint.bin");
        for (int stopAt : new int[] {1, total / 2 + 1, total - 1}) {
            EhpRun run = EhpRun.start(plan(5, 2), SW, Map.of("potential", "sw"), checkpoint, 0);
            int[] seen = {0};
            RuntimeException kill = new RuntimeException("killed");
            try {
                run.run(new EhpRun.Observer() {
                    @Override
                    public void step(int job, int phase, double t, double p, EhpStep s) {
                        if (++seen[0] == stopAt) {
                            throw kill;
                        }
                    }
                });
            } catch (RuntimeException e) {
                assertEquals(kill, e);
            }
            assertEquals(Map.of("potential", "sw"), EhpRun.metadata(checkpoint));
            EhpRun resumed = EhpRun.resume(checkpoint, SW, 0, 1);
            List<EhpPoint> rest = resumed.run(new EhpRun.Observer() { });
            assertSame(whole, rest);
        }
    }

    @Test
    void theGibbsFreeEnergyRisesWithPressureByTheVolume() {
        // dG/dP = V: between 0 and 2 GPa, ΔG = ∫V dP ≈ ½(V₀ + V₁)ΔP (V changes ~2 %, linear to 10⁻⁴)
        EhpSettings s = EhpSettings.defaults().withPairs(16).withMaxSteps(20).withThreads(2);
        double dp = potentia.units.Units.fromGPa(2);
        EhpRun.Plan plan = new EhpRun.Plan(List.of(new EhpRun.Phase("Si", SI, new int[] {1, 1, 1})), new double[] {300},
                new double[] {0, dp}, false, true, s, 9, 0.01, true);
        List<EhpPoint> p = EhpRun.start(plan, SW, Map.of(), null, 0).run(new EhpRun.Observer() { });
        assertEquals(2, p.size());
        assertTrue(p.get(0).converged() && p.get(1).converged());
        assertTrue(p.get(1).volume() < 0.995 * p.get(0).volume(), "compressed: " + p.get(1).volume());
        for (EhpPoint q : p) {
            assertEquals(q.pressure(), q.achievedPressure(), s.pressureTolerance() + 3 * q.pressureError(),
                    "the free energy's pressure reaches the target");
        }
        double expected = 0.5 * (p.get(0).volume() + p.get(1).volume()) * dp;
        double dg = p.get(1).gibbsFreeEnergy() - p.get(0).gibbsFreeEnergy();
        assertEquals(expected, dg, 5e-4 + 4 * Math.hypot(p.get(0).freeEnergyError(), p.get(1).freeEnergyError()),
                "G(2 GPa) − G(0) vs the integral of V dP");
    }

    @Test
    void aDamagedCheckpointIsRefused(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("checkpoint.bin");
        EhpRun.start(plan(6, 1), SW, Map.of(), checkpoint, 0);
        byte[] bytes = Files.readAllBytes(checkpoint);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(checkpoint, bytes);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EhpRun.resume(checkpoint, SW, 0, 1));
        assertTrue(e.getMessage().contains("corrupt checkpoint"), e.getMessage());
        Files.write(checkpoint, new byte[] {1, 2, 3});
        assertThrows(IllegalArgumentException.class, () -> EhpRun.resume(checkpoint, SW, 0, 1));
    }

    @Test
    void atLowTemperatureTheEffectiveFrequenciesTendToTheHarmonicOnes() {
        // classical: at T → 0 the Gaussian shrinks onto the minimum, where ⟨∂²V⟩ is the harmonic Φ
        // (one conventional cell keeps the test fast; its modes are the supercell's, aliasing and all)
        Supercell sc = Supercell.of(SI, 1, 1, 1);
        SupercellSymmetry sym = SupercellSymmetry.of(sc);
        double[] phi = FiniteDisplacements.compute(SW, sc, 0.01, sym, 2).matrix();
        double[] harmonic = HarmonicPhonons.supercellFrequencies(phi, sc.structure().masses());
        double[] shift = new double[2];
        double[] temperatures = {5, 300};
        // start 30 % too stiff, so that the minimisation has to find its way back
        double[] stiff = phi.clone();
        for (int k = 0; k < stiff.length; k++) {
            stiff[k] *= 1.3;
        }
        for (int k = 0; k < 2; k++) {
            EhpProblem p = CrystalEhp.problem(sc, SW, sc.structure().positions(), sc.structure().cell(), stiff,
                    temperatures[k], false, 0, false, sym, 0);
            // at 5 K, ask for the frequencies to 10⁻⁴ (F barely depends on them there)
            EhpSettings settings = EhpSettings.defaults().withPairs(24).withThreads(2)
                    .withFrequencyTolerance(k == 0 ? 1e-4 : 1e-2);
            EhpResult r = new EhpMinimiser(p, settings, new potentia.md.CounterRandom(1), 0).run();
            assertTrue(r.converged());
            double[] nu = r.state().frequencies();
            // harmonic has the three zero translations first
            for (int m = 0; m < nu.length; m++) {
                shift[k] = Math.max(shift[k], Math.abs(nu[m] - harmonic[m + 3]) / harmonic[m + 3]);
            }
        }
        assertTrue(shift[0] < 5e-4, "at 5 K the frequencies differ from harmonic by up to " + shift[0]);
        assertTrue(shift[1] > 10 * shift[0], "anharmonic shift at 300 K " + shift[1] + " vs 5 K " + shift[0]);
    }
}
