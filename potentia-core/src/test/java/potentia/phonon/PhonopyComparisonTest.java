package potentia.phonon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * Harmonic phonons of Stillinger–Weber Si against phonopy, run by this test (skipped where
 * {@code /usr/bin/python3 -c 'import phonopy'} fails). Phonopy chooses its displacements (0.01 Å,
 * the same as ours) and builds force constants from Potentia's forces; Potentia builds its own
 * from its own displacements. Frequencies along Γ–X–U|K–Γ–L must agree to 10⁻³ THz and the
 * harmonic free energy on a 16³ mesh to 10⁻⁴ eV/atom at 300 and 1000 K. Phonopy is also handed
 * Potentia's force constants: then only the post-processing (dynamical matrix, minimum images,
 * thermodynamics) differs, and the agreement must be much closer.
 */
class PhonopyComparisonTest {
    /** phonopy.units.EvTokJmol: phonopy's free energies are kJ/mol per primitive cell. */
    private static final double PHONOPY_EV_TO_KJMOL = 96.4853910;

    @BeforeAll
    static void phonopyIsInstalled() {
        assumeTrue(PhonopyReference.available(), "phonopy is not available to " + PhonopyReference.PYTHON);
    }

    @ParameterizedTest(name = "{0}×{0}×{0} conventional cells")
    @ValueSource(ints = {2, 3})
    void frequenciesAndFreeEnergyAgreeWithPhonopy(int n, @TempDir Path dir) throws Exception {
        StillingerWeber sw = StillingerWeber.silicon();
        Structure si = Crystals.diamond(Element.Si, 5.431);
        Supercell sc = Supercell.of(si, n, n, n);
        HarmonicPhonons ours = HarmonicPhonons.compute(sw, sc, 0.01, SupercellSymmetry.of(sc), 2);
        BandPath path = BandPath.standard(sc.primitive()).orElseThrow();
        assertEquals("Γ–X–U|K–Γ–L", path.describe());
        List<double[]> q = path.sample(11);
        double[] temperatures = {300, 1000};
        int mesh = 16;
        PhonopyReference.Output ref = PhonopyReference.run(dir, sw, sc, 0.01, q, mesh, temperatures,
                ours.forceConstants());

        double worst = 0;
        double worstPost = 0;
        for (int i = 0; i < q.size(); i++) {
            double[] nu = ours.dynamicalMatrix().frequencies(q.get(i));
            for (int b = 0; b < nu.length; b++) {
                worst = Math.max(worst, Math.abs(nu[b] - ref.frequencies()[i][b]));
                worstPost = Math.max(worstPost, Math.abs(nu[b] - ref.frequenciesFromPotentiaFc()[i][b]));
            }
        }
        assertTrue(worst <= 1e-3, "frequencies differ from phonopy's by up to " + worst + " THz");
        assertTrue(worstPost <= 2e-5, "with the same force constants, frequencies differ by up to " + worstPost + " THz");

        ThermalProperties th = HarmonicThermo.of(ours.meshFrequencies(mesh, mesh, mesh), sc.primitiveSize(),
                temperatures, 0);
        for (int t = 0; t < temperatures.length; t++) {
            assertEquals(temperatures[t], ref.thermal()[t][0], 1e-9);
            double phonopy = ref.thermal()[t][1] / PHONOPY_EV_TO_KJMOL / sc.primitiveSize();
            double phonopyPost = ref.thermalFromPotentiaFc()[t][1] / PHONOPY_EV_TO_KJMOL / sc.primitiveSize();
            assertEquals(phonopy, th.freeEnergy()[t], 1e-4, "F at " + temperatures[t] + " K, eV/atom");
            assertEquals(phonopyPost, th.freeEnergy()[t], 1e-6, "F at " + temperatures[t] + " K from the same force constants");
        }
        System.out.printf("phonopy %d×%d×%d: %d displaced supercells (ours %d); max |Δν| %.2e THz (same FC %.2e); "
                + "F(300 K) %.6f vs %.6f eV/atom%n", n, n, n, ref.displacements(), ours.evaluations(), worst, worstPost,
                th.freeEnergy()[0], ref.thermal()[0][1] / PHONOPY_EV_TO_KJMOL / sc.primitiveSize());
    }
}
