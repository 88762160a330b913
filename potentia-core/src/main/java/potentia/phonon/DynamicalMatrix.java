package potentia.phonon;

import java.util.ArrayList;
import java.util.List;
import potentia.structure.Structure;
import potentia.units.Units;

/**
 * The dynamical matrix of a crystal from the force constants of a supercell:
 * D_{pα,qβ}(k) = (m_p m_q)^{−½} Σ_{t ∈ q} Φ_{p₀α,tβ} Σ_{images} w·exp(i k·(x_t + S − x_{p₀})),
 * with p₀ the supercell atom at primitive atom p and the sum over the supercell atoms t that are
 * images of primitive atom q. The supercell's minimum-image convention decides which periodic
 * image x_t + S (S a supercell lattice vector) the constant belongs to; a pair whose shortest
 * images are equally far — on the boundary of the Wigner–Seitz cell — shares it equally among
 * them (weight w = 1/multiplicity), as phonopy does. The phase uses atomic positions, phonopy's
 * convention, so eigenvectors compare with phonopy's directly; frequencies do not depend on it.
 *
 * <p>Immutable and thread-safe. Wave vectors k are Cartesian, Å⁻¹, including the 2π
 * (k = 2π/a·(0, 1, 0) is X of an fcc crystal of cubic edge a).
 */
public final class DynamicalMatrix {
    private static final double IMAGE_TOLERANCE = 1e-5;

    private final Supercell supercell;
    private final int np;
    private final double[] sqrtMass;
    /** Per (p, t): the force-constant block Φ(p₀, t), 9 numbers. */
    private final double[][] blocks;
    /** Per (p, t): the image vectors (3 each) and their shared weight. */
    private final double[][] images;
    private final double[] weight;
    private final int[] target;

    /**
     * The dynamical matrix of the supercell's crystal.
     *
     * @param masses per primitive atom, amu, length = primitive size (not modified); null for the
     *     elements' standard masses
     */
    public DynamicalMatrix(ForceConstants fc, double[] masses) {
        this.supercell = fc.supercell();
        Structure prim = supercell.primitive();
        this.np = prim.size();
        double[] m = masses == null ? prim.masses() : masses.clone();
        if (m.length != np) {
            throw new IllegalArgumentException("need " + np + " masses, got " + m.length);
        }
        sqrtMass = new double[np];
        for (int p = 0; p < np; p++) {
            if (!(m[p] > 0)) {
                throw new IllegalArgumentException("mass of atom " + p + " must be positive, got " + m[p]);
            }
            sqrtMass[p] = Math.sqrt(m[p]);
        }
        int n = supercell.size();
        Structure sc = supercell.structure();
        double[] x = sc.positions();
        double[] h = sc.cell().matrix();
        double[] hInv = Lattice3.inverse(h);
        blocks = new double[np * n][];
        images = new double[np * n][];
        weight = new double[np * n];
        target = new int[np * n];
        for (int p = 0; p < np; p++) {
            int a = supercell.representative(p);
            for (int t = 0; t < n; t++) {
                int k = p * n + t;
                double[] b = new double[9];
                for (int alpha = 0; alpha < 3; alpha++) {
                    for (int beta = 0; beta < 3; beta++) {
                        b[3 * alpha + beta] = fc.get(a, alpha, t, beta);
                    }
                }
                blocks[k] = b;
                target[k] = supercell.primitiveAtom(t);
                double[] d = {x[3 * t] - x[3 * a], x[3 * t + 1] - x[3 * a + 1], x[3 * t + 2] - x[3 * a + 2]};
                List<double[]> shortest = shortestImages(d, h, hInv);
                double[] flat = new double[3 * shortest.size()];
                for (int i = 0; i < shortest.size(); i++) {
                    System.arraycopy(shortest.get(i), 0, flat, 3 * i, 3);
                }
                images[k] = flat;
                weight[k] = 1.0 / shortest.size();
            }
        }
    }

