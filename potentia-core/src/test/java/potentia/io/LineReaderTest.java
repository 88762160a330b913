package potentia.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

class LineReaderTest {

    /** A reader that hands out at most a few characters per call, so that lines straddle refills. */
    private static Reader trickle(String text, SplittableRandom rng) {
        return new Reader() {
            private int pos;

            @Override
            public int read(char[] b, int off, int len) {
                if (pos >= text.length()) {
                    return -1;
                }
                int n = Math.min(Math.min(len, 1 + rng.nextInt(7)), text.length() - pos);
                text.getChars(pos, pos + n, b, off);
                pos += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    @RepeatedTest(50)
    void splitsLinesExactlyAsBufferedReader(RepetitionInfo rep) throws IOException {
        var rng = new SplittableRandom(rep.getCurrentRepetition());
        StringBuilder sb = new StringBuilder();
        String[] pieces = {"\n", "\r", "\r\n", "\n\r", "a", "bc", " ", "Si 1.0 2.0", "é", "\t"};
        int len = rng.nextInt(0, 300);
        for (int k = 0; k < len; k++) {
            sb.append(pieces[rng.nextInt(pieces.length)]);
        }
        String text = sb.toString();
        List<String> expected = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                expected.add(l);
            }
        }
        List<String> actual = new ArrayList<>();
        try (LineReader r = new LineReader(trickle(text, rng), 1 + rng.nextInt(40))) {
            while (r.next()) {
                actual.add(r.text());
            }
        }
        assertEquals(expected, actual, text);
    }
}
