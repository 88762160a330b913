package potentia.md;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.units.Units;

/** A run continued from a restart file is bit-identical to the uninterrupted run; same seed, same numbers. */
class RestartTest {
    @TempDir
    Path dir;

    static Stream<Arguments> ensembles() {
        return Stream.of(
                Arguments.of("nve", MdSettings.nve(2.0, 5)),
                Arguments.of("langevin", new MdSettings(2.0, new Thermostat.Langevin(800, 0.02), new Barostat.None(), 5, 0.5)),
                Arguments.of("bussi", new MdSettings(2.0, new Thermostat.Bussi(800, 50), new Barostat.None(), 5, 0.5)),
                Arguments.of("npt", new MdSettings(2.0, new Thermostat.Bussi(800, 50),
                        new Barostat.CellRescaling(Units.fromGPa(1), 100, 1, false), 5, 0.5)),
                Arguments.of("npt-anisotropic", new MdSettings(2.0, new Thermostat.Langevin(800, 0.02),
                        new Barostat.CellRescaling(Units.fromGPa(-1), 100, 1, true), 5, 0.5)));
    }

    /** 64 atoms of Si, rattled, with a small skin so that the list is rebuilt several times in 2N steps. */
    private static MolecularDynamics silicon(MdSettings settings) {
        Structure s = Crystals.diamond(Element.Si, 5.431).repeat(2, 2, 2).rattled(0.05, new java.util.SplittableRandom(3));
        MdSystem sys = MdSystem.of(s);
        return MolecularDynamics.create(StillingerWeber.silicon(), sys, settings,
                MolecularDynamics.initialState(s, Velocities.maxwellBoltzmann(sys, 1500, 9)), 1);
    }

    /** 2N uninterrupted steps against N steps, a restart file, a new engine, and N more steps: every bit equal. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ensembles")
    void continuedRunIsBitIdentical(String name, MdSettings settings) {
        int n = 60;
        MolecularDynamics whole = silicon(settings);
        whole.observe(20, s -> { });
        whole.run(2 * n);

        MolecularDynamics first = silicon(settings);
        first.observe(20, s -> { });
        first.run(n);
        Path file = dir.resolve(name + ".restart");
        RestartFile.write(file, first.checkpoint(Map.of("note", "ünïcode ok")));
        MdRestart restart = RestartFile.read(file);
        assertEquals("ünïcode ok", restart.metadata().get("note"));
        MolecularDynamics second = MolecularDynamics.resume(StillingerWeber.silicon(), restart, 1);
        second.observe(20, s -> { });
        second.run(n);

        assertTrue(whole.neighbourBuilds() > 2, "the list was rebuilt during the run");
        MdState a = whole.state();
        MdState b = second.state();
        assertArrayEquals(a.positions(), b.positions(), 0.0);
        assertArrayEquals(a.velocities(), b.velocities(), 0.0);
        assertEquals(a.cell(), b.cell());
        assertEquals(a.reservoirEnergy(), b.reservoirEnergy(), 0.0);
        assertEquals(a, b);
        assertEquals(whole.sample().conserved(), second.sample().conserved(), 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ensembles")
    void sameSeedSameTrajectoryOtherSeedAnother(String name, MdSettings settings) {
        MolecularDynamics a = silicon(settings);
        MolecularDynamics b = silicon(settings);
        MolecularDynamics c = silicon(settings.withSeed(6));
        a.run(30);
        b.run(30);
        c.run(30);
        assertEquals(a.state(), b.state());
        if (!name.equals("nve")) {
            assertNotEquals(a.state(), c.state());
        }
    }

    @Test
    void restartFileRoundTripsAndRefusesDamage() throws IOException {
        MolecularDynamics md = silicon(new MdSettings(2.0, new Thermostat.Bussi(800, 50),
                new Barostat.CellRescaling(Units.fromGPa(1), 100, 1, true), 5, 0.5));
        md.run(10);
        MdRestart r = md.checkpoint(Map.of("a", "1", "b", ""));
        Path file = dir.resolve("restart.bin");
        RestartFile.write(file, r);
        assertEquals(r, RestartFile.read(file));
        byte[] bytes = Files.readAllBytes(file);

        bytes[200] ^= 1;
        Files.write(file, bytes);
        assertMessage(file, "corrupt");
        bytes[200] ^= 1;

        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertMessage(file, "truncated");

        byte[] version = bytes.clone();
        version[23] = 9; // the format version's low byte, after the 20-byte header
        Files.write(file, version);
        assertMessage(file, "format version 9");

        Files.writeString(file, "3\nnot a restart\n");
        assertMessage(file, "not a Potentia MD restart file");
        assertMessage(dir.resolve("missing.bin"), "not found");
        assertThrows(IllegalArgumentException.class, () -> MolecularDynamics.resume(
                potentia.potential.lj.LennardJones.of(Element.Si, 0.01, 2, 5, potentia.potential.lj.CutoffMode.shifted()), r, 1));
    }

    private static void assertMessage(Path file, String part) {
        var e = assertThrows(IllegalArgumentException.class, () -> RestartFile.read(file));
        assertTrue(e.getMessage().contains(part) && e.getMessage().contains(file.toString()), e.getMessage());
    }
}
