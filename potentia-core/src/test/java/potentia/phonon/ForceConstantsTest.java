package potentia.phonon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Crystals;
import potentia.structure.Element;

class ForceConstantsTest {
    private static final Supercell SI = Supercell.of(Crystals.diamond(Element.Si, 5.431), 2, 2, 2);

    private static double[] randomMatrix(int n, long seed) {
        var rng = new SplittableRandom(seed);
        double[] m = new double[9 * n * n];
        for (int k = 0; k < m.length; k++) {
            m[k] = rng.nextGaussian();
        }
        return m;
    }

    @Test
    void projectionEnforcesSumRuleAndIndexSymmetryAndIsIdempotent() {
        ForceConstants raw = new ForceConstants(SI, randomMatrix(SI.size(), 1));
        assertTrue(raw.sumRuleViolation() > 1, "a random matrix breaks the sum rule");
        ForceConstants p = raw.projected();
        assertTrue(p.sumRuleViolation() < 1e-12, "sum rule: " + p.sumRuleViolation());
        assertTrue(p.asymmetry() < 1e-14, "index symmetry: " + p.asymmetry());
        double[] twice = p.projected().matrix();
        double[] once = p.matrix();
        for (int k = 0; k < once.length; k++) {
            assertEquals(once[k], twice[k], 1e-12);
        }
        // orthogonal projection: the removed part is orthogonal to what is kept
        double[] r = raw.matrix();
        double dot = 0;
        for (int k = 0; k < once.length; k++) {
            dot += (r[k] - once[k]) * once[k];
        }
        assertEquals(0, dot, 1e-8 * once.length);
    }

