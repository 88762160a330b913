package potentia.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.linsol.svd.SolvePseudoInverseSvd_DDRM;
import potentia.descriptor.BesselDescriptor;
import potentia.descriptor.CentreJacobian;
import potentia.neighbour.NeighbourList;
import potentia.nn.AtomicModel;
import potentia.nn.DescriptorSpec;
import potentia.nn.ElementNetworks;
import potentia.nn.MlpShape;
import potentia.nn.NetworkModel;
import potentia.nn.Standardisation;
import potentia.structure.Structure;

/**
 * The linear baseline: per-element linear atomic energies on the same standardised descriptors,
 * ε_i = w_{s(i)}·z_i + b_{s(i)}, fitted by ridge regression to energies and forces (and stress
 * when its weight is positive) at once — forces are linear in w too, F_a = −Σ_i w_{s(i)}·∂z_i/∂R_a,
 * through the descriptor's Jacobian. Rows are weighted as the MSE loss of {@link LossSettings}
 * weights them over the whole training set, and the ridge penalty λ‖w‖² spares the biases:
 * <pre>
 * min_w  w_E/B Σ_n (ΔE_n/(N_n s_E))² + w_F/C_F Σ (ΔF/s_F)² + w_S/C_S Σ (Δσ/s_S)² + λ Σ_s ‖w_s‖².
 * </pre>
 * The normal equations are accumulated frame by frame (one frame's Jacobian at a time), so memory
 * is P² for P = S(F+1) parameters, not the data set. With λ chosen automatically, the candidates
 * 10⁻¹⁰ … 10¹ are tried and the one with the smallest validation loss (same weighting, evaluated
 * from the validation frames' normal equations) wins.
 *
 * <p>The result is an ordinary model file: per-element networks with no hidden layer
 * ({@link MlpShape} with an empty hidden list), which every command that takes {@code --model}
 * evaluates.
 */
public final class LinearBaseline {
    /** λ candidates for the automatic choice. */
    static final double[] CANDIDATES = {1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1};

    /** The fitted model, the λ used, and the validation loss of each λ tried (empty when λ was given). */
    public record Fit(NetworkModel model, double lambda, Map<Double, Double> validationLoss) {
    }

    private LinearBaseline() {
    }

