package potentia.potential.sw;

import potentia.neighbour.NeighbourList;
import potentia.potential.Tally;

/**
 * The Stillinger-Weber loop over a full neighbour list, in LAMMPS's {@code pair_sw} order but
 * restructured for speed, since SW is the reference workload of the benchmarks. Per centre i:
 * (1) gather the neighbours inside their cutoff into scratch arrays, branch-free; (2) per leg,
 * everything that depends on one leg only — 1/r and the three-body radial factor
 * exp(γσ/(r − aσ)) with its log-derivative — so that (4) the loop over pairs of legs (j, k) is
 * free of exp, sqrt and division; (3) the pair terms i owns; (5) scatter the forces accumulated
 * per leg once, the force on i following from translation invariance (−Σ of its terms' forces
 * on the legs) and the virial from Σ d ⊗ f per leg.
 *
 * <p>One instance per task: the scratch arrays are its mutable state. No allocation happens in
 * the loops.
 */
final class SwKernel {
    private final SwTables tb;
    private final int[] type;
    private final double[] x;
    private final double[] h;
    private final NeighbourList list;

    private final int[] nj;
    private final int[] nt;
    private final int[] nm;
    private final int[] nown;
    private final double[] nr2;
    private final double[] nrainv;
    private final double[] ndx;
    private final double[] ndy;
    private final double[] ndz;
    private final double[] nrinv;
    private final double[] nexp;
    private final double[] ng;
    private final double[] nfx;
    private final double[] nfy;
    private final double[] nfz;
    private final double[] nen;

    /**
     * @param type N species indices (not modified)
     * @param x 3N positions, Å (not modified)
     * @param h cell matrix, rows = lattice vectors, row-major (not modified)
     * @param from first centre this kernel will handle
     * @param to one past the last
     */
    SwKernel(SwTables tb, int[] type, double[] x, double[] h, NeighbourList list, int from, int to) {
        this.tb = tb;
        this.type = type;
        this.x = x;
        this.h = h;
        this.list = list;
        int cap = 1;
        for (int i = from; i < to; i++) {
            cap = Math.max(cap, list.end(i) - list.start(i));
        }
        nj = new int[cap];
        nt = new int[cap];
        nm = new int[cap];
        nown = new int[cap];
        nr2 = new double[cap];
        nrainv = new double[cap];
        ndx = new double[cap];
        ndy = new double[cap];
        ndz = new double[cap];
        nrinv = new double[cap];
        nexp = new double[cap];
        ng = new double[cap];
        nfx = new double[cap];
        nfy = new double[cap];
        nfz = new double[cap];
        nen = new double[cap];
    }

