package potentia.phonon;

/**
 * Harmonic thermodynamic functions per atom at a list of temperatures, quantum and classical
 * (see {@link HarmonicThermo}). Vibrational parts only: add the static lattice energy for a
 * total free energy.
 *
 * @param temperature K
 * @param freeEnergy quantum F, eV/atom (at T = 0 the zero-point energy)
 * @param entropy quantum S, eV/(K·atom)
 * @param heatCapacity quantum C_V, eV/(K·atom)
 * @param energy quantum E, eV/atom
 * @param classicalFreeEnergy classical F, eV/atom
 * @param classicalEntropy classical S, eV/(K·atom)
 * @param classicalHeatCapacity classical C_V, eV/(K·atom)
 * @param classicalEnergy classical E, eV/atom
 * @param modesLeftOut modes at or below the cutoff frequency (translations, imaginary modes)
 */
public record ThermalProperties(double[] temperature, double[] freeEnergy, double[] entropy, double[] heatCapacity,
        double[] energy, double[] classicalFreeEnergy, double[] classicalEntropy, double[] classicalHeatCapacity,
        double[] classicalEnergy, int modesLeftOut) {
}