    /**
     * Fits the baseline.
     *
     * @param lambda ridge λ ≥ 0, or NaN to choose it on the validation frames (which must exist)
     */
    public static Fit fit(DescriptorSpec.Bessel spec, DataSplit data, LossSettings loss, double lambda, int threads) {
        BesselDescriptor d = (BesselDescriptor) spec.build();
        List<Structure> structures = data.train().stream().map(Sample::structure).toList();
        Standardisation st = FeatureStatistics.standardisation(d, structures, threads);
        double[] e0 = ReferenceEnergies.fit(data.train(), spec.species());
        Normal train = Normal.of(d, st, e0, data.train(), loss, threads);
        int p = train.size;
        boolean[] penalised = new boolean[p];
        int f = d.featureCount();
        for (int k = 0; k < p; k++) {
            penalised[k] = k % (f + 1) != f;
        }
        Map<Double, Double> tried = new LinkedHashMap<>();
        double chosen = lambda;
        double[] w;
        if (Double.isNaN(lambda)) {
            if (data.validation().isEmpty()) {
                throw new IllegalArgumentException("choosing the ridge λ automatically needs validation frames; give a "
                        + "value instead");
            }
            Normal validation = Normal.of(d, st, e0, data.validation(), loss, threads);
            double best = Double.POSITIVE_INFINITY;
            w = null;
            for (double c : CANDIDATES) {
                double[] wc = train.solve(c, penalised);
                double v = validation.loss(wc);
                tried.put(c, v);
                if (v < best) {
                    best = v;
                    chosen = c;
                    w = wc;
                }
            }
        } else {
            if (!(lambda >= 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("ridge λ must be ≥ 0, got " + lambda);
            }
            w = train.solve(lambda, penalised);
        }
        AtomicModel linear = new ElementNetworks(spec.species(), new MlpShape(f, List.of()), false, w);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("name", "linear baseline " + spec.species());
        meta.put("training", String.format(Locale.ROOT,
                "linear baseline: ridge regression (λ = %s%s) on energies%s%s of %d training frames", chosen,
                Double.isNaN(lambda) ? ", chosen on " + data.validation().size() + " validation frames" : "",
                loss.fitsForces() ? ", forces" : "", loss.fitsStress() ? ", stress" : "", data.train().size()));
        meta.put("standardisation", "fitted on the " + data.train().size() + " training frames");
        meta.put("reference_energies", "least squares on the energies of the " + data.train().size()
                + " training frames");
        return new Fit(NetworkModel.of(spec, st, e0, List.of(linear), meta), chosen, tried);
    }

    /** Normal equations AᵀA w = Aᵀy of weighted rows, and yᵀy. */
    private static final class Normal {
        final int size;
        final DMatrixRMaj ata;
        final DMatrixRMaj aty;
        double yty;

        Normal(int size) {
            this.size = size;
            ata = new DMatrixRMaj(size, size);
            aty = new DMatrixRMaj(size, 1);
        }

        static Normal of(BesselDescriptor d, Standardisation st, double[] e0, List<Sample> samples, LossSettings loss,
                int threads) {
            int f = d.featureCount();
            int p = d.species().size() * (f + 1);
            Normal out = new Normal(p);
            BatchNorms norms = BatchNorms.of(samples, loss);
            int chunk = Math.max(1, threads);
            // build rows of `chunk` frames in parallel, add them in frame order
            for (int from = 0; from < samples.size(); from += chunk) {
                int to = Math.min(samples.size(), from + chunk);
                Rows[] rows = new Rows[to - from];
                int base = from;
                Work.forEach(rows.length, threads, k -> rows[k] = Rows.of(d, st, e0, samples.get(base + k), loss, norms));
                for (Rows r : rows) {
                    CommonOps_DDRM.multAddTransA(r.a, r.a, out.ata);
                    CommonOps_DDRM.multAddTransA(r.a, r.y, out.aty);
                    for (double y : r.y.data) {
                        out.yty += y * y;
                    }
                }
            }
            return out;
        }

        double[] solve(double lambda, boolean[] penalised) {
            DMatrixRMaj m = ata.copy();
            for (int k = 0; k < size; k++) {
                if (penalised[k]) {
                    m.add(k, k, lambda);
                }
            }
            SolvePseudoInverseSvd_DDRM solver = new SolvePseudoInverseSvd_DDRM(size, size);
            if (!solver.setA(m)) {
                throw new IllegalStateException("the linear baseline's normal equations could not be solved");
            }
            DMatrixRMaj w = new DMatrixRMaj(size, 1);
            solver.solve(aty, w);
            return w.data.clone();
        }

        /** ‖Aw − y‖² = wᵀAᵀAw − 2wᵀAᵀy + yᵀy. */
        double loss(double[] w) {
            double quad = 0;
            double lin = 0;
            for (int i = 0; i < size; i++) {
                double row = 0;
                for (int j = 0; j < size; j++) {
                    row += ata.get(i, j) * w[j];
                }
                quad += w[i] * row;
                lin += w[i] * aty.get(i, 0);
            }
            return quad - 2 * lin + yty;
        }
    }

    /** One frame's weighted rows: its energy, its 3N force components and (optionally) its 9 stress components. */
    private record Rows(DMatrixRMaj a, DMatrixRMaj y) {

        static Rows of(BesselDescriptor d, Standardisation st, double[] e0, Sample sample, LossSettings loss,
                BatchNorms norms) {
            Structure s = sample.structure();
            int n = s.size();
            int f = d.featureCount();
            int block = f + 1;
            int p = d.species().size() * block;
            int[] type = new potentia.potential.SpeciesIndex(d.species()).types(s, "the linear baseline");
            boolean forces = norms.forces() > 0 && sample.hasForces();
            boolean stress = norms.stress() > 0 && sample.hasStress();
            int rows = 1 + (forces ? 3 * n : 0) + (stress ? 9 : 0);
            DMatrixRMaj a = new DMatrixRMaj(rows, p);
            DMatrixRMaj y = new DMatrixRMaj(rows, 1);
            NeighbourList list = NeighbourList.build(s, d.cutoff(), true, 1);
            double[] z = new double[n * f];
            d.features(s, list, 0, n, z);
            st.apply(z, type, 0, n);
            double[] inverseStd = st.std();
            for (int k = 0; k < inverseStd.length; k++) {
                inverseStd[k] = 1 / inverseStd[k];
            }
            // energy: Σ_{i∈s} z_i and N_s against E − Σ e0
            double ce = Math.sqrt(norms.energy()) / (n * loss.energyScale());
            double reference = sample.energy();
            for (int i = 0; i < n; i++) {
                int col = type[i] * block;
                for (int q = 0; q < f; q++) {
                    a.data[col + q] += ce * z[i * f + q];
                }
                a.data[col + f] += ce;
                reference -= e0[type[i]];
            }
            y.data[0] = ce * reference;
            if (forces || stress) {
                double cf = Math.sqrt(norms.forces()) / loss.forceScale();
                double volume = s.cell().volume();
                double cs = stress ? Math.sqrt(norms.stress()) / (loss.stressScale() * volume) : 0;
                int stressRow = 1 + (forces ? 3 * n : 0);
                for (int i = 0; i < n; i++) {
                    CentreJacobian jac = d.jacobian(s, list, i);
                    int col = type[i] * block;
                    int scale = type[i] * f;
                    if (forces) {
                        for (int atom : jac.atoms()) {
                            double[] der = jac.atomDerivatives(atom); // [q·3 + k] = ∂G_iq/∂R_ak
                            for (int k = 0; k < 3; k++) {
                                int row = (1 + 3 * atom + k) * p + col;
                                for (int q = 0; q < f; q++) {
                                    a.data[row + q] -= cf * der[q * 3 + k] * inverseStd[scale + q];
                                }
                            }
                        }
                    }
                    if (stress) { // ∂G_i/∂ε_kl = Σ_pairs d_k ∂G_i/∂d_l
                        for (int pair = 0; pair < jac.pairCount(); pair++) {
                            for (int k = 0; k < 3; k++) {
                                double dk = jac.separation(pair, k);
                                for (int l = 0; l < 3; l++) {
                                    int row = (stressRow + 3 * k + l) * p + col;
                                    for (int q = 0; q < f; q++) {
                                        a.data[row + q] += cs * dk * jac.pairDerivative(pair, q, l)
                                                * inverseStd[scale + q];
                                    }
                                }
                            }
                        }
                    }
                }
                if (forces) {
                    for (int c = 0; c < 3 * n; c++) {
                        y.data[1 + c] = cf * sample.force(c);
                    }
                }
                if (stress) {
                    for (int c = 0; c < 9; c++) {
                        y.data[stressRow + c] = cs * volume * sample.stressComponent(c);
                    }
                }
            }
            return new Rows(a, y);
        }
    }
}
