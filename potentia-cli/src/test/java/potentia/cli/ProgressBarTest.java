package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress line: redrawn in place on a terminal, plain lines at an interval into a log. */
class ProgressBarTest {

    private static String drive(boolean live, long interval) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (ProgressBar bar = new ProgressBar(out, "ns", 10, "it", live, interval)) {
            for (int i = 1; i <= 10; i++) {
                bar.update(i, "T≈" + i);
            }
            bar.finish("done");
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLogGetsPlainLinesAtTheIntervalAndTheSummary() {
        String log = drive(false, 0);
        assertEquals(11, log.lines().count(), log);
        assertTrue(log.lines().allMatch(l -> l.startsWith("ns [")) && !log.contains("\r"), log);
        assertTrue(log.contains("5/10 it") && log.contains("T≈5") && log.strip().endsWith("done"), log);
        String quiet = drive(false, Long.MAX_VALUE);
        assertEquals(1, quiet.lines().count(), "a long interval leaves only the summary: " + quiet);
        assertTrue(quiet.contains("10/10 it"), quiet);
    }

    @Test
    void aTerminalRedrawsInPlace() {
        String term = drive(true, 0);
        assertTrue(term.contains("\r") && term.contains("\u001b[K"), term);
        assertTrue(term.strip().endsWith("done"), term);
    }
}
