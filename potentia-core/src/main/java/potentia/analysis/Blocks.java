package potentia.analysis;

import java.util.Locale;

/**
 * How a trajectory of T frames is cut into B independent blocks for an error estimate, and the
 * window of lags the estimate uses. A block of L frames serves lags up to (L − 1)/2, so that each
 * lag still averages over at least half the block's time origins.
 *
 * @param count B, the number of blocks (1 when there is no error estimate)
 * @param length L, frames per block (the first B·L frames are used; the rest is dropped)
 * @param firstLag first lag of the window (frames)
 * @param lastLag last lag of the window (frames)
 * @param note empty, or why there are fewer than two blocks
 */
record Blocks(int count, int length, int firstLag, int lastLag, String note) {
    /** Fewest frames a block of the default window may have. */
    static final int MIN_DEFAULT_BLOCK = 10;

    /**
     * The blocks and window.
     *
     * @param frames T
     * @param interval time between frames, fs
     * @param requested the wanted number of blocks (≥ 2)
     * @param start window start, fs, or NaN for the default (10 % of a block)
     * @param end window end, fs, or NaN for the default (half a block)
     * @param what the window's name in messages ("fit window", "integration limit")
     */
    static Blocks plan(int frames, double interval, int requested, double start, double end, String what) {
        if (frames < 3) {
            throw new IllegalArgumentException("a trajectory of " + frames + " frames is too short (need at least 3)");
        }
        if (requested < 2) {
            throw new IllegalArgumentException("the error estimate needs at least 2 blocks, got " + requested);
        }
        int maxLag = (frames - 1) / 2;
        int blocks;
        int length;
        int last;
        String note = "";
        if (Double.isNaN(end)) {
            length = frames / requested;
            blocks = requested;
            if (length < MIN_DEFAULT_BLOCK) {
                blocks = 1;
                length = frames;
                note = String.format(Locale.ROOT, "%d frames are too few for %d blocks of ≥ %d frames", frames,
                        requested, MIN_DEFAULT_BLOCK);
            }
            last = Math.max(1, (length - 1) / 2);
        } else {
            last = (int) Math.floor(end / interval + 1e-9);
            if (last > maxLag) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s end %s ps exceeds half the trajectory (%s ps): longer lags average over too few "
                                + "time origins", what, ps(end), ps(maxLag * interval)));
            }
            blocks = Math.min(requested, frames / (2 * last + 1));
            length = frames / Math.max(1, blocks);
            if (blocks < 2) {
                blocks = 1;
                length = frames;
                note = String.format(Locale.ROOT, "the trajectory (%s ps) is shorter than 2 blocks of twice the "
                        + "%s end", ps((frames - 1) * interval), what);
            }
        }
        int first;
        if (Double.isNaN(start)) {
            first = Double.isNaN(end) ? (int) Math.round(0.1 * (length - 1)) : (int) Math.round(0.2 * last);
        } else {
            first = (int) Math.ceil(start / interval - 1e-9);
        }
        if (first < 0 || !(first <= last)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %s–%s ps is empty or negative",
                    what, ps(first * interval), ps(last * interval)));
        }
        return new Blocks(blocks, length, first, last, note);
    }

    /** A time in fs as ps with four significant digits, no trailing zeros. */
    static String ps(double fs) {
        return java.math.BigDecimal.valueOf(fs / 1e3).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString();
    }
}
