package potentia.ns;

import java.util.SplittableRandom;
import potentia.structure.Element;
import potentia.units.Units;

/**
 * The momenta's prior when a run samples them (total-enthalpy Hamiltonian moves, Baldock et al.,
 * Phys. Rev. E 96 (2017) 043311): uniform in velocity space on the zero-total-momentum subspace
 * (d = 3N − 3 dimensions: molecular dynamics conserves the total momentum, so it never leaves
 * it) under the cap K ≤ K_max. Configuration and momenta are independent under this prior and
 * H = E + PV + K separates, so the sampled partition function is the configurational one times
 * the truncated kinetic integral
 * <pre>
 *   z(β) = ∫_{K ≤ K_max} e^{−βK} dp / ∫_{K ≤ K_max} dp = a γ(a, x) / x^a,   a = d/2, x = βK_max,
 * </pre>
 * which the analysis divides out exactly ({@link #logFraction}, {@link #meanKinetic},
 * {@link #heatCapacity}): the cap decides where the run starts, not its results.
 *
 * @param masses amu, one per atom
 * @param cap K_max, eV
 */
record KineticPrior(double[] masses, double cap) {

    KineticPrior {
        if (masses.length < 2) {
            throw new IllegalArgumentException("Hamiltonian moves need at least 2 atoms (the total momentum is fixed)");
        }
        if (!(cap > 0) || Double.isInfinite(cap)) {
            throw new IllegalArgumentException("kinetic-energy cap must be > 0, got " + cap);
        }
    }

    /** The prior of a run, or null when its moves do not sample momenta. */
    static KineticPrior of(int[] numbers, MoveMix moves) {
        if (!moves.kinetic()) {
            return null;
        }
        double[] m = new double[numbers.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Element.ofNumber(numbers[i]).mass();
        }
        return new KineticPrior(m, shape(numbers.length) * Units.BOLTZMANN * moves.kineticTemperature());
    }

    /** a = (3N − 3)/2 for N atoms. */
    static double shape(int atoms) {
        return 1.5 * (atoms - 1);
    }

    /** a = (3N − 3)/2. */
    double shape() {
        return shape(masses.length);
    }

    /** Kinetic energy Σ ½ m v², eV, of velocities in Å/fs. */
    double kinetic(double[] v) {
        double sum = 0;
        for (int i = 0; i < masses.length; i++) {
            sum += masses[i] * (v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2]);
        }
        return 0.5 * sum * Units.MASS_VELOCITY2_TO_EV;
    }

    /**
     * Draws velocities uniformly on the zero-momentum subspace under K ≤ min(K_max, limit):
     * an isotropic direction (a Gaussian in mass-weighted coordinates √m·v, its total momentum
     * projected out) and K = K_c·u^{1/a}, since the ball's volume grows as K^a.
     *
     * @param v filled, 3N, Å/fs
     * @param limit eV, &gt; 0
     * @return the kinetic energy drawn, eV
     */
    double draw(double[] v, double limit, SplittableRandom rng) {
        int n = masses.length;
        double[] momentum = new double[3];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double s = Math.sqrt(masses[i]);
            for (int k = 0; k < 3; k++) {
                double g = rng.nextGaussian();
                v[3 * i + k] = g;
                momentum[k] += s * g;
            }
            total += masses[i];
        }
        double norm2 = 0;
        for (int i = 0; i < n; i++) {
            double s = Math.sqrt(masses[i]);
            for (int k = 0; k < 3; k++) {
                double u = v[3 * i + k] - s * momentum[k] / total;
                v[3 * i + k] = u;
                norm2 += u * u;
            }
        }
        double target = Math.min(cap, limit) * Math.pow(1 - rng.nextDouble(), 1 / shape());
        double scale = Math.sqrt(2 * target / (norm2 * Units.MASS_VELOCITY2_TO_EV));
        for (int i = 0; i < n; i++) {
            double s = scale / Math.sqrt(masses[i]);
            for (int k = 0; k < 3; k++) {
                v[3 * i + k] *= s;
            }
        }
        return kinetic(v);
    }

    // --- the truncated kinetic integral, for the analysis ---

    /** ln z(β) = ln a − ln r − x (see {@link #logR}), the log of the prior fraction's Boltzmann integral. */
    static double logFraction(double a, double x) {
        return Math.log(a) - logR(a, x) - x;
    }

    /** β⟨K⟩ = a − r under the capped prior. */
    static double meanKinetic(double a, double x) {
        return a - Math.exp(logR(a, x));
    }

    /** β²Var(K) = a + r(a − 1 − x − r): the kinetic heat capacity in units of k_B. */
    static double heatCapacity(double a, double x) {
        double r = Math.exp(logR(a, x));
        return a + r * (a - 1 - x - r);
    }

    /**
     * ln r with r = x^a e^{−x} / γ(a, x): from the series γ = e^{−x} x^a Σ_n x^n / (a(a+1)…(a+n))
     * below x = a + 1, where it converges fast, and from Γ(a) − Γ(a, x) by Legendre's continued
     * fraction above (hand-written: the project has no special-function library).
     */
    static double logR(double a, double x) {
        if (!(a > 0) || !(x > 0)) {
            throw new IllegalArgumentException("need a > 0 and x > 0, got " + a + ", " + x);
        }
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 100_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (term < sum * 1e-17) {
                    break;
                }
            }
            return -Math.log(sum);
        }
        double lnPrefactor = a * Math.log(x) - x - logGamma(a);
        double q = Math.exp(lnPrefactor) * upperFraction(a, x);
        return lnPrefactor - Math.log1p(-q);
    }

    /** Γ(a, x) e^{x} x^{−a} by the modified Lentz evaluation of its continued fraction (x ≥ a + 1). */
    private static double upperFraction(double a, double x) {
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return h;
    }

    /** ln Γ(a) for a &gt; 0 (Lanczos, g = 7, relative error ~1e-15). */
    static double logGamma(double a) {
        if (a < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * a))) - logGamma(1 - a);
        }
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        double z = a - 1;
        double sum = c[0];
        for (int k = 1; k < 9; k++) {
            sum += c[k] / (z + k);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
