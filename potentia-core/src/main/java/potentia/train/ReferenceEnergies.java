package potentia.train;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.linsol.svd.SolvePseudoInverseSvd_DDRM;
import potentia.potential.SpeciesIndex;
import potentia.structure.Element;

/**
 * Per-element reference energies e0 by least squares on training energies: E_n ≈ Σ_s c_{n,s} e0_s
 * with c_{n,s} the number of atoms of element s in frame n. When the compositions do not
 * determine every e0 (e.g. every frame is SrTiO₃), the minimum-norm solution is taken: the
 * networks learn the rest.
 */
public final class ReferenceEnergies {
    private ReferenceEnergies() {
    }

    /**
     * @return e0 per species (in {@code species} order), eV
     * @throws IllegalArgumentException when a sample has no energy or an element outside {@code species}
     */
    public static double[] fit(List<Sample> samples, List<Element> species) {
        SpeciesIndex index = new SpeciesIndex(species);
        int ns = species.size();
        DMatrixRMaj a = new DMatrixRMaj(samples.size(), ns);
        DMatrixRMaj e = new DMatrixRMaj(samples.size(), 1);
        for (int n = 0; n < samples.size(); n++) {
            Sample s = samples.get(n);
            if (!s.hasEnergy()) {
                throw new IllegalArgumentException(s.where() + ": no energy to fit reference energies on");
            }
            e.set(n, 0, s.energy());
            for (int t : index.types(s.structure(), "the reference energies")) {
                a.add(n, t, 1);
            }
        }
        SolvePseudoInverseSvd_DDRM solver = new SolvePseudoInverseSvd_DDRM(samples.size(), ns);
        if (!solver.setA(a)) {
            throw new IllegalStateException("least squares for the reference energies failed");
        }
        DMatrixRMaj x = new DMatrixRMaj(ns, 1);
        solver.solve(e, x);
        return x.getData().clone();
    }
}
