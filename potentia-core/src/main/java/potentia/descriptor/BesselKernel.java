package potentia.descriptor;

import potentia.neighbour.NeighbourList;
import potentia.potential.Tally;
import potentia.structure.Structure;

/**
 * The scalar per-centre loops of {@link BesselDescriptor}: the reference that
 * {@link BesselVectorKernel} is checked against, the route used without the Vector API or with
 * exact radial functions, and the explicit Jacobian. Per centre: (1) gather the neighbours inside r_c; (2) per neighbour, the
 * radial functions (a table lookup) and the real harmonics with their gradients, kept per
 * neighbour in scratch rows so that the backward and tangent passes reuse them; (3) the
 * expansion coefficients c^β_{nlm} = Σ_j g Y; then either the power spectrum, or
 * a = ∂E/∂c and per neighbour the gradient s·u + (V − (u·V) u)/r with
 * s = Σ a g' Y and V = Σ_lm (Σ_n a g) G_lm (one projection per neighbour, not per harmonic),
 * or the tangent dc = Σ_j g' (u·δd) Y + g ∇Y·δd.
 *
 * <p>One instance per call (and thread): the scratch arrays are its mutable state, sized once
 * for the largest neighbourhood of the range, so the loops never allocate.
 */
final class BesselKernel {
    private final BesselDescriptor descriptor;
    private final Structure s;
    private final NeighbourList list;
    private final RadialFunctions radial;
    private final RealSphericalHarmonics harmonics;
    private final SpectrumAlgebra algebra;

    private final int lMax;
    private final int speciesCount;
    private final int nr;
    private final int nh;
    private final int nc;
    private final int nf;
    private final int[] radialStart;
    private final int[] coefficientStart;
    private final int[] pairIndex;

    // per neighbour, [cap]: the shell's arrays
    private final NeighbourShell shell;
    private final int[] nj;
    private final int[] nt;
    private final int[] ncode;
    private final double[] ndx;
    private final double[] ndy;
    private final double[] ndz;
    private final double[] nr2;
    // per neighbour rows: radial [cap × nr], harmonics [cap × nh]
    private final double[] g;
    private final double[] dg;
    private final double[] y;
    private final double[] gx;
    private final double[] gy;
    private final double[] gz;
    // per centre
    private final double[] c;
    private final double[] a;
    private final double[] dc;
    private final double[] b;
    private final double[] t;
    private final double[] shScratch;

    BesselKernel(BesselDescriptor descriptor, Structure s, NeighbourList list, int from, int to) {
        this.descriptor = descriptor;
        this.s = s;
        this.list = list;
        this.radial = descriptor.radial();
        this.harmonics = descriptor.harmonics();
        this.algebra = descriptor.algebra();
        SpectrumLayout layout = descriptor.layout();
        this.lMax = layout.nMax;
        this.speciesCount = layout.species;
        this.nr = layout.radialCount;
        this.nh = layout.harmonicCount;
        this.nc = layout.coefficientCount;
        this.nf = layout.featureCount;
        this.radialStart = new int[lMax + 1];
        this.coefficientStart = new int[lMax + 1];
        for (int l = 0; l <= lMax; l++) {
            radialStart[l] = layout.radial(l, 0);
            coefficientStart[l] = layout.coefficientStart(l);
        }
        this.pairIndex = new int[speciesCount * speciesCount];
        for (int p = 0; p < speciesCount; p++) {
            for (int q = 0; q < speciesCount; q++) {
                pairIndex[p * speciesCount + q] = layout.pair(Math.min(p, q), Math.max(p, q));
            }
        }
        shell = new NeighbourShell(descriptor, s, list, from, to);
        int cap = shell.capacity();
        nj = shell.atom;
        nt = shell.species;
        ncode = shell.code;
        ndx = shell.dx;
        ndy = shell.dy;
        ndz = shell.dz;
        nr2 = shell.r2;
        g = new double[cap * nr];
        dg = new double[cap * nr];
        y = new double[cap * nh];
        gx = new double[cap * nh];
        gy = new double[cap * nh];
        gz = new double[cap * nh];
        c = new double[speciesCount * nc];
        a = new double[speciesCount * nc];
        dc = new double[speciesCount * nc];
        b = new double[nh];
        t = new double[nh];
        shScratch = new double[harmonics.scratchLength()];
    }

    void features(int from, int to, double[] out) {
        for (int i = from; i < to; i++) {
            int n = shell.gather(i);
            java.util.Arrays.fill(c, 0);
            for (int q = 0; q < n; q++) {
                double r = Math.sqrt(nr2[q]);
                double inv = 1 / r;
                radial.values(r, g, 0);
                harmonics.evaluate(ndx[q] * inv, ndy[q] * inv, ndz[q] * inv, y, 0, shScratch);
                accumulate(nt[q] * nc, 0, 0);
            }
            algebra.spectrum(c, out, i * nf);
        }
    }

