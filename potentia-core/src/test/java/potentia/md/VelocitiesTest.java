package potentia.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import potentia.structure.AtomArray;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.units.Units;

class VelocitiesTest {

    /** NaCl-like mixture of two masses, 2 × 512 atoms. */
    private static Structure mixture() {
        Structure s = Crystals.bcc(Element.Na, 4.0).repeat(8, 8, 8);
        int[] z = s.atomicNumbers();
        for (int i = 1; i < z.length; i += 2) {
            z[i] = Element.Cl.number();
        }
        return Structure.of(z, s.positions(), s.cell());
    }

    @Test
    void maxwellBoltzmannHasExactTemperatureZeroMomentumAndPerSpeciesSpread() {
        Structure s = mixture();
        MdSystem sys = MdSystem.of(s);
        double t = 300;
        double[] v = Velocities.maxwellBoltzmann(sys, t, 99);
        double[] p = Velocities.momentum(sys, v);
        for (double c : p) {
            assertEquals(0, c, 1e-12);
        }
        assertEquals(t, Velocities.temperature(sys, v, true), 1e-9);
        // each species' ⟨v²⟩ per component is k_BT/m (converted to (Å/fs)²), to sampling error √(2/n)
        for (Element e : new Element[] {Element.Na, Element.Cl}) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < sys.size(); i++) {
                if (sys.atomicNumbers()[i] == e.number()) {
                    for (int k = 0; k < 3; k++) {
                        sum += v[3 * i + k] * v[3 * i + k];
                        count++;
                    }
                }
            }
            double expected = Units.BOLTZMANN * t * Units.FORCE_OVER_MASS_TO_ACCELERATION / e.mass();
            assertEquals(expected, sum / count, 4 * Math.sqrt(2.0 / count) * expected, e.symbol());
        }
    }

    @Test
    void sameSeedSameVelocitiesOtherSeedOthers() {
        MdSystem sys = MdSystem.of(mixture());
        double[] a = Velocities.maxwellBoltzmann(sys, 500, 1);
        double[] b = Velocities.maxwellBoltzmann(sys, 500, 1);
        double[] c = Velocities.maxwellBoltzmann(sys, 500, 2);
        assertEquals(java.util.Arrays.hashCode(a), java.util.Arrays.hashCode(b));
        assertTrue(a[0] != c[0]);
    }

    @Test
    void fixedComponentsGetNoVelocityAndCountNoDegreesOfFreedom() {
        MdSystem sys = MdSystem.of(mixture()).withFixedAtoms(new int[] {0, 5, 7});
        assertEquals(3 * 1024 - 9, sys.freeComponents());
        assertEquals(3 * 1024 - 9, Velocities.degreesOfFreedom(sys, false));
        double[] v = Velocities.maxwellBoltzmann(sys, 300, 4);
        for (int i : new int[] {0, 5, 7}) {
            for (int k = 0; k < 3; k++) {
                assertEquals(0.0, v[3 * i + k]);
            }
        }
        // with fixed atoms the momentum is not removed, so N_f = free components
        assertEquals(300, Velocities.temperature(sys, v, false), 1e-9);
    }

    @Test
    void moveMaskAndMassesArraysAreRead() {
        Structure s = Crystals.diamond(Element.Si, 5.43);
        boolean[] mask = {true, false, true, true, true, true, true, true};
        boolean[] perComponent = new boolean[24];
        java.util.Arrays.fill(perComponent, true);
        perComponent[3 * 2 + 2] = false; // atom 2 may not move along z
        double[] m = {1, 2, 3, 4, 5, 6, 7, 8};
        MdSystem one = MdSystem.of(s.withArray("move_mask", new AtomArray.Bools(mask, 1))
                .withArray("masses", new AtomArray.Reals(m, 1)));
        assertTrue(one.isFrozen(1, 0) && one.isFrozen(1, 1) && one.isFrozen(1, 2));
        assertEquals(21, one.freeComponents());
        assertEquals(3.0, one.mass(2));
        MdSystem three = MdSystem.of(s.withArray("move_mask", new AtomArray.Bools(perComponent, 3)));
        assertTrue(three.isFrozen(2, 2) && !three.isFrozen(2, 1));
        assertEquals(23, three.freeComponents());
        MdSystem overridden = three.withMasses(Map.of(Element.Si, 30.0));
        assertEquals(30.0, overridden.mass(5));
        assertThrows(IllegalArgumentException.class,
                () -> MdSystem.of(s.withArray("move_mask", new AtomArray.Ints(new long[8], 1))));
        assertThrows(IllegalArgumentException.class, () -> one.withFixedAtoms(new int[] {8}));
        assertThrows(IllegalArgumentException.class, () -> one.withMasses(Map.of(Element.Si, -1.0)));
    }

    /** ASE stores momenta in amu·Å per ASE time unit; ase.units.fs = 0.09822694788464063 of that unit. */
    @Test
    void velocitiesComeFromAVelocitiesArrayOrAseMomenta() {
        Structure s = Crystals.diamond(Element.Si, 5.43);
        MdSystem sys = MdSystem.of(s);
        double[] v = Velocities.maxwellBoltzmann(sys, 300, 3);
        assertEquals(java.util.Optional.empty().isPresent(), Velocities.fromStructure(s, sys).isPresent());
        double[] read = Velocities.fromStructure(s.withArray("velocities", new AtomArray.Reals(v, 3)), sys).orElseThrow();
        org.junit.jupiter.api.Assertions.assertArrayEquals(v, read, 0.0);
        double aseFs = 0.09822694788464063; // from ASE 3.22: ase.units.fs
        double[] momenta = new double[v.length];
        for (int a = 0; a < v.length; a++) {
            momenta[a] = sys.mass(a / 3) * v[a] / aseFs; // Å/fs → Å per ASE time unit, times mass
        }
        double[] fromAse = Velocities.fromStructure(s.withArray("momenta", new AtomArray.Reals(momenta, 3)), sys)
                .orElseThrow();
        org.junit.jupiter.api.Assertions.assertArrayEquals(v, fromAse, 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Velocities.fromStructure(
                s.withArray("velocities", new AtomArray.Reals(new double[8], 1)), sys));
    }
}
