package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import potentia.nn.SharedMlpShape;
import potentia.nn.SharedNetwork;
import potentia.potential.Result;
import potentia.structure.Element;
import potentia.structure.InfoValue;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

/** potentia model init --architecture shared, model info of a shared model, and eval / check-gradients with it. */
class SharedModelCommandsTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;

    @BeforeAll
    static void sharedModel() {
        List<Structure> frames = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            SplittableRandom rng = new SplittableRandom(k);
            frames.add(RandomStructures.randomAtoms(rng, RandomStructures.randomCell(rng, 4.5, 5.5, 0.2,
                    new boolean[] {true, true, true}), 8, List.of(Element.Si, Element.O), 1.5)
                    .withInfo("energy", new InfoValue.Real(-30.0 - k)));
        }
        data = dir.resolve("sio.extxyz");
        ExtxyzWriter.writeAll(data, frames);
        model = dir.resolve("sio.potentia");
        CliRun init = CliRun.of("model", "init", "--species", "Si,O", "--cutoff", "4", "--nmax", "2",
                "--architecture", "shared", "--embedding", "3", "--layer-norm", "--layers", "12,8",
                "--committee", "2", "--seed", "3", "--structures", data.toString(), "-o", model.toString());
        assertEquals(0, init.exitCode(), init.err());
        assertTrue(init.out().contains("shared MLP 18+3-12-8-1"), init.out());
    }

    @Test
    void initWritesASharedNetworkAndInfoShowsItsEmbeddings() {
        NetworkModel m = ModelFile.read(model);
        SharedNetwork first = assertInstanceOf(SharedNetwork.class, m.members().get(0));
        assertEquals(new SharedMlpShape(2, 18, 3, List.of(12, 8), true), first.shape());
        CliRun info = CliRun.of("model", "info", model.toString());
        assertEquals(0, info.exitCode(), info.err());
        for (String expected : List.of("checksum OK", "2 member(s)", "shared MLP 18+3-12-8-1",
                "3-number element embeddings, LayerNorm (ε = 1.0E-6) on hidden layer 2", "embedding Si  [",
                "embedding O   [", first.parameterCount() + " parameters")) {
            assertTrue(info.out().contains(expected), "missing '" + expected + "' in:\n" + info.out());
        }
    }

    @Test
    void evalAndCheckGradientsWorkWithASharedModel() {
        Path out = dir.resolve("out.extxyz");
        CliRun run = CliRun.of("eval", "--model", model.toString(), data.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<Structure> got = ExtxyzReader.readAll(out);
        List<Structure> inputs = ExtxyzReader.readAll(data);
        NeuralNetworkPotential p = NeuralNetworkPotential.of(ModelFile.read(model));
        for (int f = 0; f < got.size(); f++) {
            Result expected = p.compute(inputs.get(f));
            assertEquals(expected.energy(), got.get(f).info("energy").orElseThrow().asDouble(), 1e-9);
            assertTrue(expected.energyStd() > 0, "two members should disagree");
        }
        CliRun check = CliRun.of("check-gradients", "--model", model.toString(), "--sample", "1", data.toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("OK: worst relative deviation"), check.out());
    }

    @Test
    void layerNormIsOnByDefaultAsInNeuralIL() {
        Path on = dir.resolve("on.potentia");
        Path off = dir.resolve("off.potentia");
        CliRun a = CliRun.of("model", "init", "--species", "Si,O", "--cutoff", "4", "--nmax", "2", "--architecture",
                "shared", "--layers", "6,4", "-o", on.toString());
        CliRun b = CliRun.of("model", "init", "--species", "Si,O", "--cutoff", "4", "--nmax", "2", "--architecture",
                "shared", "--layers", "6", "--no-layer-norm", "-o", off.toString());
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(0, b.exitCode(), b.err());
        assertEquals(new SharedMlpShape(2, 18, 2, List.of(6, 4), true),
                ((SharedNetwork) ModelFile.read(on).members().getFirst()).shape());
        assertEquals(new SharedMlpShape(2, 18, 2, List.of(6), false),
                ((SharedNetwork) ModelFile.read(off).members().getFirst()).shape());
    }

    @Test
    void sharedOnlyOptionsAndImpossibleLayerNormAreOneLineErrors() {
        CliRun element = CliRun.of("model", "init", "--species", "Si", "--embedding", "2", "-o",
                dir.resolve("x.potentia").toString());
        assertEquals(1, element.exitCode());
        assertTrue(element.err().contains("--embedding and --[no-]layer-norm apply to --architecture shared only"),
                element.err());
        CliRun oneLayer = CliRun.of("model", "init", "--species", "Si", "--architecture", "shared", "--layer-norm",
                "--layers", "16", "-o", dir.resolve("y.potentia").toString());
        assertEquals(1, oneLayer.exitCode());
        assertTrue(oneLayer.err().contains("LayerNorm needs at least two hidden layers"), oneLayer.err());
        CliRun defaultNorm = CliRun.of("model", "init", "--species", "Si", "--architecture", "shared", "--layers", "16",
                "-o", dir.resolve("w.potentia").toString());
        assertEquals(1, defaultNorm.exitCode());
        assertTrue(defaultNorm.err().contains("on by default") && defaultNorm.err().contains("--no-layer-norm"),
                defaultNorm.err());
        CliRun unknown = CliRun.of("model", "init", "--species", "Si", "--architecture", "graph", "-o",
                dir.resolve("z.potentia").toString());
        assertEquals(2, unknown.exitCode(), "an unknown architecture is a usage error");
    }
}
