package potentia.descriptor;

import java.util.Arrays;

/**
 * The per-centre algebra between expansion coefficients and features, shared by the scalar and
 * the vector kernel: the power spectrum p^{βγ}_{nl} = Σ_m c^β_{nlm} c^γ_{nlm}, its tangent, and
 * its adjoint a^β = ∂E/∂c^β. Coefficient arrays hold S blocks of {@link SpectrumLayout#coefficientCount}
 * (species β at β·C), features one centre's F numbers. Immutable.
 */
final class SpectrumAlgebra {
    private final int lMax;
    private final int species;
    private final int nr;
    private final int nc;
    private final int[] radialStart;
    private final int[] coefficientStart;
    private final int[] pairIndex;

    SpectrumAlgebra(SpectrumLayout layout) {
        this.lMax = layout.nMax;
        this.species = layout.species;
        this.nr = layout.radialCount;
        this.nc = layout.coefficientCount;
        this.radialStart = new int[lMax + 1];
        this.coefficientStart = new int[lMax + 1];
        for (int l = 0; l <= lMax; l++) {
            radialStart[l] = layout.radial(l, 0);
            coefficientStart[l] = layout.coefficientStart(l);
        }
        this.pairIndex = new int[species * species];
        for (int p = 0; p < species; p++) {
            for (int q = 0; q < species; q++) {
                pairIndex[p * species + q] = layout.pair(Math.min(p, q), Math.max(p, q));
            }
        }
    }

    /**
     * Power spectrum into out[o, o + F).
     *
     * @param c S × C coefficients (not modified)
     * @param out features (modified at [o, o + F))
     */
    void spectrum(double[] c, double[] out, int o) {
        for (int beta = 0; beta < species; beta++) {
            for (int gamma = beta; gamma < species; gamma++) {
                int fo = o + pairIndex[beta * species + gamma] * nr;
                int cb = beta * nc;
                int cg = gamma * nc;
                for (int l = 0; l <= lMax; l++) {
                    int w = 2 * l + 1;
                    int ci = coefficientStart[l];
                    for (int k = 0; k <= lMax - l; k++, ci += w) {
                        double sum = 0;
                        for (int m = 0; m < w; m++) {
                            sum += c[cb + ci + m] * c[cg + ci + m];
                        }
                        out[fo + radialStart[l] + k] = sum;
                    }
                }
            }
        }
    }

    /**
     * dp = Σ_m dc^β c^γ + c^β dc^γ into out[o, o + F).
     *
     * @param c S × C coefficients (not modified)
     * @param dc their tangent, S × C (not modified)
     * @param out (modified at [o, o + F))
     */
    void spectrumTangent(double[] c, double[] dc, double[] out, int o) {
        for (int beta = 0; beta < species; beta++) {
            for (int gamma = beta; gamma < species; gamma++) {
                int fo = o + pairIndex[beta * species + gamma] * nr;
                int cb = beta * nc;
                int cg = gamma * nc;
                for (int l = 0; l <= lMax; l++) {
                    int w = 2 * l + 1;
                    int ci = coefficientStart[l];
                    for (int k = 0; k <= lMax - l; k++, ci += w) {
                        double sum = 0;
                        for (int m = 0; m < w; m++) {
                            sum += dc[cb + ci + m] * c[cg + ci + m] + c[cb + ci + m] * dc[cg + ci + m];
                        }
                        out[fo + radialStart[l] + k] = sum;
                    }
                }
            }
        }
    }

    /**
     * a^β = ∂E/∂c^β = Σ_γ W^{βγ} c^γ, W^{ββ} = 2 ∂E/∂p^{ββ}, W^{βγ} = W^{γβ} = ∂E/∂p^{βγ}.
     *
     * @param c S × C coefficients (not modified)
     * @param dEdG ∂E/∂G of this centre at [o, o + F) (not modified)
     * @param a S × C (overwritten)
     */
    void adjoint(double[] c, double[] dEdG, int o, double[] a) {
        Arrays.fill(a, 0, species * nc, 0);
        for (int beta = 0; beta < species; beta++) {
            for (int gamma = beta; gamma < species; gamma++) {
                int fo = o + pairIndex[beta * species + gamma] * nr;
                int cb = beta * nc;
                int cg = gamma * nc;
                for (int l = 0; l <= lMax; l++) {
                    int w = 2 * l + 1;
                    int ci = coefficientStart[l];
                    for (int k = 0; k <= lMax - l; k++, ci += w) {
                        double wv = dEdG[fo + radialStart[l] + k];
                        if (beta == gamma) {
                            double w2 = 2 * wv;
                            for (int m = 0; m < w; m++) {
                                a[cb + ci + m] += w2 * c[cb + ci + m];
                            }
                        } else {
                            for (int m = 0; m < w; m++) {
                                a[cb + ci + m] += wv * c[cg + ci + m];
                                a[cg + ci + m] += wv * c[cb + ci + m];
                            }
                        }
                    }
                }
            }
        }
    }
}
