package potentia.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.linsol.svd.SolvePseudoInverseSvd_DDRM;
import potentia.descriptor.Descriptor;
import potentia.neighbour.NeighbourList;
import potentia.parallel.ParallelTasks;
import potentia.potential.SpeciesIndex;
import potentia.structure.InfoValue;
import potentia.structure.Structure;

/**
 * An untrained model: K committee members of per-element swish MLPs with random weights
 * ({@link ElementNetworks#random}, each member from its own split of one seeded generator), and —
 * when structures are given — the descriptor standardisation fitted on their atoms and the
 * reference energies e0 fitted by least squares to their {@code energy} labels
 * (E_n ≈ Σ_s count_{n,s} e0_s; the minimum-norm solution when the compositions do not determine
 * every e0). Without structures: no scaling (μ = 0, σ = 1) and e0 = 0.
 *
 * @param descriptor the descriptor's spec
 * @param hidden hidden layer widths, e.g. [64, 32, 16]
 * @param beta initial swish β (1 in NeuralIL)
 * @param learnableBeta whether training may change β
 * @param committee K ≥ 1
 * @param seed of all random weights
 */
public record ModelInit(DescriptorSpec descriptor, List<Integer> hidden, double beta, boolean learnableBeta,
        int committee, long seed) {

    public ModelInit {
        hidden = List.copyOf(hidden);
        if (committee < 1) {
            throw new IllegalArgumentException("committee size must be ≥ 1, got " + committee);
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("swish β must be a positive number, got " + beta);
        }
    }

    /**
     * Builds the model.
     *
     * @param data structures for standardisation and e0 (may be empty)
     * @param threads threads for computing their descriptors
     */
    public NetworkModel build(List<Structure> data, int threads) {
        return build(descriptor.build(), data, threads);
    }

    /** {@link #build(List, int)} with a given descriptor instance matching the spec (tests use stand-ins). */
    NetworkModel build(Descriptor d, List<Structure> data, int threads) {
        MlpShape shape = new MlpShape(descriptor.featureCount(), hidden);
        SplittableRandom rng = new SplittableRandom(seed);
        List<AtomicModel> members = new ArrayList<>();
        for (int k = 0; k < committee; k++) {
            members.add(ElementNetworks.random(descriptor.species(), shape, beta, learnableBeta, rng.split()));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("initialisation", String.format(Locale.ROOT,
                "random (seed %d): weights N(0, 1/fan-in), biases 0, swish β = %s%s", seed, beta,
                learnableBeta ? " (learnable)" : " (fixed)"));
        Standardisation scaling = Standardisation.identity(descriptor.species(), descriptor.featureCount());
        double[] e0 = new double[descriptor.species().size()];
        if (!data.isEmpty()) {
            scaling = standardisation(d, data, threads);
            long atoms = data.stream().mapToLong(Structure::size).sum();
            meta.put("standardisation", "fitted on " + data.size() + " structures (" + atoms + " atoms)");
            Optional<double[]> fitted = referenceEnergies(data);
            if (fitted.isPresent()) {
                e0 = fitted.get();
                meta.put("reference_energies", "least squares on the energies of " + data.size() + " structures");
            } else {
                meta.put("reference_energies", "zero (not every structure has an energy)");
            }
        } else {
            meta.put("standardisation", "none (no structures given)");
            meta.put("reference_energies", "zero (no structures given)");
        }
        return NetworkModel.of(descriptor, d, scaling, e0, members, meta);
    }

    private Standardisation standardisation(Descriptor d, List<Structure> data, int threads) {
        SpeciesIndex index = new SpeciesIndex(descriptor.species());
        int f = d.featureCount();
        int total = data.stream().mapToInt(Structure::size).sum();
        double[] all = new double[total * f];
        int[] type = new int[total];
        int at = 0;
        for (Structure s : data) {
            int n = s.size();
            int[] t = index.types(s, "the model's descriptor");
            NeighbourList nl = NeighbourList.build(s, d.cutoff(), true, threads);
            double[] g = new double[n * f];
            int tasks = ParallelTasks.tasksFor(n, threads);
            ParallelTasks.run(tasks, k -> d.features(s, nl, ParallelTasks.chunkStart(n, tasks, k),
                    ParallelTasks.chunkStart(n, tasks, k + 1), g));
            System.arraycopy(g, 0, all, at * f, n * f);
            System.arraycopy(t, 0, type, at, n);
            at += n;
        }
        return Standardisation.fit(descriptor.species(), f, all, type);
    }

    /** Least-squares e0 from the structures' energies, or empty when one has no energy. */
    private Optional<double[]> referenceEnergies(List<Structure> data) {
        SpeciesIndex index = new SpeciesIndex(descriptor.species());
        int ns = descriptor.species().size();
        DMatrixRMaj a = new DMatrixRMaj(data.size(), ns);
        DMatrixRMaj e = new DMatrixRMaj(data.size(), 1);
        for (int n = 0; n < data.size(); n++) {
            Structure s = data.get(n);
            Optional<InfoValue> energy = s.info("energy");
            if (energy.isEmpty() || !(energy.get() instanceof InfoValue.Real || energy.get() instanceof InfoValue.Int)) {
                return Optional.empty();
            }
            e.set(n, 0, energy.get().asDouble());
            for (int t : index.types(s, "the model's descriptor")) {
                a.add(n, t, 1);
            }
        }
        SolvePseudoInverseSvd_DDRM solver = new SolvePseudoInverseSvd_DDRM(data.size(), ns);
        if (!solver.setA(a)) {
            throw new IllegalStateException("least squares for the reference energies failed");
        }
        DMatrixRMaj x = new DMatrixRMaj(ns, 1);
        solver.solve(e, x);
        return Optional.of(x.getData().clone());
    }
}
