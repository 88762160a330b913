package potentia.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text, ended by {@code \n}, {@code \r} or {@code \r\n} exactly as
 * {@link java.io.BufferedReader#readLine()} ends them, handed out as ranges of an internal
 * buffer instead of new strings: the atom lines of a large file are parsed in place, which saves
 * a copy and an allocation per line (reading atom lines is the hot loop of reading a file).
 * The range is valid until the next call of {@link #next()}.
 */
final class LineReader implements AutoCloseable {
    private final Reader in;
    private char[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private int start;
    private int end;

    LineReader(Reader in, int bufferSize) {
        this.in = in;
        this.buf = new char[Math.max(16, bufferSize)];
    }

    /** Advances to the next line; false at the end of the text. */
    boolean next() throws IOException {
        int i = pos;
        while (true) {
            char[] b = buf;
            int lim = limit;
            while (i < lim) {
                char c = b[i];
                if (c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
            if (i < limit) {
                if (buf[i] == '\r' && i + 1 >= limit && !eof) {
                    i -= fill(); // is the next character a '\n'?
                    continue;
                }
                start = pos;
                end = i;
                pos = buf[i] == '\r' && i + 1 < limit && buf[i + 1] == '\n' ? i + 2 : i + 1;
                return true;
            }
            if (eof) {
                if (pos < limit) {
                    start = pos;
                    end = limit;
                    pos = limit;
                    return true;
                }
                return false;
            }
            i -= fill();
        }
    }

    /**
     * Moves the unread text to the front (growing the buffer when it is full) and reads more.
     *
     * @return how far the unread text moved towards the front
     */
    private int fill() throws IOException {
        int shift = pos;
        if (shift > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        } else if (limit == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        return shift;
    }

    /** The buffer holding the current line (valid until {@link #next()}). */
    char[] buffer() {
        return buf;
    }

    /** Index of the current line's first character in {@link #buffer()}. */
    int start() {
        return start;
    }

    /** Index just past the current line's last character (its terminator excluded). */
    int end() {
        return end;
    }

    /** The current line as a string. */
    String text() {
        return new String(buf, start, end - start);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
