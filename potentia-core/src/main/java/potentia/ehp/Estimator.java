package potentia.ehp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Reweighted ensemble averages at a Gaussian state ({@link Estimate}), and the exact gradient of
 * the reweighted free-energy estimate for a fixed set of samples.
 *
 * <p>With u_i = x_i − R₀, log-weights log w_i = log ρ(x_i) − log ρ_source(x_i) and normalised
 * weights w̃_i, the estimate is F̂ = F_harm[Φ] + Σ w̃_i e_i with e_i = V_i − ½u_iᵀΦu_i. The mean
 * force and ⟨∂²V⟩ use the harmonic forces −Φu as a control variate (their mean vanishes under
 * the state): ⟨f⟩ ≈ Σ w̃ (f + Φu), and by Stein's identity E[u ∇Vᵀ] = Σ·E[∇∇V],
 * ⟨∂²V⟩ ≈ Φ − sym(Σ⁺·Σ w̃ u (f + Φu)ᵀ). The stress of the free energy along a homogeneous strain
 * that carries the Gaussian with it is σ_F = −(⟨W⟩ + K)/V, with W the potential's virial and
 * K the diagonal blocks of Σ·Φ summed over atoms ((N − 1)k_BT·1 classically: the kinetic
 * pressure).
 */
public final class Estimator {
    private Estimator() {
    }

    /** Per-sample quantities shared by the estimate and the gradient. */
    private record Terms(DMatrixRMaj u, DMatrixRMaj y, double[] weights, double[] energies, DMatrixRMaj phiU,
            double ess) {
    }

