package potentia.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.AtomArray;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

/** Fixed atoms stay where they are; the potential's thread count changes the trajectory only by rounding. */
class FixedAtomsAndThreadsTest {

    static Stream<Arguments> thermostats() {
        return Stream.of(Arguments.of(new Thermostat.None()), Arguments.of(new Thermostat.Langevin(1200, 0.05)),
                Arguments.of(new Thermostat.Bussi(1200, 30)));
    }

    private static Structure silicon() {
        return Crystals.diamond(Element.Si, 5.431).repeat(3, 3, 3).rattled(0.03, new java.util.SplittableRandom(8));
    }

    @ParameterizedTest
    @MethodSource("thermostats")
    void fixedAtomsAndComponentsNeverMove(Thermostat thermostat) {
        Structure s = silicon();
        boolean[] mask = new boolean[3 * s.size()];
        java.util.Arrays.fill(mask, true);
        mask[3 * 10 + 2] = false; // atom 10 may not move along z (ASE's FixCartesian)
        s = s.withArray("move_mask", new AtomArray.Bools(mask, 3));
        MdSystem sys = MdSystem.of(s).withFixedAtoms(new int[] {0, 1, 2, 100});
        MolecularDynamics md = MolecularDynamics.create(StillingerWeber.silicon(), sys,
                new MdSettings(1.0, thermostat, new Barostat.None(), 4, 1.0),
                MolecularDynamics.initialState(s, Velocities.maxwellBoltzmann(sys, 1200, 2)), 1);
        md.run(300);
        double[] before = s.positions();
        double[] after = md.state().positions();
        double[] v = md.state().velocities();
        for (int i : new int[] {0, 1, 2, 100}) {
            for (int k = 0; k < 3; k++) {
                assertEquals(before[3 * i + k], after[3 * i + k], 0.0, "atom " + i);
                assertEquals(0.0, v[3 * i + k]);
            }
        }
        assertEquals(before[3 * 10 + 2], after[3 * 10 + 2], 0.0, "atom 10 along z");
        assertTrue(Math.abs(before[3 * 10] - after[3 * 10]) > 1e-4, "atom 10 moves along x");
        assertEquals(3 * 216 - 13, md.degreesOfFreedom());
    }

    /**
     * One and two potential threads differ only in the rounding of the force sums: after 100 steps
     * (0.1 ps, far less than the time for rounding differences to grow to visible size in this
     * chaotic system) positions agree to 1e-9 Å. The random numbers are the same by construction.
     */
    @ParameterizedTest
    @MethodSource("thermostats")
    void threadCountChangesNothingBeyondRounding(Thermostat thermostat) {
        Structure s = silicon();
        MdSystem sys = MdSystem.of(s);
        MdSettings settings = new MdSettings(1.0, thermostat, new Barostat.None(), 4, 1.0);
        double[] v = Velocities.maxwellBoltzmann(sys, 1200, 2);
        MolecularDynamics one = MolecularDynamics.create(StillingerWeber.silicon().withThreads(1), sys, settings,
                MolecularDynamics.initialState(s, v), 1);
        MolecularDynamics two = MolecularDynamics.create(StillingerWeber.silicon().withThreads(2), sys, settings,
                MolecularDynamics.initialState(s, v), 2);
        one.run(100);
        two.run(100);
        double[] a = one.state().positions();
        double[] b = two.state().positions();
        for (int k = 0; k < a.length; k++) {
            assertEquals(a[k], b[k], 1e-9);
        }
    }
}
