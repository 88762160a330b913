package potentia.ns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import potentia.potential.Potential;
import potentia.structure.Cell;
import potentia.units.Units;

/**
 * Nested sampling against exact statistical mechanics — the bookkeeping of phase volumes,
 * priors and enthalpies: an ideal gas at constant pressure (prior Vᴺ on (0, V_max], so
 * Z(β) = (N+1) V_max^{−(N+1)} ∫₀^{V_max} Vᴺ e^{−βPV} dV and, far below V_max, configurational
 * C_p = (N + 1) k_B) and an Einstein solid at fixed volume (Z = Π (2π/βk)^{3/2} / L³ per atom,
 * C_V = 3N/2 k_B) and a harmonic solid at constant pressure (C_p = (3N/2 + 1) k_B), each within the
 * run's own statistical error.
 */
class ExactCasesTest {

    @Test
    void idealGasAtConstantPressure() {
        int n = 4;
        double pressure = 0.01;
        double vMax = 4000;
        Container box = new Container.VariableCell(vMax, 0.6);
        NsSettings s = NsSettings.builder(box).walkers(200).walkLength(48).iterations(200 * 32).seed(11)
                .pressure(pressure).moves(MoveMix.defaults().with(MoveKind.ATOM_SWEEP, 1)).build();
        assertIdealGas(run(ToyPotentials.idealGas(), n, s), n, pressure, vMax, "");
        assertEquals(n + 1, idealGasExact(n, 1, 200)[2], 1e-9, "the exact formula's low-temperature limit");
    }

    /**
     * The same gas walked by total-enthalpy Hamiltonian moves (free flight: no forces) and cell
     * moves, so the sampled H includes the momenta's K: once the analysis divides their capped
     * integral out, the configurational answers are those of the gas.
     */
    @Test
    void idealGasAtConstantPressureWithHamiltonianMoves() {
        int n = 4;
        double pressure = 0.01;
        double vMax = 4000;
        Container box = new Container.VariableCell(vMax, 0.6);
        // the cap's temperature lies above the run's start (P V_max / (N+1) k_B ≈ 9·10⁴ K), where
        // capped momenta would throttle the trajectories
        MoveMix moves = new MoveMix(Map.of(MoveKind.HAMILTONIAN, 1.0, MoveKind.VOLUME, 2.0, MoveKind.SHEAR, 1.0,
                MoveKind.STRETCH, 1.0), 8, 2, 2e5);
        NsSettings s = NsSettings.builder(box).walkers(200).walkLength(48).iterations(200 * 52).seed(12)
                .pressure(pressure).moves(moves).build();
        NsSamples samples = run(ToyPotentials.idealGas(), n, s);
        assertTrue(samples.kinetic());
        assertIdealGas(samples, n, pressure, vMax, ", Hamiltonian moves");
    }

    /**
     * ln Z, ⟨H⟩, C_p and ⟨V⟩ of an ideal gas run against quadrature, within the run's error bars,
     * at ⟨V⟩ = (N+1)k_BT/P = V_max/30 and V_max/8 (the cutoff at V_max matters a little at the top).
     */
    private static void assertIdealGas(NsSamples samples, int n, double pressure, double vMax, String label) {
        double[] temps = {vMax / 30 * pressure / (n + 1) / Units.BOLTZMANN, vMax / 8 * pressure / (n + 1) / Units.BOLTZMANN};
        Thermodynamics th = Thermodynamics.of(samples, temps, 40, 3);
        for (int k = 0; k < temps.length; k++) {
            double beta = 1 / (Units.BOLTZMANN * temps[k]);
            double[] exact = idealGasExact(n, beta * pressure, vMax);
            String at = " at T = " + temps[k] + " K" + label;
            assertWithin(exact[0], th.logZ(), k, "ln Z" + at);
            assertWithin(exact[1] / beta, th.enthalpy(), k, "⟨H⟩" + at);
            assertWithin(exact[2], th.heatCapacity(), k, "C_p/k_B" + at);
            assertWithin(exact[1] / beta / pressure, th.volume(), k, "⟨V⟩" + at);
        }
    }

