package potentia.neighbour;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The scans of {@link LocalNeighbourhoods} (and of {@link DirectNeighbours}) in a periodic cell whose every perpendicular width
 * exceeds the cutoff: which images of the other atoms lie within the cutoff of a trial position
 * (or, at a reset, of an atom). With widths above r_c, a pair's wrapped fractional separation d (each component in
 * [−½, ½]) has at most two candidate images per axis, S_k = 0 and S_k = −sign(d_k), so eight
 * candidates in all (one when every width exceeds 2 r_c). Hand-written with the Vector API
 * because the scalar loop over per-axis image ranges mispredicts its branches on almost every
 * atom: the vector form tests all candidates of eight atoms at once without branching (LJ
 * moves in a 64-atom cell at r_c = 3σ: see `bin/bench ns --parts moves` and BENCHMARKS.md).
 *
 * <p>The arithmetic is the scalar scan's, operation for operation (round to nearest, then
 * d + S, then d·h in the same order), so both find the same separations to the last bit; the
 * order of the entries found differs (blocks of atoms, then candidates, then atoms).
 *
 * <p>Holds the fractional coordinates of all atoms, one array per axis, padded to whole vectors.
 * Mutable, for one thread.
 */
final class FractionalScan {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Adding and subtracting 1.5·2⁵² rounds a double below 2⁵¹ to the nearest integer, ties to even, as Math.rint. */
    private static final double ROUNDER = 6755399441055744.0;

    private final int n;
    private final double[] fa;
    private final double[] fb;
    private final double[] fc;
    private final double[] ox = new double[LANES];
    private final double[] oy = new double[LANES];
    private final double[] oz = new double[LANES];

    FractionalScan(int atoms) {
        this.n = atoms;
        int padded = Math.max(LANES, (atoms + LANES - 1) / LANES * LANES);
        this.fa = new double[padded];
        this.fb = new double[padded];
        this.fc = new double[padded];
    }

    /** Sets atom i's fractional coordinates. */
    void set(int i, double a, double b, double c) {
        fa[i] = a;
        fb[i] = b;
        fc[i] = c;
    }

    /**
     * Hands every image of every atom j ≥ {@code from}, j ≠ {@code skip}, within the cutoff of
     * the fractional point (a0, b0, c0) to {@code out}, as (atom, separation from the point).
     *
     * @param h the cell, rows = lattice vectors, row-major; every perpendicular width &gt; the cutoff
     * @param oneImage every width ≥ twice the cutoff: only the wrapped image can be in range
     */
    void scan(int from, int skip, double a0, double b0, double c0, double[] h, double cutoffSq, boolean oneImage,
            Sink out) {
        int combos = oneImage ? 1 : 8;
        for (int j0 = from - from % LANES; j0 < n; j0 += LANES) {
            long valid = n - j0 >= LANES ? -1L >>> (64 - LANES) : (1L << (n - j0)) - 1;
            if (from > j0) {
                valid &= -1L << (from - j0);
            }
            if (skip >= j0 && skip < j0 + LANES) {
                valid &= ~(1L << (skip - j0));
            }
            DoubleVector da = wrapped(DoubleVector.fromArray(SPECIES, fa, j0).sub(a0));
            DoubleVector db = wrapped(DoubleVector.fromArray(SPECIES, fb, j0).sub(b0));
            DoubleVector dc = wrapped(DoubleVector.fromArray(SPECIES, fc, j0).sub(c0));
            // the second candidates, only where they can be in range
            DoubleVector ea = oneImage ? null : other(da);
            DoubleVector eb = oneImage ? null : other(db);
            DoubleVector ec = oneImage ? null : other(dc);
            for (int combo = 0; combo < combos; combo++) {
                DoubleVector ua = (combo & 1) == 0 ? da : ea;
                DoubleVector ub = (combo & 2) == 0 ? db : eb;
                DoubleVector uc = (combo & 4) == 0 ? dc : ec;
                DoubleVector dx = ua.mul(h[0]).add(ub.mul(h[3])).add(uc.mul(h[6]));
                DoubleVector dy = ua.mul(h[1]).add(ub.mul(h[4])).add(uc.mul(h[7]));
                DoubleVector dz = ua.mul(h[2]).add(ub.mul(h[5])).add(uc.mul(h[8]));
                DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
                long hits = r2.compare(VectorOperators.LT, cutoffSq).toLong() & valid;
                if (hits != 0) {
                    dx.intoArray(ox, 0);
                    dy.intoArray(oy, 0);
                    dz.intoArray(oz, 0);
                    do {
                        int lane = Long.numberOfTrailingZeros(hits);
                        hits &= hits - 1;
                        out.found(j0 + lane, ox[lane], oy[lane], oz[lane]);
                    } while (hits != 0);
                }
            }
        }
    }

    /** Receives the images a scan finds. */
    interface Sink {
        /** Atom j's image at separation (dx, dy, dz) Å from the scanned point is within the cutoff. */
        void found(int j, double dx, double dy, double dz);
    }

    /** d − rint(d): the separation of the nearest image, each component in [−½, ½]. */
    private static DoubleVector wrapped(DoubleVector d) {
        return d.sub(d.add(ROUNDER).sub(ROUNDER));
    }

    /** d + S for the other candidate image, S = −1 for d ≥ 0 and +1 below. */
    private static DoubleVector other(DoubleVector d) {
        return d.add(DoubleVector.broadcast(SPECIES, -1.0).blend(1.0, d.compare(VectorOperators.LT, 0)));
    }
}
