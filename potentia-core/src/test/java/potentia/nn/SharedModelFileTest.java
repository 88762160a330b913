package potentia.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.potential.Result;
import potentia.structure.Element;
import potentia.structure.Structure;

/** Model files with shared-network members: the member format, exact round trips, refusals of inconsistent members. */
class SharedModelFileTest {
    private static final List<Element> SPECIES = List.of(Element.Si, Element.O);

    @TempDir
    Path dir;

    /** Three members: shared with LayerNorm, shared without, per-element. */
    private static NetworkModel mixed() {
        NetworkModel withNorm = TestModels.randomSharedModel(SPECIES, 4.5, 2, List.of(8, 6, 4), 3, true, 1, 31);
        NetworkModel without = TestModels.randomSharedModel(SPECIES, 4.5, 2, List.of(7), 1, false, 1, 32);
        NetworkModel element = TestModels.random(SPECIES, 4.5, 2, List.of(8, 6, 4), 1, 33);
        return withNorm.withMembers(List.of(withNorm.members().getFirst(), without.members().getFirst(),
                element.members().getFirst()));
    }

    private static NetworkModel read(Path file) {
        return ModelFile.read(file, spec -> PairProductDescriptor.like((DescriptorSpec.Bessel) spec));
    }

    @Test
    void aMixedCommitteeRoundTripsBitForBit() {
        NetworkModel m = mixed();
        Path file = dir.resolve("m.potentia");
        ModelFile.write(file, m);
        NetworkModel back = read(file);
        assertInstanceOf(SharedNetwork.class, back.members().get(0));
        assertInstanceOf(SharedNetwork.class, back.members().get(1));
        assertInstanceOf(ElementNetworks.class, back.members().get(2));
        for (int k = 0; k < 3; k++) {
            AtomicModel a = m.members().get(k);
            AtomicModel b = back.members().get(k);
            assertArrayEquals(a.parameters(), b.parameters(), 0);
            assertEquals(a.describe(), b.describe());
            for (int p = 0; p < a.parameterCount(); p++) {
                assertEquals(a.trainable(p), b.trainable(p));
            }
        }
        assertEquals(((SharedNetwork) m.members().get(0)).shape(), ((SharedNetwork) back.members().get(0)).shape());
        assertEquals(((SharedNetwork) m.members().get(1)).shape(), ((SharedNetwork) back.members().get(1)).shape());
        Structure s = PairProductDescriptorTest.smallTriclinic(34, 6, new boolean[] {true, true, true});
        Result a = NeuralNetworkPotential.of(m).compute(s);
        Result b = NeuralNetworkPotential.of(back).compute(s);
        assertEquals(a.energy(), b.energy(), 0);
        assertArrayEquals(a.forces(), b.forces(), 0);
        assertArrayEquals(a.virial(), b.virial(), 0);
        assertArrayEquals(a.forcesStd(), b.forcesStd(), 0);
    }

    @Test
    void theSharedMemberIsSelfDescribing() throws IOException {
        Path file = dir.resolve("m.potentia");
        ModelFile.write(file, mixed());
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        assertEquals(1, root.get("version").asInt(), "a new member type does not bump the version");
        var first = root.at("/committee/0");
        assertEquals("shared-mlp", first.get("type").asText());
        assertEquals(18, first.get("inputs").asInt());
        assertEquals(3, first.get("embedding").asInt());
        assertEquals("[8,6,4]", first.get("hidden").toString());
        assertTrue(first.get("layer_norm").asBoolean());
        assertEquals(1e-6, first.get("layer_norm_epsilon").asDouble());
        assertEquals("swish", first.get("activation").asText());
        assertTrue(first.get("learnable_beta").asBoolean());
        SharedMlpShape shape = new SharedMlpShape(2, 18, 3, List.of(8, 6, 4), true);
        assertEquals(shape.parameterCount(), first.get("parameters").size());
        var second = root.at("/committee/1");
        assertFalse(second.get("layer_norm").asBoolean());
        assertFalse(second.has("layer_norm_epsilon"), "ε is written only with LayerNorm");
        assertEquals("element-mlp", root.at("/committee/2/type").asText());
    }