    /**
     * A harmonic chain (a molecule of N atoms joined by N − 1 springs) in a fixed periodic box,
     * walked by Hamiltonian moves alone: translation-invariant, as they require, with
     * Z = L^{−3N} · L³ · (2π/βk)^{3(N−1)/2}, ⟨E⟩ = 3(N−1)/2 k_BT and C_V = 3(N−1)/2 k_B.
     */
    @Test
    void harmonicChainAtFixedVolumeWithHamiltonianMoves() {
        double edge = 6;
        double k = 1.0;
        double[] bonds = {1, 0, 0, 0, 1, 0, 0.6, 0.6, 0.6};
        int n = bonds.length / 3 + 1;
        Container box = new Container.FixedCell(Cell.orthorhombic(edge, edge, edge));
        // K_max ≈ 19 eV, above the stretched springs' energies of the first walkers: with a cap
        // far below them (3000 K) the trajectories cannot roll downhill early on and ln Z comes
        // out 3–11σ off, seed to seed
        MoveMix moves = new MoveMix(Map.of(MoveKind.HAMILTONIAN, 1.0), 8, 4, 5e4);
        NsSettings s = NsSettings.builder(box).walkers(150).walkLength(24).iterations(150 * 70).seed(7)
                .moves(moves).build();
        NsSamples samples = run(ToyPotentials.harmonicChain(bonds, k), n, s);
        double[] temps = {60, 250};
        Thermodynamics th = Thermodynamics.of(samples, temps, 40, 9);
        for (int t = 0; t < temps.length; t++) {
            double beta = 1 / (Units.BOLTZMANN * temps[t]);
            double logZ = -3 * (n - 1) * Math.log(edge) + 1.5 * (n - 1) * Math.log(2 * Math.PI / (beta * k));
            String at = " at T = " + temps[t] + " K, Hamiltonian moves";
            assertWithin(logZ, th.logZ(), t, "ln Z" + at);
            assertWithin(1.5 * (n - 1) / beta, th.energy(), t, "⟨E⟩" + at);
            assertWithin(1.5 * (n - 1), th.heatCapacity(), t, "C_V/k_B" + at);
        }
    }

    /**
     * Harmonic wells whose sites scale with a variable cell, at constant pressure: every volume
     * has the same Boltzmann integral (2π/βk)^{3N/2} (the wells, not Vᴺ), so with the Vᴺ prior
     * normalised on (0, V_max], Z = (N+1) V_max^{−(N+1)} (2π/βk)^{3N/2} (1 − e^{−βPV_max})/(βP),
     * ⟨V⟩ = 1/(βP) and C_p = (3N/2 + 1) k_B far below V_max — neither the gas's (N + 1) nor the
     * fixed-volume solid's 3N/2. Volume, shear and stretch moves all take part.
     */
    @Test
    void harmonicSolidAtConstantPressure() {
        double[] sites = {0.1, 0.2, 0.3, 0.6, 0.5, 0.1, 0.3, 0.8, 0.7};
        int n = sites.length / 3;
        double k = 1.0;
        double pressure = 4e-4;
        double vMax = 4000;
        Container box = new Container.VariableCell(vMax, 0.6);
        NsSettings s = NsSettings.builder(box).walkers(300).walkLength(400).iterations(300 * 80).seed(13)
                .pressure(pressure).moves(MoveMix.defaults()).build();
        NsSamples samples = run(ToyPotentials.scaledEinstein(sites, k), n, s);
        // ⟨V⟩ = k_BT/P: 13 Å³ at 60 K, 54 Å³ at 250 K, cells of 2.3–3.8 Å against wells of 0.07–0.15 Å
        double[] temps = {60, 250};
        Thermodynamics th = Thermodynamics.of(samples, temps, 40, 9);
        for (int t = 0; t < temps.length; t++) {
            double beta = 1 / (Units.BOLTZMANN * temps[t]);
            double logZ = Math.log(n + 1) - (n + 1) * Math.log(vMax) + 1.5 * n * Math.log(2 * Math.PI / (beta * k))
                    + Math.log(-Math.expm1(-beta * pressure * vMax)) - Math.log(beta * pressure);
            String at = " at T = " + temps[t] + " K";
            // the run's error bars hold the phase-volume noise only; ln Z and ⟨V⟩ (the walkers'
            // volumes are exponentially distributed) scatter a little more from seed to seed
            // (five seeds: up to 4.5σ in ln Z, 3.8σ in ⟨V⟩), hence the small extra margins. The gas's
            // ⟨V⟩ = (N+1)k_BT/P would be 4 times this one.
            assertWithin(logZ, th.logZ(), t, "ln Z" + at, 0.5);
            assertWithin((1.5 * n + 1) / beta, th.enthalpy(), t, "⟨H⟩" + at);
            assertWithin(1.5 * n + 1, th.heatCapacity(), t, "C_p/k_B" + at);
            assertWithin(1 / (beta * pressure), th.volume(), t, "⟨V⟩" + at, 0.05 / (beta * pressure));
        }
    }

    @Test
    void einsteinSolidAtFixedVolumeWithSingleAtomMoves() {
        einsteinSolid(MoveMix.defaults(), 5);
    }

    @Test
    void einsteinSolidAtFixedVolumeWithGalileanMoves() {
        einsteinSolid(new MoveMix(Map.of(MoveKind.GALILEAN, 1.0), 4), 6);
    }

