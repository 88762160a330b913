package potentia.descriptor;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import potentia.neighbour.NeighbourList;
import potentia.potential.Tally;
import potentia.structure.Structure;

/**
 * The fast per-centre loops of {@link BesselDescriptor} with tabulated radial functions, written
 * with the Vector API because they are the force field's hot path; {@link BesselKernel} is the
 * scalar reference they are tested against.
 *
 * <p>Layout: a centre's neighbours inside r_c are gathered grouped by species, each species'
 * block padded to whole vectors, and everything per neighbour is stored neighbour-fastest
 * ("structure of arrays": harmonic lm of neighbour q at [lm·cap + q]), so the recurrences of
 * the real harmonics, and the backward pass per neighbour, run one neighbour per SIMD lane.
 * The radial table is evaluated per neighbour with the functions across the lanes (one Horner
 * chain per vector of functions), then transposed. Padding lanes have radial functions 0 and a
 * harmless direction, so they add nothing to sums and are skipped when forces are scattered.
 * Coefficients c^β_{nlm} are dot products over a species' block.
 *
 * <p>One instance per call (and thread); scratch sized once, no allocation in the loops.
 */
final class BesselVectorKernel {
    private static final VectorSpecies<Double> V = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = V.length();
    /** The radial tables' polynomial degree this kernel is written for. */
    static final int DEGREE = 8;

    private final BesselDescriptor descriptor;
    private final Structure s;
    private final NeighbourList list;
    private final SpectrumAlgebra algebra;

    private final double[] coef;
    private final double[] slope;
    private final int stride;
    private final RadialTable table;
    private final double[] norm;
    private final double[] ra;
    private final double[] rb;
    private final double[] diagonal;

    private final int lMax;
    private final int qw;
    private final int speciesCount;
    private final int nr;
    private final int nh;
    private final int nc;
    private final int nf;
    private final int[] radialStart;
    private final int[] coefficientStart;
    private final int cap;

    // gather, list order [maxNeighbours]: the shell's arrays
    private final NeighbourShell shell;
    private final int[] tj;
    private final int[] tt;
    private final double[] tdx;
    private final double[] tdy;
    private final double[] tdz;
    private final double[] tr2;
    // species blocks
    private final int[] blockStart;
    private final int[] blockCount;
    private final int[] fill;
    // per slot [cap]; nj = −1 on padding
    private final int[] nj;
    private final double[] ndx;
    private final double[] ndy;
    private final double[] ndz;
    private final double[] nr1;
    private final double[] ninv;
    private final double[] ux;
    private final double[] uy;
    private final double[] uz;
    private final double[] ex;
    private final double[] ey;
    private final double[] ez;
    // per slot rows [cap × stride]; structure of arrays [count × cap]
    private final double[] rowG;
    private final double[] rowD;
    private final double[] g;
    private final double[] dg;
    private final double[] y;
    private final double[] gx;
    private final double[] gy;
    private final double[] gz;
    private final double[] dy;
    private final double[] qs;
    private final double[] cm;
    private final double[] sm;
    // per centre [S × C]
    private final double[] c;
    private final double[] a;
    private final double[] dc;
    private final double[] lanes = new double[LANES];

    BesselVectorKernel(BesselDescriptor descriptor, Structure s, NeighbourList list, int from, int to) {
        this.descriptor = descriptor;
        this.s = s;
        this.list = list;
        this.algebra = descriptor.algebra();
        this.table = (RadialTable) descriptor.radial();
        this.coef = table.value;
        this.slope = table.slope;
        this.stride = table.stride;
        if (table.degree() != DEGREE) {
            throw new IllegalStateException("vector kernel needs degree-" + DEGREE + " radial tables");
        }
        RealSphericalHarmonics sh = descriptor.harmonics();
        this.norm = sh.norm;
        this.ra = sh.ra;
        this.rb = sh.rb;
        this.diagonal = sh.diagonal;
        SpectrumLayout layout = descriptor.layout();
        this.lMax = layout.nMax;
        this.qw = lMax + 2;
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
        shell = new NeighbourShell(descriptor, s, list, from, to);
        int most = shell.capacity();
        this.cap = (most + speciesCount * (LANES - 1) + LANES - 1) / LANES * LANES;
        tj = shell.atom;
        tt = shell.species;
        tdx = shell.dx;
        tdy = shell.dy;
        tdz = shell.dz;
        tr2 = shell.r2;
        blockStart = new int[speciesCount + 1];
        blockCount = new int[speciesCount];
        fill = new int[speciesCount];
        nj = new int[cap];
        ndx = new double[cap];
        ndy = new double[cap];
        ndz = new double[cap];
        nr1 = new double[cap];
        ninv = new double[cap];
        ux = new double[cap];
        uy = new double[cap];
        uz = new double[cap];
        ex = new double[cap];
        ey = new double[cap];
        ez = new double[cap];
        rowG = new double[cap * stride];
        rowD = new double[cap * stride];
        g = new double[nr * cap];
        dg = new double[nr * cap];
        y = new double[nh * cap];
        gx = new double[nh * cap];
        gy = new double[nh * cap];
        gz = new double[nh * cap];
        dy = new double[nh * cap];
        qs = new double[(lMax + 1) * qw * cap];
        cm = new double[(lMax + 1) * cap];
        sm = new double[(lMax + 1) * cap];
        c = new double[speciesCount * nc];
        a = new double[speciesCount * nc];
        dc = new double[speciesCount * nc];
    }

