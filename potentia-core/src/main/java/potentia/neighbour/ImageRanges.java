package potentia.neighbour;

/**
 * The periodic images a pair can have within a cutoff: for a fractional separation d and the
 * cutoff's fractional reach r_k = r_c / w_k (w_k the perpendicular widths), only shifts S with
 * |d_k + S_k| &lt; r_k on every axis can lie within r_c, since the fractional component k of any
 * vector is at most its length over w_k.
 */
final class ImageRanges {
    private ImageRanges() {
    }

    /** Writes the shift ranges [S_a from, to, S_b from, to, S_c from, to] (inclusive) to {@code out}. */
    static void of(double[] reach, double da, double db, double dc, int[] out) {
        out[0] = (int) Math.ceil(-reach[0] - da);
        out[1] = (int) Math.floor(reach[0] - da);
        out[2] = (int) Math.ceil(-reach[1] - db);
        out[3] = (int) Math.floor(reach[1] - db);
        out[4] = (int) Math.ceil(-reach[2] - dc);
        out[5] = (int) Math.floor(reach[2] - dc);
    }
}
