package potentia.ehp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import potentia.md.CounterRandom;
import potentia.structure.Cell;
import potentia.units.Units;

/**
 * The exact one-dimensional anharmonic case: a particle of mass m in V(x) = ½kx² + cx⁴ (a
 * single well, k &gt; 0) or a double well (k &lt; 0). The effective harmonic free energy must
 * equal the best Gaussian variational free energy, found here by direct numerical minimisation
 * of the closed form F(λ, x₀) = φ(λ) + ⟨V⟩ − ½λg(λ) (⟨x²⟩, ⟨x⁴⟩ of a Gaussian are polynomials),
 * and lie above the exact free energy — by quadrature of the Boltzmann factor classically, by
 * diagonalising the Hamiltonian on a grid quantum mechanically — at every temperature tested.
 */
class OneDimensionalTest {
    private static final double C = Units.FORCE_OVER_MASS_TO_ACCELERATION;

    /** The model: mass (amu), k (eV/Å²), c (eV/Å⁴). */
    record Model(double mass, double k, double c) {
        double energy(double x) {
            return 0.5 * k * x * x + c * x * x * x * x;
        }

        double force(double x) {
            return -(k * x + 4 * c * x * x * x);
        }

        /** ⟨V⟩ of a Gaussian of mean x0 and variance s2. */
        double mean(double x0, double s2) {
            double x2 = x0 * x0 + s2;
            double x4 = x0 * x0 * x0 * x0 + 6 * x0 * x0 * s2 + 3 * s2 * s2;
            return 0.5 * k * x2 + c * x4;
        }
    }

    /** The Gaussian variational free energy at mode eigenvalue λ (eV/(Å²·amu)) and centre x0. */
    static double variational(Model m, ModeFunctions f, double lambda, double x0) {
        double g = f.variance(lambda);
        return f.freeEnergy(lambda) + m.mean(x0, g / m.mass()) - 0.5 * lambda * g;
    }

    /** min over λ (and x0 ≥ 0) by nested golden sections on log λ and x0. */
    static double[] bestGaussian(Model m, ModeFunctions f, double x0Max) {
        double lo = Math.log(1e-4);
        double hi = Math.log(1e3);
        java.util.function.DoubleUnaryOperator overLambda = ll -> {
            double lam = Math.exp(ll);
            if (x0Max == 0) {
                return variational(m, f, lam, 0);
            }
            return golden(x0 -> variational(m, f, lam, x0), 0, x0Max)[1];
        };
        double[] best = golden(overLambda, lo, hi);
        double lam = Math.exp(best[0]);
        double x0 = x0Max == 0 ? 0 : golden(x -> variational(m, f, lam, x), 0, x0Max)[0];
        return new double[] {best[1], lam, x0};
    }

