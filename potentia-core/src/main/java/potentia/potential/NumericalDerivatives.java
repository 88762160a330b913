package potentia.potential;

import java.util.EnumSet;
import potentia.structure.Structure;

/**
 * Central-difference forces and stress of any {@link Potential} from its energy alone — the
 * user-facing check of analytic derivatives (ASE's {@code calculate_numerical_forces/stress},
 * n2p2's {@code nnp-checkf}) and the reference of every derivative test:
 * <ul>
 * <li>forces F = −∂E/∂R, each coordinate displaced by ±step;
 * <li>the strain derivative ∂E/∂ε under a homogeneous symmetric strain applied to positions and
 *     cell alike, x → x(1 + ε), whence the stress σ = (1/V) ∂E/∂ε (ASE's sign) and the virial
 *     W = −∂E/∂ε, which also exists for clusters.
 * </ul>
 * Each energy is a fresh {@link Potential#compute(Structure, java.util.Set)} (neighbour list
 * rebuilt), so the check also covers list handling. A displacement that carries a pair across a
 * cutoff where the energy jumps spoils the difference: use smooth potentials or small steps.
 */
public final class NumericalDerivatives {
    private NumericalDerivatives() {
    }

    /**
     * How far an analytic array is from its finite-difference estimate.
     *
     * @param maxError largest |analytic − numeric| over components
     * @param maxReference largest |numeric| over components (the scale)
     * @param worst the component with the largest error
     */
    public record Deviation(double maxError, double maxReference, int worst) {
        /** maxError / maxReference (infinite when the reference is all zero and the error is not). */
        public double relative() {
            return maxError == 0 ? 0 : maxError / maxReference;
        }
    }

    /** The energy alone, eV. */
    public static double energy(Potential p, Structure s) {
        return p.compute(s, EnumSet.of(Property.ENERGY)).energy();
    }

    /**
     * Central-difference forces −[E(x + h) − E(x − h)] / 2h.
     *
     * @param step h, Å
     * @return 3N forces, eV/Å
     */
    public static double[] forces(Potential p, Structure s, double step) {
        int[] all = new int[s.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return forces(p, s, step, all);
    }

    /**
     * Central-difference forces on selected atoms only (6 energies per atom: for large structures).
     *
     * @param step h, Å
     * @param atoms the atoms to differentiate for (not modified)
     * @return 3·atoms.length forces, eV/Å, in the order of {@code atoms}
     */
    public static double[] forces(Potential p, Structure s, double step, int[] atoms) {
        double[] x = s.positions();
        double[] f = new double[3 * atoms.length];
        for (int n = 0; n < atoms.length; n++) {
            for (int c = 0; c < 3; c++) {
                int a = 3 * atoms[n] + c;
                double x0 = x[a];
                x[a] = x0 + step;
                double ep = energy(p, s.withPositions(x));
                x[a] = x0 - step;
                double em = energy(p, s.withPositions(x));
                x[a] = x0;
                f[3 * n + c] = -(ep - em) / (2 * step);
            }
        }
        return f;
    }

    /**
     * Central-difference strain derivative ∂E/∂ε_ab, eV, 3×3 row-major and symmetric: for
     * a ≠ b the strain ε_ab = ε_ba = δ/2 is varied, so the entry is dE/dδ.
     *
     * @param step the strain amplitude δ (dimensionless, e.g. 1e-6)
     */
    public static double[] strainDerivative(Potential p, Structure s, double step) {
        double[] d = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = a; b < 3; b++) {
                double[] eps = new double[9];
                double v = a == b ? step : step / 2;
                eps[3 * a + b] = v;
                eps[3 * b + a] = v;
                double ep = energy(p, strained(s, eps));
                for (int k = 0; k < 9; k++) {
                    eps[k] = -eps[k];
                }
                double em = energy(p, strained(s, eps));
                d[3 * a + b] = (ep - em) / (2 * step);
                d[3 * b + a] = d[3 * a + b];
            }
        }
        return d;
    }

    /**
     * Central-difference stress σ = (1/V) ∂E/∂ε, eV/Å³, 3×3 row-major, ASE's sign.
     *
     * @throws IllegalArgumentException for a structure without volume
     */
    public static double[] stress(Potential p, Structure s, double step) {
        double v = s.cell().volume();
        if (!(v > 0)) {
            throw new IllegalArgumentException("stress needs a cell with a volume (use strainDerivative)");
        }
        double[] d = strainDerivative(p, s, step);
        for (int k = 0; k < 9; k++) {
            d[k] /= v;
        }
        return d;
    }

    /**
     * The structure deformed by x → x(1 + ε): positions and lattice vectors alike (row vectors
     * times 1 + ε).
     *
     * @param strain ε, 3×3 row-major (not modified)
     */
    public static Structure strained(Structure s, double[] strain) {
        double[] x = s.positions();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                double v = x[i + c];
                for (int k = 0; k < 3; k++) {
                    v += x[i + k] * strain[3 * k + c];
                }
                y[i + c] = v;
            }
        }
        return s.withCell(s.cell().strained(strain), false).withPositions(y);
    }

    /** The deviation of analytic values from numeric ones (same length). */
    public static Deviation compare(double[] analytic, double[] numeric) {
        if (analytic.length != numeric.length) {
            throw new IllegalArgumentException("lengths differ: " + analytic.length + " vs " + numeric.length);
        }
        double err = 0;
        double ref = 0;
        int worst = -1;
        for (int k = 0; k < numeric.length; k++) {
            double e = Math.abs(analytic[k] - numeric[k]);
            if (Double.isNaN(e)) {
                return new Deviation(Double.NaN, ref, k);
            }
            if (e > err || worst < 0) {
                err = e;
                worst = k;
            }
            ref = Math.max(ref, Math.abs(numeric[k]));
        }
        return new Deviation(err, ref, worst);
    }

    /** Deviation of the potential's forces from central differences. */
    public static Deviation forceDeviation(Potential p, Structure s, double step) {
        Result r = p.compute(s, EnumSet.of(Property.ENERGY, Property.FORCES));
        return compare(r.forces(), forces(p, s, step));
    }

    /** Deviation of the potential's forces on selected atoms from central differences (worst indexes into them). */
    public static Deviation forceDeviation(Potential p, Structure s, double step, int[] atoms) {
        double[] all = p.compute(s, EnumSet.of(Property.ENERGY, Property.FORCES)).forces();
        double[] analytic = new double[3 * atoms.length];
        for (int n = 0; n < atoms.length; n++) {
            System.arraycopy(all, 3 * atoms[n], analytic, 3 * n, 3);
        }
        return compare(analytic, forces(p, s, step, atoms));
    }

    /** Deviation of the potential's −virial (= σV = ∂E/∂ε, eV) from central differences of the strain. */
    public static Deviation strainDeviation(Potential p, Structure s, double step) {
        Result r = p.compute(s, EnumSet.of(Property.ENERGY, Property.STRESS));
        double[] w = r.virial();
        for (int k = 0; k < 9; k++) {
            w[k] = -w[k];
        }
        return compare(w, strainDerivative(p, s, step));
    }
}
