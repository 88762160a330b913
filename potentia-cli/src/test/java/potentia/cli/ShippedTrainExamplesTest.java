package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The shipped training configurations (others' scripts depend on them) still parse into options
 * the command knows, and their data files are shipped or come from the project's shared data.
 */
class ShippedTrainExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    static Stream<Path> configs() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            files = s.filter(p -> p.getFileName().toString().matches("train-.*\\.yaml")).sorted().toList();
        }
        assertTrue(files.stream().map(p -> p.getFileName().toString()).toList()
                .containsAll(List.of("train-si.yaml", "train-srtio.yaml", "train-ean.yaml", "train-srtio3-bulk.yaml")),
                "shipped: " + files);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("configs")
    void parsesIntoKnownOptionsAndNamesItsData(Path config) {
        CommandLine cl = new CommandLine(new TrainCommand());
        List<String> args = TrainConfig.arguments(config, cl.getCommandSpec(), Set.of());
        assertFalse(args.isEmpty(), config.toString());
        CommandLine fresh = new CommandLine(new TrainCommand());
        fresh.setCaseInsensitiveEnumValuesAllowed(true);
        fresh.parseArgs(args.toArray(String[]::new)); // throws on a bad value
        int data = args.indexOf("--data");
        assertTrue(data >= 0, config + " names no data");
        Path file = Path.of(args.get(data + 1));
        boolean shipped = file.startsWith(EXAMPLES.toAbsolutePath().normalize());
        boolean shared = file.getParent().endsWith(Path.of("shared", "data"));
        assertTrue(shipped && Files.isRegularFile(file) || shared, config + ": data " + file);
        assertEquals(config.toAbsolutePath().normalize().getParent(), EXAMPLES.toAbsolutePath().normalize());
    }
}
