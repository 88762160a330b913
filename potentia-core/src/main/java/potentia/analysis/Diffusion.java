package potentia.analysis;

import java.util.Locale;

/**
 * A self-diffusion coefficient with its error and how it was obtained.
 *
 * @param coefficient D, Å²/fs (internal units; see {@link #inAngstrom2PerPs()} and {@link #inSi()})
 * @param error one standard error of D from the spread over independent time blocks, Å²/fs
 *     (NaN when the trajectory holds fewer than two blocks, see {@link #note()})
 * @param windowStart start of the fit window (or integration limit), fs
 * @param windowEnd end of the fit window (or integration limit), fs
 * @param blocks the number of independent blocks behind {@code error}
 * @param note empty, or why the error is missing
 */
public record Diffusion(double coefficient, double error, double windowStart, double windowEnd, int blocks,
        String note) {
    /** 1 Å²/fs in Å²/ps: 1 ps = 1000 fs. */
    private static final double PER_PS = 1e3;
    /** 1 Å²/fs in 10⁻⁹ m²/s: 10⁻²⁰ m² / 10⁻¹⁵ s = 10⁻⁵ m²/s. */
    private static final double SI_1E9 = 1e-20 / 1e-15 / 1e-9;

    /** D in Å²/ps. */
    public double inAngstrom2PerPs() {
        return coefficient * PER_PS;
    }

    /** Its error in Å²/ps. */
    public double errorInAngstrom2PerPs() {
        return error * PER_PS;
    }

    /** D in 10⁻⁹ m²/s. */
    public double inSi() {
        return coefficient * SI_1E9;
    }

    /** Its error in 10⁻⁹ m²/s. */
    public double errorInSi() {
        return error * SI_1E9;
    }

    /** E.g. "D = 0.512 ± 0.031 Å²/ps (5.12 ± 0.31 ×10⁻⁹ m²/s), fit 0.2–1 ps, 5 blocks". */
    public String describe(String how) {
        String e = Double.isNaN(error) ? "" : String.format(Locale.ROOT, " ± %.3g", errorInAngstrom2PerPs());
        String es = Double.isNaN(error) ? "" : String.format(Locale.ROOT, " ± %.3g", errorInSi());
        return String.format(Locale.ROOT, "D = %.4g%s Å²/ps (%.4g%s ×10⁻⁹ m²/s), %s %s–%s ps, %s",
                inAngstrom2PerPs(), e, inSi(), es, how, plain(windowStart / 1e3), plain(windowEnd / 1e3),
                Double.isNaN(error) ? "no error: " + note : blocks + " blocks");
    }

    /** Four significant digits, no exponent, no trailing zeros (0.02, 1.995). */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
