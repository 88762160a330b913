package potentia.ehp;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import potentia.units.Units;

/**
 * The harmonic (Gaussian) density matrix of force constants Φ about centroids R₀ at temperature
 * T: ρ ∝ exp(−H_Φ/k_BT) with H_Φ = Σ p²/2m + ½ uᵀΦu, u = x − R₀ (classical Boltzmann), or the
 * quantum thermal state of H_Φ with Bose occupations. In position space both are Gaussian with
 * covariance Σ = M^{−½}·E·diag(g(λ_μ))·Eᵀ·M^{−½}, from the eigenpairs (λ_μ, e_μ) of the mass-weighted
 * D = M^{−½}ΦM^{−½} and the mode variance g of {@link ModeFunctions}.
 *
 * <p>Directions that must not fluctuate — the rigid translations of a periodic crystal, whose
 * frequencies are zero — are given as orthonormal mass-weighted vectors and excluded: D is
 * shifted far below its spectrum along them before diagonalising, and those eigenvectors
 * dropped. Φ must not couple to them (the acoustic sum rule); samples then keep the centre of
 * mass fixed.
 *
 * <p>Immutable. Sample matrices have one configuration per row: n = dimension() columns for
 * displacements (Å), modes() columns for mode coordinates.
 */
public final class GaussianState {
    private final double[] masses;
    private final double[] sqrtMass;
    private final double[] centroid;
    private final double[] phi;
    private final double temperature;
    private final ModeFunctions functions;
    private final double[][] excluded;
    private final double[] lambda;
    /** n × modes: mass-weighted eigenvectors as columns. */
    private final DMatrixRMaj vectors;
    private final double[] sigma;

