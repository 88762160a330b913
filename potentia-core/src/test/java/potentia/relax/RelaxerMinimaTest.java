package potentia.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import potentia.potential.lj.CutoffMode;
import potentia.potential.lj.LennardJones;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.units.Units;

/** Cell relaxations reach minima known independently of the code under test. */
class RelaxerMinimaTest {
    private static final double SW_SIGMA = 2.0951;
    private static final double SW_EPSILON = 2.1683;

    /**
     * SW silicon: the pair term has its minimum −ε at r = 2^(1/6)σ and the three-body term
     * vanishes at the tetrahedral angle, so diamond relaxes to a₀ = 4·2^(1/6)σ/√3 = 5.4309 Å with
     * E = −2ε per atom (each atom has four bonds, each shared by two atoms) and zero stress.
     */
    @ParameterizedTest
    @EnumSource(RelaxOptions.Algorithm.class)
    void swDiamondRelaxesToItsAnalyticLatticeConstant(RelaxOptions.Algorithm algorithm) {
        double a0 = 4 * Math.pow(2, 1.0 / 6) * SW_SIGMA / Math.sqrt(3);
        assertEquals(5.4309, a0, 1e-4);
        Structure start = Crystals.diamond(Element.Si, 5.60).rattled(0.05, new SplittableRandom(3));
        RelaxOptions options = RelaxOptions.builder().algorithm(algorithm).fmax(1e-4).maxSteps(2000)
                .cell(CellRelaxation.stressFree().withSmax(Units.fromGPa(1e-4))).build();
        RelaxResult r = Relaxer.relax(StillingerWeber.silicon(), start, options);
        assertTrue(r.converged(), r.message());
        double[] lengths = r.structure().cell().lengths();
        for (double l : lengths) {
            assertEquals(a0, l, 2e-4, "lattice constant");
        }
        assertEquals(a0 * a0 * a0, r.structure().cell().volume(), 3 * a0 * a0 * 2e-4);
        assertEquals(-2 * SW_EPSILON, r.energy() / start.size(), 1e-6, "energy per atom");
        assertEquals(r.energy(), r.enthalpy(), 0.0, "p = 0: H = E");
        assertTrue(r.fmax() <= 1e-4 && r.smax() <= Units.fromGPa(1e-4));
    }

    /**
     * LJ fcc under cell relaxation: the lattice constant minimises the lattice sum
     * E/atom = ½ Σ_{R ≠ 0} u(|R|)·S(|R|) for the cutoff and smooth switch used, computed here from
     * the lattice vectors R = a(n₁, n₂, n₃)/2, n₁ + n₂ + n₃ even, and minimised by golden section.
     */
    @ParameterizedTest
    @EnumSource(RelaxOptions.Algorithm.class)
    void ljFccRelaxesToTheMinimumOfItsLatticeSum(RelaxOptions.Algorithm algorithm) {
        double eps = 0.0104;
        double sigma = 3.4;
        double rc = 2.5 * sigma;
        double on = 0.8;
        LennardJones lj = LennardJones.of(Element.Ar, eps, sigma, rc, CutoffMode.smooth(on));
        double aMin = goldenMinimum(a -> fccLatticeSum(a, eps, sigma, rc, on), 4.8, 6.0);
        double eMin = fccLatticeSum(aMin, eps, sigma, rc, on);

        Structure start = Crystals.fcc(Element.Ar, 1.04 * aMin).rattled(0.02, new SplittableRandom(5));
        RelaxOptions options = RelaxOptions.builder().algorithm(algorithm).fmax(1e-5).maxSteps(3000)
                .cell(CellRelaxation.stressFree().withSmax(Units.fromGPa(1e-5))).build();
        RelaxResult r = Relaxer.relax(lj, start, options);
        assertTrue(r.converged(), r.message());
        for (double l : r.structure().cell().lengths()) {
            assertEquals(aMin, l, 1e-4 * aMin, "fcc lattice constant");
        }
        assertEquals(eMin, r.energy() / start.size(), 1e-7, "energy per atom");
    }

    /** E/atom of perfect fcc with lattice constant a: ½ Σ_R 4ε[(σ/R)¹² − (σ/R)⁶]·S(R). */
    static double fccLatticeSum(double a, double eps, double sigma, double rc, double onFraction) {
        int n = (int) Math.ceil(2 * rc / a) + 1;
        double sum = 0;
        for (int i = -n; i <= n; i++) {
            for (int j = -n; j <= n; j++) {
                for (int k = -n; k <= n; k++) {
                    if ((i + j + k) % 2 != 0 || (i == 0 && j == 0 && k == 0)) {
                        continue;
                    }
                    double r = 0.5 * a * Math.sqrt(i * i + j * j + k * k);
                    if (r >= rc) {
                        continue;
                    }
                    double sr6 = Math.pow(sigma / r, 6);
                    double u = 4 * eps * (sr6 * sr6 - sr6);
                    double ron = onFraction * rc;
                    double s = 1;
                    if (r > ron) {
                        double t = (r - ron) / (rc - ron);
                        s = 1 - t * t * t * (10 - 15 * t + 6 * t * t);
                    }
                    sum += u * s;
                }
            }
        }
        return 0.5 * sum;
    }

    static double goldenMinimum(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
        double g = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 200 && hi - lo > 1e-12; it++) {
            double c = hi - g * (hi - lo);
            double d = lo + g * (hi - lo);
            if (f.applyAsDouble(c) < f.applyAsDouble(d)) {
                hi = d;
            } else {
                lo = c;
            }
        }
        return 0.5 * (lo + hi);
    }
}
