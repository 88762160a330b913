package potentia.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import potentia.structure.InfoValue;

/**
 * The key=value language of an extended XYZ comment line, read and written as ASE 3.22 does
 * ({@code ase/io/extxyz.py}: {@code key_val_str_to_dict}, {@code key_val_dict_to_str}).
 *
 * <p>Reading, character by character: whitespace separates pairs; {@code "…"}, {@code '…'},
 * {@code {…}} and {@code […]} group text (the delimiters themselves are dropped); a backslash
 * takes the next character literally; spaces around {@code =} are allowed; a key without
 * {@code =} means true. Then each value is typed: integers, else reals (one number → scalar,
 * several separated by spaces or commas → vector), else T/F logicals, else {@code _JSON …}
 * (a JSON string literal becomes text, anything else stays verbatim JSON), else text. The key
 * {@code uid} (any case) is always text. One quirk is kept for fidelity: an empty value followed
 * by whitespace swallows the next pair ({@code a= b=1} reads as {@code a} = "b=1"), as in ASE.
 *
 * <p>Writing: numbers as Python's {@code repr}, logicals T/F, vectors space-separated, values
 * with spaces, quotes or brackets in double quotes with {@code "} escaped. Two deliberate
 * departures, both only where ASE's own output would not read back as written: backslashes are
 * escaped ({@code \\}), and a text that would read back as something else (a number, T/F, an
 * empty value, {@code _JSON …}, one with line breaks) is written as a JSON string literal
 * ({@code _JSON "…"}), which ASE and this reader both read back as that text.
 */
final class ExtxyzInfo {
    /** Keys whose value is a 3×3 matrix of 9 numbers (stress and virial may also be 6 Voigt numbers). */
    static final List<String> MATRIX_KEYS = List.of("Lattice", "virial", "stress");

    /** One key and its raw (untyped) value; {@code value} is null for a bare key. */
    record Pair(String key, String value) {
    }

    private ExtxyzInfo() {
    }

    /**
     * Splits a comment line into key/value pairs, in order.
     *
     * @throws IllegalArgumentException on an unterminated quote, an {@code =} without a key, or an empty key
     */
    static List<Pair> split(String line) {
        String s = PyText.strip(line);
        // each pair: a list of parts, key first, then values (joined by '=' when there are several)
        List<List<StringBuilder>> pairs = new ArrayList<>();
        pairs.add(newPair());
        char closing = 0;
        char opening = 0;
        boolean escaped = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            List<StringBuilder> last = pairs.get(pairs.size() - 1);
            StringBuilder part = last.get(last.size() - 1);
            if (escaped) {
                part.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (closing != 0) {
                if (c == closing) {
                    closing = 0;
                } else {
                    part.append(c);
                }
            } else if (c == '"' || c == '\'' || c == '{' || c == '[') {
                opening = c;
                closing = switch (c) {
                    case '{' -> '}';
                    case '[' -> ']';
                    default -> c;
                };
            } else if (PyText.isSpace(c)) {
                if (part.isEmpty()) {
                    continue;
                }
                pairs.add(newPair());
            } else if (c == '=') {
                if (last.size() == 1 && part.isEmpty()) {
                    pairs.remove(pairs.size() - 1);
                    if (pairs.isEmpty()) {
                        throw new IllegalArgumentException("'=' without a key");
                    }
                    last = pairs.get(pairs.size() - 1);
                }
                last.add(new StringBuilder());
            } else {
                part.append(c);
            }
        }
        if (closing != 0) {
            throw new IllegalArgumentException("unterminated " + opening + " (no closing " + closing + ")");
        }
        List<Pair> out = new ArrayList<>(pairs.size());
        for (List<StringBuilder> p : pairs) {
            String key = p.get(0).toString();
            if (p.size() == 1 && key.isEmpty()) {
                if (pairs.size() == 1) {
                    continue; // an empty line
                }
            }
            if (key.isEmpty()) {
                throw new IllegalArgumentException("a value without a key");
            }
            if (p.size() == 1) {
                out.add(new Pair(key, null));
            } else {
                StringBuilder v = new StringBuilder();
                for (int k = 1; k < p.size(); k++) {
                    if (k > 1) {
                        v.append('=');
                    }
                    v.append(p.get(k));
                }
                out.add(new Pair(key, v.toString()));
            }
        }
        return out;
    }

    private static List<StringBuilder> newPair() {
        List<StringBuilder> p = new ArrayList<>(2);
        p.add(new StringBuilder());
        return p;
    }