    static double[] golden(java.util.function.DoubleUnaryOperator fn, double a, double b) {
        double r = (Math.sqrt(5) - 1) / 2;
        double c = b - r * (b - a);
        double d = a + r * (b - a);
        double fc = fn.applyAsDouble(c);
        double fd = fn.applyAsDouble(d);
        for (int i = 0; i < 200 && b - a > 1e-13 * (1 + Math.abs(a)); i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - r * (b - a);
                fc = fn.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + r * (b - a);
                fd = fn.applyAsDouble(d);
            }
        }
        double x = 0.5 * (a + b);
        return new double[] {x, fn.applyAsDouble(x)};
    }

    /** Exact classical F = −k_BT ln[√(m k_BT/(2πc))/ħ ∫e^{−V/k_BT}dx] (Simpson's rule). */
    static double exactClassical(Model m, double t) {
        double kt = Units.BOLTZMANN * t;
        double l = 8;
        int n = 40000;
        double h = 2 * l / n;
        double emin = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= n; i++) {
            emin = Math.min(emin, m.energy(-l + i * h));
        }
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double w = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * Math.exp(-(m.energy(-l + i * h) - emin) / kt);
        }
        double integral = sum * h / 3;
        double z = Math.sqrt(m.mass() * kt / (2 * Math.PI * C)) / Units.HBAR * integral;
        return emin - kt * Math.log(z);
    }

    /** Exact quantum F = −k_BT ln Σ e^{−E_n/k_BT}: H on a grid with a fourth-order Laplacian. */
    static double exactQuantum(Model m, double t) {
        int n = 600;
        double l = 3.0;
        double h = 2 * l / (n + 1);
        double hb = Units.HBAR * Units.HBAR * C / (2 * m.mass());
        DMatrixRMaj ham = new DMatrixRMaj(n, n);
        double[] stencil = {-1.0 / 12, 4.0 / 3, -5.0 / 2, 4.0 / 3, -1.0 / 12};
        for (int i = 0; i < n; i++) {
            double x = -l + (i + 1) * h;
            ham.set(i, i, m.energy(x));
            for (int d = -2; d <= 2; d++) {
                int j = i + d;
                if (j >= 0 && j < n) {
                    ham.add(i, j, -hb * stencil[d + 2] / (h * h));
                }
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(ham));
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = eig.getEigenvalue(i).getReal();
        }
        java.util.Arrays.sort(e);
        double kt = Units.BOLTZMANN * t;
        double z = 0;
        for (double v : e) {
            z += Math.exp(-(v - e[0]) / kt);
        }
        return e[0] - kt * Math.log(z);
    }

    @ParameterizedTest(name = "k = {0}, c = {1}, T = {2} K, quantum = {3}")
    @CsvSource({
        "1.0, 1.0, 30, true",
        "1.0, 1.0, 300, true",
        "1.0, 1.0, 1500, true",
        "1.0, 1.0, 300, false",
        "1.0, 1.0, 1500, false",
        "1.0, 1.0, 5000, false",
        "-1.0, 2.0, 100, false",
        "-1.0, 2.0, 600, true"})
    void ehpEqualsTheBestGaussianAndLiesAboveTheExactFreeEnergy(double k, double c, double t, boolean quantum) {
        Model model = new Model(1.0, k, c);
        ModeFunctions f = new ModeFunctions(t, quantum);
        boolean doubleWell = k < 0;
        double wellCentre = doubleWell ? Math.sqrt(-k / (4 * c)) : 0;
        double[] best = bestGaussian(model, f, doubleWell ? 2 * wellCentre : 0);
        double exact = quantum ? exactQuantum(model, t) : exactClassical(model, t);
        assertTrue(best[0] > exact, "the best Gaussian " + best[0] + " must lie above the exact " + exact);

        // start away from the optimum: curvature 3 eV/Å², centred at the well
        GaussianState start = GaussianState.of(new double[] {model.mass()}, new double[] {wellCentre},
                new double[] {3.0}, t, quantum, new double[0][]);
        Landscape landscape = (x, cell) -> new Landscape.Sample(model.energy(x[0]), new double[] {model.force(x[0])}, null);
        EhpProblem problem = new EhpProblem(start, Cell.NONE, 1, landscape, Symmetriser.indexOnly(1), false, 0, 0);
        EhpSettings settings = EhpSettings.defaults().withPairs(2000).withTolerance(2e-5).withMaxSteps(80);
        EhpResult r = new EhpMinimiser(problem, settings, new CounterRandom(7), 0).run();
        assertTrue(r.converged(), "EHP did not converge in " + r.steps() + " steps (gap " + r.gap() + ")");
        double allowed = 4 * r.freeEnergyError() + 2e-6;
        assertEquals(best[0], r.freeEnergy(), allowed, "EHP vs the best Gaussian (λ " + best[1] + " vs "
                + r.state().eigenvalues()[0] + ", x0 " + best[2] + " vs " + r.state().centroid()[0] + ")");
        assertTrue(r.freeEnergy() > exact, "EHP " + r.freeEnergy() + " must lie above the exact " + exact);
        System.out.printf("1D k=%s c=%s T=%s quantum=%s: exact %.6f, best Gaussian %.6f, EHP %.6f ± %.1e eV "
                + "(%d steps, %d ensembles)%n", k, c, t, quantum, exact, best[0], r.freeEnergy(), r.freeEnergyError(),
                r.steps(), r.ensembles());
    }
}