    void features(int from, int to, double[] out) {
        for (int i = from; i < to; i++) {
            int np = gather(i);
            radial(np, false);
            harmonics(np, false);
            coefficients(g, null, c);
            algebra.spectrum(c, out, i * nf);
        }
    }

    /**
     * For each k, forces and virial of ∂E/∂G = dEdG[k] into tallies[k]; the per-neighbour work
     * that does not depend on ∂E/∂G is done once for all k.
     */
    void backward(double[][] dEdG, int from, int to, Tally[] tallies) {
        int count = dEdG.length;
        double[] virials = new double[9 * count];
        for (int i = from; i < to; i++) {
            int np = gather(i);
            radial(np, true);
            harmonics(np, true);
            coefficients(g, null, c);
            for (int k = 0; k < count; k++) {
                algebra.adjoint(c, dEdG[k], i * nf, a);
                for (int beta = 0; beta < speciesCount; beta++) {
                    for (int q0 = blockStart[beta]; q0 < blockStart[beta + 1]; q0 += LANES) {
                        gradientChunk(beta, q0);
                    }
                }
                scatter(i, tallies[k].forces, virials, 9 * k);
            }
        }
        for (int k = 0; k < count; k++) {
            double[] v = tallies[k].virial;
            for (int e = 0; e < 9; e++) {
                v[e] += virials[9 * k + e];
            }
        }
    }

