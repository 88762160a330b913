package potentia.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.potential.Result;
import potentia.structure.Element;
import potentia.structure.Structure;

/** Model files: exact round trips, and clear refusals of corrupt, truncated, newer and inconsistent files. */
class ModelFileTest {
    private static final List<Element> SPECIES = List.of(Element.Si, Element.O);

    @TempDir
    Path dir;

    private static NetworkModel model() {
        return TestModels.random(SPECIES, 4.5, 2, List.of(8, 6, 4), 3, 21);
    }

    /** Reads with the descriptor stand-in (the spec's own descriptor is tested where it exists). */
    private static NetworkModel read(Path file) {
        return ModelFile.read(file, spec -> PairProductDescriptor.like((DescriptorSpec.Bessel) spec));
    }

    @Test
    void aRoundTripGivesBitIdenticalPredictions() {
        NetworkModel m = model();
        Path file = dir.resolve("m.potentia");
        ModelFile.write(file, m);
        NetworkModel back = read(file);
        assertEquals(m.descriptorSpec(), back.descriptorSpec());
        assertEquals(m.metadata(), back.metadata());
        assertArrayEquals(m.referenceEnergies(), back.referenceEnergies(), 0);
        assertArrayEquals(m.standardisation().mean(), back.standardisation().mean(), 0);
        assertArrayEquals(m.standardisation().std(), back.standardisation().std(), 0);
        for (int k = 0; k < m.committeeSize(); k++) {
            assertArrayEquals(m.members().get(k).parameters(), back.members().get(k).parameters(), 0);
            assertEquals(m.members().get(k).describe(), back.members().get(k).describe());
        }
        Structure s = PairProductDescriptorTest.smallTriclinic(22, 6, new boolean[] {true, true, true});
        Result a = NeuralNetworkPotential.of(m).compute(s);
        Result b = NeuralNetworkPotential.of(back).compute(s);
        assertEquals(a.energy(), b.energy(), 0);
        assertArrayEquals(a.forces(), b.forces(), 0);
        assertArrayEquals(a.virial(), b.virial(), 0);
        assertArrayEquals(a.forcesStd(), b.forcesStd(), 0);
        assertEquals(a.energyStd(), b.energyStd(), 0);
    }

    @Test
    void theFileIsSelfDescribingAndWrittenAtomically() throws IOException {
        Path file = dir.resolve("m.potentia");
        Files.writeString(file, "old content");
        ModelFile.write(file, model());
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        assertEquals("potentia-nn-model", root.get("format").asText());
        assertEquals(1, root.get("version").asInt());
        assertEquals("spherical-bessel", root.at("/descriptor/type").asText());
        assertEquals(4.5, root.at("/descriptor/cutoff").asDouble());
        assertEquals(2, root.at("/descriptor/n_max").asInt());
        assertEquals(3, root.get("committee").size());
        assertEquals("test model", root.at("/metadata/name").asText());
        assertTrue(root.get("checksum").asText().matches("sha256:[0-9a-f]{64}"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aChangedNumberFailsTheChecksum() throws IOException {
        Path file = written();
        String text = Files.readString(file);
        int at = text.indexOf("\"parameters\"");
        int digit = at;
        while (!Character.isDigit(text.charAt(digit)) || text.charAt(digit) == '0') {
            digit++;
        }
        char replaced = text.charAt(digit) == '9' ? '8' : (char) (text.charAt(digit) + 1);
        Files.writeString(file, text.substring(0, digit) + replaced + text.substring(digit + 1));
        assertFails(file, "checksum mismatch");
    }

    @Test
    void reindentingKeepsTheChecksumValid() throws IOException {
        Path file = written();
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        Files.writeString(file, root.toString()); // compact, no indentation
        assertEquals(3, read(file).committeeSize());
    }

    @Test
    void aTruncatedFileIsNamedAsTruncated() throws IOException {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        for (int cut : new int[] {bytes.length / 2, bytes.length - 1, 20}) {
            Files.write(file, java.util.Arrays.copyOf(bytes, cut));
            assertFails(file, "truncated");
        }
        Files.write(file, new byte[0]);
        assertFails(file, "empty");
    }

    @Test
    void aNewerVersionIsRefused() throws IOException {
        Path file = edited(root -> root.put("version", 2));
        assertFails(file, "format version 2 is newer than this build of Potentia reads (up to 1)");
    }

    @Test
    void otherDocumentsAreNotModels() throws IOException {
        Path file = dir.resolve("x.potentia");
        Files.writeString(file, "{\"format\": \"something-else\", \"version\": 1}");
        assertFails(file, "not a Potentia model");
        Files.writeString(file, "Si 0 0 0");
        assertFails(file, "not a valid JSON document");
        assertFails(dir.resolve("missing.potentia"), "no such file");
    }

    @Test
    void inconsistentShapesAreRefusedEvenWithAValidChecksum() throws IOException {
        assertFails(edited(root -> ((ArrayNode) root.at("/committee/1/parameters")).remove(0)),
                "committee[1].parameters has");
        assertFails(edited(root -> ((ObjectNode) root.at("/committee/0")).put("inputs", 5)),
                "committee[0].inputs is 5 but the descriptor gives 18 features");
        assertFails(edited(root -> ((ArrayNode) root.at("/standardisation/O/std")).add(1.0)),
                "standardisation.O.std' has 19 numbers, expected 18");
        assertFails(edited(root -> ((ArrayNode) root.at("/standardisation/Si/std")).set(3, 0.0)),
                "deviation of Si feature 3 must be finite and > 0");
        assertFails(edited(root -> ((ObjectNode) root.get("reference_energies")).remove("O")),
                "field 'reference_energies.O' is missing");
        assertFails(edited(root -> ((ObjectNode) root.get("descriptor")).put("type", "soap")),
                "unknown descriptor type 'soap'");
        assertFails(edited(root -> ((ObjectNode) root.get("descriptor")).put("features", 99)),
                "descriptor.features says 99");
        assertFails(edited(root -> ((ArrayNode) root.get("species")).set(1, "Xx")), "unknown element 'Xx'");
        assertFails(edited(root -> ((ArrayNode) root.at("/committee/0/parameters")).set(0, "abc")),
                "committee[0].parameters[0]' must be a finite number");
        assertFails(edited(root -> root.remove("committee")), "field 'committee' is missing");
    }

    @Test
    void aFailedWriteNamesTheFile() {
        Path file = dir.resolve("no-such-dir").resolve("m.potentia");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.write(file, model()));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("cannot write"), e.getMessage());
    }

    private Path written() {
        Path file = dir.resolve("m.potentia");
        ModelFile.write(file, model());
        return file;
    }

    /** The model file changed by {@code edit} and signed again, so only the edit can make it fail. */
    private Path edited(Consumer<ObjectNode> edit) throws IOException {
        Path file = written();
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
