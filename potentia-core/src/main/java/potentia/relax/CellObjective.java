package potentia.relax;

import java.util.EnumSet;
import java.util.Set;
import potentia.neighbour.VerletList;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.structure.Cell;
import potentia.structure.Structure;

/**
 * The enthalpy H = E + pV as a function of positions and cell, in the variables of ASE's unit
 * cell filter: a deformation gradient F (3×3, F = 1 at the start) acting on a reference
 * configuration, and reference positions u_i. With column vectors, each lattice vector is
 * a_k = F·a⁰_k and each atom x_i = F·u_i, so fractional coordinates are u_i's in the reference
 * cell and a change of F moves atoms with the cell. The degrees of freedom are [u (3N), c·F (9,
 * row-major)], c the cell factor.
 *
 * <p>Generalised forces, from dE = V σ:ε under x → (1 + ε)x (σ the stress, ASE sign) and
 * ε = dF·F⁻¹:
 * <pre>  −∂H/∂u_i = Fᵀ f_i,   −∂H/∂F = (W − pV·1)·F⁻ᵀ,   W = −σV the virial,</pre>
 * the latter divided by c for the scaled variable.
 *
 * <p>Allowed directions. Rotations change nothing physical (E is invariant and the stress
 * symmetric, so they carry no force), but an optimiser drifting along them would turn the cell;
 * so F is kept symmetric — the stretch of its polar decomposition, which still reaches every cell
 * shape — and F = 1 + Σ symmetric steps. With mixed periodicity only the periodic lattice vectors
 * may change: F must leave the other (vacuum) vectors v alone, dF·v = 0, so the steps are
 * dF = Π·S·Π with S symmetric and Π the orthogonal projector onto the complement of the vacuum
 * vectors' span. The cell force and every step are projected onto that subspace,
 * G → Π·sym(G)·Π (a Frobenius-orthogonal projection, so the optimiser minimises H restricted to
 * it). A non-zero pressure needs full periodicity.
 */
