package potentia.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import potentia.neighbour.NeighbourList;
import potentia.potential.NumericalDerivatives;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;

/** The checkers themselves: exact on a potential with known derivatives, and able to fail. */
class FiniteDifferenceTest {

    /**
     * E = ½k Σ_i |x_i|² (+ a deliberate error in the forces and virial when {@code wrong}):
     * F = −k x, ∂E/∂ε_ab = k Σ_i x_ia x_ib.
     */
    record Springs(double k, boolean wrong) implements Potential {
        @Override
        public String name() {
            return "springs";
        }

        @Override
        public double cutoff() {
            return 1;
        }

        @Override
        public boolean needsFullList() {
            return false;
        }

        @Override
        public Set<Property> supported() {
            return EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS);
        }

        @Override
        public Result compute(Structure s, NeighbourList neighbours, Set<Property> requested) {
            double[] x = s.positions();
            double e = 0;
            double[] f = new double[x.length];
            double[] w = new double[9];
            for (int a = 0; a < x.length; a++) {
                e += 0.5 * k * x[a] * x[a];
                f[a] = -k * x[a] * (wrong && a == 4 ? 1.001 : 1);
            }
            for (int i = 0; i < x.length; i += 3) {
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        w[3 * a + b] -= k * x[i + a] * x[i + b] * (wrong && a != b ? 1.001 : 1);
                    }
                }
            }
            return Result.builder(s.size(), s.cell().volume()).energy(e).forces(f).virial(w).build();
        }
    }

    private static Structure atoms(Cell cell) {
        var rng = new SplittableRandom(2);
        double[] x = new double[9];
        for (int a = 0; a < 9; a++) {
            x[a] = 3 * rng.nextDouble();
        }
        return Structure.of(List.of(Element.H, Element.H, Element.H), x, cell);
    }

    @Test
    void matchesKnownDerivatives() {
        Springs p = new Springs(2.5, false);
        Structure s = atoms(Cell.orthorhombic(4, 5, 6));
        double[] x = s.positions();
        double[] f = new double[9];
        double[] dEde = new double[9];
        for (int a = 0; a < 9; a++) {
            f[a] = -2.5 * x[a];
        }
        for (int i = 0; i < 9; i += 3) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    dEde[3 * a + b] += 2.5 * x[i + a] * x[i + b];
                }
            }
        }
        assertArrayEquals(f, NumericalDerivatives.forces(p, s, 1e-4), 1e-9);
        assertArrayEquals(dEde, NumericalDerivatives.strainDerivative(p, s, 1e-5), 1e-8);
        double[] sigma = dEde.clone();
        for (int k = 0; k < 9; k++) {
            sigma[k] /= 120;
        }
        assertArrayEquals(sigma, NumericalDerivatives.stress(p, s, 1e-5), 1e-10);
        FiniteDifference.assertForces(p, s, 1e-4, 1e-8, 0);
        FiniteDifference.assertStress(p, s, 1e-5, 1e-8, 0);
        FiniteDifference.assertStress(p, atoms(Cell.NONE), 1e-5, 1e-8, 0);
    }

    @Test
    void failsOnWrongForcesOrStress() {
        Springs bad = new Springs(2.5, true);
        Structure s = atoms(Cell.orthorhombic(4, 5, 6));
        assertThrows(AssertionError.class, () -> FiniteDifference.assertForces(bad, s, 1e-4, 1e-5, 0));
        assertThrows(AssertionError.class, () -> FiniteDifference.assertStress(bad, s, 1e-5, 1e-5, 0));
        assertThrows(IllegalArgumentException.class, () -> NumericalDerivatives.stress(bad, atoms(Cell.NONE), 1e-5));
    }
}
