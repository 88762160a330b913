package potentia.potential.sw;

import java.util.Arrays;
import potentia.neighbour.EntryData;
import potentia.potential.LocalMoves;
import potentia.potential.Potential;
import potentia.structure.Structure;

/**
 * Single-atom moves for Stillinger-Weber. Moving atom i changes exactly the terms that involve
 * i (or its periodic images): (1) its pair terms, (2) the three-body terms centred on i, and
 * (3) the three-body terms centred on a neighbour j with a leg to i. The energy change is those
 * terms at the trial position less those now; (3) needs j's other legs, which the move leaves
 * alone. Every neighbour entry keeps its 1/r, radial factor exp(γσ/(r − aσ)) and pair energy
 * ({@link EntryData}), computed when the entry is made: a trial then derives sqrt and exp only
 * for the moved atom's new legs, once each, instead of for every leg of every neighbour (which
 * took half the time of a move). Pair terms of i with its own images keep their length and are
 * left out.
 *
 * <p>Terms follow {@link StillingerWeber}: a leg takes part within its centre's i-j-j entry's
 * cutoff, a pair term is counted once with its owner's entry ({@link SwKernel#owns}), and a
 * triplet j-c-k takes strength and angle from the c-j-k entry, which must equal c-k-j (the
 * full kernel takes the two legs in list order, which a local update cannot reproduce; every
 * physical parameter set has this symmetry, and {@link StillingerWeber#track} checks it).
 */
final class SwLocalMoves extends LocalMoves {
    /** Entry data: 1/r, the leg's radial factor (0 beyond the centre's cutoff), the pair energy. */
    private static final int RINV = 0;
    private static final int EXP = 1;
    private static final int PAIR = 2;
    private static final int WIDTH = 3;

    private final SwTables tb;
    private final int ns;
    private final int[] type;

    /** Marks the neighbours of the moved atom already visited, by stamp. */
    private final int[] seen;
    private int stamp;

    // the trial's entries: 1/r, radial factor with i as centre and with the neighbour as centre, pair energy
    private double[] tRinv = new double[32];
    private double[] tExpI = new double[32];
    private double[] tExpJ = new double[32];
    private double[] tPair = new double[32];

    // scratch: legs of one centre (separation, 1/r, radial factor, species)
    private double[] lx = new double[32];
    private double[] ly = new double[32];
    private double[] lz = new double[32];
    private double[] lrinv = new double[32];
    private double[] lexp = new double[32];
    private int[] lt = new int[32];
    private int[] distinct = new int[32];

    SwLocalMoves(Potential potential, SwTables tb, int[] type, Structure structure) {
        super(potential, structure, new Entries(tb, type));
        this.tb = tb;
        this.ns = tb.species;
        this.type = type;
        this.seen = new int[type.length];
    }

    /** What an entry keeps: its 1/r, its radial factor as a leg of its centre, its pair energy. */
    private record Entries(SwTables tb, int[] type) implements EntryData {
        @Override
        public int width() {
            return WIDTH;
        }

        @Override
        public void compute(int centre, int neighbour, double dx, double dy, double dz, double[] out, int at) {
            int ns = tb.species;
            int tc = type[centre];
            int tk = type[neighbour];
            double r2 = dx * dx + dy * dy + dz * dz;
            double r = Math.sqrt(r2);
            out[at + RINV] = 1 / r;
            out[at + EXP] = legFactor(tb, (tc * ns + tk) * ns + tk, r2, r);
            out[at + PAIR] = pairTerm(tb, type, centre, neighbour, dx, dy, dz, r2, r);
        }
    }

    /**
     * The pair term of an entry with its owner's i-j-j or j-i-i entry ({@link SwKernel#owns}), 0
     * beyond that cutoff and for the centre's own images (whose length never changes).
     */
    private static double pairTerm(SwTables tb, int[] type, int centre, int neighbour, double dx, double dy, double dz,
            double r2, double r) {
        if (neighbour == centre) {
            return 0;
        }
        int ns = tb.species;
        int tc = type[centre];
        int tk = type[neighbour];
        int m = SwKernel.owns(centre, neighbour, dx, dy, dz) == 1 ? (tc * ns + tk) * ns + tk : (tk * ns + tc) * ns + tc;
        return r2 < tb.cutSq[m] ? pairEnergy(tb, m, r) : 0;
    }

