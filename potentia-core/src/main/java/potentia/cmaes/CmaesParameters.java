package potentia.cmaes;

import java.util.Arrays;

/**
 * The strategy parameters of a (μ/μ_w, λ)-CMA-ES, with Hansen's defaults (N. Hansen, "The CMA
 * Evolution Strategy: A Tutorial", arXiv:1604.00772, Table 1): for dimension n,
 * <pre>
 *   λ = 4 + ⌊3 ln n⌋,  μ = ⌊λ/2⌋,  w'_i = ln((λ+1)/2) − ln i  (i = 1 … λ),
 *   μ_eff = (Σ_{i≤μ} w'_i)² / Σ_{i≤μ} w'_i²,   μ_eff⁻ likewise over i &gt; μ,
 *   c_1 = α_cov / ((n+1.3)² + μ_eff),  α_cov = 2,
 *   c_μ = min(1 − c_1, α_cov (1/4 + μ_eff + 1/μ_eff − 2) / ((n+2)² + α_cov μ_eff / 2)),
 *   w_i = w'_i / Σ_{j≤μ} w'_j                                          (w'_i ≥ 0),
 *   w_i = min(1 + c_1/c_μ, 1 + 2μ_eff⁻/(μ_eff+2), (1−c_1−c_μ)/(n c_μ)) · w'_i / Σ_{j&gt;μ}|w'_j|   (w'_i &lt; 0),
 *   c_m = 1,  c_σ = (μ_eff + 2) / (n + μ_eff + 5),
 *   d_σ = 1 + 2 max(0, √((μ_eff − 1)/(n + 1)) − 1) + c_σ,
 *   c_c = (4 + μ_eff/n) / (n + 4 + 2μ_eff/n),
 *   E‖N(0, I)‖ ≈ √n (1 − 1/(4n) + 1/(21n²)).
 * </pre>
 * The negative weights (the "active" covariance update) can be switched off, leaving the classic
 * positive-weights-only strategy (w_i = 0 for i &gt; μ) with c_μ's older form without the 1/4.
 *
 * @param dimension n
 * @param lambda population size λ
 * @param mu number of positive weights μ
 * @param weights λ recombination weights, sorted from best to worst rank; the first μ are
 *     positive and sum to 1, the rest are ≤ 0 (a fresh copy is returned by {@link #weights()})
 * @param muEff variance-effective selection mass μ_eff of the positive weights
 * @param cSigma learning rate of the step-size path c_σ
 * @param dSigma step-size damping d_σ
 * @param cC learning rate of the covariance path c_c
 * @param c1 rank-one learning rate c_1
 * @param cMu rank-μ learning rate c_μ
 * @param cM mean learning rate c_m
 * @param chiN E‖N(0, I)‖
 * @param eigenInterval generations between two eigendecompositions of C: the smallest number
 *     of generations whose evaluations exceed λ/(c_1 + c_μ)/n/10, i.e. ⌊1/(10 n (c_1 + c_μ))⌋ + 1,
 *     as in Hansen's reference code; it keeps the cost per generation O(n²) (tutorial, B.2)
 */
