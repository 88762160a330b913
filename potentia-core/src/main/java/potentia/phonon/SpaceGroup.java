package potentia.phonon;

import java.util.ArrayList;
import java.util.List;
import potentia.structure.Structure;

/**
 * The space-group operations of a primitive crystal, found by brute force: the lattice's point
 * group (integer matrices with entries −1, 0, 1 in the primitive basis that preserve the metric
 * G = h·hᵀ), each tried with every translation that takes atom 0 onto an atom of its element.
 * Operations are only those that map every atom onto an atom of the same element within the
 * tolerance; the identity comes first.
 *
 * <p>Enough for the reduced primitive cells {@link Supercell} builds (lattice vectors as short as
 * possible); a badly skewed basis would need a lattice reduction first.
 */
public final class SpaceGroup {
    private final List<SymmetryOperation> operations;

    private SpaceGroup(List<SymmetryOperation> operations) {
        this.operations = List.copyOf(operations);
    }

    /** Only the identity: no symmetry is used beyond the lattice translations. */
    public static SpaceGroup trivial(Structure primitive) {
        int np = primitive.size();
        int[] image = new int[np];
        for (int p = 0; p < np; p++) {
            image[p] = p;
        }
        return new SpaceGroup(List.of(new SymmetryOperation(new int[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3],
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3], image, new int[3 * np])));
    }

    /**
     * The operations of a primitive crystal.
     *
     * @param primitive a fully periodic structure whose cell is primitive (no pure translations)
     * @param tolerance how far (Å) an image may be from an atom and still match it
     */
    public static SpaceGroup find(Structure primitive, double tolerance) {
        double[] h = primitive.cell().matrix();
        double[] hInv = Lattice3.inverse(h);
        double[] g = Lattice3.multiply(h, Lattice3.transpose(h));
        double gScale = Math.max(Math.max(g[0], g[4]), g[8]);
        int np = primitive.size();
        double[] x = primitive.positions();
        double[] frac = new double[3 * np];
        for (int p = 0; p < np; p++) {
            double[] f = Lattice3.rowTimes(new double[] {x[3 * p], x[3 * p + 1], x[3 * p + 2]}, hInv);
            System.arraycopy(f, 0, frac, 3 * p, 3);
        }
        List<SymmetryOperation> ops = new ArrayList<>();
        int[] r = new int[9];
        for (int code = 0; code < 19683; code++) {
            int c = code;
            for (int k = 0; k < 9; k++) {
                r[k] = c % 3 - 1;
                c /= 3;
            }
            int det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6])
                    + r[2] * (r[3] * r[7] - r[4] * r[6]);
            if (Math.abs(det) != 1 || !preservesMetric(r, g, gScale * 1e-6 + tolerance * tolerance)) {
                continue;
            }
            SymmetryOperation op = withTranslation(primitive, r, frac, h, tolerance);
            if (op != null) {
                if (op.isIdentity()) {
                    ops.add(0, op);
                } else {
                    ops.add(op);
                }
            }
        }
        if (ops.isEmpty() || !ops.get(0).isIdentity()) {
            throw new IllegalStateException("the identity was not found among the symmetry operations (internal error)");
        }
        return new SpaceGroup(ops);
    }

    /** Rᵀ·G·R = G for fractional column vectors (s → R·s). */
    private static boolean preservesMetric(int[] r, double[] g, double tol) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double v = 0;
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        v += r[3 * a + i] * g[3 * a + b] * r[3 * b + j];
                    }
                }
                if (Math.abs(v - g[3 * i + j]) > tol) {
                    return false;
                }
            }
        }
        return true;
    }

    private static SymmetryOperation withTranslation(Structure s, int[] r, double[] frac, double[] h, double tolerance) {
        int np = s.size();
        double[] rs0 = rotate(r, frac, 0);
        for (int j = 0; j < np; j++) {
            if (s.atomicNumber(j) != s.atomicNumber(0)) {
                continue;
            }
            double[] t = {frac[3 * j] - rs0[0], frac[3 * j + 1] - rs0[1], frac[3 * j + 2] - rs0[2]};
            for (int k = 0; k < 3; k++) {
                t[k] -= Math.floor(t[k] + 1e-9);
            }
            int[] image = new int[np];
            int[] offset = new int[3 * np];
            boolean all = true;
            for (int p = 0; p < np && all; p++) {
                double[] rs = rotate(r, frac, p);
                all = false;
                for (int q = 0; q < np && !all; q++) {
                    if (s.atomicNumber(q) != s.atomicNumber(p)) {
                        continue;
                    }
                    double[] d = new double[3];
                    int[] l = new int[3];
                    for (int k = 0; k < 3; k++) {
                        double v = rs[k] + t[k] - frac[3 * q + k];
                        l[k] = (int) Math.rint(v);
                        d[k] = v - l[k];
                    }
                    if (Lattice3.norm(Lattice3.rowTimes(d, h)) <= tolerance) {
                        all = true;
                        image[p] = q;
                        System.arraycopy(l, 0, offset, 3 * p, 3);
                    }
                }
            }
            if (all) {
                // Cartesian x = hᵀ·s for fractional column s, so Q = hᵀ·R·h⁻ᵀ
                double[] rd = new double[9];
                for (int k = 0; k < 9; k++) {
                    rd[k] = r[k];
                }
                double[] q = Lattice3.multiply(Lattice3.multiply(Lattice3.transpose(h), rd),
                        Lattice3.transpose(Lattice3.inverse(h)));
                double[] tau = Lattice3.rowTimes(t, h);
                return new SymmetryOperation(r.clone(), t, q, tau, image, offset);
            }
        }
        return null;
    }

    /** R·s_p for fractional column coordinates. */
    private static double[] rotate(int[] r, double[] frac, int p) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = r[3 * i] * frac[3 * p] + r[3 * i + 1] * frac[3 * p + 1] + r[3 * i + 2] * frac[3 * p + 2];
        }
        return out;
    }

    /** The operations, the identity first. */
    public List<SymmetryOperation> operations() {
        return operations;
    }

    /** The number of operations (point-group order for a symmorphic or non-symmorphic group alike). */
    public int size() {
        return operations.size();
    }
}
