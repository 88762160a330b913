package potentia.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import potentia.phonon.HarmonicPhonons;
import potentia.phonon.Supercell;
import potentia.potential.Potential;
import potentia.structure.Structure;

/** Checks and small files shared by {@code potentia phonons} and {@code potentia ehp}. */
final class PhononSetup {
    private PhononSetup() {
    }

    /**
     * The supercell of {@code unit}, refused when it is narrower than twice the potential's cutoff:
     * a displaced atom would then feel its own periodic images and the force constants would mix
     * neighbours that the dynamical matrix must keep apart.
     */
    static Supercell supercell(Structure unit, int[] repeats, Potential potential, Path file) {
        if (!unit.cell().fullyPeriodic()) {
            throw new IllegalArgumentException(file + ": phonons need a cell periodic along a, b and c");
        }
        for (int r : repeats) {
            if (r < 1) {
                throw new IllegalArgumentException("--supercell repeats must be ≥ 1, got " + r);
            }
        }
        Supercell sc = Supercell.of(unit, repeats[0], repeats[1], repeats[2]);
        double[] w = sc.structure().cell().perpendicularWidths();
        double min = Math.min(w[0], Math.min(w[1], w[2]));
        if (min < 2 * potential.cutoff()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--supercell %d %d %d is %s Å wide, less "
                    + "than twice the cutoff of %s (%s Å): atoms would interact with their own images; use a larger "
                    + "supercell", repeats[0], repeats[1], repeats[2], NumberText.of(min), potential.name(),
                    NumberText.of(potential.cutoff())));
        }
        return sc;
    }

    /** Refuses a structure that is not at a minimum of the potential, and says how to get one. */
    static void checkMinimum(Potential potential, Structure s, double fmax, Path file) {
        double f = HarmonicPhonons.maxForce(potential, s);
        if (!(f <= fmax)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s is not at a minimum of %s: the largest "
                    + "force is %s eV/Å (> --fmax %s); relax it first, e.g. potentia relax -p ... --structure %s --cell "
                    + "-o relaxed.extxyz", file, potential.name(), NumberText.of(f), NumberText.of(fmax), file));
        }
    }

    /** label,distance per line. */
    static void writeLabels(Path file, List<String> labels, double[] distances) {
        StringBuilder sb = new StringBuilder("label,distance_inv_A\n");
        for (int k = 0; k < labels.size(); k++) {
            sb.append(labels.get(k)).append(',').append(String.format(Locale.ROOT, "%.10g", distances[k])).append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, sb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