final class CellObjective implements Objective {
    private static final Set<Property> REQUESTED = EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS);

    private final Potential potential;
    private final Structure start;
    private final boolean[] move;
    private final VerletList list;
    private final double[] h0;
    private final boolean[] pbc;
    private final double[] u0;
    private final int atoms;
    private final double pressure;
    private final double factor;
    /** Projector Π onto the periodic directions, 3×3 row-major (identity when fully periodic). */
    private final double[] periodic;

    CellObjective(Potential potential, Structure start, boolean[] move, double skin, CellRelaxation cell) {
        Cell c = start.cell();
        if (!c.anyPeriodic()) {
            throw new IllegalArgumentException("cell relaxation needs a periodic cell; this structure has none");
        }
        if (!(c.volume() > 0)) {
            throw new IllegalArgumentException("cell relaxation needs a cell with a volume (give non-periodic axes a "
                    + "vacuum vector); this cell is singular: " + c);
        }
        if (!c.fullyPeriodic() && cell.pressure() != 0) {
            throw new IllegalArgumentException("a target pressure needs a cell periodic along all three axes; with "
                    + "mixed periodicity only p = 0 (stress-free periodic directions) is defined");
        }
        if (!potential.supported().contains(Property.STRESS)) {
            throw new IllegalArgumentException(potential.name() + " does not compute the stress, which cell "
                    + "relaxation needs");
        }
        this.potential = potential;
        this.start = start;
        this.move = move;
        this.list = new VerletList(potential.cutoff(), skin, potential.needsFullList());
        this.h0 = c.matrix();
        this.pbc = c.pbc();
        this.u0 = start.positions();
        this.atoms = start.size();
        this.pressure = cell.pressure();
        this.factor = cell.cellFactor() > 0 ? cell.cellFactor() : Math.max(1, atoms);
        this.periodic = periodicDirections(c);
    }

    /** Π = 1 − Σ e_k e_kᵀ over an orthonormal basis e_k of the non-periodic lattice vectors. */
    static double[] periodicDirections(Cell c) {
        double[] p = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        double[][] basis = new double[3][];
        int count = 0;
        for (int k = 0; k < 3; k++) {
            if (c.periodic(k)) {
                continue;
            }
            double[] v = c.vector(k);
            for (int b = 0; b < count; b++) {
                double d = dot(v, basis[b]);
                for (int a = 0; a < 3; a++) {
                    v[a] -= d * basis[b][a];
                }
            }
            double norm = Math.sqrt(dot(v, v));
            if (norm > 0) {
                for (int a = 0; a < 3; a++) {
                    v[a] /= norm;
                }
                basis[count++] = v;
            }
        }
        for (int b = 0; b < count; b++) {
            for (int r = 0; r < 3; r++) {
                for (int col = 0; col < 3; col++) {
                    p[3 * r + col] -= basis[b][r] * basis[b][col];
                }
            }
        }
        return p;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    @Override
    public double[] initial() {
        double[] x = new double[3 * atoms + 9];
        System.arraycopy(u0, 0, x, 0, 3 * atoms);
        x[3 * atoms] = factor;
        x[3 * atoms + 4] = factor;
        x[3 * atoms + 8] = factor;
        return x;
    }

    /** The structure at degrees of freedom x: a_k = F·a⁰_k and x_i = F·u_i. */
    Structure structureAt(double[] x) {
        double[] f = deformation(x);
        double[] h = new double[9];
        for (int k = 0; k < 3; k++) {
            for (int a = 0; a < 3; a++) {
                h[3 * k + a] = f[3 * a] * h0[3 * k] + f[3 * a + 1] * h0[3 * k + 1] + f[3 * a + 2] * h0[3 * k + 2];
            }
        }
        double[] pos = new double[3 * atoms];
        for (int i = 0; i < atoms; i++) {
            double u = x[3 * i];
            double v = x[3 * i + 1];
            double w = x[3 * i + 2];
            for (int a = 0; a < 3; a++) {
                pos[3 * i + a] = f[3 * a] * u + f[3 * a + 1] * v + f[3 * a + 2] * w;
            }
        }
        return start.withCell(Cell.of(h, pbc), false).withPositions(pos);
    }

    private double[] deformation(double[] x) {
        double[] f = new double[9];
        for (int k = 0; k < 9; k++) {
            f[k] = x[3 * atoms + k] / factor;
        }
        return f;
    }

    @Override
    public Evaluation evaluate(double[] x) {
        Structure s = structureAt(x);
        list.update(s);
        Result r = potential.compute(s, list.list(), REQUESTED);
        double e = r.energy();
        double[] cartesian = r.forces();
        double[] w = r.virial();
        double volume = s.cell().volume();
        String bad = !Double.isFinite(e) ? "energy" : !Finite.all(cartesian) ? "forces" : !Finite.all(w) ? "stress"
                : null;
        double[] f = deformation(x);
        double[] g = new double[3 * atoms + 9];
        // −∂H/∂u_i = Fᵀ f_i
        for (int i = 0; i < atoms; i++) {
            for (int b = 0; b < 3; b++) {
                g[3 * i + b] = f[b] * cartesian[3 * i] + f[3 + b] * cartesian[3 * i + 1] + f[6 + b] * cartesian[3 * i + 2];
            }
        }
        MoveMask.zeroFixed(move, g);
        MoveMask.zeroFixed(move, cartesian);
        // −∂H/∂F = (W − pV·1)·F⁻ᵀ, then ·Π, then / c
        double[] m = w.clone();
        for (int a = 0; a < 3; a++) {
            m[4 * a] -= pressure * volume;
        }
        double[] inv = Cell.of(f, new boolean[3]).inverse();
        double[] cellForce = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                cellForce[3 * a + b] = m[3 * a] * inv[3 * b] + m[3 * a + 1] * inv[3 * b + 1] + m[3 * a + 2] * inv[3 * b + 2];
            }
        }
        double[] projected = allowed(cellForce);
        for (int k = 0; k < 9; k++) {
            g[3 * atoms + k] = projected[k] / factor;
        }
        // the stress the cell can relieve: Π·(σ + p·1)·Π, σ = −W/V
        double[] excess = new double[9];
        for (int k = 0; k < 9; k++) {
            excess[k] = -w[k] / volume;
        }
        for (int a = 0; a < 3; a++) {
            excess[4 * a] += pressure;
        }
        double smax = 0;
        for (double v : allowed(excess)) {
            smax = Math.max(smax, Math.abs(v));
        }
        return new Evaluation(e + pressure * volume, e, g, MoveMask.maxNorm(cartesian, atoms), smax, s, r, bad);
    }

    /** Π·sym(M)·Π for a 3×3 row-major M (a fresh array): M projected onto the allowed cell steps. */
    private double[] allowed(double[] mat) {
        double[] sym = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                sym[3 * a + b] = 0.5 * (mat[3 * a + b] + mat[3 * b + a]);
            }
        }
        double[] right = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                right[3 * a + b] = sym[3 * a] * periodic[b] + sym[3 * a + 1] * periodic[3 + b] + sym[3 * a + 2] * periodic[6 + b];
            }
        }
        double[] out = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                out[3 * a + b] = periodic[3 * a] * right[b] + periodic[3 * a + 1] * right[3 + b] + periodic[3 * a + 2] * right[6 + b];
            }
        }
        return out;
    }

    @Override
    public void project(double[] dx) {
        MoveMask.zeroFixed(move, dx);
        double[] d = new double[9];
        System.arraycopy(dx, 3 * atoms, d, 0, 9);
        System.arraycopy(allowed(d), 0, dx, 3 * atoms, 9);
    }

    /** The pressure term of the objective, eV/Å³. */
    double pressure() {
        return pressure;
    }
}