    private GaussianState(double[] masses, double[] centroid, double[] phi, double temperature, boolean quantum,
            double[][] excluded) {
        int n = masses.length;
        this.masses = masses;
        this.centroid = centroid;
        this.phi = phi;
        this.temperature = temperature;
        this.functions = new ModeFunctions(temperature, quantum);
        this.excluded = excluded;
        sqrtMass = new double[n];
        for (int i = 0; i < n; i++) {
            sqrtMass[i] = Math.sqrt(masses[i]);
        }
        DMatrixRMaj d = new DMatrixRMaj(n, n);
        double norm = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double v = 0.5 * (phi[r * n + c] + phi[c * n + r]) / (sqrtMass[r] * sqrtMass[c]);
                d.unsafe_set(r, c, v);
                norm += v * v;
            }
        }
        double shift = -(2 * Math.sqrt(norm) + 1);
        for (double[] t : excluded) {
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    d.unsafe_set(r, c, d.unsafe_get(r, c) + shift * t[r] * t[c]);
                }
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(d)) {
            throw new IllegalStateException("eigen decomposition of the force constants failed");
        }
        Integer[] order = new Integer[n];
        double[] all = new double[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
            all[k] = eig.getEigenvalue(k).getReal();
        }
        Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
        int k0 = excluded.length;
        int modes = n - k0;
        lambda = new double[modes];
        vectors = new DMatrixRMaj(n, modes);
        int unstable = 0;
        double lowest = Double.POSITIVE_INFINITY;
        double scale = Math.max(Math.sqrt(norm), 1e-300);
        for (int m = 0; m < modes; m++) {
            int src = order[k0 + m];
            lambda[m] = all[src];
            DMatrixRMaj v = eig.getEigenVector(src);
            for (int r = 0; r < n; r++) {
                vectors.unsafe_set(r, m, v.get(r, 0));
            }
            if (!(lambda[m] > 1e-12 * scale)) {
                unstable++;
                lowest = Math.min(lowest, Units.thz(lambda[m]));
            }
        }
        if (unstable > 0) {
            throw new UnstableModesException(unstable, lowest);
        }
        sigma = new double[modes];
        for (int m = 0; m < modes; m++) {
            sigma[m] = Math.sqrt(functions.variance(lambda[m]));
        }
    }

    /**
     * A state.
     *
     * @param masses per coordinate, amu, length n (not modified)
     * @param centroid R₀, Å, length n (not modified)
     * @param phi force constants, n×n row-major, eV/Å² (not modified; symmetrised on use)
     * @param temperature K (&gt; 0 classical, ≥ 0 quantum)
     * @param excluded orthonormal mass-weighted directions without fluctuations, each of length n
     *     (not modified)
     * @throws UnstableModesException when a mode outside the excluded directions has λ ≤ 0
     */
    public static GaussianState of(double[] masses, double[] centroid, double[] phi, double temperature, boolean quantum,
            double[][] excluded) {
        int n = masses.length;
        if (centroid.length != n || phi.length != n * n) {
            throw new IllegalArgumentException("a state of " + n + " coordinates needs " + n + " centroids and " + n * n
                    + " force constants, got " + centroid.length + " and " + phi.length);
        }
        double[][] ex = new double[excluded.length][];
        for (int k = 0; k < ex.length; k++) {
            if (excluded[k].length != n) {
                throw new IllegalArgumentException("excluded direction " + k + " has length " + excluded[k].length);
            }
            ex[k] = excluded[k].clone();
        }
        return new GaussianState(masses.clone(), centroid.clone(), phi.clone(), temperature, quantum, ex);
    }

    /**
     * The three rigid translations of N atoms as orthonormal mass-weighted vectors:
     * t_c = (√m_i δ_αc)/√(Σm) — the directions a periodic crystal's state must exclude.
     *
     * @param masses per coordinate (3N), amu
     */
    public static double[][] translations(double[] masses) {
        int n = masses.length;
        double total = 0;
        for (int i = 0; i < n; i += 3) {
            total += masses[i];
        }
        double[][] t = new double[3][n];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i += 3) {
                t[c][i + c] = Math.sqrt(masses[i + c] / total);
            }
        }
        return t;
    }

    /** The same state with other force constants and centroids. */
    public GaussianState with(double[] newCentroid, double[] newPhi) {
        return of(masses, newCentroid, newPhi, temperature, functions.quantum(), excluded);
    }

    /** The same state at another temperature. */
    public GaussianState atTemperature(double newTemperature) {
        return of(masses, centroid, phi, newTemperature, functions.quantum(), excluded);
    }

    /** Number of coordinates n. */
    public int dimension() {
        return masses.length;
    }

    /** Number of fluctuating modes (n minus the excluded directions). */
    public int modes() {
        return lambda.length;
    }

    public double temperature() {
        return temperature;
    }

    public boolean quantum() {
        return functions.quantum();
    }

    ModeFunctions functions() {
        return functions;
    }

    /** Masses per coordinate, amu, a copy. */
    public double[] masses() {
        return masses.clone();
    }

    /** R₀, Å, a copy. */
    public double[] centroid() {
        return centroid.clone();
    }

    /** Φ, n×n row-major, eV/Å², a copy. */
    public double[] forceConstants() {
        return phi.clone();
    }

    /** The excluded directions, copies. */
    public double[][] excluded() {
        double[][] out = new double[excluded.length][];
        for (int k = 0; k < out.length; k++) {
            out[k] = excluded[k].clone();
        }
        return out;
    }

    /** Eigenvalues λ_μ of D, eV/(Å²·amu), ascending, a copy. */
    public double[] eigenvalues() {
        return lambda.clone();
    }

    /** Mode frequencies, THz, ascending. */
    public double[] frequencies() {
        double[] nu = new double[lambda.length];
        for (int m = 0; m < nu.length; m++) {
            nu[m] = Units.thz(lambda[m]);
        }
        return nu;
    }

    /** √m per coordinate (internal, not copied). */
    double[] sqrtMassArray() {
        return sqrtMass;
    }

    double[] phiArray() {
        return phi;
    }

    double[] centroidArray() {
        return centroid;
    }

    double[] lambdaArray() {
        return lambda;
    }

    double[] sigmaArray() {
        return sigma;
    }

    DMatrixRMaj vectors() {
        return vectors;
    }

    /** F_harm[Φ, T] = Σ_μ φ(λ_μ), eV. */
    public double harmonicFreeEnergy() {
        double f = 0;
        for (double l : lambda) {
            f += functions.freeEnergy(l);
        }
        return f;
    }

    /**
     * Σ_μ −λ_μ² g'(λ_μ), eV: the free-energy scale of relative changes of the modes — a relative
     * change δ of every λ_μ moves F by about δ²/4 of it (k_BT per mode classically).
     */
    public double gapScale() {
        double s = 0;
        for (double l : lambda) {
            s -= l * l * functions.varianceDerivative(l);
        }
        return s;
    }

    /** ⟨½uᵀΦu⟩ = Σ_μ ½λ_μ g(λ_μ), eV. */
    public double meanHarmonicEnergy() {
        double e = 0;
        for (double l : lambda) {
            e += 0.5 * l * functions.variance(l);
        }
        return e;
    }

    /** Σ_μ ln σ_μ: the log-normalisation of the mode coordinates' density. */
    double logNormalisation() {
        double s = 0;
        for (double v : sigma) {
            s += Math.log(v);
        }
        return s;
    }

    /**
     * Displacements u = M^{−½}·E·(σ∘ξ) for standard normal mode coordinates ξ.
     *
     * @param xi rows of modes() numbers (not modified)
     * @return rows of n displacements, Å
     */
    public DMatrixRMaj displacements(DMatrixRMaj xi) {
        int rows = xi.numRows;
        int modes = modes();
        DMatrixRMaj scaled = new DMatrixRMaj(rows, modes);
        for (int r = 0; r < rows; r++) {
            for (int m = 0; m < modes; m++) {
                scaled.unsafe_set(r, m, xi.unsafe_get(r, m) * sigma[m]);
            }
        }
        DMatrixRMaj u = new DMatrixRMaj(rows, dimension());
        CommonOps_DDRM.multTransB(scaled, vectors, u);
        int n = dimension();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < n; c++) {
                u.unsafe_set(r, c, u.unsafe_get(r, c) / sqrtMass[c]);
            }
        }
        return u;
    }

    /**
     * Whitened mode coordinates y = diag(1/σ)·Eᵀ·M^{½}·u, standard normal under this state.
     *
     * @param u rows of n displacements from this state's centroid (not modified)
     */
    public DMatrixRMaj whiten(DMatrixRMaj u) {
        int rows = u.numRows;
        int n = dimension();
        DMatrixRMaj w = new DMatrixRMaj(rows, n);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < n; c++) {
                w.unsafe_set(r, c, u.unsafe_get(r, c) * sqrtMass[c]);
            }
        }
        DMatrixRMaj y = new DMatrixRMaj(rows, modes());
        CommonOps_DDRM.mult(w, vectors, y);
        for (int r = 0; r < rows; r++) {
            for (int m = 0; m < sigma.length; m++) {
                y.unsafe_set(r, m, y.unsafe_get(r, m) / sigma[m]);
            }
        }
        return y;
    }

    /**
     * Σ⁺·u = M^{½}·E·diag(1/σ)·y for whitened coordinates y of u (the precision applied to u).
     *
     * @param y rows of modes() whitened coordinates (not modified)
     */
    public DMatrixRMaj precisionTimes(DMatrixRMaj y) {
        int rows = y.numRows;
        DMatrixRMaj s = new DMatrixRMaj(rows, modes());
        for (int r = 0; r < rows; r++) {
            for (int m = 0; m < sigma.length; m++) {
                s.unsafe_set(r, m, y.unsafe_get(r, m) / sigma[m]);
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(rows, dimension());
        CommonOps_DDRM.multTransB(s, vectors, out);
        int n = dimension();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < n; c++) {
                out.unsafe_set(r, c, out.unsafe_get(r, c) * sqrtMass[c]);
            }
        }
        return out;
    }

    /**
     * Log density of configurations relative to this state, up to a constant shared by all states
     * with the same masses: −½|y|² − Σ ln σ_μ.
     *
     * @param y whitened coordinates (rows) from {@link #whiten}
     */
    double[] logDensity(DMatrixRMaj y) {
        double norm = logNormalisation();
        double[] out = new double[y.numRows];
        for (int r = 0; r < y.numRows; r++) {
            double s = 0;
            for (int m = 0; m < y.numCols; m++) {
                double v = y.unsafe_get(r, m);
                s += v * v;
            }
            out[r] = -0.5 * s - norm;
        }
        return out;
    }

    /**
     * Σ_i Σ_μ g_μλ_μ e_μ(iα)e_μ(iβ): the diagonal 3×3 blocks of Σ·Φ summed over atoms, eV — the
     * kinetic-entropic part of the free energy's strain derivative (classically (N − 1)k_BT·1).
     * Needs n = 3N.
     */
    public double[] fluctuationTensor() {
        int n = dimension();
        if (n % 3 != 0) {
            throw new IllegalStateException("the fluctuation tensor needs 3 coordinates per atom");
        }
        double[] k = new double[9];
        for (int m = 0; m < lambda.length; m++) {
            double w = functions.variance(lambda[m]) * lambda[m];
            for (int i = 0; i < n; i += 3) {
                for (int a = 0; a < 3; a++) {
                    double ea = vectors.unsafe_get(i + a, m);
                    for (int b = 0; b < 3; b++) {
                        k[3 * a + b] += w * ea * vectors.unsafe_get(i + b, m);
                    }
                }
            }
        }
        return k;
    }

    /**
     * X = Eᵀ·M^{−½}·Δ·M^{−½}·E: a symmetric change of the force constants in the mode basis.
     *
     * @param delta n×n row-major (not modified)
     */
    DMatrixRMaj inModes(double[] delta) {
        int n = dimension();
        DMatrixRMaj d = new DMatrixRMaj(n, n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                d.unsafe_set(r, c, 0.5 * (delta[r * n + c] + delta[c * n + r]) / (sqrtMass[r] * sqrtMass[c]));
            }
        }
        DMatrixRMaj tmp = new DMatrixRMaj(n, modes());
        CommonOps_DDRM.mult(d, vectors, tmp);
        DMatrixRMaj x = new DMatrixRMaj(modes(), modes());
        CommonOps_DDRM.multTransA(vectors, tmp, x);
        return x;
    }

    /**
     * M^{−½}·E·X·Eᵀ·M^{−½}: a matrix in the mode basis taken back to Cartesian coordinates, n×n
     * row-major (the inverse transform of {@link #inModes} for the covariance's shape).
     */
    double[] fromModesCovariant(DMatrixRMaj x) {
        int n = dimension();
        DMatrixRMaj tmp = new DMatrixRMaj(n, modes());
        CommonOps_DDRM.mult(vectors, x, tmp);
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(tmp, vectors, out);
        double[] o = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                o[r * n + c] = out.unsafe_get(r, c) / (sqrtMass[r] * sqrtMass[c]);
            }
        }
        return o;
    }

    /**
     * The first-order change of the covariance for a change Δ of the force constants,
     * dΣ = M^{−½}·E·(G∘X)·Eᵀ·M^{−½}, G_μν the divided differences of g (Daleckii–Krein).
     *
     * @param delta n×n row-major (not modified; its symmetric part is used)
     */
    public double[] covarianceDerivative(double[] delta) {
        DMatrixRMaj x = inModes(delta);
        int m = modes();
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                x.unsafe_set(a, b, x.unsafe_get(a, b) * functions.varianceDifference(lambda[a], lambda[b]));
            }
        }
        return fromModesCovariant(x);
    }

    /** The diagonal of the covariance, ⟨u_i²⟩, Å², length n. */
    public double[] variances() {
        int n = dimension();
        double[] v = new double[n];
        for (int r = 0; r < n; r++) {
            double s = 0;
            for (int m = 0; m < sigma.length; m++) {
                double e = vectors.unsafe_get(r, m) * sigma[m];
                s += e * e;
            }
            v[r] = s / masses[r];
        }
        return v;
    }

    /** The covariance Σ, n×n row-major, Å². */
    public double[] covariance() {
        DMatrixRMaj x = new DMatrixRMaj(modes(), modes());
        for (int a = 0; a < modes(); a++) {
            x.unsafe_set(a, a, sigma[a] * sigma[a]);
        }
        return fromModesCovariant(x);
    }

    /**
     * Φ⁺·v: the pseudo-inverse of the force constants (on the fluctuating modes) applied to v —
     * the Newton step for the centroids from a mean force v.
     *
     * @param v length n (not modified)
     */
    public double[] solve(double[] v) {
        int n = dimension();
        double[] w = new double[n];
        for (int r = 0; r < n; r++) {
            w[r] = v[r] / sqrtMass[r];
        }
        double[] out = new double[n];
        for (int m = 0; m < lambda.length; m++) {
            double p = 0;
            for (int r = 0; r < n; r++) {
                p += vectors.unsafe_get(r, m) * w[r];
            }
            p /= lambda[m];
            for (int r = 0; r < n; r++) {
                out[r] += vectors.unsafe_get(r, m) * p;
            }
        }
        for (int r = 0; r < n; r++) {
            out[r] /= sqrtMass[r];
        }
        return out;
    }
}
