package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.io.ExtxyzReader;
import potentia.io.ExtxyzWriter;
import potentia.nn.ModelFile;
import potentia.nn.NetworkModel;
import potentia.nn.NeuralNetworkPotential;
import potentia.potential.Result;
import potentia.structure.AtomArray;
import potentia.structure.InfoValue;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

/** potentia model init / info, and eval and check-gradients with --model. */
class ModelCommandsTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;

    /** One committee model for all tests (made once: the commands are what is tested). */
    @BeforeAll
    static void committeeModel() {
        List<Structure> frames = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            frames.add(RandomStructures.rattle(RandomStructures.diamond(5.431, 1), new SplittableRandom(k), 0.1)
                    .withInfo("energy", new InfoValue.Real(-43.0 + 0.1 * k)));
        }
        data = dir.resolve("si.extxyz");
        ExtxyzWriter.writeAll(data, frames);
        model = dir.resolve("si.potentia");
        CliRun init = CliRun.of("model", "init", "--species", "Si", "--cutoff", "4", "--nmax", "3", "--layers", "16,8",
                "--committee", "3", "--seed", "1", "--structures", data.toString(), "--name", "test Si",
                "--meta", "purpose=tests", "-o", model.toString());
        assertEquals(0, init.exitCode(), init.err());
        assertTrue(init.out().contains("committee of 3"), init.out());
    }

    @Test
    void initWritesWhatWasAskedAndInfoPrintsIt() {
        NetworkModel m = ModelFile.read(model);
        assertEquals(3, m.committeeSize());
        assertEquals("tests", m.metadata().get("purpose"));
        assertEquals(-42.9 / 8, m.referenceEnergies()[0], 1e-9, "least-squares e0 of equal compositions: mean per atom");
        CliRun info = CliRun.of("model", "info", model.toString());
        assertEquals(0, info.exitCode(), info.err());
        for (String expected : List.of("checksum OK", "[Si]", "r_c = 4.0 Å, n_max = 3, 10 features",
                "3 member(s)", "10-16-8-1", "purpose: tests", "name: test Si")) {
            assertTrue(info.out().contains(expected), "missing '" + expected + "' in:\n" + info.out());
        }
    }

    @Test
    void evalWithACommitteeWritesMeansAndSpreads() {
        Path out = dir.resolve("out.extxyz");
        CliRun run = CliRun.of("eval", "--model", model.toString(), "--threads", "2", data.toString(), "-o",
                out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<Structure> frames = ExtxyzReader.readAll(out);
        List<Structure> inputs = ExtxyzReader.readAll(data);
        NeuralNetworkPotential p = NeuralNetworkPotential.of(ModelFile.read(model));
        for (int f = 0; f < frames.size(); f++) {
            Structure got = frames.get(f);
            Result expected = p.compute(inputs.get(f));
            assertEquals(expected.energy(), got.info("energy").orElseThrow().asDouble(), 1e-9);
            assertEquals(expected.energyStd(), got.info("energy_std").orElseThrow().asDouble(), 1e-9);
            assertTrue(expected.energyStd() > 0);
            assertArrayEquals(expected.forcesStd(), // written at ASE's precision, %.8f
                    ((AtomArray.Reals) got.array("forces_std").orElseThrow()).values(), 1e-7);
            assertTrue(got.info("input_energy").isPresent(), "the input's own energy is kept");
        }
    }

    @Test
    void checkGradientsPassesOnAModel() {
        CliRun run = CliRun.of("check-gradients", "--model", model.toString(), "--sample", "3", data.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("OK: worst relative deviation"), run.out());
        CliRun strict = CliRun.of("check-gradients", "--model", model.toString(), "--tolerance", "1e-16",
                "--sample", "1", data.toString());
        assertEquals(3, strict.exitCode(), strict.out());
    }

    @Test
    void badInitArgumentsAreOneLine() {
        CliRun run = CliRun.of("model", "init", "--species", "Si,Xx", "-o", dir.resolve("x.potentia").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("unknown element 'Xx'"), run.err());
    }
}
