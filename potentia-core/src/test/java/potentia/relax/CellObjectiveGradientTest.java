package potentia.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;
import potentia.units.Units;

/**
 * The generalised forces of the cell objective are minus the central-difference gradient of its
 * enthalpy, at a deformed cell (F ≠ 1) and a non-zero pressure; with mixed periodicity, along
 * the allowed directions only.
 */
class CellObjectiveGradientTest {
    private static final StillingerWeber SW = StillingerWeber.silicon();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void generalisedForcesAreMinusTheEnthalpyGradient(long seed) {
        var rng = new SplittableRandom(seed);
        boolean periodic = seed != 3;
        boolean[] pbc = periodic ? new boolean[] {true, true, true} : new boolean[] {true, false, true};
        Cell cell = RandomStructures.randomCell(rng, 5.0, 6.0, 0.2, pbc);
        Structure s = RandomStructures.randomAtoms(rng, cell, 8, List.of(Element.Si), 2.1);
        double pressure = periodic ? Units.fromGPa(5) : 0;
        boolean[] move = new boolean[3 * s.size()];
        Arrays.fill(move, true);
        CellObjective objective = new CellObjective(SW, s, move, 0.5, new CellRelaxation(pressure, 1e-4, 3.0));
        double[] x = objective.initial();
        // move away from F = 1 along allowed directions, so that F⁻ᵀ and Fᵀ matter
        double[] kick = new double[x.length];
        for (int k = 0; k < kick.length; k++) {
            kick[k] = (k < 3 * s.size() ? 0.02 : 0.1) * (rng.nextDouble() - 0.5);
        }
        objective.project(kick);
        for (int k = 0; k < x.length; k++) {
            x[k] += kick[k];
        }
        double[] force = objective.evaluate(x).force();
        double[] probe = new double[x.length];
        double h = 1e-5;
        double worst = 0;
        double largest = 0;
        for (int k = 0; k < x.length; k++) {
            // the derivative along the projected unit direction e_k, so constrained components vanish
            Arrays.fill(probe, 0);
            probe[k] = 1;
            objective.project(probe);
            double[] plus = x.clone();
            double[] minus = x.clone();
            for (int c = 0; c < x.length; c++) {
                plus[c] += h * probe[c];
                minus[c] -= h * probe[c];
            }
            double numeric = -(objective.evaluate(plus).value() - objective.evaluate(minus).value()) / (2 * h);
            double analytic = 0;
            for (int c = 0; c < x.length; c++) {
                analytic += force[c] * probe[c];
            }
            worst = Math.max(worst, Math.abs(numeric - analytic));
            largest = Math.max(largest, Math.abs(analytic));
        }
        assertTrue(largest > 0.1, "a non-trivial gradient: " + largest);
        assertEquals(0, worst, 1e-6 * Math.max(1, largest), "largest deviation from central differences");
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void projectedCellForceHasNoComponentAlongVacuumVectors(long seed) {
        var rng = new SplittableRandom(seed);
        boolean[] pbc = {true, true, false};
        Cell cell = RandomStructures.randomCell(rng, 5.0, 6.0, 0.3, pbc);
        Structure s = RandomStructures.randomAtoms(rng, cell, 6, List.of(Element.Si), 2.1);
        boolean[] move = new boolean[3 * s.size()];
        Arrays.fill(move, true);
        CellObjective objective = new CellObjective(SW, s, move, 0.5, CellRelaxation.stressFree());
        double[] g = objective.evaluate(objective.initial()).force();
        double[] c = cell.vector(2);
        int base = 3 * s.size();
        for (int a = 0; a < 3; a++) {
            double along = g[base + 3 * a] * c[0] + g[base + 3 * a + 1] * c[1] + g[base + 3 * a + 2] * c[2];
            assertEquals(0, along, 1e-12, "row " + a + " of the cell force times the vacuum vector");
        }
    }
}
