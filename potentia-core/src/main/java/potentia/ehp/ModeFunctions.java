package potentia.ehp;

import potentia.units.Units;

/**
 * The scalar functions of one harmonic mode with eigenvalue λ of the mass-weighted force
 * constants (eV/(Å²·amu); ω = √(λ·c) fs⁻¹ with c = {@link Units#FORCE_OVER_MASS_TO_ACCELERATION}),
 * at temperature T, quantum or classical:
 * <ul>
 *   <li>g(λ) = ⟨q²⟩, the variance of the mass-weighted mode coordinate (Å²·amu):
 *       classical k_BT/λ; quantum (ħ/2ω)·coth(ħω/2k_BT) (converted by c);</li>
 *   <li>φ(λ), the free energy (eV): classical k_BT ln(ħω/k_BT); quantum
 *       ħω/2 + k_BT ln(1 − e^{−ħω/k_BT}); dφ/dλ = g/2 (Hellmann–Feynman);</li>
 *   <li>h(λ) = 1/g, the precision of the mode coordinate.</li>
 * </ul>
 * A quantum mode at T = 0 is in its ground state (coth → 1). Derivatives are analytic; divided
 * differences (f(a) − f(b))/(a − b) for the Daleckii–Krein formula switch to the derivative at
 * the midpoint for nearly equal arguments.
 */
final class ModeFunctions {
    private static final double C = Units.FORCE_OVER_MASS_TO_ACCELERATION;

    private final double kt;
    private final boolean quantum;

    ModeFunctions(double temperature, boolean quantum) {
        if (!(temperature >= 0) || !Double.isFinite(temperature) || (!quantum && temperature == 0)) {
            throw new IllegalArgumentException("temperature must be " + (quantum ? "≥ 0" : "> 0") + " K, got "
                    + temperature);
        }
        this.kt = Units.BOLTZMANN * temperature;
        this.quantum = quantum;
    }

    double kt() {
        return kt;
    }

    boolean quantum() {
        return quantum;
    }

    /** ⟨q²⟩, Å²·amu. */
    double variance(double lambda) {
        if (!quantum) {
            return kt / lambda;
        }
        double w = Math.sqrt(lambda * C);
        return Units.HBAR * C / (2 * w) * coth(w);
    }

    /** dg/dλ. */
    double varianceDerivative(double lambda) {
        if (!quantum) {
            return -kt / (lambda * lambda);
        }
        double w = Math.sqrt(lambda * C);
        double a = Units.HBAR * C / 2;
        double dgdw;
        if (kt == 0) {
            dgdw = -a / (w * w);
        } else {
            double b = Units.HBAR / (2 * kt);
            double x = b * w;
            double sh = x > 350 ? Double.POSITIVE_INFINITY : Math.sinh(x);
            dgdw = -a / (w * w) * coth(w) - a * b / (w * sh * sh);
        }
        return dgdw * C / (2 * w);
    }

    /** 1/g. */
    double precision(double lambda) {
        return 1 / variance(lambda);
    }

    /** d(1/g)/dλ. */
    double precisionDerivative(double lambda) {
        double g = variance(lambda);
        return -varianceDerivative(lambda) / (g * g);
    }

    /** φ(λ), eV. */
    double freeEnergy(double lambda) {
        double e = Units.HBAR * Math.sqrt(lambda * C);
        if (!quantum) {
            return kt * Math.log(e / kt);
        }
        if (kt == 0) {
            return 0.5 * e;
        }
        return 0.5 * e + kt * Math.log(-Math.expm1(-e / kt));
    }

    /** coth(ħω/2k_BT), 1 at T = 0. */
    private double coth(double w) {
        if (kt == 0) {
            return 1;
        }
        double x = Units.HBAR * w / (2 * kt);
        if (x > 20) {
            return 1 + 2 * Math.exp(-2 * x);
        }
        return 1 / Math.tanh(x);
    }

    /** The divided difference of the variance: (g(a) − g(b))/(a − b), or g'((a+b)/2). */
    double varianceDifference(double a, double b) {
        if (Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b))) {
            return varianceDerivative(0.5 * (a + b));
        }
        return (variance(a) - variance(b)) / (a - b);
    }

    /** The divided difference of the precision. */
    double precisionDifference(double a, double b) {
        if (Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b))) {
            return precisionDerivative(0.5 * (a + b));
        }
        return (precision(a) - precision(b)) / (a - b);
    }
}
