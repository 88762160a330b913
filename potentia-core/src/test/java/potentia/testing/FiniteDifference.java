package potentia.testing;

import potentia.potential.NumericalDerivatives;
import potentia.potential.NumericalDerivatives.Deviation;
import potentia.potential.Potential;
import potentia.structure.Structure;

/**
 * Test assertions over {@link NumericalDerivatives}: a potential's analytic forces and stress
 * against central differences of its own energy, with failures that name the worst component.
 */
public final class FiniteDifference {
    private FiniteDifference() {
    }

    /**
     * Asserts that every force component is within absTol + relTol·max|F| of central differences.
     *
     * @param step displacement, Å (1e-5 suits double-precision potentials)
     * @throws AssertionError naming the worst component
     */
    public static void assertForces(Potential p, Structure s, double step, double relTol, double absTol) {
        Deviation d = NumericalDerivatives.forceDeviation(p, s, step);
        if (!(d.maxError() <= absTol + relTol * d.maxReference())) {
            throw new AssertionError(p.name() + ": force differs from central differences by " + d.maxError()
                    + " eV/Å at atom " + d.worst() / 3 + " component " + d.worst() % 3 + " (largest force "
                    + d.maxReference() + " eV/Å; allowed " + absTol + " + " + relTol + "·that)");
        }
    }

    /**
     * Asserts that every component of ∂E/∂ε (the potential's −virial, i.e. σV) is within
     * absTol + relTol·max|∂E/∂ε| of central differences through the strain; works for clusters.
     *
     * @param step strain amplitude (1e-6 suits double precision)
     * @param absTol eV
     */
    public static void assertStress(Potential p, Structure s, double step, double relTol, double absTol) {
        Deviation d = NumericalDerivatives.strainDeviation(p, s, step);
        if (!(d.maxError() <= absTol + relTol * d.maxReference())) {
            throw new AssertionError(p.name() + ": stress·volume differs from central differences of the strain by "
                    + d.maxError() + " eV at component " + d.worst() / 3 + "," + d.worst() % 3 + " (largest "
                    + d.maxReference() + " eV; allowed " + absTol + " + " + relTol + "·that)");
        }
    }
}