    /** For each k, forces and virial of ∂E/∂G = dEdG[k] into tallies[k]. */
    void backward(double[][] dEdG, int from, int to, Tally[] tallies) {
        double[] virials = new double[9 * dEdG.length];
        for (int i = from; i < to; i++) {
            int n = prepare(i);
            for (int k = 0; k < dEdG.length; k++) {
                algebra.adjoint(c, dEdG[k], i * nf, a);
                pairGradients(i, n, tallies[k].forces, virials, 9 * k);
            }
        }
        for (int k = 0; k < dEdG.length; k++) {
            for (int e = 0; e < 9; e++) {
                tallies[k].virial[e] += virials[9 * k + e];
            }
        }
    }

    /** Forces, and the virial added to virial[o, o + 9), of centre i's n neighbours for the adjoint a. */
    private void pairGradients(int i, int n, double[] f, double[] virial, int o) {
        double wxx = 0, wxy = 0, wxz = 0, wyx = 0, wyy = 0, wyz = 0, wzx = 0, wzy = 0, wzz = 0;
        double fix = 0, fiy = 0, fiz = 0;
        for (int q = 0; q < n; q++) {
            int cb = nt[q] * nc;
            int gr = q * nr;
            int hr = q * nh;
            java.util.Arrays.fill(b, 0);
            java.util.Arrays.fill(t, 0);
            for (int l = 0; l <= lMax; l++) {
                int w = 2 * l + 1;
                int y0 = l * l;
                int ci = cb + coefficientStart[l];
                int ri = gr + radialStart[l];
                for (int k = 0; k <= lMax - l; k++, ci += w) {
                    double gv = g[ri + k];
                    double dgv = dg[ri + k];
                    for (int m = 0; m < w; m++) {
                        double am = a[ci + m];
                        b[y0 + m] += am * gv;
                        t[y0 + m] += am * dgv;
                    }
                }
            }
            double sr = 0, vx = 0, vy = 0, vz = 0;
            for (int lm = 0; lm < nh; lm++) {
                double bm = b[lm];
                sr += t[lm] * y[hr + lm];
                vx += bm * gx[hr + lm];
                vy += bm * gy[hr + lm];
                vz += bm * gz[hr + lm];
            }
            double r = Math.sqrt(nr2[q]);
            double inv = 1 / r;
            double ux = ndx[q] * inv;
            double uy = ndy[q] * inv;
            double uz = ndz[q] * inv;
            double uv = ux * vx + uy * vy + uz * vz;
            // ∂E/∂d for this pair
            double ex = sr * ux + (vx - uv * ux) * inv;
            double ey = sr * uy + (vy - uv * uy) * inv;
            double ez = sr * uz + (vz - uv * uz) * inv;
            int j = nj[q];
            f[3 * j] -= ex;
            f[3 * j + 1] -= ey;
            f[3 * j + 2] -= ez;
            fix += ex;
            fiy += ey;
            fiz += ez;
            // virial Σ d ⊗ f_j, f_j = −∂E/∂d
            wxx -= ndx[q] * ex;
            wxy -= ndx[q] * ey;
            wxz -= ndx[q] * ez;
            wyx -= ndy[q] * ex;
            wyy -= ndy[q] * ey;
            wyz -= ndy[q] * ez;
            wzx -= ndz[q] * ex;
            wzy -= ndz[q] * ey;
            wzz -= ndz[q] * ez;
        }
        f[3 * i] += fix;
        f[3 * i + 1] += fiy;
        f[3 * i + 2] += fiz;
        virial[o] += wxx;
        virial[o + 1] += wxy;
        virial[o + 2] += wxz;
        virial[o + 3] += wyx;
        virial[o + 4] += wyy;
        virial[o + 5] += wyz;
        virial[o + 6] += wzx;
        virial[o + 7] += wzy;
        virial[o + 8] += wzz;
    }