    /** exp(γσ/(r − aσ)) of entry m, or 0 beyond its cutoff (where the leg takes no part). */
    private static double legFactor(SwTables tb, int m, double r2, double r) {
        return r2 < tb.cutSq[m] ? Math.exp(tb.sigmaGamma[m] / (r - tb.cut[m])) : 0;
    }

    /** φ₂ of entry m at distance r, as {@link SwKernel} computes it. */
    private static double pairEnergy(SwTables tb, int m, double r) {
        double rinv = 1 / r;
        double rainv = 1 / (r - tb.cut[m]);
        double rp = SwTables.inversePower(r, rinv, tb.p[m], tb.pInt[m]);
        double rq = SwTables.inversePower(r, rinv, tb.q[m], tb.qInt[m]);
        return (tb.c5[m] * rp - tb.c6[m] * rq) * Math.exp(tb.sigma[m] * rainv);
    }

    @Override
    protected double change(int i) {
        int[] nbOld = neighbourhoods.neighbours(i);
        double[] dOld = neighbourhoods.separations(i);
        double[] eOld = neighbourhoods.data(i);
        int cOld = neighbourhoods.count(i);
        int[] nbNew = neighbourhoods.trialNeighbours();
        double[] dNew = neighbourhoods.trialSeparations();
        int cNew = neighbourhoods.trialCount();
        trialEntries(i, nbNew, dNew, cNew);

        // (1) pair terms and (2) three-body terms centred on i
        double before = 0;
        double after = 0;
        for (int e = 0; e < cOld; e++) {
            before += eOld[WIDTH * e + PAIR];
        }
        for (int e = 0; e < cNew; e++) {
            after += tPair[e];
        }
        before += centred(i, cachedLegs(i, -1));
        after += centred(i, trialLegs(i, -1, nbNew, dNew, cNew, tExpI, 0));

        // (3) neighbours of i before or after the move, each once
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        int m = 0;
        m = collect(i, nbOld, cOld, m);
        m = collect(i, nbNew, cNew, m);
        for (int q = 0; q < m; q++) {
            int j = distinct[q];
            int legs = cachedLegs(j, i);
            before += withMoved(j, legs, cachedLegsTo(j, i, legs));
            after += withMoved(j, legs, trialLegs(i, j, nbNew, dNew, cNew, tExpJ, legs));
        }
        return after - before;
    }

    /** Derives the trial's entries once: 1/r, radial factors seen from i and from the neighbour, pair energy. */
    private void trialEntries(int i, int[] nb, double[] d, int c) {
        if (c > tRinv.length) {
            int size = Math.max(c, 2 * tRinv.length);
            tRinv = Arrays.copyOf(tRinv, size);
            tExpI = Arrays.copyOf(tExpI, size);
            tExpJ = Arrays.copyOf(tExpJ, size);
            tPair = Arrays.copyOf(tPair, size);
        }
        int ti = type[i];
        for (int e = 0; e < c; e++) {
            int j = nb[e];
            double dx = d[3 * e];
            double dy = d[3 * e + 1];
            double dz = d[3 * e + 2];
            int tj = type[j];
            double r2 = dx * dx + dy * dy + dz * dz;
            double r = Math.sqrt(r2);
            int mi = (ti * ns + tj) * ns + tj;
            int mj = (tj * ns + ti) * ns + ti;
            tRinv[e] = 1 / r;
            tExpI[e] = legFactor(tb, mi, r2, r);
            tExpJ[e] = mi == mj ? tExpI[e] : legFactor(tb, mj, r2, r);
            tPair[e] = pairTerm(tb, type, i, j, dx, dy, dz, r2, r);
        }
    }

    private int collect(int i, int[] nb, int c, int m) {
        for (int e = 0; e < c; e++) {
            int j = nb[e];
            if (j != i && seen[j] != stamp) {
                seen[j] = stamp;
                if (m == distinct.length) {
                    distinct = Arrays.copyOf(distinct, 2 * m);
                }
                distinct[m++] = j;
            }
        }
        return m;
    }

    /** The three-body terms centred on c over the scratch legs [0, legs). */
    private double centred(int c, int legs) {
        int row = type[c] * ns;
        double e = 0;
        for (int a = 0; a < legs - 1; a++) {
            int base = (row + lt[a]) * ns;
            for (int b = a + 1; b < legs; b++) {
                e += triplet(base + lt[b], a, b);
            }
        }
        return e;
    }

