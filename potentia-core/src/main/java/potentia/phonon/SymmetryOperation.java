package potentia.phonon;

/**
 * One space-group operation of a primitive crystal: x → Q·x + τ (column vectors, Cartesian), which
 * maps the crystal onto itself.
 *
 * @param rotation R in the primitive lattice basis, integer, row-major 3×3: fractional column
 *     coordinates s → R·s + t (not modified by users: treat as read-only)
 * @param translation t, fractional, length 3
 * @param cartesianRotation Q = hᵀ·R·h⁻ᵀ (h: primitive lattice vectors as rows), the orthogonal
 *     matrix acting on Cartesian column vectors, row-major 3×3
 * @param cartesianTranslation τ, Å, length 3
 * @param atomImage for each primitive atom p, the atom p' it is mapped onto
 * @param latticeOffset for each primitive atom p, the integer row vector l (3 per atom) with
 *     Q·x_p + τ = x_p' + l·h_p
 */
public record SymmetryOperation(int[] rotation, double[] translation, double[] cartesianRotation,
        double[] cartesianTranslation, int[] atomImage, int[] latticeOffset) {

    /** Whether this is the identity (R = 1, t = 0). */
    public boolean isIdentity() {
        for (int k = 0; k < 9; k++) {
            if (rotation[k] != (k % 4 == 0 ? 1 : 0)) {
                return false;
            }
        }
        for (double t : translation) {
            if (Math.abs(t - Math.rint(t)) > 1e-9) {
                return false;
            }
        }
        return true;
    }
}
