package potentia.phonon;

import potentia.structure.Structure;

/**
 * A Monkhorst–Pack mesh of wave vectors in the primitive cell's Brillouin zone (Phys. Rev. B 13
 * (1976) 5188): k = Σ_i (2r_i − n_i − 1)/(2n_i) b_i, r_i = 1 … n_i, every point weight 1. An even
 * n_i misses Γ (phonopy's default mesh too), which keeps the three zero-frequency acoustic modes
 * out of thermodynamic sums.
 *
 * @param divisions n_1, n_2, n_3
 * @param k the wave vectors, Cartesian Å⁻¹, {@code [point][3]}
 */
public record QMesh(int[] divisions, double[][] k) {

    /** The mesh n_1 × n_2 × n_3 for {@code primitive}'s reciprocal lattice. */
    public static QMesh monkhorstPack(Structure primitive, int n1, int n2, int n3) {
        if (n1 < 1 || n2 < 1 || n3 < 1) {
            throw new IllegalArgumentException("mesh divisions must be ≥ 1, got " + n1 + "×" + n2 + "×" + n3);
        }
        double[] b = Lattice3.reciprocal(primitive.cell().matrix());
        double[][] k = new double[n1 * n2 * n3][];
        int i = 0;
        for (int a = 1; a <= n1; a++) {
            for (int c = 1; c <= n2; c++) {
                for (int d = 1; d <= n3; d++) {
                    double[] f = {(2.0 * a - n1 - 1) / (2.0 * n1), (2.0 * c - n2 - 1) / (2.0 * n2),
                        (2.0 * d - n3 - 1) / (2.0 * n3)};
                    k[i++] = Lattice3.rowTimes(f, b);
                }
            }
        }
        return new QMesh(new int[] {n1, n2, n3}, k);
    }

    /** Number of wave vectors. */
    public int size() {
        return k.length;
    }

    /** Frequencies at every point of the mesh, {@code [point][band]}, THz. */
    public double[][] frequencies(DynamicalMatrix d) {
        double[][] nu = new double[k.length][];
        for (int i = 0; i < k.length; i++) {
            nu[i] = d.frequencies(k[i]);
        }
        return nu;
    }
}
