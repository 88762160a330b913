package potentia.cmaes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {
    @TempDir
    Path dir;

    private Path saved() {
        Cmaes c = Cmaes.start(new double[] {1, 2}, 1, CmaesStopping.defaults(), 1);
        c.tell(PopulationEvaluator.evaluate(TestFunctions::sphere, c.ask(), 1));
        Path file = dir.resolve("state.ckpt");
        CheckpointFile.write(file, "cmaes", c.state()::write);
        return file;
    }

    private static String error(Path file, String kind) {
        return assertThrows(IllegalArgumentException.class, () -> CheckpointFile.read(file, kind, CmaesState::read))
                .getMessage();
    }

    @Test
    void aFlippedByteIsCaughtByTheChecksum() throws IOException {
        Path file = saved();
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 1;
        Files.write(file, b);
        String m = error(file, "cmaes");
        assertTrue(m.contains("corrupt checkpoint") && m.contains("checksum") && m.contains(file.toString()), m);
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        Path file = saved();
        byte[] b = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(b, b.length - 20));
        assertTrue(error(file, "cmaes").contains("corrupt checkpoint"));
        Files.write(file, new byte[3]);
        assertTrue(error(file, "cmaes").contains("corrupt checkpoint"));
    }

    @Test
    void anotherKindOrAMissingFileIsNamed() {
        Path file = saved();
        assertTrue(error(file, "search").contains("holds a 'cmaes'"));
        assertTrue(error(dir.resolve("nothing"), "cmaes").contains("not found"));
    }

    @Test
    void writingLeavesNoTemporaryFiles() throws IOException {
        saved();
        saved();
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