    void tangent(double[] displacement, double[] strain, int from, int to, double[] out) {
        for (int i = from; i < to; i++) {
            int n = prepare(i);
            java.util.Arrays.fill(dc, 0);
            double vix = 0, viy = 0, viz = 0;
            if (displacement != null) {
                vix = displacement[3 * i];
                viy = displacement[3 * i + 1];
                viz = displacement[3 * i + 2];
            }
            for (int q = 0; q < n; q++) {
                double dx = ndx[q];
                double dy = ndy[q];
                double dz = ndz[q];
                double ex = 0, ey = 0, ez = 0;
                if (displacement != null) {
                    int j = nj[q];
                    ex = displacement[3 * j] - vix;
                    ey = displacement[3 * j + 1] - viy;
                    ez = displacement[3 * j + 2] - viz;
                }
                if (strain != null) {
                    ex += dx * strain[0] + dy * strain[3] + dz * strain[6];
                    ey += dx * strain[1] + dy * strain[4] + dz * strain[7];
                    ez += dx * strain[2] + dy * strain[5] + dz * strain[8];
                }
                double r = Math.sqrt(nr2[q]);
                double inv = 1 / r;
                double ux = dx * inv;
                double uy = dy * inv;
                double uz = dz * inv;
                double rho = ux * ex + uy * ey + uz * ez;
                int hr = q * nh;
                // b ← dY_lm = ∇Y·δd
                for (int lm = 0; lm < nh; lm++) {
                    double gxl = gx[hr + lm];
                    double gyl = gy[hr + lm];
                    double gzl = gz[hr + lm];
                    double ge = gxl * ex + gyl * ey + gzl * ez;
                    double gu = gxl * ux + gyl * uy + gzl * uz;
                    b[lm] = (ge - gu * rho) * inv;
                }
                int cb = nt[q] * nc;
                int gr = q * nr;
                for (int l = 0; l <= lMax; l++) {
                    int w = 2 * l + 1;
                    int y0 = l * l;
                    int ci = cb + coefficientStart[l];
                    int ri = gr + radialStart[l];
                    for (int k = 0; k <= lMax - l; k++, ci += w) {
                        double gv = g[ri + k];
                        double dgr = dg[ri + k] * rho;
                        for (int m = 0; m < w; m++) {
                            dc[ci + m] += dgr * y[hr + y0 + m] + gv * b[y0 + m];
                        }
                    }
                }
            }
            algebra.spectrumTangent(c, dc, out, i * nf);
        }
    }

    CentreJacobian jacobian(int i) {
        int n = prepare(i);
        double[] d = new double[n * nf * 3];
        int[] neighbours = new int[n];
        int[] codes = new int[n];
        double[] sep = new double[3 * n];
        for (int q = 0; q < n; q++) {
            neighbours[q] = nj[q];
            codes[q] = ncode[q];
            sep[3 * q] = ndx[q];
            sep[3 * q + 1] = ndy[q];
            sep[3 * q + 2] = ndz[q];
            double r = Math.sqrt(nr2[q]);
            double inv = 1 / r;
            double ux = ndx[q] * inv;
            double uy = ndy[q] * inv;
            double uz = ndz[q] * inv;
            int beta = nt[q];
            int hr = q * nh;
            int gr = q * nr;
            for (int l = 0; l <= lMax; l++) {
                int w = 2 * l + 1;
                int y0 = l * l;
                for (int k = 0; k <= lMax - l; k++) {
                    int rad = radialStart[l] + k;
                    double gv = g[gr + rad];
                    double dgv = dg[gr + rad];
                    int ci = coefficientStart[l] + k * w;
                    for (int m = 0; m < w; m++) {
                        int lm = hr + y0 + m;
                        double gu = gx[lm] * ux + gy[lm] * uy + gz[lm] * uz;
                        double yv = y[lm];
                        // ∂(g Y)/∂d
                        double hx = dgv * yv * ux + gv * (gx[lm] - gu * ux) * inv;
                        double hy = dgv * yv * uy + gv * (gy[lm] - gu * uy) * inv;
                        double hz = dgv * yv * uz + gv * (gz[lm] - gu * uz) * inv;
                        for (int gamma = 0; gamma < speciesCount; gamma++) {
                            double cv = c[gamma * nc + ci + m] * (gamma == beta ? 2 : 1);
                            int feature = pairIndex[beta * speciesCount + gamma] * nr + rad;
                            int o = (q * nf + feature) * 3;
                            d[o] += cv * hx;
                            d[o + 1] += cv * hy;
                            d[o + 2] += cv * hz;
                        }
                    }
                }
            }
        }
        return new CentreJacobian(i, nf, neighbours, codes, sep, d);
    }

    /** Gathers, fills the per-neighbour radial and harmonic rows and the coefficients c. */
    private int prepare(int i) {
        int n = shell.gather(i);
        java.util.Arrays.fill(c, 0);
        for (int q = 0; q < n; q++) {
            double r = Math.sqrt(nr2[q]);
            double inv = 1 / r;
            radial.valuesAndDerivatives(r, g, dg, q * nr);
            harmonics.evaluateWithGradient(ndx[q] * inv, ndy[q] * inv, ndz[q] * inv, y, gx, gy, gz, q * nh, shScratch);
            accumulate(nt[q] * nc, q * nr, q * nh);
        }
        return n;
    }

    /** c[cb + (l, k, m)] += g[gr + (l, k)] · Y[hr + (l, m)]. */
    private void accumulate(int cb, int gr, int hr) {
        for (int l = 0; l <= lMax; l++) {
            int w = 2 * l + 1;
            int y0 = hr + l * l;
            int ci = cb + coefficientStart[l];
            int ri = gr + radialStart[l];
            for (int k = 0; k <= lMax - l; k++, ci += w) {
                double gv = g[ri + k];
                for (int m = 0; m < w; m++) {
                    c[ci + m] += gv * y[y0 + m];
                }
            }
        }
    }
}
