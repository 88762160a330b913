package potentia.phonon;

/**
 * The normal modes at one wave vector.
 *
 * @param k Cartesian wave vector, Å⁻¹ (with the 2π)
 * @param frequencies ν, THz, ascending; negative for an unstable (imaginary) mode
 * @param eigenvectorsRe real parts of the mass-weighted eigenvectors: {@code [mode][3p + α]}
 * @param eigenvectorsIm imaginary parts, same layout
 */
public record PhononModes(double[] k, double[] frequencies, double[][] eigenvectorsRe, double[][] eigenvectorsIm) {
}
