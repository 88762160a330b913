package potentia.io;

/** Python's notion of whitespace ({@code str.isspace}, {@code str.split()}), for splitting lines as ASE does. */
final class PyText {
    private PyText() {
    }

    /** Whether Python's {@code str.isspace()} holds for this character. */
    static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
        }
        if (c < '\u0085') {
            return false; // the common case, kept away from the Unicode tables (splitting lines is hot)
        }
        return c == '\u0085' || c == '\u00a0' || Character.isSpaceChar(c);
    }

    /** Python's {@code str.strip()}. */
    static String strip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    /** Whether the line is empty or only whitespace. */
    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Python's {@code str.capitalize()} for the symbols of a species column ("SI" → "Si"). */
    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char first = s.charAt(0);
        boolean already = Character.isUpperCase(first) || !Character.isLetter(first);
        if (already) {
            boolean restLower = true;
            for (int i = 1; i < s.length() && restLower; i++) {
                restLower = !Character.isUpperCase(s.charAt(i));
            }
            if (restLower) {
                return s;
            }
        }
        return Character.toTitleCase(first) + s.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Splits chars [from, to) on runs of whitespace (Python's {@code str.split()}), recording
     * token boundaries.
     *
     * @param starts receives token start indices, modified
     * @param ends receives token end indices (exclusive), modified
     * @return the number of tokens, which may exceed the arrays' length (only the first fit are recorded)
     */
    static int split(char[] s, int from, int to, int[] starts, int[] ends) {
        int n = 0;
        int i = from;
        while (true) {
            while (i < to && isSpace(s[i])) {
                i++;
            }
            if (i >= to) {
                return n;
            }
            int a = i;
            while (i < to && !isSpace(s[i])) {
                i++;
            }
            if (n < starts.length) {
                starts[n] = a;
                ends[n] = i;
            }
            n++;
        }
    }
}