    /** All images d + S·h of smallest length (to within {@value #IMAGE_TOLERANCE} Å). */
    static List<double[]> shortestImages(double[] d, double[] h, double[] hInv) {
        double[] f = Lattice3.rowTimes(d, hInv);
        for (int k = 0; k < 3; k++) {
            f[k] -= Math.rint(f[k]);
        }
        List<double[]> candidates = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int a = -2; a <= 2; a++) {
            for (int b = -2; b <= 2; b++) {
                for (int c = -2; c <= 2; c++) {
                    double[] v = Lattice3.rowTimes(new double[] {f[0] + a, f[1] + b, f[2] + c}, h);
                    double len = Lattice3.norm(v);
                    candidates.add(v);
                    best = Math.min(best, len);
                }
            }
        }
        List<double[]> out = new ArrayList<>();
        for (double[] v : candidates) {
            if (Lattice3.norm(v) <= best + IMAGE_TOLERANCE) {
                out.add(v);
            }
        }
        return out;
    }

    /** The supercell the force constants came from. */
    public Supercell supercell() {
        return supercell;
    }

    /** Size 3n of the matrix (n atoms in the primitive cell). */
    public int dimension() {
        return 3 * np;
    }

    /**
     * D(k), Hermitian, eV/(Å²·amu).
     *
     * @param k wave vector, Cartesian Å⁻¹, length 3 (not modified)
     * @param re receives the real part, (3n)² row-major (modified)
     * @param im receives the imaginary part, (3n)² row-major (modified)
     */
    public void at(double[] k, double[] re, double[] im) {
        int dim = 3 * np;
        java.util.Arrays.fill(re, 0, dim * dim, 0);
        java.util.Arrays.fill(im, 0, dim * dim, 0);
        int n = supercell.size();
        for (int p = 0; p < np; p++) {
            for (int t = 0; t < n; t++) {
                int idx = p * n + t;
                double[] img = images[idx];
                double cr = 0;
                double ci = 0;
                for (int i = 0; i < img.length; i += 3) {
                    double phase = k[0] * img[i] + k[1] * img[i + 1] + k[2] * img[i + 2];
                    cr += Math.cos(phase);
                    ci += Math.sin(phase);
                }
                double w = weight[idx];
                cr *= w;
                ci *= w;
                int q = target[idx];
                double s = 1.0 / (sqrtMass[p] * sqrtMass[q]);
                double[] b = blocks[idx];
                for (int alpha = 0; alpha < 3; alpha++) {
                    for (int beta = 0; beta < 3; beta++) {
                        double v = b[3 * alpha + beta] * s;
                        int pos = (3 * p + alpha) * dim + 3 * q + beta;
                        re[pos] += v * cr;
                        im[pos] += v * ci;
                    }
                }
            }
        }
    }

    /**
     * Frequencies at k, THz, ascending; an unstable mode (negative eigenvalue) has a negative frequency.
     *
     * @param k Cartesian wave vector, Å⁻¹ (not modified)
     */
    public double[] frequencies(double[] k) {
        int dim = 3 * np;
        double[] re = new double[dim * dim];
        double[] im = new double[dim * dim];
        at(k, re, im);
        double[] values = HermitianEigen.values(re, im, dim);
        double[] nu = new double[dim];
        for (int i = 0; i < dim; i++) {
            nu[i] = Units.thz(values[i]);
        }
        return nu;
    }

    /** Frequencies and eigenvectors (mass-weighted, orthonormal) at k. */
    public PhononModes modes(double[] k) {
        int dim = 3 * np;
        double[] re = new double[dim * dim];
        double[] im = new double[dim * dim];
        at(k, re, im);
        HermitianEigen.Solution s = HermitianEigen.solve(re, im, dim, true);
        double[] nu = new double[dim];
        for (int i = 0; i < dim; i++) {
            nu[i] = Units.thz(s.values()[i]);
        }
        return new PhononModes(k.clone(), nu, s.vectorsRe(), s.vectorsIm());
    }
}