    /**
     * The three-body terms centred on j with a leg to the moved atom: scratch [legs, all) holds
     * j's legs to it, [0, legs) j's other legs.
     */
    private double withMoved(int j, int legs, int all) {
        int row = type[j] * ns;
        double e = 0;
        for (int a = legs; a < all; a++) {
            int base = (row + lt[a]) * ns;
            for (int b = 0; b < a; b++) {
                e += triplet(base + lt[b], a, b);
            }
        }
        return e;
    }

    /**
     * Fills scratch [0, n) with centre c's current legs (within its cutoffs) to atoms other than
     * {@code except} (−1: all, its own images included) and returns n.
     */
    private int cachedLegs(int c, int except) {
        int[] nb = neighbourhoods.neighbours(c);
        double[] d = neighbourhoods.separations(c);
        double[] data = neighbourhoods.data(c);
        int legs = 0;
        for (int k = 0, n = neighbourhoods.count(c); k < n; k++) {
            if (nb[k] != except && data[WIDTH * k + EXP] != 0) {
                legs = leg(legs, nb[k], d[3 * k], d[3 * k + 1], d[3 * k + 2], data[WIDTH * k + RINV], data[WIDTH * k + EXP]);
            }
        }
        return legs;
    }

    /** Appends centre j's current legs to atom i at scratch [from, …) and returns the end. */
    private int cachedLegsTo(int j, int i, int from) {
        int[] nb = neighbourhoods.neighbours(j);
        double[] d = neighbourhoods.separations(j);
        double[] data = neighbourhoods.data(j);
        int legs = from;
        for (int k = 0, n = neighbourhoods.count(j); k < n; k++) {
            if (nb[k] == i && data[WIDTH * k + EXP] != 0) {
                legs = leg(legs, i, d[3 * k], d[3 * k + 1], d[3 * k + 2], data[WIDTH * k + RINV], data[WIDTH * k + EXP]);
            }
        }
        return legs;
    }

    /**
     * Appends legs from the trial's entries at scratch [from, …) and returns the end: with
     * {@code towards} = −1, the legs of the moved atom i (factors {@code exp} seen from it);
     * otherwise the legs of centre {@code towards} to i, the trial's entries pointing at it seen
     * from it (separation negated, factors seen from it).
     */
    private int trialLegs(int i, int towards, int[] nb, double[] d, int c, double[] exp, int from) {
        int legs = from;
        for (int e = 0; e < c; e++) {
            if (exp[e] == 0) {
                continue;
            }
            if (towards < 0) {
                legs = leg(legs, nb[e], d[3 * e], d[3 * e + 1], d[3 * e + 2], tRinv[e], exp[e]);
            } else if (nb[e] == towards) {
                legs = leg(legs, i, -d[3 * e], -d[3 * e + 1], -d[3 * e + 2], tRinv[e], exp[e]);
            }
        }
        return legs;
    }

    /** λε (cos θ − cos θ₀)² exp(…) exp(…) for scratch legs a and b with triplet row m. */
    private double triplet(int m, int a, int b) {
        double cs = (lx[a] * lx[b] + ly[a] * ly[b] + lz[a] * lz[b]) * lrinv[a] * lrinv[b];
        double delta = cs - tb.cosTheta0[m];
        return tb.lambdaEpsilon[m] * delta * delta * lexp[a] * lexp[b];
    }

    /** Appends a leg to atom k to the scratch. */
    private int leg(int legs, int k, double dx, double dy, double dz, double rinv, double exp) {
        if (legs == lx.length) {
            grow();
        }
        lx[legs] = dx;
        ly[legs] = dy;
        lz[legs] = dz;
        lrinv[legs] = rinv;
        lexp[legs] = exp;
        lt[legs] = type[k];
        return legs + 1;
    }

    private void grow() {
        int c = 2 * lx.length;
        lx = Arrays.copyOf(lx, c);
        ly = Arrays.copyOf(ly, c);
        lz = Arrays.copyOf(lz, c);
        lrinv = Arrays.copyOf(lrinv, c);
        lexp = Arrays.copyOf(lexp, c);
        lt = Arrays.copyOf(lt, c);
    }
}
