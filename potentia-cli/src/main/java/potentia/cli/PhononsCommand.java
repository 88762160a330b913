package potentia.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import potentia.cli.plot.BandPlot;
import potentia.cli.plot.Charts;
import potentia.io.StructureFiles;
import potentia.io.StructureFiles.Format;
import potentia.phonon.BandPath;
import potentia.phonon.BandStructure;
import potentia.phonon.HarmonicPhonons;
import potentia.phonon.HarmonicThermo;
import potentia.phonon.PhononDos;
import potentia.phonon.Supercell;
import potentia.phonon.SupercellSymmetry;
import potentia.phonon.ThermalProperties;
import potentia.potential.Potential;
import potentia.structure.Structure;

/** {@code potentia phonons}: harmonic phonons by finite displacements — bands, DOS, thermodynamics. */
@Command(name = "phonons",
        description = {"Harmonic phonons of a crystal: force constants by ± finite displacements in a supercell "
                + "(acoustic sum rule and space-group symmetry imposed), the dynamical matrix with the supercell's "
                + "Wigner–Seitz minimum-image convention, the band structure along a path, the DOS on a "
                + "Monkhorst–Pack mesh (Gaussian smearing) and the harmonic free energy, entropy, heat capacity "
                + "and energy per atom, quantum and classical.",
            "Writes to --out: bands.png, bands.csv (distance and frequencies per band, THz), band_labels.csv, "
                    + "dos.png, dos.csv (states/THz/atom), thermo.csv, thermo.png. Imaginary modes are reported as "
                    + "negative frequencies, never hidden.",
            "The structure must be at a minimum of the potential (relax it first: potentia relax --cell)."},
        footer = {"", "Examples:",
            "  potentia phonons -p sw --structure si.extxyz --supercell 3 3 3 --out si-phonons",
            "  potentia phonons --model si.potentia --structure si.extxyz --supercell 2 2 2 --mesh 16 16 16 "
                    + "--temperatures 0:1500:50 --out si-nn-phonons"})
final class PhononsCommand implements Callable<Integer> {

    @Mixin
    PotentialOptions potentialOptions;

    @Option(names = {"-s", "--structure"}, required = true, paramLabel = "FILE",
            description = "The crystal's unit cell (extended XYZ or POSCAR), relaxed.")
    Path structure;

