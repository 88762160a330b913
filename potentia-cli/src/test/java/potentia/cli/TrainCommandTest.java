package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.io.ExtxyzWriter;
import potentia.io.StructureFiles;
import potentia.neighbour.NeighbourList;
import potentia.potential.Property;
import potentia.potential.ResultLabels;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.InfoValue;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

/** potentia train and potentia test end to end on a small Stillinger–Weber-labelled data set. */
class TrainCommandTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path config;

    @BeforeAll
    static void data() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        StillingerWeber sw = StillingerWeber.silicon();
        List<Structure> frames = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            Structure s = RandomStructures.rattle(RandomStructures.diamond(5.431 * (1 + rng.nextDouble(-0.03, 0.03)), 1),
                    rng, 0.1);
            var r = sw.compute(s, NeighbourList.build(s, sw.cutoff(), true),
                    EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS));
            s = ResultLabels.attach(s, r).withInfo("config_type", new InfoValue.Text(k % 2 == 0 ? "even" : "odd"));
            frames.add(s);
        }
        data = dir.resolve("sw.extxyz");
        ExtxyzWriter.writeAll(data, frames);
        config = dir.resolve("tiny.yaml");
        Files.writeString(config, """
                # a tiny run
                data: sw.extxyz
                validation_fraction: 0.3
                cutoff: 3.0
                nmax: 2
                layers: [4]
                epochs: 6
                batch-size: 3
                learning-rate: 0.01
                warmup-epochs: 1
                checkpoint-every: 2
                stress-weight: 0.1
                plots: false
                """);
    }

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(Files.readString(file));
    }

    @Test
    void helpDocumentsEveryDefault() {
        CliRun r = CliRun.of("train", "--help");
        assertEquals(0, r.exitCode(), r.err());
        for (String s : List.of("--epochs=N", "default: 200", "--learning-rate", "default: 0.003", "--weight-decay",
                "--early-stopping", "--committee", "--resume", "--split", "--where", "--energy-key", "default: energy", "--model")) {
            assertTrue(r.out().contains(s), "help lacks " + s);
        }
    }

    @Test
    void trainsWritesTheSplitModelAndMetricsAndFlagsWinOverTheFile() throws Exception {
        Path out = dir.resolve("run");
        CliRun r = CliRun.of("train", config.toString(), "--out", out.toString(), "--epochs", "4", "-t", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("model.potentia")));
        JsonNode m = json(out.resolve("metrics.json"));
        assertEquals(4, m.path("epochs_done").asInt(), "--epochs 4 overrides the file's 6");
        assertEquals(7, m.path("train_frames").asInt());
        assertEquals(3, m.path("validation_frames").asInt());
        assertEquals(4, m.path("learning_curves").get(0).size());
        JsonNode v = m.path("errors").path("validation");
        assertTrue(v.path("force_mae_mev_per_a").asDouble() > 0, v.toString());
        assertTrue(v.has("stress_mae_gpa") && v.path("by_config_type").has("even"), v.toString());
        assertEquals(7, StructureFiles.readAll(out.resolve("train.extxyz"), StructureFiles.Format.EXTXYZ).size());
        assertEquals(3, StructureFiles.readAll(out.resolve("validation.extxyz"), StructureFiles.Format.EXTXYZ).size());
        assertTrue(r.out().contains("validation") && r.out().contains("meV/Å"), r.out());

        // potentia test on the written validation split gives the same numbers as the metrics
        CliRun t = CliRun.of("test", "--model", out.resolve("model.potentia").toString(),
                out.resolve("validation.extxyz").toString(), "--json");
        assertEquals(0, t.exitCode(), t.err());
        JsonNode tj = new ObjectMapper().readTree(t.out());
        assertEquals(3, tj.path("n_structures").asInt());
        for (String key : List.of("energy_mae_mev_per_atom", "energy_rmse_mev_per_atom", "force_mae_mev_per_a",
                "force_rmse_mev_per_a", "stress_mae_gpa")) {
            assertEquals(v.path(key).asDouble(), tj.path(key).asDouble(), 1e-9 * Math.abs(v.path(key).asDouble()),
                    key);
        }
        CliRun table = CliRun.of("test", "--model", out.resolve("model.potentia").toString(), data.toString());
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("  even") && table.out().contains("GPa"), table.out());
    }

    @Test
    void whereSelectsFramesByInfoInTrainAndTest() throws Exception {
        Path filtered = dir.resolve("filtered.yaml");
        Files.writeString(filtered, Files.readString(config).replace("data: sw.extxyz",
                "data: sw.extxyz\nwhere: {config_type: even}"));
        Path out = dir.resolve("even");
        CliRun r = CliRun.of("train", filtered.toString(), "--out", out.toString(), "--epochs", "2");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode m = json(out.resolve("metrics.json"));
        assertEquals(5, m.path("train_frames").asInt() + m.path("validation_frames").asInt(), m.toString());
        for (Path split : List.of(out.resolve("train.extxyz"), out.resolve("validation.extxyz"))) {
            for (Structure s : StructureFiles.readAll(split, StructureFiles.Format.EXTXYZ)) {
                assertEquals(new InfoValue.Text("even"), s.info().get("config_type"), split.toString());
            }
        }
        CliRun odd = CliRun.of("test", "--model", out.resolve("model.potentia").toString(), data.toString(),
                "--where", "config_type=odd", "--json");
        assertEquals(0, odd.exitCode(), odd.err());
        assertEquals(5, new ObjectMapper().readTree(odd.out()).path("n_structures").asInt());
        CliRun none = CliRun.of("test", "--model", out.resolve("model.potentia").toString(), data.toString(),
                "--where", "config_type=none");
        assertEquals(1, none.exitCode());
        assertTrue(none.err().contains("match --where config_type=none"), none.err());
    }

    @Test
    void aResumedRunGivesTheUninterruptedModel() throws Exception {
        Path straight = dir.resolve("straight");
        Path killed = dir.resolve("killed");
        assertEquals(0, CliRun.of("train", config.toString(), "--out", straight.toString(), "--committee", "2",
                "--bootstrap", "-t", "2").exitCode());
        CliRun first = CliRun.of("train", config.toString(), "--out", killed.toString(), "--committee", "2",
                "--bootstrap", "-t", "1", "--stop-after", "3");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().contains("--resume"), first.err());
        assertTrue(!Files.exists(killed.resolve("model.potentia")));
        CliRun again = CliRun.of("train", config.toString(), "--out", killed.toString());
        assertEquals(1, again.exitCode(), "refuses to overwrite a run");
        CliRun resumed = CliRun.of("train", "--resume", killed.toString(), "-t", "2");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("resumed from"), resumed.err());
        assertArrayEquals(Files.readAllBytes(straight.resolve("model.potentia")),
                Files.readAllBytes(killed.resolve("model.potentia")));
    }

    @Test
    void absurdLabelsAreRefusedOrSkippedWithAReport() throws Exception {
        Path bad = dir.resolve("bad.extxyz");
        String text = Files.readString(data);
        // make the first frame's energy NaN
        int at = text.indexOf("energy=");
        int end = text.indexOf(' ', at);
        Files.writeString(bad, text.substring(0, at) + "energy=NaN" + text.substring(end));
        CliRun refused = CliRun.of("train", config.toString(), "--data", bad.toString(), "--out",
                dir.resolve("bad1").toString());
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("--skip-bad") && refused.err().contains("frame 0"), refused.err());
        CliRun skipped = CliRun.of("train", config.toString(), "--data", bad.toString(), "--skip-bad", "--epochs", "1",
                "--out", dir.resolve("bad2").toString());
        assertEquals(0, skipped.exitCode(), skipped.err());
        assertTrue(skipped.err().contains("skipped") && skipped.err().contains("frame 0"), skipped.err());
        assertEquals(1, json(dir.resolve("bad2").resolve("metrics.json")).path("skipped").size());
    }

    @Test
    void theLinearBaselineIsAModelToo() throws Exception {
        Path out = dir.resolve("linear");
        CliRun r = CliRun.of("train", config.toString(), "--model", "linear", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode m = json(out.resolve("metrics.json"));
        assertTrue(m.has("ridge_lambda") && m.path("errors").has("validation"), m.toString());
        assertEquals(0, CliRun.of("test", "--model", out.resolve("model.potentia").toString(), data.toString())
                .exitCode());
    }

    @Test
    void theSharedArchitectureTrainsToo() throws Exception {
        Path out = dir.resolve("shared");
        CliRun r = CliRun.of("train", config.toString(), "--architecture", "shared", "--layers", "4,3", "--layer-norm",
                "--epochs", "2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(json(out.resolve("metrics.json")).path("architecture").asText().contains("shared"), r.out());
    }

    @Test
    void theOneCycleScheduleIsNamedWithAHyphenAndResumes() throws Exception {
        Path straight = dir.resolve("one-cycle");
        Path killed = dir.resolve("one-cycle-killed");
        assertEquals(0, CliRun.of("train", config.toString(), "--schedule", "one-cycle", "--out", straight.toString())
                .exitCode());
        assertTrue(Files.readString(straight.resolve("run.yaml")).contains("schedule: one-cycle"));
        assertEquals(0, CliRun.of("train", config.toString(), "--schedule", "ONE_CYCLE", "--out", killed.toString(),
                "--stop-after", "3").exitCode());
        CliRun resumed = CliRun.of("train", "--resume", killed.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertArrayEquals(Files.readAllBytes(straight.resolve("model.potentia")),
                Files.readAllBytes(killed.resolve("model.potentia")));
        // a different schedule gives a different model, so the comparison above can fail
        Path cosine = dir.resolve("cosine");
        assertEquals(0, CliRun.of("train", config.toString(), "--out", cosine.toString()).exitCode());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(straight.resolve("model.potentia")),
                Files.readAllBytes(cosine.resolve("model.potentia"))));
        CliRun bad = CliRun.of("train", config.toString(), "--schedule", "cyclic", "--out", dir.resolve("x").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("one-cycle"), bad.err());
    }

    @Test
    void anUnknownConfigKeyIsAnError() throws Exception {
        Path c = dir.resolve("typo.yaml");
        Files.writeString(c, "data: sw.extxyz\nepochz: 3\n");
        CliRun r = CliRun.of("train", c.toString(), "--out", dir.resolve("typo").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("epochz"), r.err());
    }
}
