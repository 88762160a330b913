package potentia.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PyNumbersTest {

    /** python_floats.txt: bits, Python's repr and '%16.8f' of ~1,800 doubles of every kind. */
    @Test
    void printsDoublesAsPython() {
        int lines = 0;
        for (String line : Fixtures.text("python_floats.txt").split("\n")) {
            int a = line.indexOf(' ');
            int b = line.indexOf(' ', a + 1);
            double v = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, a), 16));
            String repr = line.substring(a + 1, b);
            String fixed = line.substring(b + 2, line.length() - 1);
            assertEquals(repr, PyNumbers.repr(v), line);
            StringBuilder sb = new StringBuilder();
            PyNumbers.appendFixed8(sb, v, 16);
            assertEquals(fixed, sb.toString(), line);
            String ref = PyNumbers.fixed8Reference(v);
            assertEquals(fixed.strip(), ref, line);
            // and Python's repr reads back as the same double
            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(PyNumbers.parseFloat(repr)), line);
            lines++;
        }
        assertEquals(true, lines > 1500);
    }

    @Test
    void fastParsingAgreesWithTheReference() {
        var rng = new SplittableRandom(11);
        for (int k = 0; k < 40_000; k++) {
            double v = switch (k % 4) {
                case 0 -> (rng.nextDouble() - 0.5) * 2e3;
                case 1 -> (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-12, 12));
                case 2 -> Math.rint(rng.nextDouble() * 1e12) / 1e8;
                default -> Double.longBitsToDouble(rng.nextLong());
            };
            for (String t : List.of(fixed(v), PyNumbers.repr(v), Double.toString(v).replace("Infinity", "inf").replace("NaN", "nan"))) {
                double fast = PyNumbers.parseFloat(t);
                double slow = PyNumbers.parseFloatReference(t, 0, t.length());
                assertEquals(Double.doubleToLongBits(slow), Double.doubleToLongBits(fast), t);
            }
            if (Double.isFinite(v)) {
                StringBuilder sb = new StringBuilder();
                PyNumbers.appendFixed8(sb, v, 0);
                assertEquals(PyNumbers.fixed8Reference(v), sb.toString());
            }
        }
    }

    private static String fixed(double v) {
        StringBuilder sb = new StringBuilder();
        PyNumbers.appendFixed8(sb, v, 0);
        return sb.toString();
    }

    @Test
    void pythonGrammars() {
        assertEquals(1000, PyNumbers.parseInt("1_000"));
        assertEquals(7, PyNumbers.parseInt("+7"));
        assertEquals(-7, PyNumbers.parseInt("-007"));
        assertEquals(Long.MIN_VALUE, PyNumbers.parseInt("-9223372036854775808"));
        assertEquals(10.5, PyNumbers.parseFloat("1_0.5"));
        assertEquals(0.5, PyNumbers.parseFloat(".5"));
        assertEquals(1.0, PyNumbers.parseFloat("1."));
        assertEquals(Double.NEGATIVE_INFINITY, PyNumbers.parseFloat("-Infinity"));
        assertEquals(Double.POSITIVE_INFINITY, PyNumbers.parseFloat("INF"));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(PyNumbers.parseFloat("-0.0")));
        assertEquals(1e5, PyNumbers.parseFloat("1E+5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "-", "1__0", "_1", "1_", "1.5", "0x10", "1e5", " 1", "9223372036854775808", "١"})
    void notPythonInts(String s) {
        assertThrows(NumberFormatException.class, () -> PyNumbers.parseInt(s));
        assertEquals(false, PyNumbers.isInt(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "e5", "1e", "1e+", "1d", "1f", "0x1p3", "NaNx", "Infinityy", "1..2", "1_.5", "--1", "1 "})
    void notPythonFloats(String s) {
        assertThrows(NumberFormatException.class, () -> PyNumbers.parseFloat(s));
        assertEquals(false, PyNumbers.isFloat(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-7", "+7", "1_000", "007", "9223372036854775807", "-9223372036854775808"})
    void pythonInts(String s) {
        assertEquals(true, PyNumbers.isInt(s));
        assertEquals(Long.parseLong(s.replace("_", "")), PyNumbers.parseInt(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-7.", ".5", "+1e5", "1_0.5_5", "1E-3", "nan", "-Infinity", "inf", "1.5e+300", "123456789012345678901234"})
    void pythonFloats(String s) {
        assertEquals(true, PyNumbers.isFloat(s));
        PyNumbers.parseFloat(s);
    }
}
