package potentia.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers for people: four significant digits without trailing zeros ("5", "0.02", "1.995", "3.1e-07"). */
final class NumberText {
    private NumberText() {
    }

    static String of(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e7)) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        return BigDecimal.valueOf(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
