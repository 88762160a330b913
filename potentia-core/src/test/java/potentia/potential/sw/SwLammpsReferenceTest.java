package potentia.potential.sw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import potentia.io.ExtxyzReader;
import potentia.potential.Result;
import potentia.structure.AtomArray;
import potentia.structure.InfoValue;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

/**
 * Silicon against LAMMPS ({@code pair_style sw}, {@code Si.sw}; shared/reference/
 * make_si_sw_lammps.py): energy, per-atom energies, forces and stress of five frames (rattled
 * 64 and 216 atoms, a strained triclinic cell, an 8-atom cell whose atoms see their own images,
 * perfect diamond), to 1e-6 relative.
 *
 * <p>The file's positions and forces are rounded to 1e-8 (Å, eV/Å); moving atoms by 1e-8 Å
 * changes forces by up to ~1e-7 eV/Å (force constants of tens of eV/Å²), which is 1e-6 of a
 * tiny component but 1e-8 of the frame's force scale. Arrays are therefore compared
 * component-wise against 1e-6 × the frame's largest |value| (a max-norm relative tolerance),
 * never component by component relative to themselves. Measured worst deviations: energies
 * 4e-9, forces 6e-8, stress 9e-8 of the frame's scale. The reference stress also carries
 * LAMMPS's own eV→bar factor (1.6021765e6) undone with CODATA 2018's (1.602176634e6): 8e-8
 * relative, well inside the tolerance.
 */
class SwLammpsReferenceTest {
    private static final double TOL = 1e-6;

    @Test
    void siliconMatchesLammps() {
        Path file = RandomStructures.shared().resolve("reference/si_sw_lammps.extxyz");
        List<Structure> frames = ExtxyzReader.readAll(file);
        assertEquals(5, frames.size());
        StillingerWeber sw = StillingerWeber.silicon();
        for (Structure f : frames) {
            String name = ((InfoValue.Text) f.info("case").orElseThrow()).value();
            Result r = sw.compute(f, StillingerWeberTest.ALL);
            double e = ((InfoValue.Real) f.info("energy").orElseThrow()).value();
            assertEquals(e, r.energy(), TOL * Math.abs(e), name + " energy");
            assertClose(((AtomArray.Reals) f.array("energies").orElseThrow()).values(), r.energies(), 0, name + " energies");
            // perfect diamond has no forces: there the floor makes the check absolute, 1e-9 eV/Å
            assertClose(((AtomArray.Reals) f.array("forces").orElseThrow()).values(), r.forces(), 1e-3, name + " forces");
            assertClose(((InfoValue.Reals) f.info("stress").orElseThrow()).values(), r.stress(), 0, name + " stress");
        }
    }

    /** Every component within TOL × max(largest |reference| component, floor). */
    private static void assertClose(double[] ref, double[] got, double floor, String what) {
        assertEquals(ref.length, got.length, what + " length");
        double scale = floor;
        for (double v : ref) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 0, what + ": reference is all zero");
        for (int k = 0; k < ref.length; k++) {
            assertEquals(ref[k], got[k], TOL * scale, what + " [" + k + "] (scale " + scale + ")");
        }
    }
}