    /**
     * Types a raw value as ASE does (see the class comment).
     *
     * @param raw the value text, or null for a bare key (true)
     * @throws IllegalArgumentException for malformed {@code _JSON} values
     */
    static InfoValue typed(String key, String raw) {
        if (raw == null) {
            raw = "T";
        }
        if (key.toLowerCase(Locale.ROOT).equals("uid")) {
            return new InfoValue.Text(raw);
        }
        List<String> tokens = tokens(raw);
        if (tokens.stream().allMatch(PyNumbers::isInt)) {
            long[] ints = new long[tokens.size()];
            for (int k = 0; k < ints.length; k++) {
                ints[k] = PyNumbers.parseInt(tokens.get(k));
            }
            return ints.length == 1 ? new InfoValue.Int(ints[0]) : new InfoValue.Ints(ints);
        }
        // as numpy: if any is not an integer, all are tried as reals
        if (tokens.stream().allMatch(PyNumbers::isFloat)) {
            double[] reals = new double[tokens.size()];
            for (int k = 0; k < reals.length; k++) {
                reals[k] = PyNumbers.parseFloat(tokens.get(k));
            }
            return reals.length == 1 ? new InfoValue.Real(reals[0]) : new InfoValue.Reals(reals);
        }
        boolean[] bools = new boolean[tokens.size()];
        boolean allBools = true;
        for (int k = 0; k < bools.length && allBools; k++) {
            String t = tokens.get(k);
            allBools = t.equals("T") || t.equals("F");
            bools[k] = t.equals("T");
        }
        if (allBools) {
            return bools.length == 1 ? new InfoValue.Bool(bools[0]) : new InfoValue.Bools(bools);
        }
        if (raw.startsWith("_JSON ")) {
            String json = raw.substring("_JSON ".length());
            String problem = JsonText.problem(json);
            if (problem != null) {
                throw new IllegalArgumentException("malformed _JSON value: " + problem);
            }
            String text = JsonText.asString(json);
            return text != null ? new InfoValue.Text(text) : new InfoValue.Json(json);
        }
        return new InfoValue.Text(raw);
    }

    /** Python's {@code re.findall(r'[^\s,]+', value)}. */
    static List<String> tokens(String raw) {
        List<String> out = new ArrayList<>();
        int n = raw.length();
        int k = 0;
        while (k < n) {
            while (k < n && isSeparator(raw.charAt(k))) {
                k++;
            }
            int a = k;
            while (k < n && !isSeparator(raw.charAt(k))) {
                k++;
            }
            if (k > a) {
                out.add(raw.substring(a, k));
            }
        }
        return out;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || PyText.isSpace(c);
    }

    // ---------------------------------------------------------------- writing

    /**
     * Appends {@code key=value} as ASE writes it.
     *
     * @throws IllegalArgumentException for a key ASE cannot read back (empty, with '=' or a line
     *     break) or a value it cannot carry (an empty vector; JSON with a line break)
     */
    static void appendPair(StringBuilder sb, String key, InfoValue value) {
        if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("info key '" + key + "' cannot be written (empty, or contains '=' or a line break)");
        }
        sb.append(quoted(key)).append('=').append(quoted(valueText(key, value)));
    }

    /** The unquoted text of a value. */
    static String valueText(String key, InfoValue value) {
        return switch (value) {
            case InfoValue.Int i -> Long.toString(i.value());
            case InfoValue.Real r -> PyNumbers.repr(r.value());
            case InfoValue.Bool b -> b.value() ? "T" : "F";
            case InfoValue.Ints v -> {
                requireNonEmpty(key, v.length());
                StringBuilder t = new StringBuilder();
                for (int k = 0; k < v.length(); k++) {
                    (k > 0 ? t.append(' ') : t).append(v.get(k));
                }
                yield t.toString();
            }
            case InfoValue.Reals v -> {
                requireNonEmpty(key, v.length());
                StringBuilder t = new StringBuilder();
                for (int k = 0; k < v.length(); k++) {
                    if (k > 0) {
                        t.append(' ');
                    }
                    PyNumbers.appendRepr(t, v.get(k));
                }
                yield t.toString();
            }
            case InfoValue.Bools v -> {
                requireNonEmpty(key, v.length());
                StringBuilder t = new StringBuilder();
                for (int k = 0; k < v.length(); k++) {
                    (k > 0 ? t.append(' ') : t).append(v.get(k) ? 'T' : 'F');
                }
                yield t.toString();
            }
            case InfoValue.Json j -> {
                if (j.json().indexOf('\n') >= 0 || j.json().indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("info '" + key + "': JSON value contains a line break");
                }
                yield "_JSON " + j.json();
            }
            case InfoValue.Text t -> readsBackAsText(key, t.value()) ? t.value() : "_JSON " + JsonText.quote(t.value());
        };
    }

    private static void requireNonEmpty(String key, int length) {
        if (length == 0) {
            // ASE writes "key=" and then reads the following pair as this value
            throw new IllegalArgumentException("info '" + key + "' is an empty vector, which extended XYZ cannot carry");
        }
    }

    private static boolean readsBackAsText(String key, String text) {
        if (text.isEmpty() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            if (Character.isISOControl(text.charAt(k))) {
                return false;
            }
        }
        try {
            // the whole path back: splitting (an unquoted trailing '=' would swallow the next pair), then typing
            List<Pair> back = split(quoted(key) + "=" + quoted(text) + " next=1");
            return back.size() == 2 && text.equals(back.get(0).value())
                    && typed(key, text) instanceof InfoValue.Text t && t.value().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * ASE's {@code escape}: double-quotes text that contains a space, a quote or a bracket,
     * escaping {@code "}; additionally escapes backslashes (ASE's reader would drop them) and quotes
     * text with any whitespace (ASE's reader splits on tabs too).
     */
    static String quoted(String text) {
        boolean quote = false;
        boolean backslash = false;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '"' || c == '\'' || c == '{' || c == '}' || c == '[' || c == ']' || PyText.isSpace(c)) {
                quote = true;
            } else if (c == '\\') {
                backslash = true;
            }
        }
        if (!quote && !backslash) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        if (quote) {
            sb.append('"');
        }
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\\' || (quote && c == '"')) {
                sb.append('\\');
            }
            sb.append(c);
        }
        if (quote) {
            sb.append('"');
        }
        return sb.toString();
    }
}