    private static void einsteinSolid(MoveMix moves, long seed) {
        double edge = 6;
        double k = 1.0;
        double[] sites = {1, 1, 1, 4, 1.5, 2, 2, 4, 4.5};
        int n = sites.length / 3;
        Container box = new Container.FixedCell(Cell.orthorhombic(edge, edge, edge));
        NsSettings s = NsSettings.builder(box).walkers(150).walkLength(24).iterations(150 * 42).seed(seed)
                .moves(moves).build();
        NsSamples samples = run(ToyPotentials.einstein(sites, k), n, s);
        double[] temps = {60, 250};
        Thermodynamics th = Thermodynamics.of(samples, temps, 40, 9);
        for (int t = 0; t < temps.length; t++) {
            double beta = 1 / (Units.BOLTZMANN * temps[t]);
            double logZ = n * (1.5 * Math.log(2 * Math.PI / (beta * k)) - 3 * Math.log(edge));
            String at = " at T = " + temps[t] + " K";
            assertWithin(logZ, th.logZ(), t, "ln Z" + at);
            assertWithin(1.5 * n / beta, th.energy(), t, "⟨E⟩" + at);
            assertWithin(1.5 * n, th.heatCapacity(), t, "C_V/k_B" + at);
        }
    }

    /** Runs the sampler and collects removed and live walkers. */
    static NsSamples run(Potential p, int atoms, NsSettings s) {
        int[] numbers = new int[atoms];
        java.util.Arrays.fill(numbers, 18);
        List<Culled> removed = new ArrayList<>();
        List<Culled> live;
        try (NestedSampling ns = NestedSampling.start(p, numbers, s, 1)) {
            while (ns.iteration() < s.iterations()) {
                removed.addAll(ns.iterate());
            }
            live = ns.live();
        }
        return samples(s, atoms, removed, live);
    }

    static NsSamples samples(NsSettings s, int atoms, List<Culled> removed, List<Culled> live) {
        int[] numbers = new int[atoms];
        java.util.Arrays.fill(numbers, 18);
        KineticPrior kinetic = KineticPrior.of(numbers, s.moves());
        return new NsSamples(s.walkers(), s.cull(), atoms, s.pressure(), s.container().variableCell(),
                removed.stream().mapToDouble(Culled::enthalpy).toArray(),
                removed.stream().mapToDouble(Culled::energy).toArray(),
                removed.stream().mapToDouble(Culled::volume).toArray(),
                live.stream().mapToDouble(Culled::enthalpy).toArray(),
                live.stream().mapToDouble(Culled::energy).toArray(),
                live.stream().mapToDouble(Culled::volume).toArray(),
                kinetic == null ? 0 : kinetic.shape(), kinetic == null ? 0 : kinetic.cap());
    }

    /** |estimate − exact| within 4 standard errors of the run (and the error itself sensible). */
    private static void assertWithin(double exact, Estimate e, int k, String what) {
        assertWithin(exact, e, k, what, 0);
    }

    /** |estimate − exact| within 4 standard errors of the run plus a sampling margin. */
    private static void assertWithin(double exact, Estimate e, int k, String what, double margin) {
        double value = e.value()[k];
        double err = e.error()[k];
        System.out.printf("%s: %.5g ± %.2g (exact %.5g)%n", what, value, err, exact);
        assertTrue(err > 0 && err < 0.3 * Math.max(1, Math.abs(exact)), what + ": error bar " + err);
        assertEquals(exact, value, 4 * err + margin, what);
    }

    /**
     * ln Z, ⟨βPV⟩ and C_p/k_B = Var(βPV) of the ideal gas with the Vᴺ prior on (0, V_max], by
     * quadrature in u = βPV (Simpson on 20 000 intervals).
     */
    static double[] idealGasExact(int n, double betaP, double vMax) {
        double top = betaP * vMax;
        int m = 20_000;
        double du = top / m;
        double logScale = n * Math.log(Math.min(top, n)) - Math.min(top, n);
        double z = 0;
        double z1 = 0;
        double z2 = 0;
        for (int i = 0; i <= m; i++) {
            double u = i * du;
            double w = (i == 0 || i == m) ? 1 : (i % 2 == 1 ? 4 : 2);
            double f = u == 0 ? 0 : Math.exp(n * Math.log(u) - u - logScale);
            z += w * f;
            z1 += w * f * u;
            z2 += w * f * u * u;
        }
        z *= du / 3;
        z1 *= du / 3;
        z2 *= du / 3;
        double mean = z1 / z;
        double var = z2 / z - mean * mean;
        // Z = (N+1)/V_max^{N+1} ∫ Vᴺ e^{−βPV} dV = (N+1)/top^{N+1} ∫ uᴺ e^{−u} du
        double logZ = Math.log(n + 1) - (n + 1) * Math.log(top) + Math.log(z) + logScale;
        return new double[] {logZ, mean, var};
    }
}