    /** Adds every term centred on atoms [from, to) to {@code out} (modified). */
    void run(int from, int to, Tally out) {
        final int n = tb.species;
        final double[] cutSq = tb.cutSq;
        final double[] cut = tb.cut;
        final double[] sigmaGamma = tb.sigmaGamma;
        final double[] lambdaEpsilon = tb.lambdaEpsilon;
        final double[] lambdaEpsilon2 = tb.lambdaEpsilon2;
        final double[] cosTheta0 = tb.cosTheta0;
        final double[] f = out.forces;
        final double[] pe = out.energies;
        final boolean atomEnergies = pe != null;
        double energy = 0;
        double wxx = 0, wxy = 0, wxz = 0, wyx = 0, wyy = 0, wyz = 0, wzx = 0, wzy = 0, wzz = 0;

        for (int i = from; i < to; i++) {
            final double xi = x[3 * i];
            final double yi = x[3 * i + 1];
            final double zi = x[3 * i + 2];
            final int rowI = type[i] * n;
            double centreEnergy = 0;

            // 1. gather the legs inside their cutoff, and those whose pair term i computes;
            // stores are unconditional and counters advance by 0 or 1, which keeps this
            // unpredictable filter free of branches
            int ns = 0;
            int no = 0;
            for (int p = list.start(i), end = list.end(i); p < end; p++) {
                int j = list.neighbour(p);
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
                int tj = type[j];
                int m = (rowI + tj) * n + tj;
                nj[ns] = j;
                nt[ns] = tj;
                nm[ns] = m;
                ndx[ns] = dx;
                ndy[ns] = dy;
                ndz[ns] = dz;
                nr2[ns] = r2;
                int inside = r2 < cutSq[m] ? 1 : 0;
                nown[no] = ns;
                no += inside & owns(i, j, dx, dy, dz);
                ns += inside;
            }

            // 2. per leg: 1/r and the three-body radial factor exp(γσ/(r − aσ)) with its log-derivative
            for (int a = 0; a < ns; a++) {
                int m = nm[a];
                double r = Math.sqrt(nr2[a]);
                double rinv = 1 / r;
                double rainv = 1 / (r - cut[m]);
                double gsrainv = sigmaGamma[m] * rainv;
                nrinv[a] = rinv;
                nrainv[a] = rainv;
                nexp[a] = Math.exp(gsrainv);
                ng[a] = gsrainv * rainv * rinv;
                nfx[a] = 0;
                nfy[a] = 0;
                nfz[a] = 0;
                nen[a] = 0;
            }

            // 3. two-body terms of the pairs i owns
            for (int b = 0; b < no; b++) {
                int a = nown[b];
                int m = nm[a];
                double rinv = nrinv[a];
                double r = nr2[a] * rinv;
                double rainv = nrainv[a];
                double rp = SwTables.inversePower(r, rinv, tb.p[m], tb.pInt[m]);
                double rq = SwTables.inversePower(r, rinv, tb.q[m], tb.qInt[m]);
                double ex = Math.exp(tb.sigma[m] * rainv);
                double fpair = (tb.c1[m] * rp - tb.c2[m] * rq + (tb.c3[m] * rp - tb.c4[m] * rq) * rainv * rainv * r)
                        * ex * rinv * rinv;
                double e = (tb.c5[m] * rp - tb.c6[m] * rq) * ex;
                nfx[a] = fpair * ndx[a];
                nfy[a] = fpair * ndy[a];
                nfz[a] = fpair * ndz[a];
                energy += e;
                nen[a] = 0.5 * e;
                centreEnergy += 0.5 * e;
            }

            // 4. three-body terms j-i-k over pairs of legs
            for (int a = 0; a < ns - 1; a++) {
                final double d1x = ndx[a];
                final double d1y = ndy[a];
                final double d1z = ndz[a];
                final double r1inv = nrinv[a];
                final double r1inv2 = r1inv * r1inv;
                final double e1 = nexp[a];
                final double g1 = ng[a];
                final int base = (rowI + nt[a]) * n;
                double f1x = 0, f1y = 0, f1z = 0, en1 = 0;
                for (int b = a + 1; b < ns; b++) {
                    final int m = base + nt[b];
                    final double d2x = ndx[b];
                    final double d2y = ndy[b];
                    final double d2z = ndz[b];
                    final double r2inv = nrinv[b];
                    final double rinv12 = r1inv * r2inv;
                    final double cs = (d1x * d2x + d1y * d2y + d1z * d2z) * rinv12;
                    final double delcs = cs - cosTheta0[m];
                    final double facexp = e1 * nexp[b];
                    final double facrad = lambdaEpsilon[m] * facexp * delcs * delcs;
                    final double facang = lambdaEpsilon2[m] * facexp * delcs;
                    final double csfacang = cs * facang;
                    final double a1 = facrad * g1 + csfacang * r1inv2;
                    final double a2 = facrad * ng[b] + csfacang * r2inv * r2inv;
                    final double bb = facang * rinv12;
                    f1x += d1x * a1 - d2x * bb;
                    f1y += d1y * a1 - d2y * bb;
                    f1z += d1z * a1 - d2z * bb;
                    nfx[b] += d2x * a2 - d1x * bb;
                    nfy[b] += d2y * a2 - d1y * bb;
                    nfz[b] += d2z * a2 - d1z * bb;
                    energy += facrad;
                    if (atomEnergies) {
                        double third = facrad * (1.0 / 3.0);
                        en1 += third;
                        nen[b] += third;
                        centreEnergy += third;
                    }
                }
                nfx[a] += f1x;
                nfy[a] += f1y;
                nfz[a] += f1z;
                nen[a] += en1;
            }

            // 5. scatter: forces on legs, their reaction on i, virial, per-atom energies
            double fix = 0, fiy = 0, fiz = 0;
            for (int a = 0; a < ns; a++) {
                int j = nj[a];
                double fx = nfx[a];
                double fy = nfy[a];
                double fz = nfz[a];
                f[3 * j] += fx;
                f[3 * j + 1] += fy;
                f[3 * j + 2] += fz;
                fix -= fx;
                fiy -= fy;
                fiz -= fz;
                double dx = ndx[a];
                double dy = ndy[a];
                double dz = ndz[a];
                wxx += dx * fx;
                wxy += dx * fy;
                wxz += dx * fz;
                wyx += dy * fx;
                wyy += dy * fy;
                wyz += dy * fz;
                wzx += dz * fx;
                wzy += dz * fy;
                wzz += dz * fz;
                if (atomEnergies) {
                    pe[j] += nen[a];
                }
            }
            f[3 * i] += fix;
            f[3 * i + 1] += fiy;
            f[3 * i + 2] += fiz;
            if (atomEnergies) {
                pe[i] += centreEnergy;
            }
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
     * 1 when centre i computes the two-body term of its leg d to j, else 0: LAMMPS's rule, so
     * that each pair is counted once and with the i-j-j entry LAMMPS uses (tags are 1-based
     * indices, hence the parity of i + j: i &gt; j owns odd sums, i &lt; j even ones); for an
     * atom's own image, the image above it (by z, then y, then x).
     */
    static int owns(int i, int j, double dx, double dy, double dz) {
        if (i != j) {
            return ((i + j) & 1) ^ (i < j ? 1 : 0);
        }
        return dz > 0 || (dz == 0 && (dy > 0 || (dy == 0 && dx > 0))) ? 1 : 0;
    }
}
