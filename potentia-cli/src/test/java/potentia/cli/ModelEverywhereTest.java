package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.io.ExtxyzReader;
import potentia.io.ExtxyzWriter;
import potentia.nn.ModelFile;
import potentia.nn.NeuralNetworkPotential;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

/** A trained-model file works wherever a reference potential does: relax, md (with resume), eval. */
class ModelEverywhereTest {
    @TempDir
    Path dir;
    private Path model;
    private Path start;

    @BeforeEach
    void makeModel() {
        start = dir.resolve("si.extxyz");
        ExtxyzWriter.writeAll(start, List.of(
                RandomStructures.diamond(5.431, 1).rattled(0.05, new SplittableRandom(3))));
        model = dir.resolve("si.potentia");
        CliRun init = CliRun.of("model", "init", "--species", "Si", "--cutoff", "4", "--nmax", "3", "--layers", "8",
                "--seed", "2", "-o", model.toString());
        assertEquals(0, init.exitCode(), init.err());
    }

    @Test
    void mdRunsAndResumesWithAModel() throws Exception {
        Path out = dir.resolve("md");
        CliRun md = CliRun.of("md", "--model", model.toString(), "--structure", start.toString(), "--ensemble", "nve",
                "--temperature", "300", "--timestep", "1", "--steps", "4", "--seed", "1", "--checkpoint-every", "2",
                "--no-plots", "--out", out.toString());
        assertEquals(0, md.exitCode(), md.err());
        assertTrue(Files.exists(out.resolve("final.extxyz")));
        CliRun more = CliRun.of("md", "--resume", out.toString(), "--steps", "6", "--no-plots");
        assertEquals(0, more.exitCode(), more.err());

        CliRun both = CliRun.of("md", "--model", model.toString(), "--potential", "sw", "--structure", start.toString(),
                "--ensemble", "nve", "--timestep", "1", "--steps", "1", "--out", dir.resolve("x").toString());
        assertEquals(1, both.exitCode());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
    }

    @Test
    void relaxWithAModelLowersItsEnergy() {
        Path out = dir.resolve("relaxed.extxyz");
        CliRun relax = CliRun.of("relax", "--model", model.toString(), "--structure", start.toString(),
                "--max-steps", "20", "-o", out.toString());
        assertTrue(relax.exitCode() == 0 || relax.exitCode() == 3, relax.err());
        NeuralNetworkPotential nn = NeuralNetworkPotential.of(ModelFile.read(model));
        Structure before = ExtxyzReader.readAll(start).get(0);
        Structure after = ExtxyzReader.readAll(out).get(0);
        assertTrue(nn.compute(after).energy() < nn.compute(before).energy());
    }
}