    @Test
    void spaceGroupAverageIsInvariantUnderEveryOperation() {
        SupercellSymmetry sym = SupercellSymmetry.of(SI);
        assertEquals(48 * 32, sym.order());
        ForceConstants fc = new ForceConstants(SI, randomMatrix(SI.size(), 2)).symmetrised(sym);
        assertTrue(fc.sumRuleViolation() < 1e-12);
        assertTrue(fc.asymmetry() < 1e-12);
        var rng = new SplittableRandom(3);
        for (int trial = 0; trial < 40; trial++) {
            int k = rng.nextInt(sym.operations().size());
            int l = rng.nextInt(SI.cells());
            double[] q = sym.operations().get(k).cartesianRotation();
            int a = rng.nextInt(SI.size());
            int b = rng.nextInt(SI.size());
            int ga = sym.image(k, l, a);
            int gb = sym.image(k, l, b);
            // Φ(ga, gb) = Q Φ(a, b) Qᵀ
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double v = 0;
                    for (int m = 0; m < 3; m++) {
                        for (int n = 0; n < 3; n++) {
                            v += q[3 * i + m] * fc.get(a, m, b, n) * q[3 * j + n];
                        }
                    }
                    assertEquals(v, fc.get(ga, i, gb, j), 1e-12);
                }
            }
        }
        // idempotent
        double[] again = sym.symmetrise(fc.matrix());
        double[] once = fc.matrix();
        for (int k = 0; k < once.length; k++) {
            assertEquals(once[k], again[k], 1e-12);
        }
    }

    @Test
    void finiteDisplacementForceConstantsOfSiliconAreSymmetricWithTheSumRule() {
        StillingerWeber sw = StillingerWeber.silicon();
        ForceConstants plain = FiniteDisplacements.compute(sw, SI, 0.01, null, 1);
        assertTrue(plain.sumRuleViolation() < 1e-10, "sum rule " + plain.sumRuleViolation());
        assertTrue(plain.asymmetry() < 1e-10, "index symmetry " + plain.asymmetry());
        ForceConstants sym = FiniteDisplacements.compute(sw, SI, 0.01, SupercellSymmetry.of(SI), 2);
        double[] a = plain.matrix();
        double[] b = sym.matrix();
        double worst = 0;
        for (int k = 0; k < a.length; k++) {
            worst = Math.max(worst, Math.abs(a[k] - b[k]));
        }
        // the crystal is exactly symmetric, so the average changes only rounding and O(h²) errors
        assertTrue(worst < 1e-6, "symmetrisation changed Φ by " + worst + " eV/Å²");
        // the self term of Si: Φ_aa = (SW Si has a cubic site, so it is isotropic)
        double self = sym.get(0, 0, 0, 0);
        assertEquals(self, sym.get(0, 1, 0, 1), 1e-9);
        assertEquals(0, sym.get(0, 0, 0, 1), 1e-9);
        assertTrue(self > 0);
    }

    @Test
    void supercellFrequenciesAreTheDynamicalMatrixAtCommensurateWaveVectors() {
        HarmonicPhonons ph = HarmonicPhonons.compute(StillingerWeber.silicon(), SI, 0.01, SupercellSymmetry.of(SI), 2);
        double[] expected = ph.supercellFrequencies();
        // commensurate k: the supercell's reciprocal lattice, one per primitive cell in the supercell
        double[] bs = Lattice3.reciprocal(SI.structure().cell().matrix());
        double[] hp = SI.primitive().cell().matrix();
        java.util.List<double[]> ks = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                for (int l = 0; l < 4; l++) {
                    double[] k = Lattice3.rowTimes(new double[] {i, j, l}, bs);
                    // reduce modulo the primitive reciprocal lattice: fractional k·a_i / 2π in [0, 1)
                    double[] f = Lattice3.times(hp, k);
                    StringBuilder key = new StringBuilder();
                    for (double v : f) {
                        double r = v / (2 * Math.PI);
                        key.append(Math.round((r - Math.floor(r + 1e-9)) * 1e6)).append(',');
                    }
                    if (seen.add(key.toString())) {
                        ks.add(k);
                    }
                }
            }
        }
        assertEquals(SI.cells(), ks.size());
        double[] got = new double[expected.length];
        int m = 0;
        for (double[] k : ks) {
            for (double nu : ph.dynamicalMatrix().frequencies(k)) {
                got[m++] = nu;
            }
        }
        Arrays.sort(got);
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected[i], got[i], 1e-6, "mode " + i);
        }
    }

    @Test
    void hermitianEigenvectorsSolveTheProblem() {
        var rng = new SplittableRandom(9);
        int n = 7;
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double a = rng.nextGaussian();
                double b = i == j ? 0 : rng.nextGaussian();
                re[i * n + j] = a;
                re[j * n + i] = a;
                im[i * n + j] = b;
                im[j * n + i] = -b;
            }
        }
        HermitianEigen.Solution s = HermitianEigen.solve(re, im, n, true);
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                assertTrue(s.values()[k] >= s.values()[k - 1]);
            }
            double[] vr = s.vectorsRe()[k];
            double[] vi = s.vectorsIm()[k];
            for (int i = 0; i < n; i++) {
                double hr = 0;
                double hi = 0;
                for (int j = 0; j < n; j++) {
                    hr += re[i * n + j] * vr[j] - im[i * n + j] * vi[j];
                    hi += re[i * n + j] * vi[j] + im[i * n + j] * vr[j];
                }
                assertEquals(s.values()[k] * vr[i], hr, 1e-10);
                assertEquals(s.values()[k] * vi[i], hi, 1e-10);
            }
            for (int l = 0; l < n; l++) {
                double dr = 0;
                double di = 0;
                for (int i = 0; i < n; i++) {
                    dr += s.vectorsRe()[l][i] * vr[i] + s.vectorsIm()[l][i] * vi[i];
                    di += s.vectorsRe()[l][i] * vi[i] - s.vectorsIm()[l][i] * vr[i];
                }
                assertEquals(l == k ? 1 : 0, dr, 1e-10);
                assertEquals(0, di, 1e-10);
            }
        }
    }

    @Test
    void degenerateModesAtGammaGetOrthonormalEigenvectors() {
        HarmonicPhonons ph = HarmonicPhonons.compute(StillingerWeber.silicon(), SI, 0.01, SupercellSymmetry.of(SI), 1);
        PhononModes g = ph.dynamicalMatrix().modes(new double[] {0, 0, 0});
        // three acoustic modes at zero and a triply degenerate optical mode
        for (int k = 0; k < 3; k++) {
            assertEquals(0, g.frequencies()[k], 1e-4);
        }
        assertEquals(g.frequencies()[3], g.frequencies()[5], 1e-9);
        assertTrue(g.frequencies()[3] > 10);
        // acoustic eigenvectors at Γ are rigid translations: both atoms move alike
        for (int k = 0; k < 3; k++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(g.eigenvectorsRe()[k][c], g.eigenvectorsRe()[k][3 + c], 1e-6);
                assertEquals(g.eigenvectorsIm()[k][c], g.eigenvectorsIm()[k][3 + c], 1e-6);
            }
        }
    }
}
