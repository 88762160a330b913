package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.cli.plot.Charts;

class ChartsTest {
    @TempDir
    Path dir;

    @Test
    void writesReadablePngs() throws IOException {
        double[] x = {0, 1, 2, 3};
        double[] y = {1, 0.5, 0.25, 0.125};
        Path line = dir.resolve("sub/line.png");
        Charts.line(line, "decay", "t", "y", List.of(new Charts.Series("y", x, y)), true);
        Path parity = dir.resolve("parity.png");
        Charts.parity(parity, "parity", "eV", x, y);
        Path hist = dir.resolve("hist.png");
        Charts.histogram(hist, "h", "E", new double[] {1, 2, 2, 3, 3, 3}, 3);
        for (Path p : List.of(line, parity, hist)) {
            BufferedImage img = ImageIO.read(p.toFile());
            assertEquals(900, img.getWidth());
            assertEquals(600, img.getHeight());
        }
        assertTrue(dir.resolve("sub").toFile().list().length == 1, "no temporary file left");
    }
}