public record CmaesParameters(int dimension, int lambda, int mu, double[] weights, double muEff, double cSigma,
        double dSigma, double cC, double c1, double cMu, double cM, double chiN, int eigenInterval) {

    public CmaesParameters {
        if (dimension < 1) {
            throw new IllegalArgumentException("CMA-ES needs dimension ≥ 1, got " + dimension);
        }
        if (lambda < 2 || mu < 1 || mu > lambda || weights.length != lambda) {
            throw new IllegalArgumentException("bad CMA-ES population: λ=" + lambda + ", μ=" + mu + ", "
                    + weights.length + " weights");
        }
        weights = weights.clone();
    }

    /** Hansen's defaults for dimension {@code n}, with negative weights. */
    public static CmaesParameters defaults(int n) {
        return of(n, defaultLambda(n), true);
    }

    /** The default population size 4 + ⌊3 ln n⌋. */
    public static int defaultLambda(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("CMA-ES needs dimension ≥ 1, got " + n);
        }
        return 4 + (int) Math.floor(3 * Math.log(n));
    }

    /**
     * Hansen's defaults for dimension {@code n} and population {@code lambda}.
     *
     * @param activeWeights whether the λ − μ worst candidates get negative weights (the tutorial's
     *     default) or none
     */
    public static CmaesParameters of(int n, int lambda, boolean activeWeights) {
        if (n < 1) {
            throw new IllegalArgumentException("CMA-ES needs dimension ≥ 1, got " + n);
        }
        if (lambda < 2) {
            throw new IllegalArgumentException("CMA-ES needs a population λ ≥ 2, got " + lambda);
        }
        int mu = lambda / 2;
        double[] raw = new double[lambda];
        for (int i = 0; i < lambda; i++) {
            raw[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
        }
        double sumPos = 0;
        double sumPosSq = 0;
        double sumNeg = 0;
        double sumNegSq = 0;
        for (int i = 0; i < lambda; i++) {
            if (i < mu) {
                sumPos += raw[i];
                sumPosSq += raw[i] * raw[i];
            } else {
                sumNeg += raw[i];
                sumNegSq += raw[i] * raw[i];
            }
        }
        double muEff = sumPos * sumPos / sumPosSq;
        double muEffMinus = sumNegSq > 0 ? sumNeg * sumNeg / sumNegSq : 0;
        double alphaCov = 2;
        double c1 = alphaCov / ((n + 1.3) * (n + 1.3) + muEff);
        double rankMuOffset = activeWeights ? 0.25 : 0;
        double cMu = Math.min(1 - c1, alphaCov * (rankMuOffset + muEff + 1 / muEff - 2)
                / ((n + 2.0) * (n + 2.0) + alphaCov * muEff / 2));
        cMu = Math.max(0, cMu);
        double[] w = new double[lambda];
        for (int i = 0; i < mu; i++) {
            w[i] = raw[i] / sumPos;
        }
        if (activeWeights && sumNeg < 0 && cMu > 0) {
            double alphaMu = 1 + c1 / cMu;
            double alphaMuEff = 1 + 2 * muEffMinus / (muEff + 2);
            double alphaPosDef = (1 - c1 - cMu) / (n * cMu);
            double scale = Math.min(alphaMu, Math.min(alphaMuEff, alphaPosDef)) / -sumNeg;
            for (int i = mu; i < lambda; i++) {
                w[i] = raw[i] * scale;
            }
        }
        double cSigma = (muEff + 2) / (n + muEff + 5);
        double dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
        double cC = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
        double chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
        int eigenInterval = (int) Math.floor(1 / (10 * n * (c1 + cMu))) + 1;
        return new CmaesParameters(n, lambda, mu, w, muEff, cSigma, dSigma, cC, c1, cMu, 1.0, chiN, eigenInterval);
    }

    /** The λ weights, best rank first, a fresh copy. */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Weight of rank {@code i} (0 = best). */
    public double weight(int i) {
        return weights[i];
    }

    /** Σ of all λ weights (≤ 1; below 1 with negative weights). */
    public double weightSum() {
        double s = 0;
        for (double x : weights) {
            s += x;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CmaesParameters p && p.dimension == dimension && p.lambda == lambda && p.mu == mu
                && Arrays.equals(p.weights, weights) && p.muEff == muEff && p.cSigma == cSigma && p.dSigma == dSigma
                && p.cC == cC && p.c1 == c1 && p.cMu == cMu && p.cM == cM && p.chiN == chiN
                && p.eigenInterval == eigenInterval;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dimension + lambda) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "CmaesParameters[n=%d, λ=%d, μ=%d, μ_eff=%.4g, c_σ=%.4g, d_σ=%.4g, c_c=%.4g, c_1=%.4g, c_μ=%.4g, "
                        + "eigen every %d generations]",
                dimension, lambda, mu, muEff, cSigma, dSigma, cC, c1, cMu, eigenInterval);
    }
}
