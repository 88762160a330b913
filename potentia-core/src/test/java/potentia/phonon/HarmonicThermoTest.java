package potentia.phonon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.units.Units;

class HarmonicThermoTest {

    @ParameterizedTest(name = "ν = {0} THz, T = {1} K, quantum = {2}")
    @CsvSource({"5, 300, true", "15, 100, true", "2, 1000, true", "5, 300, false", "15, 1200, false"})
    void entropyHeatCapacityAndEnergyFollowFromTheFreeEnergy(double nu, double t, boolean quantum) {
        double h = 1e-3 * t;
        double s = -(HarmonicThermo.freeEnergy(nu, t + h, quantum) - HarmonicThermo.freeEnergy(nu, t - h, quantum)) / (2 * h);
        assertEquals(s, HarmonicThermo.entropy(nu, t, quantum), 1e-9);
        double c = t * (HarmonicThermo.entropy(nu, t + h, quantum) - HarmonicThermo.entropy(nu, t - h, quantum)) / (2 * h);
        assertEquals(c, HarmonicThermo.heatCapacity(nu, t, quantum), 1e-9);
        assertEquals(HarmonicThermo.freeEnergy(nu, t, quantum) + t * HarmonicThermo.entropy(nu, t, quantum),
                HarmonicThermo.energy(nu, t, quantum), 1e-12);
    }

    @Test
    void quantumTendsToClassicalAtHighTemperature() {
        double nu = 5;
        double t = 20000;
        double hw = nu * Units.THZ_TO_EV;
        double kt = Units.BOLTZMANN * t;
        // F_q − F_cl = (ħω)²/(24 k_BT) + O(T⁻³)
        assertEquals(hw * hw / (24 * kt), HarmonicThermo.freeEnergy(nu, t, true) - HarmonicThermo.freeEnergy(nu, t, false),
                1e-9);
        assertEquals(Units.BOLTZMANN, HarmonicThermo.heatCapacity(nu, t, true), 1e-4 * Units.BOLTZMANN);
        assertEquals(0.5 * hw, HarmonicThermo.freeEnergy(nu, 0, true), 1e-15);
    }

    @Test
    void fusedSumsEqualThePerModeFormulas() {
        var rng = new java.util.SplittableRandom(7);
        double[][] nu = new double[50][6];
        for (double[] row : nu) {
            for (int b = 0; b < row.length; b++) {
                row[b] = rng.nextDouble(-1, 40);   // imaginary and near-zero modes are left out
            }
        }
        nu[0][0] = 0;
        double[] ts = {0, 1, 10, 77, 300, 1000, 5000};
        ThermalProperties th = HarmonicThermo.of(nu, 2, ts, 1e-3);
        int left = 0;
        for (double[] row : nu) {
            for (double v : row) {
                left += v <= 1e-3 ? 1 : 0;
            }
        }
        assertEquals(left, th.modesLeftOut());
        for (int i = 0; i < ts.length; i++) {
            for (boolean quantum : new boolean[] {true, false}) {
                double f = 0, s = 0, c = 0, e = 0;
                for (double[] row : nu) {
                    for (double v : row) {
                        if (v > 1e-3) {
                            f += HarmonicThermo.freeEnergy(v, ts[i], quantum);
                            s += HarmonicThermo.entropy(v, ts[i], quantum);
                            c += HarmonicThermo.heatCapacity(v, ts[i], quantum);
                            e += HarmonicThermo.energy(v, ts[i], quantum);
                        }
                    }
                }
                double scale = 1.0 / (nu.length * 2);
                String at = "T = " + ts[i] + (quantum ? " quantum" : " classical");
                assertEquals(f * scale, quantum ? th.freeEnergy()[i] : th.classicalFreeEnergy()[i], 1e-12 * (1 + Math.abs(f * scale)), at);
                assertEquals(s * scale, quantum ? th.entropy()[i] : th.classicalEntropy()[i], 1e-12 * (1 + Math.abs(s * scale)) * Units.BOLTZMANN, at);
                assertEquals(c * scale, quantum ? th.heatCapacity()[i] : th.classicalHeatCapacity()[i], 1e-12 * Units.BOLTZMANN, at);
                assertEquals(e * scale, quantum ? th.energy()[i] : th.classicalEnergy()[i], 1e-12 * (1 + Math.abs(e * scale)), at);
            }
        }
    }

    @Test
    void unitsOfFrequency() {
        assertEquals(15.633302, Units.DYNAMICAL_TO_THZ, 1e-5); // phonopy (CODATA 1986–2006 mix): 1.5e-7 apart
        assertEquals(4.135667662e-3, Units.THZ_TO_EV, 1e-12);
        assertEquals(-Units.thz(2.0), Units.thz(-2.0), 0);
    }

    @Test
    void dosIntegratesToThreeStatesPerAtom() {
        var ph = HarmonicPhonons.compute(potentia.potential.sw.StillingerWeber.silicon(),
                Supercell.of(Crystals.diamond(Element.Si, 5.431), 2, 2, 2), 0.01, null, 1);
        PhononDos dos = PhononDos.gaussian(ph.meshFrequencies(6, 6, 6), 2, 0.2, 400);
        double sum = 0;
        for (int i = 1; i < dos.frequency().length; i++) {
            sum += 0.5 * (dos.density()[i] + dos.density()[i - 1]) * (dos.frequency()[i] - dos.frequency()[i - 1]);
        }
        assertEquals(3, sum, 1e-6);
        ThermalProperties th = HarmonicThermo.of(ph.meshFrequencies(4, 4, 4), 2, new double[] {0, 500}, 1e-3);
        assertEquals(0, th.modesLeftOut());
        // classical heat capacity: 3 k_B per atom exactly
        assertEquals(3 * Units.BOLTZMANN, th.classicalHeatCapacity()[1], 1e-15);
        assertTrue(th.heatCapacity()[1] < 3 * Units.BOLTZMANN);
    }

    @Test
    void pathsParseAndStandardPathsExist() {
        Supercell sc = Supercell.of(Crystals.diamond(Element.Si, 5.431), 1, 1, 1);
        BandPath p = BandPath.parse("G 0 0 0, X 0.5 0 0.5 | L 0.5 0.5 0.5, G 0 0 0", sc.primitive());
        assertEquals("Γ–X|L–Γ", p.describe());
        // X of fcc is 2π/a along a cube axis, whichever basis vectors reach it
        double[] x = p.runs().get(0).get(1).k();
        assertEquals(2 * Math.PI / 5.431, Lattice3.norm(x), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> BandPath.parse("G 0 0", sc.primitive()));
        assertThrows(IllegalArgumentException.class, () -> BandPath.parse("G 0 0 0", sc.primitive()));
        assertEquals("Γ–H–N–Γ–P–H|P–N", BandPath.standard(Supercell.of(Crystals.bcc(Element.Fe, 2.87), 1, 1, 1)
                .primitive()).orElseThrow().describe());
        var bands = BandStructure.along(HarmonicPhonons.compute(potentia.potential.sw.StillingerWeber.silicon(),
                Supercell.of(Crystals.diamond(Element.Si, 5.431), 2, 2, 2), 0.01, null, 1).dynamicalMatrix(),
                BandPath.standard(sc.primitive()).orElseThrow(), 5);
        assertEquals(java.util.List.of("Γ", "X", "U|K", "Γ", "L"), bands.labels());
        assertEquals(20, bands.k().length);
        assertEquals(bands.distance()[bands.distance().length - 1], bands.labelDistances()[4], 1e-12);
    }
}
