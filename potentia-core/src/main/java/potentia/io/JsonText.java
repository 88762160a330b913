package potentia.io;

/**
 * The little JSON that extended XYZ needs: checking that a {@code _JSON} value is well formed
 * (ASE would fail on it otherwise), decoding a JSON string literal and quoting a string.
 * Values other than strings stay verbatim text; nothing here builds a tree.
 */
final class JsonText {
    private final String s;
    private int i;

    private JsonText(String s) {
        this.s = s;
    }

    /**
     * Checks that {@code text} is one JSON value, optionally surrounded by whitespace.
     *
     * @return null when it is, else what is wrong
     */
    static String problem(String text) {
        JsonText p = new JsonText(text);
        try {
            p.skipSpace();
            p.value(0);
            p.skipSpace();
            if (p.i != text.length()) {
                return "unexpected '" + text.charAt(p.i) + "' at offset " + p.i;
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The decoded string when {@code text} is a single JSON string literal (with optional surrounding whitespace), else null. */
    static String asString(String text) {
        JsonText p = new JsonText(text);
        p.skipSpace();
        if (p.i >= text.length() || text.charAt(p.i) != '"') {
            return null;
        }
        try {
            StringBuilder out = new StringBuilder();
            p.string(out);
            p.skipSpace();
            return p.i == text.length() ? out.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code value} as a JSON string literal (quotes, backslashes and control characters escaped). */
    static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && PyText.isSpace(c))) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private void value(int depth) {
        if (depth > 512) {
            throw new IllegalArgumentException("nested too deeply");
        }
        if (i >= s.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{' -> {
                i++;
                skipSpace();
                if (peek() == '}') {
                    i++;
                    return;
                }
                while (true) {
                    skipSpace();
                    if (peek() != '"') {
                        throw new IllegalArgumentException("expected a string key at offset " + i);
                    }
                    string(null);
                    skipSpace();
                    expect(':');
                    skipSpace();
                    value(depth + 1);
                    skipSpace();
                    if (peek() == ',') {
                        i++;
                    } else {
                        expect('}');
                        return;
                    }
                }
            }
            case '[' -> {
                i++;
                skipSpace();
                if (peek() == ']') {
                    i++;
                    return;
                }
                while (true) {
                    skipSpace();
                    value(depth + 1);
                    skipSpace();
                    if (peek() == ',') {
                        i++;
                    } else {
                        expect(']');
                        return;
                    }
                }
            }
            case '"' -> string(null);
            default -> {
                // Python's json also accepts NaN, Infinity and -Infinity
                for (String word : new String[] {"true", "false", "null", "NaN", "Infinity", "-Infinity"}) {
                    if (s.startsWith(word, i)) {
                        i += word.length();
                        return;
                    }
                }
                number();
            }
        }
    }

    private void number() {
        int start = i;
        if (peek() == '-') {
            i++;
        }
        if (peek() == '0') {
            i++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                i++;
            }
        } else {
            throw new IllegalArgumentException("unexpected " + describe() + " at offset " + start);
        }
        if (peek() == '.') {
            i++;
            if (!isDigit(peek())) {
                throw new IllegalArgumentException("bad number at offset " + start);
            }
            while (isDigit(peek())) {
                i++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            i++;
            if (peek() == '+' || peek() == '-') {
                i++;
            }
            if (!isDigit(peek())) {
                throw new IllegalArgumentException("bad number at offset " + start);
            }
            while (isDigit(peek())) {
                i++;
            }
        }
    }

    private void string(StringBuilder out) {
        expect('"');
        while (true) {
            if (i >= s.length()) {
                throw new IllegalArgumentException("unterminated string");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return;
            }
            if (c == '\\') {
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char e = s.charAt(i++);
                char decoded = switch (e) {
                    case '"' -> '"';
                    case '\\' -> '\\';
                    case '/' -> '/';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw new IllegalArgumentException("bad \\u escape");
                        }
                        try {
                            char u = (char) Integer.parseInt(s.substring(i, i + 4), 16);
                            i += 4;
                            yield u;
                        } catch (NumberFormatException ex) {
                            throw new IllegalArgumentException("bad \\u escape at offset " + i);
                        }
                    }
                    default -> throw new IllegalArgumentException("bad escape '\\" + e + "'");
                };
                if (out != null) {
                    out.append(decoded);
                }
            } else if (c < 0x20) {
                throw new IllegalArgumentException("control character in a string");
            } else if (out != null) {
                out.append(c);
            }
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected '" + c + "' but found " + describe() + " at offset " + i);
        }
        i++;
    }

    private String describe() {
        return i < s.length() ? "'" + s.charAt(i) + "'" : "the end";
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private void skipSpace() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
            i++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
