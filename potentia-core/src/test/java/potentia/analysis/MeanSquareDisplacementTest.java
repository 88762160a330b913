package potentia.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;

class MeanSquareDisplacementTest {

    /** Two species of Brownian walkers with known D, wrapped into a box: D comes back within its error. */
    @Test
    void recoversTheDiffusionCoefficientsOfRandomWalks() {
        var rng = new SplittableRandom(21);
        int n = 120;
        double interval = 10;
        double dSi = 1e-3;
        double dO = 2.5e-3;
        int[] z = new int[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = i % 3 == 0 ? Element.Si.number() : Element.O.number();
            d[i] = i % 3 == 0 ? dSi : dO;
        }
        double[] start = new double[3 * n];
        for (int k = 0; k < start.length; k++) {
            start[k] = 20 * rng.nextDouble();
        }
        List<double[]> walk = Synthetic.randomWalk(rng, start, d, interval, 2000);
        Cell box = Cell.orthorhombic(20, 20, 20);
        List<Structure> frames = new ArrayList<>();
        for (double[] x : walk) {
            frames.add(Structure.of(z, x, box).wrapped());
        }
        MeanSquareDisplacement.Result r = MeanSquareDisplacement.of(frames, interval,
                MeanSquareDisplacement.Options.defaults());
        assertTrue(r.crossings() > 0, "the input was wrapped");
        Diffusion si = r.diffusion().get(Element.Si);
        Diffusion o = r.diffusion().get(Element.O);
        assertEquals(5, si.blocks());
        assertTrue(si.error() > 0 && si.error() < 0.1 * dSi, "a useful error: " + si.error());
        assertEquals(dSi, si.coefficient(), 3 * si.error(), "Si: " + si.describe("fit"));
        assertEquals(dO, o.coefficient(), 3 * o.error(), "O: " + o.describe("fit"));
        // default window: 10 %–50 % of a 400-frame block
        assertEquals(40 * interval, si.windowStart(), 0.0);
        assertEquals(199 * interval, si.windowEnd(), 0.0);
        // the curve itself is 6Dt
        int m = 100;
        assertEquals(6 * dO * r.time()[m], r.bySpecies().get(Element.O)[m], 0.1 * 6 * dO * r.time()[m]);
        assertEquals(1000, r.time().length, "lags up to half the trajectory");
        assertEquals(dSi * 1e3, si.inAngstrom2PerPs(), 3e3 * si.error());
        assertEquals(si.inAngstrom2PerPs() * 10, si.inSi(), 1e-12, "1 Å²/ps = 10⁻⁸ m²/s");
    }

    /**
     * The error is honest: over many independent trajectories, the true D lies within one reported
     * standard error about as often as Student's t with 4 degrees of freedom says (61 %), and
     * within two errors in ~88 %.
     */
    @Test
    void theReportedErrorCoversTheTruthAtTheRightRate() {
        var rng = new SplittableRandom(33);
        int runs = 60;
        int withinOne = 0;
        int withinTwo = 0;
        double dTrue = 1e-3;
        int n = 20;
        double[] d = new double[n];
        Arrays.fill(d, dTrue);
        int[] z = new int[n];
        Arrays.fill(z, Element.Ar.number());
        double[] masses = new double[n];
        Arrays.fill(masses, 40);
        for (int run = 0; run < runs; run++) {
            List<double[]> walk = Synthetic.randomWalk(rng, new double[3 * n], d, 10, 500);
            Diffusion r = MeanSquareDisplacement.compute(z, masses, walk, 10, MeanSquareDisplacement.Options.defaults())
                    .allDiffusion();
            double t = Math.abs(r.coefficient() - dTrue) / r.error();
            withinOne += t < 1 ? 1 : 0;
            withinTwo += t < 2 ? 1 : 0;
        }
        assertTrue(withinOne >= 0.40 * runs && withinOne <= 0.82 * runs, "within 1σ: " + withinOne + "/" + runs);
        assertTrue(withinTwo >= 0.75 * runs, "within 2σ: " + withinTwo + "/" + runs);
    }

