package potentia.phonon;

import potentia.units.Units;

/**
 * Thermodynamics of independent harmonic modes of frequency ν (x = hν/k_BT):
 * <ul>
 *   <li>quantum: F = hν/2 + k_BT ln(1 − e^{−x}), S = k_B[x/(eˣ − 1) − ln(1 − e^{−x})],
 *       C_V = k_B x² eˣ/(eˣ − 1)², E = hν(½ + 1/(eˣ − 1));</li>
 *   <li>classical: F = k_BT ln x, S = k_B(1 − ln x), C_V = k_B, E = k_BT — the limit of the
 *       quantum formulas for x → 0, with the same absolute reference (a mode's phase-space
 *       volume in units of h), so classical and quantum free energies compare directly.</li>
 * </ul>
 * Modes at or below {@code cutoff} (zero-frequency translations, imaginary modes) are left out
 * and must be counted and reported by the caller; at T = 0 only the zero-point energy remains
 * (quantum) or nothing (classical).
 */
public final class HarmonicThermo {
    /** Modes below this frequency (THz) are left out of the sums. */
    public static final double DEFAULT_CUTOFF = 1e-3;

    private HarmonicThermo() {
    }

    /** Free energy of one mode, eV. */
    public static double freeEnergy(double nu, double temperature, boolean quantum) {
        double e = nu * Units.THZ_TO_EV;
        if (temperature <= 0) {
            return quantum ? 0.5 * e : 0;
        }
        double kt = Units.BOLTZMANN * temperature;
        double x = e / kt;
        return quantum ? 0.5 * e + kt * Math.log(-Math.expm1(-x)) : kt * Math.log(x);
    }

    /** Entropy of one mode, eV/K. */
    public static double entropy(double nu, double temperature, boolean quantum) {
        if (temperature <= 0) {
            return 0;
        }
        double x = nu * Units.THZ_TO_EV / (Units.BOLTZMANN * temperature);
        if (!quantum) {
            return Units.BOLTZMANN * (1 - Math.log(x));
        }
        return Units.BOLTZMANN * (x / Math.expm1(x) - Math.log(-Math.expm1(-x)));
    }

    /** Heat capacity at constant volume of one mode, eV/K. */
    public static double heatCapacity(double nu, double temperature, boolean quantum) {
        if (temperature <= 0) {
            return 0;
        }
        if (!quantum) {
            return Units.BOLTZMANN;
        }
        double x = nu * Units.THZ_TO_EV / (Units.BOLTZMANN * temperature);
        if (x > 700) {
            return 0;
        }
        double em1 = Math.expm1(x);
        return Units.BOLTZMANN * x * x * (em1 + 1) / (em1 * em1);
    }

    /** Mean energy (kinetic + potential) of one mode, eV. */
    public static double energy(double nu, double temperature, boolean quantum) {
        double e = nu * Units.THZ_TO_EV;
        if (temperature <= 0) {
            return quantum ? 0.5 * e : 0;
        }
        double kt = Units.BOLTZMANN * temperature;
        return quantum ? e * (0.5 + 1 / Math.expm1(e / kt)) : kt;
    }

    /**
     * Sums over modes, per atom.
     *
     * <p>A fused loop rather than calls to the per-mode functions above (which stay as the
     * reference, see the agreement test): a 20³ mesh at 100 temperatures is millions of
     * (mode, T) pairs, and sharing one {@code exp}, one {@code expm1} and one {@code log} per
     * pair, with the classical logarithms split into per-mode and per-temperature parts, cuts the
     * transcendental calls from nine per pair to three.
     *
     * @param frequencies {@code [point][band]}, THz (not modified)
     * @param atomsPerPoint atoms the bands of one point describe (primitive cell size for a mesh)
     * @param temperatures K (not modified)
     */
    public static ThermalProperties of(double[][] frequencies, int atomsPerPoint, double[] temperatures,
            double cutoff) {
        int nt = temperatures.length;
        double[][] f = new double[2][nt];
        double[][] s = new double[2][nt];
        double[][] c = new double[2][nt];
        double[][] e = new double[2][nt];
        double[] kt = new double[nt];
        double[] logKt = new double[nt];
        for (int i = 0; i < nt; i++) {
            kt[i] = Units.BOLTZMANN * temperatures[i];
            logKt[i] = temperatures[i] > 0 ? Math.log(kt[i]) : 0;
        }
        int left = 0;
        int modes = 0;
        double zeroPoint = 0;
        double sumLogEnergy = 0;
        for (double[] row : frequencies) {
            for (double nu : row) {
                if (nu <= cutoff) {
                    left++;
                    continue;
                }
                modes++;
                double en = nu * Units.THZ_TO_EV;
                zeroPoint += 0.5 * en;
                sumLogEnergy += Math.log(en);
                for (int i = 0; i < nt; i++) {
                    if (temperatures[i] <= 0) {
                        continue;
                    }
                    double x = en / kt[i];
                    double oneMinusExp = -Math.expm1(-x);      // 1 − e^{−x}
                    double logTerm = Math.log(oneMinusExp);
                    double occupation = Math.exp(-x) / oneMinusExp; // 1/(eˣ − 1)
                    f[0][i] += kt[i] * logTerm;
                    s[0][i] += x * occupation - logTerm;
                    if (x <= 700) {
                        c[0][i] += x * x * occupation * (occupation + 1);
                    }
                    e[0][i] += en * occupation;
                }
            }
        }
        for (int i = 0; i < nt; i++) {
            f[0][i] += zeroPoint;
            e[0][i] += zeroPoint;
            s[0][i] *= Units.BOLTZMANN;
            c[0][i] *= Units.BOLTZMANN;
            if (temperatures[i] > 0) {
                // Σ k_BT ln(E/k_BT) and Σ k_B(1 − ln x) from the per-mode sum of ln E
                double sumLogX = sumLogEnergy - modes * logKt[i];
                f[1][i] = kt[i] * sumLogX;
                s[1][i] = Units.BOLTZMANN * (modes - sumLogX);
                c[1][i] = Units.BOLTZMANN * modes;
                e[1][i] = kt[i] * modes;
            }
        }
        double scale = 1.0 / ((double) frequencies.length * atomsPerPoint);
        for (double[][] a : new double[][][] {f, s, c, e}) {
            for (double[] row : a) {
                for (int i = 0; i < nt; i++) {
                    row[i] *= scale;
                }
            }
        }
        return new ThermalProperties(temperatures.clone(), f[0], s[0], c[0], e[0], f[1], s[1], c[1], e[1], left);
    }
}
