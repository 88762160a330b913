package potentia.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Cell;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.units.Units;

/** Stochastic cell rescaling samples the isothermal–isobaric ensemble. */
class BarostatTest {
    private static final double T = 40;
    /** Close to the crystal's own compressibility (≈ 0.38 /GPa), so volumes relax in about τ_p. */
    private static final double BETA = 64;

    private record VolumeRun(double mean, double meanError, double variance, double varianceError,
            double conservedSpread, double energySpread) {
    }

    private static VolumeRun sampleVolume(double pressureGPa, boolean anisotropic, long seed) {
        MdSettings settings = new MdSettings(5.0, new Thermostat.Bussi(T, 200),
                new Barostat.CellRescaling(Units.fromGPa(pressureGPa), 100, BETA, anisotropic), seed, 1.0);
        MolecularDynamics md = LjSystems.engine(settings);
        md.run(3000);
        int steps = 20_000;
        double[] v = new double[steps];
        double[] conserved = new double[steps];
        double[] enthalpy = new double[steps];
        int[] i = {0};
        md.observe(1, s -> {
            v[i[0]] = s.volume();
            conserved[i[0]] = s.conserved();
            enthalpy[i[0]++] = s.totalEnergy() + Units.fromGPa(pressureGPa) * s.volume();
        });
        md.run(steps);
        double[] blockVariances = Stats.blockVariances(v, 20);
        return new VolumeRun(Stats.mean(v), Stats.blockError(v, 20), Stats.mean(blockVariances),
                Math.sqrt(Stats.variance(blockVariances) / 20), Math.sqrt(Stats.variance(conserved)),
                Math.sqrt(Stats.variance(enthalpy)));
    }

    /**
     * In the NPT ensemble d⟨V⟩/dP = −⟨δV²⟩/(k_BT) exactly (differentiate ln Δ(P) twice), so the
     * compressibility from the volume fluctuations at P₀ must equal −(1/⟨V⟩) d⟨V⟩/dP from the
     * mean volumes at P₀ ± ΔP (central difference; its O(ΔP²) error is ≈ 0.3 % here).
     *
     * <p>Statistics: 32 LJ argon atoms at 40 K, P₀ = 0.1 GPa, ΔP = 0.03 GPa (about 1.3 σ_V of
     * volume change), 20,000 steps of 5 fs per pressure after 3,000 of equilibration; τ_p = 100 fs
     * and β_T near the true compressibility make the volume decorrelate in ~150 fs, so each run
     * holds several hundred independent volumes; errors from 20 blocks of 5 ps. Measured:
     * 0.384 ± 0.013 /GPa from fluctuations vs 0.379 ± 0.012 /GPa from the P–V slope (isotropic).
     * A barostat without noise (Berendsen) or with its noise off by √2 misses by ≫ 4 errors.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void volumeFluctuationsGiveTheCompressibilityOfThePressureVolumeCurve(boolean anisotropic) {
        double p0 = 0.1;
        double dp = 0.03;
        VolumeRun low = sampleVolume(p0 - dp, anisotropic, 11);
        VolumeRun mid = sampleVolume(p0, anisotropic, 12);
        VolumeRun high = sampleVolume(p0 + dp, anisotropic, 13);
        double kt = Units.BOLTZMANN * T;
        double fromFluctuations = mid.variance() / (kt * mid.mean());
        double fluctuationError = mid.varianceError() / (kt * mid.mean());
        double fromSlope = -(high.mean() - low.mean()) / (Units.fromGPa(2 * dp) * mid.mean());
        double slopeError = Math.hypot(high.meanError(), low.meanError()) / (Units.fromGPa(2 * dp) * mid.mean());
        assertTrue(fluctuationError < 0.1 * fromFluctuations && slopeError < 0.1 * fromSlope, "too few samples");
        assertEquals(fromSlope, fromFluctuations, 4 * Math.hypot(fluctuationError, slopeError),
                "κ_T (Å³/eV) from ⟨δV²⟩ vs from d⟨V⟩/dP");
        // the effective energy (with the barostat's and thermostat's heat) is conserved
        assertTrue(mid.conservedSpread() < 0.05 * mid.energySpread(), mid.conservedSpread() + " vs " + mid.energySpread());
    }

    /**
     * A cell stretched along a and squeezed along b: the anisotropic barostat returns it to cubic
     * (the deviatoric pressure drives the shape), the isotropic one keeps its aspect ratio exactly.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void onlyTheAnisotropicBarostatChangesTheShape(boolean anisotropic) {
        Structure s = LjSystems.crystal();
        double[] strain = {0.04, 0, 0, 0, -0.04, 0, 0, 0, 0};
        s = s.withCell(s.cell().strained(strain), true);
        MdSystem sys = MdSystem.of(s);
        MdSettings settings = new MdSettings(5.0, new Thermostat.Bussi(T, 200),
                new Barostat.CellRescaling(Units.fromGPa(0.1), 100, BETA, anisotropic), 2, 1.0);
        MolecularDynamics md = MolecularDynamics.create(LjSystems.ARGON, sys, settings,
                MolecularDynamics.initialState(s, Velocities.maxwellBoltzmann(sys, T, 1)), 1);
        List<Double> ratios = new ArrayList<>();
        md.observe(10, smp -> {
            double[] l = smp.state().cell().lengths();
            ratios.add(l[0] / l[1]);
        });
        md.run(4000);
        double initial = 1.04 / 0.96;
        double late = Stats.mean(ratios.subList(200, 400).stream().mapToDouble(Double::doubleValue).toArray());
        if (anisotropic) {
            assertEquals(1.0, late, 0.02, "a/b after 15 ps");
        } else {
            assertEquals(initial, ratios.get(ratios.size() - 1), 1e-9, "a/b kept");
        }
    }

    @Test
    void refusesWhatItCannotDo() {
        Structure cluster = Structure.of(new int[] {18, 18}, new double[] {0, 0, 0, 3.8, 0, 0}, Cell.NONE);
        MdSettings npt = new MdSettings(1, new Thermostat.Bussi(T, 100), new Barostat.CellRescaling(0, 100, BETA, false), 1, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> MolecularDynamics.create(LjSystems.ARGON,
                MdSystem.of(cluster), npt, MolecularDynamics.initialState(cluster, new double[6]), 1));
        assertTrue(e.getMessage().contains("periodic"), e.getMessage());
        Structure si = Crystals.diamond(Element.Si, 5.43);
        e = assertThrows(IllegalArgumentException.class, () -> MolecularDynamics.create(StillingerWeber.silicon(),
                MdSystem.of(si).withFixedAtoms(new int[] {0}), npt, MolecularDynamics.initialState(si, new double[24]), 1));
        assertTrue(e.getMessage().contains("fixed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MdSettings(1, new Thermostat.None(),
                new Barostat.CellRescaling(0, 100, BETA, false), 1, 1));
        assertTrue(e.getMessage().contains("thermostat"), e.getMessage());
    }
}
