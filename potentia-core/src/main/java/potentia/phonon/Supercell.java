package potentia.phonon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * A crystal's primitive cell and a supercell of it: the bookkeeping that force constants and
 * dynamical matrices need.
 *
 * <p>The supercell is {@code unit.repeat(na, nb, nc)}. The primitive cell is found from the unit
 * cell's pure translations (a vector that maps every atom onto an atom of the same element;
 * diamond's conventional 8-atom cube has four, fcc's lattice points, and its primitive cell has
 * 2 atoms); its lattice vectors are the three shortest lattice vectors that span the right
 * volume. Every supercell atom t is a primitive atom p displaced by a primitive lattice vector:
 * x_t = x_p + n_t·h_p with integer n_t (row vector), held modulo the supercell lattice.
 *
 * <p>Immutable. Atoms of the primitive cell are the first atom of each translation orbit of the
 * unit cell, in order; its positions are those atoms' positions (not wrapped), so supercell atom
 * {@link #representative(int)} of primitive atom p is at exactly x_p.
 */
public final class Supercell {
    /** Default tolerance for matching atoms and lattice vectors, Å. */
    public static final double DEFAULT_TOLERANCE = 1e-3;
    private static final int KEY_OFFSET = 1 << 15;

    private final Structure unit;
    private final Structure primitive;
    private final Structure supercell;
    private final int[] repeats;
    private final int[] primitiveAtom;
    private final int[] lattice;
    private final int[] representative;
    private final long[] superInPrimitive;
    private final double[] superInPrimitiveInverse;
    private final Map<Long, Integer> index;
    private final double tolerance;

    private Supercell(Structure unit, Structure primitive, Structure supercell, int[] repeats, int[] primitiveAtom,
            int[] lattice, int[] representative, long[] superInPrimitive, Map<Long, Integer> index, double tolerance) {
        this.unit = unit;
        this.primitive = primitive;
        this.supercell = supercell;
        this.repeats = repeats;
        this.primitiveAtom = primitiveAtom;
        this.lattice = lattice;
        this.representative = representative;
        this.superInPrimitive = superInPrimitive;
        double[] m = new double[9];
        for (int k = 0; k < 9; k++) {
            m[k] = superInPrimitive[k];
        }
        this.superInPrimitiveInverse = Lattice3.inverse(m);
        this.index = index;
        this.tolerance = tolerance;
    }

    /** The supercell na × nb × nc of {@code unit} with the default tolerance. */
    public static Supercell of(Structure unit, int na, int nb, int nc) {
        return of(unit, na, nb, nc, DEFAULT_TOLERANCE);
    }

    /**
     * The supercell na × nb × nc of {@code unit}.
     *
     * @param unit a fully periodic structure (any cell; it need not be primitive)
     * @param tolerance how far (Å) two positions may be and still count as the same site
     * @throws IllegalArgumentException for a non-periodic structure, repeat counts below 1, or an
     *     empty structure
     */
    public static Supercell of(Structure unit, int na, int nb, int nc, double tolerance) {
        if (!unit.cell().fullyPeriodic()) {
            throw new IllegalArgumentException("phonons need a structure periodic along a, b and c");
        }
        if (na < 1 || nb < 1 || nc < 1) {
            throw new IllegalArgumentException("supercell repeats must be ≥ 1, got " + na + "×" + nb + "×" + nc);
        }
        if (unit.size() == 0) {
            throw new IllegalArgumentException("the structure has no atoms");
        }
        Structure clean = Structure.of(unit.atomicNumbers(), unit.positions(), unit.cell());
        double[] hp = primitiveLattice(clean, tolerance);
        double[] hpInv = Lattice3.inverse(hp);
        int n = clean.size();
        int[] primOfUnit = new int[n];
        Arrays.fill(primOfUnit, -1);
        List<Integer> primAtoms = new ArrayList<>();
        double[] x = clean.positions();
        for (int i = 0; i < n; i++) {
            if (primOfUnit[i] >= 0) {
                continue;
            }
            int p = primAtoms.size();
            primAtoms.add(i);
            for (int j = i; j < n; j++) {
                if (primOfUnit[j] < 0 && clean.atomicNumber(j) == clean.atomicNumber(i)
                        && latticeCoordinates(x, j, x, i, hpInv, hp, tolerance) != null) {
                    primOfUnit[j] = p;
                }
            }
        }
        int np = primAtoms.size();
        int[] z = new int[np];
        double[] xp = new double[3 * np];
        for (int p = 0; p < np; p++) {
            int i = primAtoms.get(p);
            z[p] = clean.atomicNumber(i);
            System.arraycopy(x, 3 * i, xp, 3 * p, 3);
        }
        Structure primitive = Structure.of(z, xp, Cell.periodic(hp));

        Structure sc = clean.repeat(na, nb, nc);
        double[] hs = sc.cell().matrix();
        long[] m = new long[9];
        double[] mReal = Lattice3.multiply(hs, hpInv);
        for (int k = 0; k < 9; k++) {
            m[k] = Lattice3.nearInteger(mReal[k], 1e-6);
            if (m[k] == Long.MIN_VALUE) {
                throw new IllegalStateException("supercell is not a lattice of the primitive cell (internal error)");
            }
        }
        int ns = sc.size();
        double[] xs = sc.positions();
        int[] primitiveAtom = new int[ns];
        int[] lattice = new int[3 * ns];
        int[] rep = new int[np];
        for (int t = 0; t < ns; t++) {
            int p = primOfUnit[t % n];
            long[] c = latticeCoordinates(xs, t, xp, p, hpInv, hp, tolerance);
            if (c == null) {
                throw new IllegalStateException("supercell atom " + t + " is not on a primitive lattice site (internal error)");
            }
            primitiveAtom[t] = p;
            for (int k = 0; k < 3; k++) {
                lattice[3 * t + k] = (int) c[k];
            }
        }
        for (int p = 0; p < np; p++) {
            rep[p] = primAtoms.get(p);
        }
        Supercell s = new Supercell(clean, primitive, sc, new int[] {na, nb, nc}, primitiveAtom, lattice, rep, m,
                new HashMap<>(), tolerance);
        for (int t = 0; t < ns; t++) {
            int[] canon = s.canonical(new int[] {lattice[3 * t], lattice[3 * t + 1], lattice[3 * t + 2]});
            System.arraycopy(canon, 0, lattice, 3 * t, 3);
            Integer old = s.index.put(key(primitiveAtom[t], canon), t);
            if (old != null) {
                throw new IllegalArgumentException("atoms " + old + " and " + t + " of the supercell sit on the same site");
            }
        }
        return s;
    }

    /** Integer n with x_a − x_b = n·h (within tolerance, Å), or null. */
    private static long[] latticeCoordinates(double[] xa, int a, double[] xb, int b, double[] hInv, double[] h,
            double tolerance) {
        double[] d = {xa[3 * a] - xb[3 * b], xa[3 * a + 1] - xb[3 * b + 1], xa[3 * a + 2] - xb[3 * b + 2]};
        double[] f = Lattice3.rowTimes(d, hInv);
        long[] n = new long[3];
        double[] r = d.clone();
        for (int k = 0; k < 3; k++) {
            n[k] = Math.round(f[k]);
            for (int c = 0; c < 3; c++) {
                r[c] -= n[k] * h[3 * k + c];
            }
        }
        return Lattice3.norm(r) <= tolerance ? n : null;
    }

    /**
     * The primitive lattice (rows, Å) of a structure: the unit cell's lattice together with its
     * pure translations, spanned by the three shortest vectors of the right volume.
     */
    static double[] primitiveLattice(Structure s, double tolerance) {
        double[] h = s.cell().matrix();
        double[] hInv = Lattice3.inverse(h);
        double[] frac = s.cell().toFractional(s.positions());
        int n = s.size();
        List<double[]> translations = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (s.atomicNumber(j) != s.atomicNumber(0)) {
                continue;
            }
            double[] t = new double[3];
            for (int k = 0; k < 3; k++) {
                t[k] = frac[3 * j + k] - frac[k];
                t[k] -= Math.floor(t[k]);
            }
            if (maps(s, frac, h, t, tolerance)) {
                translations.add(t);
            }
        }
        int count = translations.size();
        if (count <= 1) {
            return h;
        }
        double volume = Math.abs(Lattice3.determinant(h)) / count;
        List<double[]> vectors = new ArrayList<>();
        for (double[] t : translations) {
            for (int a = -1; a <= 1; a++) {
                for (int b = -1; b <= 1; b++) {
                    for (int c = -1; c <= 1; c++) {
                        double[] v = Lattice3.rowTimes(new double[] {t[0] + a, t[1] + b, t[2] + c}, h);
                        if (Lattice3.norm(v) > tolerance) {
                            vectors.add(v);
                        }
                    }
                }
            }
        }
        // shortest first; among equals those with fewer negative components, then by components:
        // fcc gets (0,½,½), (½,0,½), (½,½,0) — phonopy's basis, which matters for shifted meshes
        vectors.sort((u, v) -> {
            int c = Double.compare(round(Lattice3.norm(u)), round(Lattice3.norm(v)));
            if (c == 0) {
                c = Integer.compare(negatives(u), negatives(v));
            }
            for (int k = 0; c == 0 && k < 3; k++) {
                c = Double.compare(round(-u[k]), round(-v[k]));
            }
            return c;
        });
        int limit = Math.min(vectors.size(), 200);
        for (int k = 2; k < limit; k++) {
            for (int j = 1; j < k; j++) {
                for (int i = 0; i < j; i++) {
                    double[] m = new double[9];
                    System.arraycopy(vectors.get(i), 0, m, 0, 3);
                    System.arraycopy(vectors.get(j), 0, m, 3, 3);
                    System.arraycopy(vectors.get(k), 0, m, 6, 3);
                    double det = Lattice3.determinant(m);
                    if (Math.abs(Math.abs(det) - volume) <= 1e-6 * volume) {
                        if (det < 0) {
                            // right-handed by swapping the last two (a sign flip would change the mesh)
                            for (int q = 0; q < 3; q++) {
                                double tmp = m[3 + q];
                                m[3 + q] = m[6 + q];
                                m[6 + q] = tmp;
                            }
                        }
                        return m;
                    }
                }
            }
        }
        throw new IllegalStateException("no primitive basis found for " + count + " lattice points per cell");
    }

    private static int negatives(double[] v) {
        int n = 0;
        for (double x : v) {
            if (round(x) < 0) {
                n++;
            }
        }
        return n;
    }

    private static double round(double v) {
        return Math.rint(v * 1e6) / 1e6;
    }

    /** Whether fractional translation t maps every atom onto an atom of the same element. */
    private static boolean maps(Structure s, double[] frac, double[] h, double[] t, double tolerance) {
        int n = s.size();
        for (int i = 0; i < n; i++) {
            boolean found = false;
            for (int k = 0; k < n && !found; k++) {
                if (s.atomicNumber(k) == s.atomicNumber(i)) {
                    found = fractionalDistance(frac, i, t, frac, k, h) <= tolerance;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Cartesian length of the shortest image of (s_i + t) − s_k, Å. */
    static double fractionalDistance(double[] fi, int i, double[] t, double[] fk, int k, double[] h) {
        double[] d = new double[3];
        for (int c = 0; c < 3; c++) {
            double v = fi[3 * i + c] + t[c] - fk[3 * k + c];
            d[c] = v - Math.rint(v);
        }
        // the nearest of the 27 neighbouring images, enough for the reduced cells met here
        double best = Double.POSITIVE_INFINITY;
        for (int a = -1; a <= 1; a++) {
            for (int b = -1; b <= 1; b++) {
                for (int c = -1; c <= 1; c++) {
                    double[] v = Lattice3.rowTimes(new double[] {d[0] + a, d[1] + b, d[2] + c}, h);
                    best = Math.min(best, Lattice3.norm(v));
                }
            }
        }
        return best;
    }

    private static long key(int p, int[] n) {
        return (((long) p * 65536 + (n[0] + KEY_OFFSET)) * 65536 + (n[1] + KEY_OFFSET)) * 65536 + (n[2] + KEY_OFFSET);
    }

    /** The representative of integer row vector n modulo the supercell lattice. */
    int[] canonical(int[] n) {
        double[] f = Lattice3.rowTimes(new double[] {n[0], n[1], n[2]}, superInPrimitiveInverse);
        long[] r = {n[0], n[1], n[2]};
        for (int k = 0; k < 3; k++) {
            long fl = (long) Math.floor(f[k] + 1e-9);
            for (int c = 0; c < 3; c++) {
                r[c] -= fl * superInPrimitive[3 * k + c];
            }
        }
        return new int[] {(int) r[0], (int) r[1], (int) r[2]};
    }

    /**
     * The supercell atom at x_p + n·h_p (modulo the supercell).
     *
     * @param n integer lattice coordinates in the primitive basis, length 3 (not modified)
     */
    public int atom(int p, int[] n) {
        Integer t = index.get(key(p, canonical(n)));
        if (t == null) {
            throw new IllegalStateException("no supercell atom for primitive atom " + p + " at " + Arrays.toString(n));
        }
        return t;
    }

    /** The supercell atom at x_t + n·h_p: atom t moved by a primitive lattice vector. */
    public int translated(int t, int[] n) {
        return atom(primitiveAtom[t], new int[] {lattice[3 * t] + n[0], lattice[3 * t + 1] + n[1],
            lattice[3 * t + 2] + n[2]});
    }

    /** The structure the supercell was built from (labels dropped). */
    public Structure unit() {
        return unit;
    }

    /** The primitive cell. */
    public Structure primitive() {
        return primitive;
    }

    /** The supercell structure, unit repeated na × nb × nc. */
    public Structure structure() {
        return supercell;
    }

    /** Repeats na, nb, nc of the unit cell, a fresh copy. */
    public int[] repeats() {
        return repeats.clone();
    }

    /** Atoms in the supercell. */
    public int size() {
        return supercell.size();
    }

    /** Atoms in the primitive cell. */
    public int primitiveSize() {
        return primitive.size();
    }

    /** Primitive cells in the supercell. */
    public int cells() {
        return supercell.size() / primitive.size();
    }

    /** Which primitive atom supercell atom t is. */
    public int primitiveAtom(int t) {
        return primitiveAtom[t];
    }

    /** Lattice coordinates n_t of supercell atom t (x_t = x_p + n_t·h_p), canonical modulo the supercell. */
    public int[] latticeCoordinates(int t) {
        return new int[] {lattice[3 * t], lattice[3 * t + 1], lattice[3 * t + 2]};
    }

    /** The supercell atom at exactly x_p (n = 0). */
    public int representative(int p) {
        return representative[p];
    }

    /** The supercell lattice vectors in the primitive basis (rows, integers), a fresh copy. */
    public long[] supercellInPrimitive() {
        return superInPrimitive.clone();
    }

    /** The matching tolerance, Å. */
    public double tolerance() {
        return tolerance;
    }

    /**
     * The primitive lattice translations that are distinct in the supercell: the lattice
     * coordinates of every image of primitive atom 0, in atom order; {@link #cells()} of them.
     */
    public int[][] translations() {
        int[][] out = new int[cells()][];
        int k = 0;
        for (int t = 0; t < size(); t++) {
            if (primitiveAtom[t] == 0) {
                out[k++] = latticeCoordinates(t);
            }
        }
        return out;
    }

    /**
     * For each translation of {@link #translations()}, the permutation it makes of the atoms:
     * {@code [k][t]} is the atom at x_t + n_k·h_p.
     */
    public int[][] translationPermutations() {
        int[][] tr = translations();
        int[][] out = new int[tr.length][size()];
        for (int k = 0; k < tr.length; k++) {
            for (int t = 0; t < size(); t++) {
                out[k][t] = translated(t, tr[k]);
            }
        }
        return out;
    }
}