    @Option(names = "--frame", paramLabel = "I", defaultValue = "-1",
            description = "Which frame of --structure (negative counts from the end; default: the last).")
    int frame;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Input format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--supercell", arity = "3", required = true, paramLabel = "N",
            description = "Repeats of the unit cell along a, b, c for the force constants.")
    int[] supercell;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--displacement", paramLabel = "Å", defaultValue = "0.01",
            description = "Finite displacement (default: ${DEFAULT-VALUE} Å, as phonopy).")
    double displacement;

    @Option(names = "--mesh", arity = "3", paramLabel = "N",
            description = "Monkhorst–Pack mesh of the primitive cell for the DOS and thermodynamics (default: 20 20 20).")
    int[] mesh = {20, 20, 20};

    @Option(names = "--temperatures", paramLabel = "T", defaultValue = "0:2000:10",
            description = "FROM:TO:STEP or a list T1,T2,… in K (default: ${DEFAULT-VALUE}).")
    String temperatures;

    @Option(names = "--path", paramLabel = "PATH",
            description = "Band path: 'LABEL f1 f2 f3, …' in fractional reciprocal coordinates of the primitive cell, "
                    + "'|' for a break (default: the standard path of a cubic lattice).")
    String path;

    @Option(names = "--points", paramLabel = "N", defaultValue = "51",
            description = "Points per band-path segment (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--sigma", paramLabel = "THz", defaultValue = "0.1",
            description = "Gaussian smearing of the DOS (default: ${DEFAULT-VALUE} THz).")
    double sigma;

    @Option(names = "--no-symmetry", description = "Impose only the lattice translations, not the space group.")
    boolean noSymmetry;

    @Option(names = "--fmax", paramLabel = "eV/Å", defaultValue = "0.01",
            description = "Refuse a structure whose largest force exceeds this: it is not at a minimum "
                    + "(default: ${DEFAULT-VALUE} eV/Å).")
    double fmax;

    @Override
    public Integer call() {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("--sigma must be positive, got " + sigma);
        }
        double[] ts = TemperatureList.parse("--temperatures", temperatures);
        Potential potential = potentialOptions.potential();
        int threads = potentialOptions.resolvedThreads();
        Structure unit = read(structure, format, frame);
        Supercell sc = PhononSetup.supercell(unit, supercell, potential, structure);
        PhononSetup.checkMinimum(potential, sc.structure(), fmax, structure);

        long start = System.nanoTime();
        SupercellSymmetry symmetry = noSymmetry ? SupercellSymmetry.translationsOnly(sc) : SupercellSymmetry.of(sc);
        HarmonicPhonons phonons = HarmonicPhonons.compute(potential, sc, displacement, symmetry, threads);
        double seconds = (System.nanoTime() - start) * 1e-9;
        System.err.printf(Locale.ROOT, "force constants: %d atoms in the supercell, %d force evaluations, %s s "
                + "(%d space-group operations)%n", sc.size(), phonons.evaluations(), NumberText.of(seconds),
                symmetry.order());

        List<String> written = new ArrayList<>();
        Optional<BandPath> bandPath = path != null ? Optional.of(BandPath.parse(path, sc.primitive()))
                : BandPath.standard(sc.primitive());
        if (bandPath.isPresent()) {
            BandStructure bands = phonons.bands(bandPath.get(), points);
            writeBands(out, "Phonon bands (" + potential.name() + ")", bands);
            written.add("bands.png");
            if (bands.minimum() < -1e-3) {
                System.err.printf(Locale.ROOT, "warning: imaginary modes on the band path (lowest %s THz, shown "
                        + "negative): the structure is dynamically unstable%n", NumberText.of(bands.minimum()));
            }
        } else {
            System.err.println("bands: no standard path for this (non-cubic) lattice; give --path to plot bands");
        }

        double[][] nu = phonons.meshFrequencies(mesh[0], mesh[1], mesh[2]);
        PhononDos dos = PhononDos.gaussian(nu, sc.primitiveSize(), sigma, 1001);
        new CsvTable().add("frequency_THz", dos.frequency()).add("dos_per_THz_per_atom", dos.density())
                .write(out.resolve("dos.csv"));
        Charts.line(out.resolve("dos.png"), "Phonon density of states (" + potential.name() + ")", "frequency (THz)",
                "states / THz / atom", List.of(new Charts.Series("DOS", dos.frequency(), dos.density())), false);
        written.add("dos.png");

        ThermalProperties tp = HarmonicThermo.of(nu, sc.primitiveSize(), ts, HarmonicThermo.DEFAULT_CUTOFF);
        writeThermo(out, tp);
        written.add("thermo.csv");
        int imaginary = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (double[] row : nu) {
            for (double v : row) {
                imaginary += v < -1e-3 ? 1 : 0;
                lowest = Math.min(lowest, v);
            }
        }
        if (imaginary > 0) {
            System.err.printf(Locale.ROOT, "warning: %d imaginary modes on the mesh (lowest %s THz) are left out of "
                    + "thermo.csv: the harmonic free energy is not defined for an unstable crystal%n", imaginary,
                    NumberText.of(lowest));
        }
        System.err.println("wrote " + out + ": " + String.join(", ", written) + " (and their data)");
        return 0;
    }

    static Structure read(Path file, Format format, int frame) {
        List<Structure> frames = StructureFiles.readAll(file, format != null ? format : Format.guess(file));
        if (frames.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no structure");
        }
        int i = frame < 0 ? frames.size() + frame : frame;
        if (i < 0 || i >= frames.size()) {
            throw new IllegalArgumentException("--frame " + frame + ": " + file + " has " + frames.size() + " frames");
        }
        return frames.get(i);
    }

    static void writeBands(Path dir, String title, BandStructure bands) {
        CsvTable t = new CsvTable().add("distance_inv_A", bands.distance());
        for (int j = 0; j < bands.bands(); j++) {
            double[] col = new double[bands.frequencies().length];
            for (int i = 0; i < col.length; i++) {
                col[i] = bands.frequencies()[i][j];
            }
            t.add("band" + (j + 1) + "_THz", col);
        }
        t.write(dir.resolve("bands.csv"));
        PhononSetup.writeLabels(dir.resolve("band_labels.csv"), bands.labels(), bands.labelDistances());
        BandPlot.write(dir.resolve("bands.png"), title,
                List.of(new BandPlot.Bands("harmonic", bands.distance(), bands.frequencies())), bands.labels(),
                bands.labelDistances());
    }

    private static void writeThermo(Path dir, ThermalProperties tp) {
        new CsvTable().add("T_K", tp.temperature())
                .add("F_eV_per_atom", tp.freeEnergy())
                .add("S_eV_per_K_atom", tp.entropy())
                .add("Cv_eV_per_K_atom", tp.heatCapacity())
                .add("E_eV_per_atom", tp.energy())
                .add("F_classical_eV_per_atom", tp.classicalFreeEnergy())
                .add("S_classical_eV_per_K_atom", tp.classicalEntropy())
                .add("Cv_classical_eV_per_K_atom", tp.classicalHeatCapacity())
                .add("E_classical_eV_per_atom", tp.classicalEnergy())
                .write(dir.resolve("thermo.csv"));
        Charts.line(dir.resolve("thermo.png"), "Harmonic free energy (quantum, vibrational)", "temperature (K)",
                "F (eV/atom)", List.of(new Charts.Series("F", tp.temperature(), tp.freeEnergy())), false);
    }
}
