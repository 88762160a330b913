package potentia.io;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as Python reads and prints them, so that files agree with ASE to the byte:
 * {@code int(s)} and {@code float(s)} grammars (signs, {@code _} between digits, {@code inf},
 * {@code nan}), {@code repr(float)} (shortest round-trip digits, scientific notation when the
 * exponent is below −4 or at least 16) and {@code '%W.Pf' % x} (exactly rounded, ties to even).
 */
final class PyNumbers {
    /** Powers of ten that are exact doubles (10^0 … 10^22). */
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private PyNumbers() {
    }

    // ---------------------------------------------------------------- parsing

    /**
     * Python {@code int(s)} for s = chars [from, to): optional sign, decimal digits with single
     * underscores between them.
     *
     * @throws NumberFormatException when the text is not an integer or does not fit in a long
     */
    static long parseInt(char[] s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (s[i] == '+' || s[i] == '-')) {
            negative = s[i] == '-';
            i++;
        }
        if (i >= to) {
            throw new NumberFormatException(new String(s, from, to - from));
        }
        long v = 0;
        boolean lastWasDigit = false;
        for (; i < to; i++) {
            char c = s[i];
            if (c >= '0' && c <= '9') {
                // accumulate negatively so that Long.MIN_VALUE fits
                long next = v * 10 - (c - '0');
                if (v < Long.MIN_VALUE / 10 || next > v) {
                    throw new NumberFormatException("integer out of range: " + new String(s, from, to - from));
                }
                v = next;
                lastWasDigit = true;
            } else if (c == '_' && lastWasDigit && i + 1 < to && isDigit(s[i + 1])) {
                lastWasDigit = false;
            } else {
                throw new NumberFormatException(new String(s, from, to - from));
            }
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                throw new NumberFormatException("integer out of range: " + new String(s, from, to - from));
            }
            v = -v;
        }
        return v;
    }

    static long parseInt(String s, int from, int to) {
        return parseInt(s.toCharArray(), from, to);
    }

    static long parseInt(String s) {
        return parseInt(s, 0, s.length());
    }

    /**
     * Whether {@code s} is a Python integer literal that fits in a long, without the cost of an
     * exception (typing a comment line tries integers first on every value).
     */
    static boolean isInt(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (i >= n || !isDigit(s.charAt(i)) || !isDigit(s.charAt(n - 1))) {
            return false;
        }
        int digits = 0;
        for (int k = i; k < n; k++) {
            char c = s.charAt(k);
            if (isDigit(c)) {
                digits++;
            } else if (c != '_' || !isDigit(s.charAt(k - 1))) {
                return false;
            }
        }
        if (digits < 19) {
            return true;
        }
        try {
            parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether {@code s} is a Python float literal, without the cost of an exception. */
    static boolean isFloat(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (i < n && !isDigit(s.charAt(i)) && s.charAt(i) != '.') {
            String word = s.substring(i).toLowerCase(java.util.Locale.ROOT);
            return word.equals("inf") || word.equals("infinity") || word.equals("nan");
        }
        int j = i;
        int intDigits = scanDigitPart(s, j);
        j += intDigits;
        int fracDigits = 0;
        if (j < n && s.charAt(j) == '.') {
            j++;
            fracDigits = scanDigitPart(s, j);
            j += fracDigits;
        }
        if (intDigits == 0 && fracDigits == 0) {
            return false;
        }
        if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
            j++;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            int expDigits = scanDigitPart(s, j);
            if (expDigits == 0) {
                return false;
            }
            j += expDigits;
        }
        return j == n;
    }

    /**
     * Python {@code float(s)} for s = chars [from, to). Plain decimals of up to 15 digits (what
     * {@code %16.8f} writes) take a hand-written fast path, because reading columns of reals is
     * the hot loop of reading a large file: m / 10^k with m &lt; 2^53 and k ≤ 22 is one correctly
     * rounded division of exact doubles, so the result is the correctly rounded value. Everything
     * else goes through {@link #parseFloatReference}.
     *
     * @throws NumberFormatException when the text is not a Python float literal
     */
    static double parseFloat(char[] s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to) {
            char c = s[i];
            if (c == '-' || c == '+') {
                negative = c == '-';
                i++;
            }
        }
        long m = 0;
        int digits = 0;
        int fraction = 0;
        boolean dot = false;
        for (; i < to; i++) {
            char c = s[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 15) {
                    return parseFloatReference(new String(s, from, to - from), 0, to - from);
                }
                m = m * 10 + (c - '0');
                if (dot) {
                    fraction++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return parseFloatReference(new String(s, from, to - from), 0, to - from);
            }
        }
        if (digits == 0) {
            return parseFloatReference(new String(s, from, to - from), 0, to - from);
        }
        double v = fraction == 0 ? (double) m : (double) m / POW10[fraction];
        return negative ? -v : v;
    }

    static double parseFloat(String s, int from, int to) {
        return parseFloat(s.toCharArray(), from, to);
    }

    static double parseFloat(String s) {
        return parseFloat(s, 0, s.length());
    }

    /** The slow, obviously-right path of {@link #parseFloat}: validate Python's grammar, then let the JDK round. */
    static double parseFloatReference(String s, int from, int to) {
        String t = s.substring(from, to);
        int i = 0;
        boolean negative = false;
        if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            negative = t.charAt(i) == '-';
            i++;
        }
        String rest = t.substring(i).toLowerCase(java.util.Locale.ROOT);
        if (rest.equals("inf") || rest.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (rest.equals("nan")) {
            return Double.NaN;
        }
        // digitpart ("." digitpart?)? | "." digitpart, then optional exponent
        int j = i;
        int intDigits = scanDigitPart(t, j);
        j += intDigits;
        int fracDigits = 0;
        if (j < t.length() && t.charAt(j) == '.') {
            j++;
            fracDigits = scanDigitPart(t, j);
            j += fracDigits;
        }
        if (intDigits == 0 && fracDigits == 0) {
            throw new NumberFormatException(t);
        }
        if (j < t.length() && (t.charAt(j) == 'e' || t.charAt(j) == 'E')) {
            j++;
            if (j < t.length() && (t.charAt(j) == '+' || t.charAt(j) == '-')) {
                j++;
            }
            int expDigits = scanDigitPart(t, j);
            if (expDigits == 0) {
                throw new NumberFormatException(t);
            }
            j += expDigits;
        }
        if (j != t.length()) {
            throw new NumberFormatException(t);
        }
        return Double.parseDouble(t.indexOf('_') >= 0 ? t.replace("_", "") : t);
    }

    /** Length of a Python digitpart (digit ("_"? digit)*) starting at {@code i}; 0 if none. */
    private static int scanDigitPart(String t, int i) {
        int j = i;
        while (j < t.length()) {
            char c = t.charAt(j);
            if (isDigit(c)) {
                j++;
            } else if (c == '_' && j > i && j + 1 < t.length() && isDigit(t.charAt(j + 1))) {
                j++;
            } else {
                break;
            }
        }
        return j - i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ---------------------------------------------------------------- formatting

    /** Python's {@code repr(x)} (= {@code '{}'.format(x)}) of a double. */
    static String repr(double v) {
        StringBuilder sb = new StringBuilder(24);
        appendRepr(sb, v);
        return sb.toString();
    }

    /** Appends Python's {@code repr(x)} of a double. */
    static void appendRepr(StringBuilder sb, double v) {
        if (Double.isNaN(v)) {
            sb.append("nan");
            return;
        }
        if (Double.isInfinite(v)) {
            sb.append(v > 0 ? "inf" : "-inf");
            return;
        }
        boolean negative = (Double.doubleToRawLongBits(v) < 0);
        if (negative) {
            sb.append('-');
        }
        double a = Math.abs(v);
        if (a == 0) {
            sb.append("0.0");
            return;
        }
        // Java's Double.toString gives the shortest round-trip digits (JDK ≥ 19) in another layout;
        // take its digits and decimal exponent: a = 0.DIGITS × 10^point
        String j = Double.toString(a);
        int e = j.indexOf('E');
        String mantissa = e < 0 ? j : j.substring(0, e);
        int exp10 = e < 0 ? 0 : Integer.parseInt(j.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = dot + exp10;
        int lead = 0;
        while (all.charAt(lead) == '0') {
            lead++;
        }
        int end = all.length();
        while (all.charAt(end - 1) == '0') {
            end--;
        }
        String digits = all.substring(lead, end);
        point -= lead;
        if (digits.length() == 2) {
            // Java picks the closest of the 1- and 2-digit decimals that round to a; Python the shortest
            String[] one = oneDigit(a, digits, point);
            if (one != null) {
                digits = one[0];
                point = Integer.parseInt(one[1]);
            }
        }
        int x = point - 1;
        int n = digits.length();
        if (x >= -4 && x < 16) {
            if (point <= 0) {
                sb.append("0.");
                sb.repeat('0', -point);
                sb.append(digits);
            } else if (point >= n) {
                sb.append(digits);
                sb.repeat('0', point - n);
                sb.append(".0");
            } else {
                sb.append(digits, 0, point).append('.').append(digits, point, n);
            }
        } else {
            sb.append(digits.charAt(0));
            if (n > 1) {
                sb.append('.').append(digits, 1, n);
            }
            sb.append('e').append(x < 0 ? '-' : '+');
            int ax = Math.abs(x);
            if (ax < 10) {
                sb.append('0');
            }
            sb.append(ax);
        }
    }

    /**
     * A 1-digit decimal that rounds to {@code a}, if any (the closest when two do), as
     * {digit, point}; null when none does.
     */
    private static String[] oneDigit(double a, String digits, int point) {
        int d = digits.charAt(0) - '0';
        String[] best = null;
        BigDecimal bestDistance = null;
        BigDecimal exact = new BigDecimal(a);
        for (int cand = d; cand <= d + 1; cand++) {
            int cd = cand;
            int cp = point;
            if (cd == 10) {
                cd = 1;
                cp++;
            }
            String text = cd + "E" + (cp - 1);
            if (Double.parseDouble(text) == a) {
                BigDecimal distance = new BigDecimal(text).subtract(exact).abs();
                if (best == null || distance.compareTo(bestDistance) < 0) {
                    best = new String[] {Integer.toString(cd), Integer.toString(cp)};
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /**
     * Appends Python's {@code '%W.8f' % x}: exactly rounded to 8 decimals (ties to even, as C's
     * printf), right-aligned in {@code width} characters; {@code nan}, {@code inf}, {@code -inf}
     * as Python prints them. Java's {@code %16.8f} rounds the shortest decimal instead of the
     * binary value and would differ from ASE's files in the last digit now and then.
     */
    static void appendFixed8(StringBuilder sb, double v, int width) {
        int start = sb.length();
        if (Double.isNaN(v)) {
            sb.append("nan");
        } else if (Double.isInfinite(v)) {
            sb.append(v > 0 ? "inf" : "-inf");
        } else {
            boolean negative = Double.doubleToRawLongBits(v) < 0;
            double a = Math.abs(v);
            if (negative) {
                sb.append('-');
            }
            if (a < 1e6) {
                long units = roundedUnits(a);
                long whole = units / 100_000_000L;
                long frac = units % 100_000_000L;
                sb.append(whole).append('.');
                String f = Long.toString(frac);
                sb.repeat('0', 8 - f.length());
                sb.append(f);
            } else {
                sb.append(new BigDecimal(a).setScale(8, RoundingMode.HALF_EVEN).toPlainString());
            }
        }
        int len = sb.length() - start;
        if (len < width) {
            sb.insert(start, " ".repeat(width - len));
        }
    }

    /**
     * round(a × 10^8) for 0 ≤ a &lt; 10^6, exactly (ties to even). The product is computed in
     * floating point; only when it lies within its own rounding error of a half-integer does the
     * exact BigDecimal path decide.
     */
    static long roundedUnits(double a) {
        double p = a * 1e8;
        double fl = Math.floor(p);
        double frac = p - fl; // exact (Sterbenz)
        if (Math.abs(frac - 0.5) > Math.ulp(p)) {
            return (long) fl + (frac > 0.5 ? 1 : 0);
        }
        return new BigDecimal(a).setScale(8, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    /**
     * Appends Python's {@code '%W.Df' % x} for any number of decimals (exactly rounded, ties to
     * even), right-aligned in {@code width} characters. Not a hot path: BigDecimal does the rounding.
     */
    static void appendFixed(StringBuilder sb, double v, int decimals, int width) {
        String t;
        if (Double.isNaN(v)) {
            t = "nan";
        } else if (Double.isInfinite(v)) {
            t = v > 0 ? "inf" : "-inf";
        } else {
            t = (Double.doubleToRawLongBits(v) < 0 ? "-" : "")
                    + new BigDecimal(Math.abs(v)).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        }
        sb.repeat(' ', Math.max(0, width - t.length()));
        sb.append(t);
    }

    /** The reference for {@link #appendFixed8}: BigDecimal all the way. */
    static String fixed8Reference(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(Math.abs(v)).setScale(8, RoundingMode.HALF_EVEN).toPlainString();
        return (Double.doubleToRawLongBits(v) < 0 ? "-" : "") + s;
    }
}
