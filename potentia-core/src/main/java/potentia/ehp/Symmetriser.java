package potentia.ehp;

import potentia.phonon.ForceConstants;
import potentia.phonon.SupercellSymmetry;

/**
 * Projects noisy estimates onto what the exact quantities must satisfy: force constants
 * index-symmetric (and, for a crystal, translation-invariant and invariant under its space
 * group), forces and stresses invariant under the space group.
 */
public interface Symmetriser {

    /** The projected force constants, n×n row-major (a new array; {@code phi} not modified). */
    double[] forceConstants(double[] phi);

    /** The projected vector (a new array; {@code v} not modified). */
    double[] vector(double[] v);

    /** The projected 3×3 tensor (a new array; {@code t} not modified). */
    double[] tensor(double[] t);

    /** Only index symmetry Φ = Φᵀ: a system without translations or symmetry (a model oscillator). */
    static Symmetriser indexOnly(int n) {
        return new Symmetriser() {
            @Override
            public double[] forceConstants(double[] phi) {
                double[] s = new double[n * n];
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < n; c++) {
                        s[r * n + c] = 0.5 * (phi[r * n + c] + phi[c * n + r]);
                    }
                }
                return s;
            }

            @Override
            public double[] vector(double[] v) {
                return v.clone();
            }

            @Override
            public double[] tensor(double[] t) {
                double[] s = new double[9];
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        s[3 * r + c] = 0.5 * (t[3 * r + c] + t[3 * c + r]);
                    }
                }
                return s;
            }
        };
    }

    /**
     * A crystal's supercell of N atoms: index symmetry and the acoustic sum rule
     * ({@link ForceConstants#project}), rigid translations removed from vectors, and — when
     * {@code symmetry} is given — the space-group average.
     */
    static Symmetriser crystal(int atoms, SupercellSymmetry symmetry) {
        Symmetriser index = indexOnly(3 * atoms);
        return new Symmetriser() {
            @Override
            public double[] forceConstants(double[] phi) {
                double[] p = ForceConstants.project(phi, atoms);
                return symmetry == null ? p : symmetry.symmetrise(p);
            }

            @Override
            public double[] vector(double[] v) {
                double[] s = symmetry == null ? v.clone() : symmetry.symmetriseVector(v);
                double[] mean = new double[3];
                for (int i = 0; i < s.length; i++) {
                    mean[i % 3] += s[i] / atoms;
                }
                for (int i = 0; i < s.length; i++) {
                    s[i] -= mean[i % 3];
                }
                return s;
            }

            @Override
            public double[] tensor(double[] t) {
                double[] s = index.tensor(t);
                return symmetry == null ? s : symmetry.symmetriseTensor(s);
            }
        };
    }
}