    /** Adds the pair gradients in ex, ey, ez of centre i's real neighbours to the forces and to virial[o, o + 9). */
    private void scatter(int i, double[] f, double[] virial, int o) {
        double wxx = 0, wxy = 0, wxz = 0, wyx = 0, wyy = 0, wyz = 0, wzx = 0, wzy = 0, wzz = 0;
        double fix = 0, fiy = 0, fiz = 0;
        for (int beta = 0; beta < speciesCount; beta++) {
            for (int q = blockStart[beta], end = q + blockCount[beta]; q < end; q++) {
                double px = ex[q];
                double py = ey[q];
                double pz = ez[q];
                int j = nj[q];
                f[3 * j] -= px;
                f[3 * j + 1] -= py;
                f[3 * j + 2] -= pz;
                fix += px;
                fiy += py;
                fiz += pz;
                // virial Σ d ⊗ f_j with f_j = −∂E/∂d
                double dx = ndx[q];
                double dyy = ndy[q];
                double dz = ndz[q];
                wxx -= dx * px;
                wxy -= dx * py;
                wxz -= dx * pz;
                wyx -= dyy * px;
                wyy -= dyy * py;
                wyz -= dyy * pz;
                wzx -= dz * px;
                wzy -= dz * py;
                wzz -= dz * pz;
            }
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

    /**
     * ∂E/∂d for the lanes [q0, q0 + LANES) of species β's block, into ex, ey, ez:
     * s·u + (V − (u·V) u)/r with s = Σ_lm (Σ_n a g') Y and V = Σ_lm (Σ_n a g) G.
     */
    private void gradientChunk(int beta, int q0) {
        DoubleVector sv = DoubleVector.zero(V);
        DoubleVector vx = DoubleVector.zero(V);
        DoubleVector vy = DoubleVector.zero(V);
        DoubleVector vz = DoubleVector.zero(V);
        int cb = beta * nc;
        for (int l = 0; l <= lMax; l++) {
            int w = 2 * l + 1;
            int ri = radialStart[l];
            int kMax = lMax - l;
            for (int mm = 0; mm < w; mm++) {
                DoubleVector b = DoubleVector.zero(V);
                DoubleVector t = DoubleVector.zero(V);
                int ci = cb + coefficientStart[l] + mm;
                for (int k = 0; k <= kMax; k++, ci += w) {
                    DoubleVector av = DoubleVector.broadcast(V, a[ci]);
                    int gi = (ri + k) * cap + q0;
                    b = DoubleVector.fromArray(V, g, gi).fma(av, b);
                    t = DoubleVector.fromArray(V, dg, gi).fma(av, t);
                }
                int li = (l * l + mm) * cap + q0;
                sv = t.fma(DoubleVector.fromArray(V, y, li), sv);
                vx = b.fma(DoubleVector.fromArray(V, gx, li), vx);
                vy = b.fma(DoubleVector.fromArray(V, gy, li), vy);
                vz = b.fma(DoubleVector.fromArray(V, gz, li), vz);
            }
        }
        DoubleVector x = DoubleVector.fromArray(V, ux, q0);
        DoubleVector yy = DoubleVector.fromArray(V, uy, q0);
        DoubleVector z = DoubleVector.fromArray(V, uz, q0);
        DoubleVector inv = DoubleVector.fromArray(V, ninv, q0);
        DoubleVector uv = x.mul(vx).add(yy.mul(vy)).add(z.mul(vz));
        sv.fma(x, vx.sub(uv.mul(x)).mul(inv)).intoArray(ex, q0);
        sv.fma(yy, vy.sub(uv.mul(yy)).mul(inv)).intoArray(ey, q0);
        sv.fma(z, vz.sub(uv.mul(z)).mul(inv)).intoArray(ez, q0);
    }

    void tangent(double[] displacement, double[] strain, int from, int to, double[] out) {
        for (int i = from; i < to; i++) {
            int np = gather(i);
            radial(np, true);
            harmonics(np, true);
            coefficients(g, null, c);
            double vix = 0, viy = 0, viz = 0;
            if (displacement != null) {
                vix = displacement[3 * i];
                viy = displacement[3 * i + 1];
                viz = displacement[3 * i + 2];
            }
            // δd per slot; 0 on padding
            for (int q = 0; q < np; q++) {
                double px = 0, py = 0, pz = 0;
                int j = nj[q];
                if (j >= 0) {
                    if (displacement != null) {
                        px = displacement[3 * j] - vix;
                        py = displacement[3 * j + 1] - viy;
                        pz = displacement[3 * j + 2] - viz;
                    }
                    if (strain != null) {
                        double dx = ndx[q];
                        double dyy = ndy[q];
                        double dz = ndz[q];
                        px += dx * strain[0] + dyy * strain[3] + dz * strain[6];
                        py += dx * strain[1] + dyy * strain[4] + dz * strain[7];
                        pz += dx * strain[2] + dyy * strain[5] + dz * strain[8];
                    }
                }
                ex[q] = px;
                ey[q] = py;
                ez[q] = pz;
            }
            for (int q0 = 0; q0 < np; q0 += LANES) {
                DoubleVector px = DoubleVector.fromArray(V, ex, q0);
                DoubleVector py = DoubleVector.fromArray(V, ey, q0);
                DoubleVector pz = DoubleVector.fromArray(V, ez, q0);
                DoubleVector x = DoubleVector.fromArray(V, ux, q0);
                DoubleVector yy = DoubleVector.fromArray(V, uy, q0);
                DoubleVector z = DoubleVector.fromArray(V, uz, q0);
                DoubleVector inv = DoubleVector.fromArray(V, ninv, q0);
                DoubleVector r = x.mul(px).add(yy.mul(py)).add(z.mul(pz));
                // dY = (G·δ − (u·G) ρ)/r
                for (int lm = 0; lm < nh; lm++) {
                    int li = lm * cap + q0;
                    DoubleVector hx = DoubleVector.fromArray(V, gx, li);
                    DoubleVector hy = DoubleVector.fromArray(V, gy, li);
                    DoubleVector hz = DoubleVector.fromArray(V, gz, li);
                    DoubleVector ge = hx.mul(px).add(hy.mul(py)).add(hz.mul(pz));
                    DoubleVector gu = hx.mul(x).add(hy.mul(yy)).add(hz.mul(z));
                    ge.sub(gu.mul(r)).mul(inv).intoArray(dy, li);
                }
                // g' ρ, in place: dg is not needed afterwards
                for (int f = 0; f < nr; f++) {
                    int gi = f * cap + q0;
                    DoubleVector.fromArray(V, dg, gi).mul(r).intoArray(dg, gi);
                }
            }
            coefficients(dg, g, dc);
            algebra.spectrumTangent(c, dc, out, i * nf);
        }
    }

    /**
     * Gathers centre i's neighbours inside the cutoff by species into padded blocks and fills the
     * per-slot geometry.
     *
     * @return the padded slot count (a multiple of LANES)
     */
    private int gather(int i) {
        int n = shell.gather(i);
        Arrays.fill(blockCount, 0);
        for (int q = 0; q < n; q++) {
            blockCount[tt[q]]++;
        }
        int pos = 0;
        for (int beta = 0; beta < speciesCount; beta++) {
            blockStart[beta] = pos;
            fill[beta] = pos;
            pos += (blockCount[beta] + LANES - 1) / LANES * LANES;
        }
        blockStart[speciesCount] = pos;
        for (int q = 0; q < n; q++) {
            int slot = fill[tt[q]]++;
            double r = Math.sqrt(tr2[q]);
            double inv = 1 / r;
            nj[slot] = tj[q];
            ndx[slot] = tdx[q];
            ndy[slot] = tdy[q];
            ndz[slot] = tdz[q];
            nr1[slot] = r;
            ninv[slot] = inv;
            ux[slot] = tdx[q] * inv;
            uy[slot] = tdy[q] * inv;
            uz[slot] = tdz[q] * inv;
        }
        for (int beta = 0; beta < speciesCount; beta++) {
            for (int slot = fill[beta]; slot < blockStart[beta + 1]; slot++) {
                nj[slot] = -1;
                ndx[slot] = 0;
                ndy[slot] = 0;
                ndz[slot] = 0;
                nr1[slot] = 0;
                ninv[slot] = 1;
                ux[slot] = 0;
                uy[slot] = 0;
                uz[slot] = 1;
            }
        }
        return pos;
    }

    /** Radial functions (and derivatives) of slots [0, np) into g (dg) as [function × cap]; 0 on padding. */
    private void radial(int np, boolean derivatives) {
        for (int q = 0; q < np; q++) {
            int row = q * stride;
            if (nj[q] < 0) {
                Arrays.fill(rowG, row, row + stride, 0);
                if (derivatives) {
                    Arrays.fill(rowD, row, row + stride, 0);
                }
                continue;
            }
            double r = nr1[q];
            int k = table.interval(r);
            double x = table.local(r, k);
            estrin8(x, k * 9 * stride, row);
            if (derivatives) {
                estrin7(x, k * 8 * stride, row);
            }
        }
        for (int f = 0; f < nr; f++) {
            int o = f * cap;
            for (int q = 0; q < np; q++) {
                g[o + q] = rowG[q * stride + f];
            }
        }
        if (derivatives) {
            for (int f = 0; f < nr; f++) {
                int o = f * cap;
                for (int q = 0; q < np; q++) {
                    dg[o + q] = rowD[q * stride + f];
                }
            }
        }
    }

    /**
     * The degree-8 value polynomials at s by Estrin's scheme into rowG[row, row + stride): a
     * dependency depth of 4 multiply-adds instead of Horner's 8, which is what bounds this loop.
     */
    private void estrin8(double x, int base, int row) {
        DoubleVector s1 = DoubleVector.broadcast(V, x);
        double x2 = x * x;
        double x4 = x2 * x2;
        DoubleVector s2 = DoubleVector.broadcast(V, x2);
        DoubleVector s4 = DoubleVector.broadcast(V, x4);
        DoubleVector s8 = DoubleVector.broadcast(V, x4 * x4);
        for (int f0 = 0; f0 < stride; f0 += LANES) {
            int o = base + f0;
            DoubleVector p01 = DoubleVector.fromArray(V, coef, o + stride).fma(s1, DoubleVector.fromArray(V, coef, o));
            DoubleVector p23 = DoubleVector.fromArray(V, coef, o + 3 * stride).fma(s1, DoubleVector.fromArray(V, coef, o + 2 * stride));
            DoubleVector p45 = DoubleVector.fromArray(V, coef, o + 5 * stride).fma(s1, DoubleVector.fromArray(V, coef, o + 4 * stride));
            DoubleVector p67 = DoubleVector.fromArray(V, coef, o + 7 * stride).fma(s1, DoubleVector.fromArray(V, coef, o + 6 * stride));
            DoubleVector p03 = p23.fma(s2, p01);
            DoubleVector p47 = p67.fma(s2, p45);
            DoubleVector p07 = p47.fma(s4, p03);
            DoubleVector.fromArray(V, coef, o + 8 * stride).fma(s8, p07).intoArray(rowG, row + f0);
        }
    }

    /** The degree-7 slope polynomials (d/dr) at s by Estrin's scheme into rowD[row, row + stride). */
    private void estrin7(double x, int base, int row) {
        DoubleVector s1 = DoubleVector.broadcast(V, x);
        double x2 = x * x;
        DoubleVector s2 = DoubleVector.broadcast(V, x2);
        DoubleVector s4 = DoubleVector.broadcast(V, x2 * x2);
        for (int f0 = 0; f0 < stride; f0 += LANES) {
            int o = base + f0;
            DoubleVector p01 = DoubleVector.fromArray(V, slope, o + stride).fma(s1, DoubleVector.fromArray(V, slope, o));
            DoubleVector p23 = DoubleVector.fromArray(V, slope, o + 3 * stride).fma(s1, DoubleVector.fromArray(V, slope, o + 2 * stride));
            DoubleVector p45 = DoubleVector.fromArray(V, slope, o + 5 * stride).fma(s1, DoubleVector.fromArray(V, slope, o + 4 * stride));
            DoubleVector p67 = DoubleVector.fromArray(V, slope, o + 7 * stride).fma(s1, DoubleVector.fromArray(V, slope, o + 6 * stride));
            p67.fma(s2, p45).fma(s4, p23.fma(s2, p01)).intoArray(rowD, row + f0);
        }
    }

    /**
     * Real harmonics (and the gradients G of {@link RealSphericalHarmonics}) of slots [0, np),
     * one neighbour per lane. Written array-at-a-time: each step of the recurrences is a loop
     * over the slots, whose accesses C2 can range-check once per loop (2× faster than running
     * all recurrences per chunk of lanes).
     */
    private void harmonics(int np, boolean gradients) {
        // C_m, S_m
        for (int q0 = 0; q0 < np; q0 += LANES) {
            DoubleVector.broadcast(V, 1).intoArray(cm, q0);
            DoubleVector.zero(V).intoArray(sm, q0);
        }
        for (int m = 1; m <= lMax; m++) {
            int o = m * cap, p = (m - 1) * cap;
            for (int q0 = 0; q0 < np; q0 += LANES) {
                DoubleVector x = DoubleVector.fromArray(V, ux, q0);
                DoubleVector yy = DoubleVector.fromArray(V, uy, q0);
                DoubleVector cr = DoubleVector.fromArray(V, cm, p + q0);
                DoubleVector si = DoubleVector.fromArray(V, sm, p + q0);
                x.mul(cr).sub(yy.mul(si)).intoArray(cm, o + q0);
                x.mul(si).add(yy.mul(cr)).intoArray(sm, o + q0);
            }
        }
        // Q_l^m
        for (int m = 0; m <= lMax; m++) {
            double dm = diagonal[m];
            int omm = (m * qw + m) * cap;
            int omm1 = (m * qw + m + 1) * cap;
            for (int q0 = 0; q0 < np; q0 += LANES) {
                DoubleVector.broadcast(V, dm).intoArray(qs, omm + q0);
                DoubleVector.zero(V).intoArray(qs, omm1 + q0);
            }
            if (m + 1 <= lMax) {
                int o1 = ((m + 1) * qw + m) * cap;
                double f1 = (2 * m + 1) * dm;
                for (int q0 = 0; q0 < np; q0 += LANES) {
                    DoubleVector.fromArray(V, uz, q0).mul(f1).intoArray(qs, o1 + q0);
                }
                for (int l = m + 2; l <= lMax; l++) {
                    int ci = l * l + l + m;
                    double ral = ra[ci], rbl = rb[ci];
                    int o = (l * qw + m) * cap, a1 = ((l - 1) * qw + m) * cap, a2 = ((l - 2) * qw + m) * cap;
                    for (int q0 = 0; q0 < np; q0 += LANES) {
                        DoubleVector z = DoubleVector.fromArray(V, uz, q0);
                        DoubleVector q1 = DoubleVector.fromArray(V, qs, a1 + q0);
                        DoubleVector q2 = DoubleVector.fromArray(V, qs, a2 + q0);
                        z.mul(ral).mul(q1).sub(q2.mul(rbl)).intoArray(qs, o + q0);
                    }
                }
            }
        }
        for (int l = 0; l <= lMax; l++) {
            int c0 = l * l + l;
            int row = l * qw;
            double n0 = norm[c0];
            int yo = c0 * cap, qo = row * cap, qo1 = (row + 1) * cap;
            for (int q0 = 0; q0 < np; q0 += LANES) {
                DoubleVector.fromArray(V, qs, qo + q0).mul(n0).intoArray(y, yo + q0);
            }
            if (gradients) {
                for (int q0 = 0; q0 < np; q0 += LANES) {
                    DoubleVector zero = DoubleVector.zero(V);
                    zero.intoArray(gx, yo + q0);
                    zero.intoArray(gy, yo + q0);
                    DoubleVector.fromArray(V, qs, qo1 + q0).mul(n0).intoArray(gz, yo + q0);
                }
            }
            for (int m = 1; m <= l; m++) {
                double nm = norm[c0 + m];
                int plus = (c0 + m) * cap, minus = (c0 - m) * cap;
                int qm0 = (row + m) * cap, qm1 = (row + m + 1) * cap, co = m * cap, co1 = (m - 1) * cap;
                if (!gradients) {
                    for (int q0 = 0; q0 < np; q0 += LANES) {
                        DoubleVector qv = DoubleVector.fromArray(V, qs, qm0 + q0).mul(nm);
                        qv.mul(DoubleVector.fromArray(V, cm, co + q0)).intoArray(y, plus + q0);
                        qv.mul(DoubleVector.fromArray(V, sm, co + q0)).intoArray(y, minus + q0);
                    }
                } else {
                    double mm = m * nm;
                    for (int q0 = 0; q0 < np; q0 += LANES) {
                        DoubleVector qraw = DoubleVector.fromArray(V, qs, qm0 + q0);
                        DoubleVector qv = qraw.mul(nm);
                        DoubleVector qm = qraw.mul(mm);
                        DoubleVector dq = DoubleVector.fromArray(V, qs, qm1 + q0).mul(nm);
                        DoubleVector cmv = DoubleVector.fromArray(V, cm, co + q0);
                        DoubleVector smv = DoubleVector.fromArray(V, sm, co + q0);
                        DoubleVector cm1 = DoubleVector.fromArray(V, cm, co1 + q0);
                        DoubleVector sm1 = DoubleVector.fromArray(V, sm, co1 + q0);
                        qv.mul(cmv).intoArray(y, plus + q0);
                        qv.mul(smv).intoArray(y, minus + q0);
                        qm.mul(cm1).intoArray(gx, plus + q0);
                        qm.mul(sm1).neg().intoArray(gy, plus + q0);
                        dq.mul(cmv).intoArray(gz, plus + q0);
                        qm.mul(sm1).intoArray(gx, minus + q0);
                        qm.mul(cm1).intoArray(gy, minus + q0);
                        dq.mul(smv).intoArray(gz, minus + q0);
                    }
                }
            }
        }
    }

    /**
     * out^β_{lkm} = Σ_{q in β's block} first[(l,k)][q]·Y[(l,m)][q] (+ second[(l,k)][q]·dY[(l,m)][q]
     * when second is given), for every species β.
     */
    private void coefficients(double[] first, double[] second, double[] out) {
        for (int beta = 0; beta < speciesCount; beta++) {
            int start = blockStart[beta];
            int end = blockStart[beta + 1];
            int cb = beta * nc;
            for (int l = 0; l <= lMax; l++) {
                int w = 2 * l + 1;
                for (int k = 0; k <= lMax - l; k++) {
                    int gi = (radialStart[l] + k) * cap;
                    int ci = cb + coefficientStart[l] + k * w;
                    for (int mm = 0; mm < w; mm++) {
                        int li = (l * l + mm) * cap;
                        DoubleVector acc = DoubleVector.zero(V);
                        for (int q0 = start; q0 < end; q0 += LANES) {
                            acc = DoubleVector.fromArray(V, first, gi + q0).fma(DoubleVector.fromArray(V, y, li + q0), acc);
                            if (second != null) {
                                acc = DoubleVector.fromArray(V, second, gi + q0).fma(DoubleVector.fromArray(V, dy, li + q0), acc);
                            }
                        }
                        // the lanes' sum in lane order, not reduceLanes(ADD): its order is unspecified
                        // and differs between the JIT's intrinsic and the interpreter's fallback, so
                        // the bits would depend on how warm the JVM is
                        acc.intoArray(lanes, 0);
                        double sum = lanes[0];
                        for (int lane = 1; lane < LANES; lane++) {
                            sum += lanes[lane];
                        }
                        out[ci + mm] = sum;
                    }
                }
            }
        }
    }
}
