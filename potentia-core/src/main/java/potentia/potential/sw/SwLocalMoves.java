package potentia.potential.sw;

import java.util.Arrays;
import potentia.potential.LocalMoves;
import potentia.potential.Potential;
import potentia.structure.Structure;

/**
 * Single-atom moves for Stillinger-Weber. Moving atom i changes exactly the terms that involve
 * i (or its periodic images): (1) its pair terms, (2) the three-body terms centred on i, and
 * (3) the three-body terms centred on a neighbour j with a leg to i. The energy change is those
 * terms at the trial position less those now; (3) needs j's other legs, which the move leaves
 * alone, so their radial factors exp(γσ/(r − aσ)) are computed once and used for both. Pair
 * terms of i with its own images keep their length and are left out.
 *
 * <p>Terms follow {@link StillingerWeber}: a leg takes part within its centre's i-j-j entry's
 * cutoff, a pair term is counted once with its owner's entry ({@link SwKernel#owns}), and a
 * triplet j-c-k takes strength and angle from the c-j-k entry, which must equal c-k-j (the
 * full kernel takes the two legs in list order, which a local update cannot reproduce; every
 * physical parameter set has this symmetry, and {@link StillingerWeber#track} checks it).
 */
final class SwLocalMoves extends LocalMoves {
    private final SwTables tb;
    private final int ns;
    private final int[] type;

    /** Marks the neighbours of the moved atom already visited, by stamp. */
    private final int[] seen;
    private int stamp;

    // scratch: legs of one centre (separation, 1/r, r, radial factor, triplet row, species)
    private double[] lx = new double[32];
    private double[] ly = new double[32];
    private double[] lz = new double[32];
    private double[] lrinv = new double[32];
    private double[] lexp = new double[32];
    private int[] lt = new int[32];
    private int[] distinct = new int[32];

    SwLocalMoves(Potential potential, SwTables tb, int[] type, Structure structure) {
        super(potential, structure);
        this.tb = tb;
        this.ns = tb.species;
        this.type = type;
        this.seen = new int[type.length];
    }

    @Override
    protected double change(int i) {
        int[] nbOld = neighbourhoods.neighbours(i);
        double[] dOld = neighbourhoods.separations(i);
        int cOld = neighbourhoods.count(i);
        int[] nbNew = neighbourhoods.trialNeighbours();
        double[] dNew = neighbourhoods.trialSeparations();
        int cNew = neighbourhoods.trialCount();

        double before = pairs(i, nbOld, dOld, cOld) + centred(i, nbOld, dOld, cOld);
        double after = pairs(i, nbNew, dNew, cNew) + centred(i, nbNew, dNew, cNew);

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
            int legs = otherLegs(j, i);
            before += legsToMoved(j, i, legs, nbOld, dOld, cOld);
            after += legsToMoved(j, i, legs, nbNew, dNew, cNew);
        }
        return after - before;
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

    /** The pair terms of i with other atoms, each with its owner's i-j-j or j-i-i entry. */
    private double pairs(int i, int[] nb, double[] d, int c) {
        int ti = type[i];
        double e = 0;
        for (int k = 0; k < c; k++) {
            int j = nb[k];
            if (j == i) {
                continue;
            }
            double dx = d[3 * k];
            double dy = d[3 * k + 1];
            double dz = d[3 * k + 2];
            int tj = type[j];
            int m = SwKernel.owns(i, j, dx, dy, dz) == 1 ? (ti * ns + tj) * ns + tj : (tj * ns + ti) * ns + ti;
            double r2 = dx * dx + dy * dy + dz * dz;
            if (r2 < tb.cutSq[m]) {
                e += pairEnergy(m, r2);
            }
        }
        return e;
    }

    /** φ₂ of entry m at squared distance r2, as {@link SwKernel} computes it. */
    private double pairEnergy(int m, double r2) {
        double r = Math.sqrt(r2);
        double rinv = 1 / r;
        double rainv = 1 / (r - tb.cut[m]);
        double rp = SwTables.inversePower(r, rinv, tb.p[m], tb.pInt[m]);
        double rq = SwTables.inversePower(r, rinv, tb.q[m], tb.qInt[m]);
        return (tb.c5[m] * rp - tb.c6[m] * rq) * Math.exp(tb.sigma[m] * rainv);
    }

    /** The three-body terms centred on c over its legs (within c's cutoffs). */
    private double centred(int c, int[] nb, double[] d, int count) {
        int legs = 0;
        int row = type[c] * ns;
        for (int k = 0; k < count; k++) {
            legs = addLeg(row, nb[k], d[3 * k], d[3 * k + 1], d[3 * k + 2], legs);
        }
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
     * Fills the scratch legs with centre j's legs to atoms other than i (its own images
     * included) and returns their number.
     */
    private int otherLegs(int j, int i) {
        int[] nb = neighbourhoods.neighbours(j);
        double[] d = neighbourhoods.separations(j);
        int row = type[j] * ns;
        int legs = 0;
        for (int k = 0, c = neighbourhoods.count(j); k < c; k++) {
            if (nb[k] != i) {
                legs = addLeg(row, nb[k], d[3 * k], d[3 * k + 1], d[3 * k + 2], legs);
            }
        }
        return legs;
    }

    /**
     * The three-body terms centred on j with a leg to an image of i, given j's other legs in
     * scratch [0, legs): i's images are the entries of i's list (nb, d) that point at j, seen
     * from j (separation negated). The scratch beyond {@code legs} is overwritten.
     */
    private double legsToMoved(int j, int i, int legs, int[] nb, double[] d, int count) {
        int row = type[j] * ns;
        int all = legs;
        for (int k = 0; k < count; k++) {
            if (nb[k] == j) {
                all = addLeg(row, i, -d[3 * k], -d[3 * k + 1], -d[3 * k + 2], all);
            }
        }
        double e = 0;
        for (int a = legs; a < all; a++) {
            int base = (row + lt[a]) * ns;
            for (int b = 0; b < a; b++) {
                e += triplet(base + lt[b], a, b);
            }
        }
        return e;
    }

    /** λε (cos θ − cos θ₀)² exp(…) exp(…) for scratch legs a and b with triplet row m. */
    private double triplet(int m, int a, int b) {
        double cs = (lx[a] * lx[b] + ly[a] * ly[b] + lz[a] * lz[b]) * lrinv[a] * lrinv[b];
        double delta = cs - tb.cosTheta0[m];
        return tb.lambdaEpsilon[m] * delta * delta * lexp[a] * lexp[b];
    }

    /** Appends the leg to atom k if it is within the centre's cutoff for k's species. */
    private int addLeg(int row, int k, double dx, double dy, double dz, int legs) {
        int tk = type[k];
        int m = (row + tk) * ns + tk;
        double r2 = dx * dx + dy * dy + dz * dz;
        if (!(r2 < tb.cutSq[m])) {
            return legs;
        }
        if (legs == lx.length) {
            grow();
        }
        double r = Math.sqrt(r2);
        lx[legs] = dx;
        ly[legs] = dy;
        lz[legs] = dz;
        lrinv[legs] = 1 / r;
        lexp[legs] = Math.exp(tb.sigmaGamma[m] / (r - tb.cut[m]));
        lt[legs] = tk;
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
