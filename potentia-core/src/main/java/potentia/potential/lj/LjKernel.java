package potentia.potential.lj;

import potentia.neighbour.NeighbourList;
import potentia.potential.Tally;

/**
 * The Lennard-Jones loop over a half neighbour list, hand-written on flat arrays because it
 * is the hot path of every LJ simulation: no allocation, no boxing, parameters in per-pair
 * tables indexed by species.
 */
final class LjKernel {
    private static final int TRUNCATED = 0;
    private static final int SHIFTED = 1;
    private static final int SMOOTH = 2;

    private LjKernel() {
    }

    /**
     * Per species-pair constants, n×n row-major: c12 = 4εσ¹², c6 = 4εσ⁶, squared cutoff (0 for
     * a pair without parameters, so it never interacts), energy shift u(r_c), switch start r_on.
     */
    record Tables(int species, int mode, double[] c12, double[] c6, double[] cutSq, double[] shift,
            double[] onSq, double[] on, double[] inverseWidth) {

        static Tables of(int n, LjParameters[] pairs, CutoffMode mode) {
            int code = switch (mode) {
                case CutoffMode.Truncated t -> TRUNCATED;
                case CutoffMode.Shifted s -> SHIFTED;
                case CutoffMode.Smooth s -> SMOOTH;
            };
            double[] c12 = new double[n * n];
            double[] c6 = new double[n * n];
            double[] cutSq = new double[n * n];
            double[] shift = new double[n * n];
            double[] onSq = new double[n * n];
            double[] on = new double[n * n];
            double[] inverseWidth = new double[n * n];
            for (int k = 0; k < n * n; k++) {
                LjParameters p = pairs[k];
                if (p == null) {
                    continue;
                }
                double s6 = Math.pow(p.sigma(), 6);
                c12[k] = 4 * p.epsilon() * s6 * s6;
                c6[k] = 4 * p.epsilon() * s6;
                double rc = p.cutoff();
                cutSq[k] = rc * rc;
                shift[k] = code == SHIFTED ? p.energy(rc) : 0;
                if (mode instanceof CutoffMode.Smooth s) {
                    on[k] = s.onFraction() * rc;
                    onSq[k] = on[k] * on[k];
                    inverseWidth[k] = 1 / (rc - on[k]);
                } else {
                    onSq[k] = cutSq[k];
                }
            }
            return new Tables(n, code, c12, c6, cutSq, shift, onSq, on, inverseWidth);
        }
    }

