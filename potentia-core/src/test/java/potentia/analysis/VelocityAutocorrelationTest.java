package potentia.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import potentia.structure.AtomArray;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.units.Units;

class VelocityAutocorrelationTest {

    /**
     * Ornstein–Uhlenbeck velocities at 1000 K for Si (k_BT/m per component) with γ = 0.01/fs:
     * C(τ) = 3(k_BT/m)e^{−γτ}, and Green–Kubo gives D = k_BT/(mγ); the MSD of the integrated
     * positions gives the same D (the cross-check of the two routes).
     */
    @Test
    void ornsteinUhlenbeckVelocitiesGiveTheirExactDiffusionCoefficient() {
        double kT = Units.BOLTZMANN * 1000;
        double mass = Element.Si.mass();
        double variance = kT / mass * Units.FORCE_OVER_MASS_TO_ACCELERATION;
        double gamma = 0.01;
        double dExact = variance / gamma;
        double interval = 5;
        int n = 60;
        var rng = new SplittableRandom(17);
        List<double[]> v = Synthetic.ornsteinUhlenbeck(rng, n, variance, gamma, interval, 4000);
        int[] z = new int[n];
        Arrays.fill(z, Element.Si.number());
        List<Structure> frames = new ArrayList<>();
        for (double[] vf : v) {
            frames.add(Structure.of(z, new double[3 * n], Cell.orthorhombic(10, 10, 10))
                    .withArray("velocities", new AtomArray.Reals(vf, 3)));
        }
        VelocityAutocorrelation.Result r = VelocityAutocorrelation.of(frames, interval,
                VelocityAutocorrelation.Options.defaults());
        Diffusion d = r.diffusion().get(Element.Si);
        assertEquals(1995, d.windowEnd(), 0.0, "half a block of 800 frames, lag 399 (20 relaxation times)");
        assertTrue(d.error() > 0 && d.error() < 0.1 * dExact, d.describe("Green–Kubo"));
        assertEquals(dExact, d.coefficient(), 3 * d.error(), d.describe("Green–Kubo"));
        double[] raw = r.raw().get(Element.Si);
        assertEquals(3 * variance, raw[0], 0.05 * 3 * variance, "C(0) = 3k_BT/m");
        double[] norm = r.normalised().get(Element.Si);
        assertEquals(1, norm[0], 1e-15);
        int lag = 20;
        assertEquals(Math.exp(-gamma * lag * interval), norm[lag], 0.05, "C(τ)/C(0) = e^{−γτ} at τ = 1/γ");
        double[] running = r.runningIntegral().get(Element.Si);
        assertEquals(d.coefficient(), running[(int) (d.windowEnd() / interval)], 1e-15);

        // cross-check: the MSD of the positions these velocities integrate to
        List<double[]> x = new ArrayList<>();
        double[] pos = new double[3 * n];
        x.add(pos.clone());
        for (int f = 1; f < v.size(); f++) {
            for (int k = 0; k < pos.length; k++) {
                pos[k] += 0.5 * (v.get(f - 1)[k] + v.get(f)[k]) * interval;
            }
            x.add(pos.clone());
        }
        double[] masses = new double[n];
        Arrays.fill(masses, mass);
        Diffusion fromMsd = MeanSquareDisplacement.compute(z, masses, x, interval,
                MeanSquareDisplacement.Options.defaults()).allDiffusion();
        assertEquals(dExact, fromMsd.coefficient(), 3 * fromMsd.error(), fromMsd.describe("MSD fit"));
    }

    @Test
    void missingVelocitiesAreNamed() {
        Structure s = Structure.of(List.of(Element.Si), new double[3], Cell.orthorhombic(5, 5, 5));
        var e = assertThrows(IllegalArgumentException.class,
                () -> VelocityAutocorrelation.of(List.of(s, s, s), 1, VelocityAutocorrelation.Options.defaults()));
        assertEquals("frame 0 has no per-atom 'velocities' array (Å/fs), which the VACF needs", e.getMessage());
    }

    @Test
    void directAverageAgrees() {
        var rng = new SplittableRandom(2);
        int n = 3;
        List<double[]> v = Synthetic.ornsteinUhlenbeck(rng, n, 1, 0.3, 1, 41);
        int[] z = {14, 14, 8};
        var r = VelocityAutocorrelation.compute(z, v, 1, VelocityAutocorrelation.Options.defaults());
        for (int m = 0; m < r.time().length; m++) {
            double sum = 0;
            int count = 0;
            for (int t0 = 0; t0 + m < v.size(); t0++) {
                for (int k = 0; k < 6; k++) {
                    sum += v.get(t0)[k] * v.get(t0 + m)[k];
                }
                count++;
            }
            assertEquals(sum / count / 2, r.raw().get(Element.Si)[m], 1e-12, "lag " + m);
        }
    }
}
