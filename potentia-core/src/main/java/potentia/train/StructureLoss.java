package potentia.train;

import java.util.Arrays;
import potentia.descriptor.Descriptor;
import potentia.neighbour.NeighbourList;
import potentia.nn.AtomicModel;
import potentia.nn.Standardisation;
import potentia.potential.Tally;
import potentia.structure.Structure;

/**
 * One structure's share of a batch loss, and of its exact gradient with respect to θ
 * ({@link TrainableModel}), by the forward-tangent-then-reverse method (SCIENCE.md §1).
 *
 * <p>With ε_i the atomic energies on standardised features z_i = (G_i − μ)/σ, the prediction is
 * E = Σ_i ε_i + Σ_i e0_{s(i)}, F_a = −Σ_i ∇_z ε_i · (∂G_i/∂R_a)/σ (the descriptor's vector–Jacobian
 * product) and σ = −W/V from the same pass's virial. For the loss of {@link LossSettings},
 * with c_E = ∂L/∂E, r_a = ∂L/∂F_a and s = ∂L/∂σ:
 * <pre>
 * ∂L/∂θ = c_E Σ_i ∂ε_i/∂θ + Σ_i ∂/∂θ [∇_z ε_i · u_i],   u_i = J_i(−r, s/V) / σ,
 * ∂L/∂e0_s = c_E · N_s,
 * </pre>
 * where J_i(v, ε) is the descriptor's Jacobian–vector product (its {@code tangent}: the change of
 * G_i when atoms move along v and the cell strains along ε), because Σ_a r_a·∂F_a/∂θ is the change
 * of ∂E/∂θ along the displacement −r, and Σ s_kl ∂σ_kl/∂θ its change along the strain s/V
 * (σ = (1/V) ∂E/∂ε). The atomic model supplies Σ_i w_i ∂ε_i/∂θ
 * ({@link AtomicModel#parameterGradient}) and Σ_i ∂(∇_z ε_i · u_i)/∂θ
 * ({@link AtomicModel#forceParameterGradient}). No Jacobian is stored: each call recomputes the
 * neighbour list, features, the backward pass and one tangent, and drops them.
 *
 * <p>Everything runs on the calling thread, in a fixed order, on scalar code paths whose results do
 * not depend on whether the JIT has compiled them: the same inputs give the same bits.
 */
final class StructureLoss {
    private StructureLoss() {
    }

    /** The model's energy (eV), forces (eV/Å, 3N; null if not asked for) and stress (eV/Å³, 9; null without). */
    record Prediction(double energy, double[] forces, double[] stress) {
    }

    /** The model's prediction for a structure. */
    static Prediction predict(TrainableModel tm, Structure s, boolean withForces) {
        Pass pass = new Pass(tm, s, withForces);
        return new Prediction(pass.energy, pass.forces, pass.stress);
    }

    /**
     * The structure's loss terms and, when {@code gradient} is not null, adds ∂L/∂θ to it.
     *
     * @param norms the batch's prefactors
     * @param gradient θ-shaped accumulator (modified), or null
     */
    static LossTerms evaluate(TrainableModel tm, Sample sample, LossSettings loss, BatchNorms norms,
            double[] gradient) {
        boolean forceTerm = norms.forces() > 0 && sample.hasForces();
        boolean stressTerm = norms.stress() > 0 && sample.hasStress();
        Structure s = sample.structure();
        int n = s.size();
        Pass pass = new Pass(tm, s, forceTerm || stressTerm);
        LossFunction phi = loss.function();

        double yE = (pass.energy - sample.energy()) / (n * loss.energyScale());
        double lossE = norms.energy() * phi.value(yE);
        double dLdE = norms.energy() * phi.derivative(yE) / (n * loss.energyScale());

        double lossF = 0;
        double[] displacement = null;
        if (forceTerm) {
            displacement = new double[3 * n];
            for (int k = 0; k < 3 * n; k++) {
                double y = (pass.forces[k] - sample.force(k)) / loss.forceScale();
                lossF += phi.value(y);
                displacement[k] = -norms.forces() * phi.derivative(y) / loss.forceScale(); // −∂L/∂F
            }
            lossF *= norms.forces();
        }
        double lossS = 0;
        double[] strain = null;
        if (stressTerm) {
            strain = new double[9];
            double volume = s.cell().volume();
            for (int k = 0; k < 9; k++) {
                double y = (pass.stress[k] - sample.stressComponent(k)) / loss.stressScale();
                lossS += phi.value(y);
                strain[k] = norms.stress() * phi.derivative(y) / (loss.stressScale() * volume); // ∂L/∂σ / V
            }
            lossS *= norms.stress();
        }
        if (gradient != null) {
            AtomicModel m = tm.model();
            if (gradient.length != tm.parameterCount()) {
                throw new IllegalArgumentException("gradient accumulator has " + gradient.length + " numbers, θ has "
                        + tm.parameterCount());
            }
            double[] out = tm.trainReferenceEnergies() ? new double[m.parameterCount()] : gradient;
            double[] weights = new double[n];
            Arrays.fill(weights, dLdE);
            m.parameterGradient(pass.z, pass.type, 0, n, weights, out);
            if (forceTerm || stressTerm) {
                double[] u = new double[n * pass.f];
                tm.descriptor().tangent(s, pass.list, displacement, strain, 0, n, u);
                tm.standardisation().scale(u, pass.type, 0, n); // dz = dG / σ
                m.forceParameterGradient(pass.z, pass.type, 0, n, u, out);
            }
            if (tm.trainReferenceEnergies()) {
                for (int k = 0; k < out.length; k++) {
                    gradient[k] += out[k];
                }
                int base = m.parameterCount();
                for (int i = 0; i < n; i++) {
                    gradient[base + pass.type[i]] += dLdE;
                }
            }
        }
        return new LossTerms(lossE, lossF, lossS);
    }

    /** One forward pass (and backward pass for forces and stress) over a whole structure. */
    private static final class Pass {
        final int f;
        final int[] type;
        final NeighbourList list;
        final double[] z;
        final double energy;
        final double[] forces;
        final double[] stress;

        Pass(TrainableModel tm, Structure s, boolean withForces) {
            Descriptor d = tm.descriptor();
            Standardisation st = tm.standardisation();
            int n = s.size();
            f = d.featureCount();
            type = tm.types(s);
            list = NeighbourList.build(s, d.cutoff(), true, 1);
            z = new double[n * f];
            d.features(s, list, 0, n, z);
            st.apply(z, type, 0, n);
            double[] eps = new double[n];
            double[] dEdz = withForces ? new double[n * f] : null;
            // the per-atom reference path, not the batched kernel: the kernel's vector exp gives other
            // last bits before and after the JIT compiles it, which would make a run's result depend on
            // timing (and a resumed run differ from an uninterrupted one); the gradient passes are
            // scalar anyway, so this costs little
            tm.model().evaluateReference(z, type, 0, n, eps, dEdz);
            double e = 0;
            for (int i = 0; i < n; i++) {
                e += eps[i] + tm.referenceEnergy(type[i]);
            }
            energy = e;
            if (withForces) {
                st.scale(dEdz, type, 0, n); // ∂ε/∂G = ∂ε/∂z / σ
                Tally t = new Tally(n, false);
                d.backward(s, list, dEdz, 0, n, t);
                forces = t.forces;
                double volume = s.cell().volume();
                if (volume > 0) {
                    stress = new double[9];
                    for (int k = 0; k < 9; k++) {
                        stress[k] = -t.virial[k] / volume;
                    }
                } else {
                    stress = null;
                }
            } else {
                forces = null;
                stress = null;
            }
        }
    }
}
