package potentia.ehp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.md.CounterRandom;
import potentia.phonon.FiniteDisplacements;
import potentia.phonon.ForceConstants;
import potentia.phonon.Supercell;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * The analytic gradient of the reweighted free-energy estimate against central differences, on
 * 8 atoms of Stillinger–Weber Si with a fixed set of samples drawn from a nearby state.
 */
class GradientTest {

    @ParameterizedTest(name = "quantum = {0}")
    @ValueSource(booleans = {false, true})
    void gradientOfTheReweightedEstimateMatchesFiniteDifferences(boolean quantum) {
        StillingerWeber sw = StillingerWeber.silicon();
        Structure si = Crystals.diamond(Element.Si, 5.431);
        Supercell sc = Supercell.of(si, 1, 1, 1);
        ForceConstants fc = FiniteDisplacements.compute(sw, sc, 0.01, null, 1);
        int n = 3 * sc.size();
        double[] masses = new double[n];
        java.util.Arrays.fill(masses, Element.Si.mass());
        double[][] tr = GaussianState.translations(masses);
        var rng = new SplittableRandom(quantum ? 11 : 12);
        double[] phi0 = ForceConstants.project(add(fc.matrix(), randomSymmetric(n, 0.3, rng)), sc.size());
        double[] r0 = comFree(si.positions(), randomVector(n, 0.02, rng));
        GaussianState source = GaussianState.of(masses, r0, phi0, 700, quantum, tr);
        Ensemble e = Ensemble.draw(source, si.cell(), new PotentialLandscape(sw, si.atomicNumbers(), false),
                new CounterRandom(5), 0, 0, 40, 1);
        // a state near the source, so that the weights differ from one
        double[] phi1 = ForceConstants.project(add(phi0, randomSymmetric(n, 0.2, rng)), sc.size());
        double[] r1 = comFree(r0, randomVector(n, 0.01, rng));
        GaussianState state = source.with(r1, phi1);
        Estimator.Gradient g = Estimator.gradient(e, state);
        assertEquals(Estimator.estimate(e, state, false).freeEnergy(), g.freeEnergy(), 1e-12);

        for (int trial = 0; trial < 3; trial++) {
            double[] dr = comFree(new double[n], randomVector(n, 1, rng));
            // Richardson-extrapolated central differences: the estimate's third derivative along the
            // centroid is large enough that a plain central difference at h = 1e-5 is off by 1e-6 (∝ h²)
            double h = 1e-5;
            double fd = (4 * centralCentroid(e, state, r1, phi1, dr, h / 2) - centralCentroid(e, state, r1, phi1, dr, h)) / 3;
            double an = dot(g.centroid(), dr);
            assertEquals(fd, an, 1e-6 * Math.max(1, Math.abs(fd)), "centroid direction " + trial);

            double[] dphi = ForceConstants.project(randomSymmetric(n, 1, rng), sc.size());
            double hp = 1e-5;
            double fdp = (f(e, state.with(r1, axpy(phi1, hp, dphi))) - f(e, state.with(r1, axpy(phi1, -hp, dphi))))
                    / (2 * hp);
            double anp = dot(g.forceConstants(), dphi);
            assertEquals(fdp, anp, 1e-8 + 1e-4 * Math.abs(fdp), "force-constant direction " + trial);
        }
    }

    private static double centralCentroid(Ensemble e, GaussianState state, double[] r1, double[] phi1, double[] dr,
            double h) {
        return (f(e, state.with(axpy(r1, h, dr), phi1)) - f(e, state.with(axpy(r1, -h, dr), phi1))) / (2 * h);
    }

    private static double f(Ensemble e, GaussianState s) {
        return Estimator.estimate(e, s, false).freeEnergy();
    }

    static double[] randomSymmetric(int n, double scale, SplittableRandom rng) {
        double[] m = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = r; c < n; c++) {
                double v = scale * rng.nextGaussian();
                m[r * n + c] = v;
                m[c * n + r] = v;
            }
        }
        return m;
    }

    static double[] randomVector(int n, double scale, SplittableRandom rng) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = scale * rng.nextGaussian();
        }
        return v;
    }

    /** base + d with the mean of d over atoms removed (equal masses: no centre-of-mass motion). */
    static double[] comFree(double[] base, double[] d) {
        int atoms = d.length / 3;
        double[] mean = new double[3];
        for (int i = 0; i < d.length; i++) {
            mean[i % 3] += d[i] / atoms;
        }
        double[] out = base.clone();
        for (int i = 0; i < d.length; i++) {
            out[i] += d[i] - mean[i % 3];
        }
        return out;
    }

    static double[] add(double[] a, double[] b) {
        return axpy(a, 1, b);
    }

    static double[] axpy(double[] a, double s, double[] b) {
        double[] out = a.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] += s * b[k];
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
