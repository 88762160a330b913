package potentia.neighbour;

import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * Every atom, and every periodic image of it that can lie within reach of an atom in the cell,
 * sorted into bins of a grid over the {@link BinningFrame} coordinates: the data a cell-list
 * search runs on.
 *
 * <p>Along a periodic axis the atoms are wrapped into [0, 1) internally (an integer wrap t per
 * atom) and the grid has nb bins across the cell, each at least R/{@code sub} wide
 * perpendicular to the other two axes, padded by ghost images of the atoms on both sides, so a
 * search never wraps around. Along a non-periodic axis the grid spans the atoms' bounding box
 * and has no padding. An <em>entry</em> is an atom or one of its images; entry e stands for
 * x_j + S_e·h with j = {@link #atom}[e] and integer shift S_e = ({@link #shift}[3e..3e+2]) = m − t
 * relative to the atom's ORIGINAL position, so that a pair of entries (c, e) is the pair
 * (atom[c], atom[e], S_e − S_c) of the original positions.
 *
 * <p>Bins are ordered with x (axis a) fastest, so that a stencil row of bins along x is one
 * contiguous range of entries (and atoms listed a-fastest, as {@code Structure.repeat} makes
 * them, are binned with little cache traffic); within a bin entries are ordered by atom, then
 * image. Entries whose bin is inside the unpadded grid are exactly the atoms themselves (the
 * centres).
 *
 * <p>Soundness: two entries whose coarse positions are less than R apart lie at most
 * {@code rx, ry, rz} bins apart (the argument is in {@link #build}), and every image within R
 * of a real atom is an entry. R = cutoff + δ, with δ far above the rounding in the coarse
 * positions (relative to their magnitude), so a coarse distance below cutoff − δ or above
 * cutoff + δ decides a pair; the caller decides the rare ones in between exactly, from the
 * original positions.
 */
final class ImageGrid {
    /** Inner bins allowed per atom (plus a constant): caps the grid for sparse or elongated systems. */
    private static final int BINS_PER_ATOM = 8;
    private static final int MAX_BINS_PER_AXIS = 1 << 20;

    /** Grid dimensions including padding. */
    final int gx;
    final int gy;
    final int gz;
    /** Stencil half-widths in bins per axis. */
    final int rx;
    final int ry;
    final int rz;
    /** Entry range of bin b: [binStart[b], binStart[b + 1]); length gx·gy·gz + 1. */
    final int[] binStart;
    /** Coarse Cartesian position of each entry, 3E, Å. */
    final double[] coords;
    /** Atom of each entry, E. */
    final int[] atom;
    /** Shift of each entry relative to its atom's original position, 3E. */
    final int[] shift;
    /** The real atoms' entries, in bin order, N. */
    final int[] centres;
    /** The bin of each centre, N. */
    final int[] centreBin;
    /** The coarse search radius R = cutoff + δ, squared, Å²: no pair beyond it is within the cutoff. */
    final double coarseCutoff2;
    /** (cutoff − δ)², Å²: every pair inside it is within the cutoff; between the two, decide exactly. */
    final double innerCutoff2;

    private ImageGrid(int[] dims, int[] reach, int[] binStart, double[] coords, int[] atom, int[] shift,
            int[] centres, int[] centreBin, double cutoff, double coarse) {
        this.gx = dims[0];
        this.gy = dims[1];
        this.gz = dims[2];
        this.rx = reach[0];
        this.ry = reach[1];
        this.rz = reach[2];
        this.binStart = binStart;
        this.coords = coords;
        this.atom = atom;
        this.shift = shift;
        this.centres = centres;
        this.centreBin = centreBin;
        this.coarseCutoff2 = coarse * coarse;
        double inner = Math.max(0, 2 * cutoff - coarse);
        this.innerCutoff2 = inner * inner;
    }

    /**
     * Bins the atoms of {@code s} and their images for a search to {@code cutoff}.
     *
     * @param x the structure's 3N positions, Å (not modified)
     * @param sub bins per cutoff length along each axis (1 or 2: smaller bins scan less volume)
     */
    static ImageGrid build(Structure s, double[] x, double cutoff, int sub) {
        int n = s.size();
        Cell cell = s.cell();
        boolean[] pbc = cell.pbc();
        double[] b = BinningFrame.of(cell);
        Cell frame = Cell.periodic(b);
        double[] binv = frame.inverse();
        double[] widths = frame.perpendicularWidths();

        // fractional coordinates: wrapped into [0, 1) along periodic axes (t = the wrap),
        // plain distances along the orthonormal non-periodic rows
        double[] u = new double[3 * n];
        int[] t = new int[3 * n];
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double maxAbsX = 0;
        long maxAbsT = 0;
        for (int i = 0; i < n; i++) {
            double px = x[3 * i];
            double py = x[3 * i + 1];
            double pz = x[3 * i + 2];
            maxAbsX = Math.max(maxAbsX, Math.max(Math.abs(px), Math.max(Math.abs(py), Math.abs(pz))));
            for (int k = 0; k < 3; k++) {
                double f = px * binv[k] + py * binv[3 + k] + pz * binv[6 + k];
                if (pbc[k]) {
                    double fl = Math.floor(f);
                    if (!(Math.abs(fl) < 1e8)) {
                        throw new IllegalArgumentException("atom " + i + " lies " + fl
                                + " cell lengths outside the cell along axis " + "abc".charAt(k));
                    }
                    double w = f - fl;
                    if (w >= 1) {
                        // f was a tiny negative number: w rounded up to 1
                        w = 0;
                        fl += 1;
                    }
                    u[3 * i + k] = w;
                    t[3 * i + k] = (int) fl;
                    maxAbsT = Math.max(maxAbsT, Math.abs((long) fl));
                } else {
                    u[3 * i + k] = f;
                    lo[k] = Math.min(lo[k], f);
                    hi[k] = Math.max(hi[k], f);
                }
            }
        }

        // R: the cutoff plus a margin far above the rounding in the coarse positions and the
        // fractional coordinates (relative to their magnitude and the frame's conditioning)
        double rowSum = 0;
        double reachEstimate = 0;
        for (int k = 0; k < 3; k++) {
            if (pbc[k]) {
                rowSum += Math.abs(b[3 * k]) + Math.abs(b[3 * k + 1]) + Math.abs(b[3 * k + 2]);
                reachEstimate = Math.max(reachEstimate, cutoff / widths[k] + 3);
            }
        }
        double magnitude = maxAbsX + (maxAbsT + reachEstimate) * rowSum + cutoff;
        double condition = frobenius(b) * frobenius(binv);
        double r = cutoff + 1e-11 * condition * magnitude;
        double rb = r * (1 + 1e-9);

        // bins per axis: at least rb/sub wide (perpendicular width / nb), capped for sparse systems
        long[] nb = new long[3];
        double[] span = new double[3];
        for (int k = 0; k < 3; k++) {
            span[k] = pbc[k] ? widths[k] : (n > 0 ? hi[k] - lo[k] : 0);
            nb[k] = span[k] > 0 ? Math.clamp((long) Math.floor(span[k] * sub / rb), 1, MAX_BINS_PER_AXIS) : 1;
        }
        long cap = (long) BINS_PER_ATOM * n + 4096;
        while (nb[0] * nb[1] * nb[2] > cap) {
            int k = nb[0] >= nb[1] && nb[0] >= nb[2] ? 0 : nb[1] >= nb[2] ? 1 : 2;
            nb[k] = Math.max(1, nb[k] / 2);
        }
        // Two entries less than R apart differ by |Δu_k| < rb/span_k in the coordinate along k,
        // hence by at most floor(rb·nb/span) + 1 bins (|⌊a⌋ − ⌊b⌋| ≤ ⌊|a − b|⌋ + 1).
        int[] reach = new int[3];
        int[] pad = new int[3];
        int[] dims = new int[3];
        double[] reachFrac = new double[3];
        long bins = 1;
        for (int k = 0; k < 3; k++) {
            if (nb[k] > 1 || pbc[k]) {
                long rk = (long) Math.floor(rb * nb[k] / span[k]) + 1;
                if (!pbc[k]) {
                    rk = Math.min(rk, nb[k] - 1);
                }
                if (rk > MAX_BINS_PER_AXIS) {
                    throw tooManyImages(cutoff, widths);
                }
                reach[k] = (int) rk;
            }
            pad[k] = pbc[k] ? reach[k] : 0;
            dims[k] = (int) nb[k] + 2 * pad[k];
            reachFrac[k] = pbc[k] ? rb / span[k] : 0;
            bins *= dims[k];
            if (bins >= Integer.MAX_VALUE - 1) {
                throw tooManyImages(cutoff, widths);
            }
        }

        // Each atom's images per axis form a run m = lo..hi around 0: a ghost at u + m is kept
        // when it lies within reach of the unit interval, (−rb/w, 1 + rb/w), the only place a real
        // atom's neighbour can be, and inside the padded grid (which that implies, up to rounding).
        int[] base = new int[3 * n];
        int[] mLo = new int[3 * n];
        int[] mHi = new int[3 * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                int q = 3 * i + k;
                int across = (int) nb[k];
                double v = u[q];
                if (!pbc[k]) {
                    base[q] = span[k] > 0 ? (int) Math.clamp(Math.floor((v - lo[k]) * across / span[k]), 0, across - 1) : 0;
                    continue;
                }
                int bin = Math.min(across - 1, (int) Math.floor(v * across));
                base[q] = bin + pad[k];
                int m = 0;
                while (keep(v, m - 1, reachFrac[k], bin + pad[k] + (m - 1) * across, dims[k])) {
                    m--;
                }
                mLo[q] = m;
                m = 0;
                while (keep(v, m + 1, reachFrac[k], bin + pad[k] + (m + 1) * across, dims[k])) {
                    m++;
                }
                mHi[q] = m;
            }
        }
        int[] count = new int[(int) bins + 1];
        long entries = 0;
        int[] stride = {1, dims[0], dims[0] * dims[1]};
        for (int i = 0; i < n; i++) {
            int q = 3 * i;
            for (int c = mLo[q + 2]; c <= mHi[q + 2]; c++) {
                for (int bb = mLo[q + 1]; bb <= mHi[q + 1]; bb++) {
                    int row = (base[q + 2] + c * (int) nb[2]) * stride[2] + (base[q + 1] + bb * (int) nb[1]) * stride[1];
                    for (int a = mLo[q]; a <= mHi[q]; a++) {
                        count[row + base[q] + a * (int) nb[0]]++;
                    }
                }
            }
            entries += (long) (mHi[q] - mLo[q] + 1) * (mHi[q + 1] - mLo[q + 1] + 1) * (mHi[q + 2] - mLo[q + 2] + 1);
        }
        if (entries > (Integer.MAX_VALUE - 8) / 3) {
            throw tooManyImages(cutoff, widths);
        }
        int[] binStart = new int[(int) bins + 1];
        for (int q = 0; q < bins; q++) {
            binStart[q + 1] = binStart[q] + count[q];
        }
        int e = (int) entries;
        double[] coords = new double[3 * e];
        int[] atom = new int[e];
        int[] shift = new int[3 * e];
        int[] cursor = count;
        System.arraycopy(binStart, 0, cursor, 0, (int) bins);
        for (int i = 0; i < n; i++) {
            int q = 3 * i;
            for (int c = mLo[q + 2]; c <= mHi[q + 2]; c++) {
                for (int bb = mLo[q + 1]; bb <= mHi[q + 1]; bb++) {
                    int row = (base[q + 2] + c * (int) nb[2]) * stride[2] + (base[q + 1] + bb * (int) nb[1]) * stride[1];
                    for (int a = mLo[q]; a <= mHi[q]; a++) {
                        int sa = a - t[q];
                        int sb = bb - t[q + 1];
                        int sc = c - t[q + 2];
                        int slot = cursor[row + base[q] + a * (int) nb[0]]++;
                        atom[slot] = i;
                        shift[3 * slot] = sa;
                        shift[3 * slot + 1] = sb;
                        shift[3 * slot + 2] = sc;
                        coords[3 * slot] = x[q] + sa * b[0] + sb * b[3] + sc * b[6];
                        coords[3 * slot + 1] = x[q + 1] + sa * b[1] + sb * b[4] + sc * b[7];
                        coords[3 * slot + 2] = x[q + 2] + sa * b[2] + sb * b[5] + sc * b[8];
                    }
                }
            }
        }

        // the real atoms are the entries of the unpadded bins (a ghost's bin is shifted by m·nb ≠ 0)
        int[] centres = new int[n];
        int[] centreBin = new int[n];
        int k = 0;
        for (int bz = pad[2]; bz < pad[2] + nb[2]; bz++) {
            for (int by = pad[1]; by < pad[1] + nb[1]; by++) {
                for (int bx = pad[0]; bx < pad[0] + nb[0]; bx++) {
                    int q = (bz * dims[1] + by) * dims[0] + bx;
                    for (int en = binStart[q]; en < binStart[q + 1]; en++) {
                        centres[k] = en;
                        centreBin[k++] = q;
                    }
                }
            }
        }
        if (k != n) {
            throw new IllegalStateException("cell-list binning lost atoms: " + k + " of " + n);
        }
        return new ImageGrid(dims, reach, binStart, coords, atom, shift, centres, centreBin, cutoff, r);
    }

    /** Whether the image at u + m (padded bin {@code bin}) can be within reach of a real atom. */
    private static boolean keep(double v, int m, double reachFrac, int bin, int dim) {
        double w = v + m;
        return w > -reachFrac && w < 1 + reachFrac && bin >= 0 && bin < dim;
    }

    private static double frobenius(double[] m) {
        double s = 0;
        for (double v : m) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static IllegalArgumentException tooManyImages(double cutoff, double[] widths) {
        return new IllegalArgumentException("cutoff " + cutoff + " Å reaches too many periodic images of a cell "
                + "with perpendicular widths " + java.util.Arrays.toString(widths) + " Å");
    }
}
