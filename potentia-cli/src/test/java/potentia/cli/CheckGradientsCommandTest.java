package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.io.ExtxyzWriter;
import potentia.testing.RandomStructures;

class CheckGradientsCommandTest {
    @TempDir
    Path dir;

    @Test
    void analyticDerivativesPassAndAnImpossibleToleranceFails() {
        Path in = dir.resolve("si.extxyz");
        ExtxyzWriter.writeAll(in, List.of(
                RandomStructures.rattle(RandomStructures.diamond(5.431, 1), new SplittableRandom(5), 0.15)));
        CliRun ok = CliRun.of("check-gradients", "-p", "sw", in.toString());
        assertEquals(0, ok.exitCode(), ok.out() + ok.err());
        assertTrue(ok.out().contains("OK: worst relative deviation"), ok.out());

        CliRun strict = CliRun.of("check-gradients", "-p", "sw", "--tolerance", "1e-16", in.toString());
        assertEquals(3, strict.exitCode(), strict.out());
        assertTrue(strict.out().contains("FAILED"), strict.out());
    }
}