    /**
     * Adds the pairs of centres [from, to) to a tally.
     *
     * @param type N species indices (not modified)
     * @param x 3N positions, Å (not modified)
     * @param h cell matrix, rows = lattice vectors, row-major (not modified)
     * @param list a half list, or a full one of which only the half-list pairs are used (pairs
     *     farther than a pair's cutoff are skipped)
     * @param out accumulators (modified)
     */
    static void run(Tables tb, int[] type, double[] x, double[] h, NeighbourList list, int from, int to, Tally out) {
        final boolean full = list.full();
        final int ns = tb.species;
        final boolean smooth = tb.mode == SMOOTH;
        final double[] c12 = tb.c12;
        final double[] c6 = tb.c6;
        final double[] cutSq = tb.cutSq;
        final double[] shift = tb.shift;
        final double[] onSq = tb.onSq;
        final double[] f = out.forces;
        final double[] pe = out.energies;
        double energy = 0;
        double wxx = 0, wxy = 0, wxz = 0, wyx = 0, wyy = 0, wyz = 0, wzx = 0, wzy = 0, wzz = 0;
        for (int i = from; i < to; i++) {
            final double xi = x[3 * i];
            final double yi = x[3 * i + 1];
            final double zi = x[3 * i + 2];
            final int row = type[i] * ns;
            double fix = 0, fiy = 0, fiz = 0;
            for (int p = list.start(i), end = list.end(i); p < end; p++) {
                int j = list.neighbour(p);
                if (full && j <= i && (j < i || !positiveShift(list, p))) {
                    continue;
                }
                double dx = x[3 * j] - xi;
                double dy = x[3 * j + 1] - yi;
                double dz = x[3 * j + 2] - zi;
                if (list.shiftCode(p) != NeighbourList.ZERO_SHIFT) {
                    int sa = list.shiftA(p);
                    int sb = list.shiftB(p);
                    int sc = list.shiftC(p);
                    dx += sa * h[0] + sb * h[3] + sc * h[6];
                    dy += sa * h[1] + sb * h[4] + sc * h[7];
                    dz += sa * h[2] + sb * h[5] + sc * h[8];
                }
                double r2 = dx * dx + dy * dy + dz * dz;
                int k = row + type[j];
                if (r2 >= cutSq[k]) {
                    continue;
                }
                double ir2 = 1 / r2;
                double ir6 = ir2 * ir2 * ir2;
                double u = ir6 * (c12[k] * ir6 - c6[k]);
                double rdu = ir6 * (6 * c6[k] - 12 * c12[k] * ir6); // r·du/dr
                double e = u - shift[k];
                if (smooth && r2 > onSq[k]) {
                    double r = Math.sqrt(r2);
                    double w = tb.inverseWidth[k];
                    double t = (r - tb.on[k]) * w;
                    double s = 1 - t * t * t * (10 - 15 * t + 6 * t * t);
                    double ds = -30 * t * t * (1 - t) * (1 - t) * w;
                    rdu = rdu * s + u * ds * r;
                    e = u * s;
                }
                double fs = -rdu * ir2; // force on j = fs·d
                double fx = fs * dx;
                double fy = fs * dy;
                double fz = fs * dz;
                f[3 * j] += fx;
                f[3 * j + 1] += fy;
                f[3 * j + 2] += fz;
                fix -= fx;
                fiy -= fy;
                fiz -= fz;
                energy += e;
                wxx += dx * fx;
                wxy += dx * fy;
                wxz += dx * fz;
                wyx += dy * fx;
                wyy += dy * fy;
                wyz += dy * fz;
                wzx += dz * fx;
                wzy += dz * fy;
                wzz += dz * fz;
                if (pe != null) {
                    pe[i] += 0.5 * e;
                    pe[j] += 0.5 * e;
                }
            }
            f[3 * i] += fix;
            f[3 * i + 1] += fiy;
            f[3 * i + 2] += fiz;
        }
        out.energy += energy;
        double[] w = out.virial;
        w[0] += wxx;
        w[1] += wxy;
        w[2] += wxz;
        w[3] += wyx;
        w[4] += wyy;
        w[5] += wyz;
        w[6] += wzx;
        w[7] += wzy;
        w[8] += wzz;
    }

    /**
     * The energy of one pair, eV, as {@link #run} adds it: species-pair index k = type_i·n + type_j,
     * squared distance r2 (Å²); zero beyond the pair's cutoff.
     */
    static double pairEnergy(Tables tb, int k, double r2) {
        if (r2 >= tb.cutSq[k]) {
            return 0;
        }
        double ir2 = 1 / r2;
        double ir6 = ir2 * ir2 * ir2;
        double u = ir6 * (tb.c12[k] * ir6 - tb.c6[k]);
        if (tb.mode == SMOOTH && r2 > tb.onSq[k]) {
            double w = tb.inverseWidth[k];
            double t = (Math.sqrt(r2) - tb.on[k]) * w;
            return u * (1 - t * t * t * (10 - 15 * t + 6 * t * t));
        }
        return u - tb.shift[k];
    }

    /** The half-list rule for an atom's own image: shift lexicographically positive. */
    private static boolean positiveShift(NeighbourList list, int p) {
        int a = list.shiftA(p);
        int b = list.shiftB(p);
        return a > 0 || (a == 0 && (b > 0 || (b == 0 && list.shiftC(p) > 0)));
    }
}
