package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage of --potential / --model (the model commands themselves need the descriptor: ModelCommandsTest). */
class ModelCommandTest {
    @TempDir
    Path dir;

    @Test
    void exactlyOneOfPotentialAndModelIsAUsageError() {
        CliRun none = CliRun.of("eval", "x.extxyz");
        assertEquals(2, none.exitCode(), none.err());
        assertTrue(none.err().contains("--potential=SPEC or --model=FILE"), none.err());
        CliRun both = CliRun.of("check-gradients", "-p", "sw", "--model", "m.potentia", "x.extxyz");
        assertEquals(2, both.exitCode(), both.err());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
    }

    @Test
    void aMissingModelFileIsOneClearLine() {
        Path missing = dir.resolve("none.potentia");
        CliRun run = CliRun.of("eval", "--model", missing.toString(), "x.extxyz");
        assertEquals(1, run.exitCode());
        assertEquals("eval: error: model file " + missing + ": no such file", run.err().strip());
    }
}