    @Test
    void fftCurveEqualsTheDirectMultipleOriginAverage() {
        var rng = new SplittableRandom(8);
        int n = 5;
        double[] d = new double[n];
        Arrays.fill(d, 0.01);
        List<double[]> walk = Synthetic.randomWalk(rng, new double[3 * n], d, 2, 41);
        int[] z = new int[n];
        Arrays.fill(z, Element.Si.number());
        double[] masses = new double[n];
        Arrays.fill(masses, 28);
        MeanSquareDisplacement.Result r = MeanSquareDisplacement.compute(z, masses, walk, 2,
                MeanSquareDisplacement.Options.defaults());
        for (int m = 0; m < r.time().length; m++) {
            double sum = 0;
            int count = 0;
            for (int t0 = 0; t0 + m < walk.size(); t0++) {
                for (int k = 0; k < 3 * n; k++) {
                    double dx = walk.get(t0 + m)[k] - walk.get(t0)[k];
                    sum += dx * dx;
                }
                count++;
            }
            assertEquals(sum / count / n, r.all()[m], 1e-10, "lag " + m);
        }
        assertTrue(Double.isNaN(r.allDiffusion().error()), "41 frames are too few for 5 blocks of 10");
        assertTrue(r.allDiffusion().note().contains("too few"), r.allDiffusion().note());
    }

    @Test
    void driftRemovalTakesOutACommonTranslation() {
        var rng = new SplittableRandom(10);
        int n = 50;
        double[] d = new double[n];
        Arrays.fill(d, 1e-3);
        List<double[]> walk = Synthetic.randomWalk(rng, new double[3 * n], d, 10, 600);
        List<double[]> drifting = new ArrayList<>();
        for (int f = 0; f < walk.size(); f++) {
            double[] x = walk.get(f).clone();
            for (int k = 0; k < x.length; k += 3) {
                x[k] += 0.05 * f;
            }
            drifting.add(x);
        }
        int[] z = new int[n];
        Arrays.fill(z, Element.Si.number());
        double[] masses = new double[n];
        Arrays.fill(masses, 28);
        var plain = MeanSquareDisplacement.compute(z, masses, walk, 10,
                new MeanSquareDisplacement.Options(Double.NaN, Double.NaN, 5, true));
        var corrected = MeanSquareDisplacement.compute(z, masses, drifting, 10,
                new MeanSquareDisplacement.Options(Double.NaN, Double.NaN, 5, true));
        var uncorrected = MeanSquareDisplacement.compute(z, masses, drifting, 10, MeanSquareDisplacement.Options.defaults());
        assertEquals(plain.allDiffusion().coefficient(), corrected.allDiffusion().coefficient(), 1e-12);
        assertTrue(uncorrected.allDiffusion().coefficient() > 3 * plain.allDiffusion().coefficient());
    }

    @Test
    void windowsAndBadInputAreCheckedClearly() {
        int n = 4;
        List<double[]> x = Synthetic.randomWalk(new SplittableRandom(1), new double[3 * n], new double[] {1, 1, 1, 1},
                10, 100);
        int[] z = new int[n];
        Arrays.fill(z, Element.Si.number());
        double[] m = new double[n];
        Arrays.fill(m, 28);
        var opt = MeanSquareDisplacement.Options.defaults();
        var tooLong = assertThrows(IllegalArgumentException.class,
                () -> MeanSquareDisplacement.compute(z, m, x, 10, opt.withWindow(100, 600)));
        assertTrue(tooLong.getMessage().contains("exceeds half the trajectory"), tooLong.getMessage());
        var empty = assertThrows(IllegalArgumentException.class,
                () -> MeanSquareDisplacement.compute(z, m, x, 10, opt.withWindow(300, 200)));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        var r = MeanSquareDisplacement.compute(z, m, x, 10, opt.withWindow(20, 90));
        assertEquals(5, r.allDiffusion().blocks(), "100 frames hold 5 blocks of 19 ≥ 2·9 + 1");
        assertEquals(20, r.allDiffusion().windowStart(), 0.0);
        assertEquals(90, r.allDiffusion().windowEnd(), 0.0);
        var fewer = MeanSquareDisplacement.compute(z, m, x, 10, opt.withWindow(20, 150));
        assertEquals(3, fewer.allDiffusion().blocks(), "blocks must be at least 2·15 + 1 frames long");
        var none = MeanSquareDisplacement.compute(z, m, x, 10, opt.withWindow(20, 450));
        assertTrue(Double.isNaN(none.allDiffusion().error()));
        assertTrue(none.allDiffusion().note().contains("shorter than 2 blocks"), none.allDiffusion().note());
        assertThrows(IllegalArgumentException.class, () -> MeanSquareDisplacement.compute(z, m, x, 0, opt));
    }
}
