package potentia.ns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What nested sampling recorded, for the analysis: the removed walkers' enthalpies (eV),
 * energies (eV) and volumes (Å³) in removal order, and the live walkers at the end; with
 * Hamiltonian moves the enthalpies include the kinetic energy and the momenta's prior is named.
 *
 * @param walkers K
 * @param cull walkers removed per iteration
 * @param atoms N
 * @param pressure P, eV/Å³ (0 at fixed volume)
 * @param constantPressure whether the cell was variable (C_p), else fixed (C_V)
 * @param enthalpy removed walkers' H, in removal order (highest first within an iteration)
 * @param energy their E
 * @param volume their V
 * @param liveEnthalpy the live walkers' H at the end (may be empty)
 * @param liveEnergy their E
 * @param liveVolume their V
 * @param kineticShape a = (3N − 3)/2 when the walkers carried momenta (their H then includes the
 *     kinetic energy K, see {@link KineticPrior}), else 0
 * @param kineticCap the momenta's prior cap K_max, eV (0 without momenta)
 */
public record NsSamples(int walkers, int cull, int atoms, double pressure, boolean constantPressure,
        double[] enthalpy, double[] energy, double[] volume,
        double[] liveEnthalpy, double[] liveEnergy, double[] liveVolume, double kineticShape, double kineticCap) {

    public NsSamples {
        if (walkers < 2 || cull < 1 || cull >= walkers || atoms < 1) {
            throw new IllegalArgumentException("bad nested-sampling run description: " + walkers + " walkers, "
                    + cull + " removed per iteration, " + atoms + " atoms");
        }
        if (energy.length != enthalpy.length || volume.length != enthalpy.length) {
            throw new IllegalArgumentException("enthalpies, energies and volumes differ in number");
        }
        if (liveEnergy.length != liveEnthalpy.length || liveVolume.length != liveEnthalpy.length) {
            throw new IllegalArgumentException("live enthalpies, energies and volumes differ in number");
        }
        if ((kineticCap > 0) != (kineticShape > 0) || kineticCap < 0 || !Double.isFinite(kineticCap)) {
            throw new IllegalArgumentException("bad kinetic prior: shape " + kineticShape + ", cap " + kineticCap);
        }
    }

    /** Samples of a run without momenta. */
    public NsSamples(int walkers, int cull, int atoms, double pressure, boolean constantPressure,
            double[] enthalpy, double[] energy, double[] volume,
            double[] liveEnthalpy, double[] liveEnergy, double[] liveVolume) {
        this(walkers, cull, atoms, pressure, constantPressure, enthalpy, energy, volume, liveEnthalpy, liveEnergy,
                liveVolume, 0, 0);
    }

    /** Whether the enthalpies include the momenta's kinetic energy. */
    public boolean kinetic() {
        return kineticCap > 0;
    }

    /** Number of removed walkers. */
    public int removed() {
        return enthalpy.length;
    }

    /**
     * Reads a run directory written by {@link NsRun}: the description, the removed walkers (a
     * last line cut short by an interrupted run is ignored) and the live walkers, when they
     * belong to the last iteration recorded (else none: an unfinished run).
     *
     * @throws IllegalArgumentException naming the file and line of anything malformed
     */
    public static NsSamples read(Path dir) {
        NsRunInfo info = NsRunInfo.read(dir.resolve(NsRun.INFO));
        int walkers = info.integer("walkers");
        int cull = info.integer("cull");
        int atoms = info.integer("atoms");
        double pressure = info.real("pressure_eV_per_A3");
        boolean constantPressure = Boolean.parseBoolean(info.get("constant_pressure"));
        double cap = info.values().containsKey("kinetic_cap_eV") ? info.real("kinetic_cap_eV") : 0;
        double[][] removed = table(dir.resolve(NsRun.SAMPLES), false);
        int complete = removed[0].length / cull * cull;
        double[][] live = {new double[0], new double[0], new double[0], new double[0]};
        Path livePath = dir.resolve(NsRun.LIVE);
        if (Files.exists(livePath)) {
            double[][] l = table(livePath, true);
            if (l[0].length > 0 && (long) l[0][0] * cull == complete) {
                live = l;
            }
        }
        return new NsSamples(walkers, cull, atoms, pressure, constantPressure,
                Arrays.copyOf(removed[1], complete), Arrays.copyOf(removed[2], complete),
                Arrays.copyOf(removed[3], complete), live[1], live[2], live[3],
                cap > 0 ? KineticPrior.shape(atoms) : 0, cap);
    }

    /** Columns iteration, H, E, V of a samples file (header and # comments skipped). */
    private static double[][] table(Path path, boolean complete) {
        int n = 0;
        double[][] cols = new double[4][1024];
        try {
            String text = Files.readString(path);
            boolean lastCut = !text.isEmpty() && text.charAt(text.length() - 1) != '\n';
            String[] lines = text.split("\n", -1);
            int last = lines.length - 1;
            for (int ln = 0; ln < lines.length; ln++) {
                String line = lines[ln];
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("iteration")) {
                    continue;
                }
                if (ln == last && lastCut && !complete) {
                    break;
                }
                String[] f = line.split(",");
                if (f.length != 4) {
                    throw new IllegalArgumentException(path + ", line " + (ln + 1) + ": expected 4 fields "
                            + "(iteration,enthalpy,energy,volume), got " + f.length);
                }
                if (n == cols[0].length) {
                    for (int c = 0; c < 4; c++) {
                        cols[c] = Arrays.copyOf(cols[c], 2 * n);
                    }
                }
                for (int c = 0; c < 4; c++) {
                    try {
                        cols[c][n] = Double.parseDouble(f[c]);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(path + ", line " + (ln + 1) + ": field " + (c + 1)
                                + " is not a number: '" + f[c] + "'");
                    }
                }
                n++;
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(path + " not found: not a potentia ns run directory");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        for (int c = 0; c < 4; c++) {
            cols[c] = Arrays.copyOf(cols[c], n);
        }
        return cols;
    }
}