    private static Terms terms(Ensemble e, GaussianState s) {
        int m = e.size();
        int n = s.dimension();
        double[] r0 = s.centroidArray();
        DMatrixRMaj u = new DMatrixRMaj(m, n);
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < n; c++) {
                u.unsafe_set(i, c, e.positions().unsafe_get(i, c) - r0[c]);
            }
        }
        DMatrixRMaj y = s.whiten(u);
        double[] logNow = s.logDensity(y);
        double[] w = new double[m];
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            w[i] = logNow[i] - e.logSource()[i];
            top = Math.max(top, w[i]);
        }
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < m; i++) {
            w[i] = Math.exp(w[i] - top);
            sum += w[i];
            sum2 += w[i] * w[i];
        }
        for (int i = 0; i < m; i++) {
            w[i] /= sum;
        }
        DMatrixRMaj phi = DMatrixRMaj.wrap(n, n, s.phiArray());
        DMatrixRMaj phiU = new DMatrixRMaj(m, n);
        CommonOps_DDRM.multTransB(u, phi, phiU);
        double[] energy = new double[m];
        for (int i = 0; i < m; i++) {
            double h = 0;
            for (int c = 0; c < n; c++) {
                h += u.unsafe_get(i, c) * phiU.unsafe_get(i, c);
            }
            energy[i] = e.energies()[i] - 0.5 * h;
        }
        return new Terms(u, y, w, energy, phiU, sum * sum / sum2);
    }

    /** Kong's effective sample size (Σw)²/Σw² of the ensemble reweighted to {@code state}. */
    public static double effectiveSamples(Ensemble e, GaussianState state) {
        int m = e.size();
        int n = state.dimension();
        double[] r0 = state.centroidArray();
        DMatrixRMaj u = new DMatrixRMaj(m, n);
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < n; c++) {
                u.unsafe_set(i, c, e.positions().unsafe_get(i, c) - r0[c]);
            }
        }
        double[] logNow = state.logDensity(state.whiten(u));
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            top = Math.max(top, logNow[i] - e.logSource()[i]);
        }
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < m; i++) {
            double w = Math.exp(logNow[i] - e.logSource()[i] - top);
            sum += w;
            sum2 += w * w;
        }
        return sum * sum / sum2;
    }

    /**
     * The estimate at {@code state}.
     *
     * @param withForceConstants whether to compute ⟨∂²V⟩ (the costliest part)
     */
    public static Estimate estimate(Ensemble e, GaussianState state, boolean withForceConstants) {
        Terms t = terms(e, state);
        int m = e.size();
        int n = state.dimension();
        double[] w = t.weights();
        double mean = 0;
        for (int i = 0; i < m; i++) {
            mean += w[i] * t.energies()[i];
        }
        double error = ratioError(w, t.energies(), mean);
        double harmonic = state.harmonicFreeEnergy();

        DMatrixRMaj g = new DMatrixRMaj(m, n);
        double[] meanForce = new double[n];
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < n; c++) {
                double v = e.forces().unsafe_get(i, c) + t.phiU().unsafe_get(i, c);
                g.unsafe_set(i, c, w[i] * v);
                meanForce[c] += w[i] * v;
            }
        }
        double[] phiEff = null;
        if (withForceConstants) {
            DMatrixRMaj a = state.precisionTimes(t.y());
            DMatrixRMaj cov = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransA(a, g, cov);
            double[] phi = state.phiArray();
            phiEff = new double[n * n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    phiEff[r * n + c] = phi[r * n + c] - 0.5 * (cov.unsafe_get(r, c) + cov.unsafe_get(c, r));
                }
            }
        }
        double[] stress = null;
        double pressureError = Double.NaN;
        if (e.virials() != null && e.cell().anyPeriodic()) {
            double volume = e.cell().volume();
            double[] wbar = new double[9];
            double[] trace = new double[m];
            for (int i = 0; i < m; i++) {
                double[] v = e.virials()[i];
                for (int k = 0; k < 9; k++) {
                    wbar[k] += w[i] * v[k];
                }
                trace[i] = (v[0] + v[4] + v[8]) / (3 * volume);
            }
            double[] k = state.fluctuationTensor();
            stress = new double[9];
            for (int q = 0; q < 9; q++) {
                stress[q] = -(wbar[q] + k[q]) / volume;
            }
            double meanTrace = 0;
            for (int i = 0; i < m; i++) {
                meanTrace += w[i] * trace[i];
            }
            pressureError = ratioError(w, trace, meanTrace);
        }
        return new Estimate(harmonic + mean, error, harmonic, t.ess(), meanForce, phiEff, stress, pressureError);
    }

    /**
     * Standard error of Σ w̃_i x_i with antithetic pairs (rows 2p, 2p+1) as the independent units:
     * the delta-method variance of a ratio estimator, Σ_p (c_p − x̄ W_p)² / (Σ W)² · P/(P − 1).
     */
    static double ratioError(double[] w, double[] x, double mean) {
        int pairs = w.length / 2;
        if (pairs < 2) {
            return Double.NaN;
        }
        double s = 0;
        for (int p = 0; p < pairs; p++) {
            double c = w[2 * p] * x[2 * p] + w[2 * p + 1] * x[2 * p + 1];
            double wp = w[2 * p] + w[2 * p + 1];
            double d = c - mean * wp;
            s += d * d;
        }
        return Math.sqrt(s * pairs / (pairs - 1.0));
    }

    /** The exact gradient of the reweighted estimate F̂(R₀, Φ) with the samples held fixed. */
    public record Gradient(double freeEnergy, double[] centroid, double[] forceConstants) {
    }

    /**
     * The gradient of F̂ = F_harm[Φ] + Σ w̃_i(R₀, Φ) e_i(R₀, Φ) with respect to R₀ and Φ for this
     * ensemble's fixed configurations and energies. With a_i = Σ⁺u_i and ē = Σ w̃e:
     * ∂F̂/∂R₀ = Σ w̃ [Φu + (e − ē)a]; dF̂ = Tr(G dΦ) for symmetric dΦ with
     * G = ½Σ − ½Σ w̃ uuᵀ + M^{−½}E(H∘B̂)EᵀM^{−½}, B̂ = −½Σ w̃(e − ē)(σ∘y)(σ∘y)ᵀ in the mode basis
     * and H_μν the divided differences of the mode precision 1/g (Daleckii–Krein). Not used by
     * the minimiser (its Stein-identity gradient has less noise); it is the exact derivative that
     * finite differences check.
     */
    public static Gradient gradient(Ensemble e, GaussianState state) {
        Terms t = terms(e, state);
        int m = e.size();
        int n = state.dimension();
        int modes = state.modes();
        double[] w = t.weights();
        double mean = 0;
        for (int i = 0; i < m; i++) {
            mean += w[i] * t.energies()[i];
        }
        DMatrixRMaj a = state.precisionTimes(t.y());
        double[] gr = new double[n];
        for (int i = 0; i < m; i++) {
            double d = t.energies()[i] - mean;
            for (int c = 0; c < n; c++) {
                gr[c] += w[i] * (t.phiU().unsafe_get(i, c) + d * a.unsafe_get(i, c));
            }
        }
        double[] sig = state.sigmaArray();
        DMatrixRMaj sy = new DMatrixRMaj(m, modes);
        DMatrixRMaj syw = new DMatrixRMaj(m, modes);
        for (int i = 0; i < m; i++) {
            double d = -0.5 * w[i] * (t.energies()[i] - mean);
            for (int k = 0; k < modes; k++) {
                double v = sig[k] * t.y().unsafe_get(i, k);
                sy.unsafe_set(i, k, v);
                syw.unsafe_set(i, k, d * v);
            }
        }
        DMatrixRMaj bHat = new DMatrixRMaj(modes, modes);
        CommonOps_DDRM.multTransA(syw, sy, bHat);
        double[] lam = state.lambdaArray();
        ModeFunctions f = state.functions();
        for (int p = 0; p < modes; p++) {
            for (int q = 0; q < modes; q++) {
                bHat.unsafe_set(p, q, bHat.unsafe_get(p, q) * f.precisionDifference(lam[p], lam[q]));
            }
        }
        double[] ga = state.fromModesCovariant(bHat);
        double[] cov = state.covariance();
        DMatrixRMaj uw = new DMatrixRMaj(m, n);
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < n; c++) {
                uw.unsafe_set(i, c, w[i] * t.u().unsafe_get(i, c));
            }
        }
        DMatrixRMaj uu = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(uw, t.u(), uu);
        double[] gphi = new double[n * n];
        for (int k = 0; k < n * n; k++) {
            gphi[k] = 0.5 * cov[k] - 0.5 * uu.data[k] + ga[k];
        }
        return new Gradient(state.harmonicFreeEnergy() + mean, gr, gphi);
    }
}