    @Test
    void inconsistentSharedMembersAreRefusedEvenWithAValidChecksum() throws IOException {
        assertFails(edited(root -> ((ArrayNode) root.at("/committee/0/parameters")).remove(0)),
                "committee[0].parameters has " + (new SharedMlpShape(2, 18, 3, List.of(8, 6, 4), true).parameterCount() - 1)
                        + " numbers; a shared network 18+3-8-6-4-1 with LayerNorm and embeddings of 2 element(s) needs");
        assertFails(edited(root -> ((ObjectNode) root.at("/committee/0")).put("embedding", 2)),
                "committee[0].parameters has");
        assertFails(edited(root -> ((ObjectNode) root.at("/committee/0")).put("embedding", 0)),
                "committee[0]: element embeddings need at least one number");
        assertFails(edited(root -> ((ObjectNode) root.at("/committee/0")).remove("embedding")),
                "field 'committee[0].embedding' is missing");
        assertFails(edited(root -> ((ObjectNode) root.at("/committee/0")).put("layer_norm", "yes")),
                "committee[0].layer_norm must be true or false");
        assertFails(edited(root -> ((ObjectNode) root.at("/committee/0")).remove("layer_norm_epsilon")),
                "field 'committee[0].layer_norm_epsilon' is missing");
        assertFails(edited(root -> ((ObjectNode) root.at("/committee/0")).put("layer_norm_epsilon", -1.0)),
                "committee[0]: LayerNorm ε must be a positive number");
        assertFails(edited(root -> ((ObjectNode) root.at("/committee/1")).put("layer_norm", true).put(
                "layer_norm_epsilon", 1e-6)), "committee[1]: LayerNorm needs at least two hidden layers");
        assertFails(edited(root -> ((ObjectNode) root.at("/committee/0")).put("inputs", 17)),
                "committee[0].inputs is 17 but the descriptor gives 18 features");
        assertFails(edited(root -> ((ObjectNode) root.at("/committee/0")).put("type", "graph-net")),
                "committee[0].type 'graph-net' is unknown (this build knows 'element-mlp', 'shared-mlp')");
    }

    /** The whole-file checks hold for shared members too: an edited embedding, a cut file, a newer version. */
    @Test
    void corruptTruncatedAndNewerSharedFilesAreRefused() throws IOException {
        Path file = dir.resolve("m.potentia");
        ModelFile.write(file, mixed());
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        // change the first embedding number (parameter 0 of member 0) without fixing the checksum
        ArrayNode params = (ArrayNode) root.at("/committee/0/parameters");
        params.set(0, params.get(0).asDouble() + 0.25);
        Files.writeString(file, root.toPrettyString(), StandardCharsets.UTF_8);
        assertFails(file, "checksum mismatch");

        ModelFile.write(file, mixed());
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int inShared = text.indexOf("\"layer_norm_epsilon\"");
        assertTrue(inShared > 0, "the shared member is in the file");
        Files.write(file, java.util.Arrays.copyOf(bytes, inShared + 5));
        assertFails(file, "truncated");

        assertFails(edited(r -> r.put("version", ModelFile.VERSION + 1)), "format version " + (ModelFile.VERSION + 1)
                + " is newer than this build of Potentia reads (up to " + ModelFile.VERSION + ")");
    }

    private Path edited(Consumer<ObjectNode> edit) throws IOException {
        Path file = dir.resolve("m.potentia");
        ModelFile.write(file, mixed());
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        edit.accept(root);
        root.put("checksum", "sha256:" + ModelFile.sha256(root));
        Files.writeString(file, root.toPrettyString(), StandardCharsets.UTF_8);
        return file;
    }

    private static void assertFails(Path file, String expected) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> read(file));
        assertTrue(e.getMessage().startsWith("model file " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
