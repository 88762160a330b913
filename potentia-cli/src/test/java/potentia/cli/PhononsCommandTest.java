package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.io.ExtxyzWriter;
import potentia.phonon.HarmonicThermo;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.units.Units;

class PhononsCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, Structure s) {
        Path p = dir.resolve(name);
        ExtxyzWriter.writeAll(p, List.of(s));
        return p;
    }

    private static List<String[]> csv(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(l -> l.split(",")).toList();
    }

    @Test
    void writesBandsDosAndThermodynamicsOfSwSilicon() throws Exception {
        Path si = write("si.extxyz", Crystals.diamond(Element.Si, 5.431));
        Path out = dir.resolve("ph");
        CliRun run = CliRun.of("phonons", "-p", "sw", "-t", "1", "--structure", si.toString(), "--supercell", "2", "2",
                "2", "--mesh", "8", "8", "8", "--temperatures", "0,300,1000", "--points", "11", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        for (String f : new String[] {"bands.png", "bands.csv", "band_labels.csv", "dos.png", "dos.csv", "thermo.csv",
            "thermo.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        List<String[]> bands = csv(out.resolve("bands.csv"));
        assertEquals(7, bands.get(0).length, "distance and 6 bands of a 2-atom primitive cell");
        // Γ first: three acoustic zeros, and optical modes near SW silicon's 17.8 THz
        assertEquals(0, Double.parseDouble(bands.get(1)[1]), 1e-3);
        assertEquals(0, Double.parseDouble(bands.get(1)[3]), 1e-3);
        double optical = Double.parseDouble(bands.get(1)[6]);
        assertTrue(optical > 16 && optical < 19, "Γ optical " + optical + " THz");
        assertEquals("Γ", Files.readAllLines(out.resolve("band_labels.csv")).get(1).split(",")[0]);

        List<String[]> thermo = csv(out.resolve("thermo.csv"));
        assertEquals("T_K", thermo.get(0)[0]);
        assertEquals(4, thermo.size());
        // at 0 K the quantum free energy is the zero-point energy, positive; at high T the
        // classical limit: F_quantum → F_classical, and C_V → 3 k_B per atom
        assertTrue(Double.parseDouble(thermo.get(1)[1]) > 0.02);
        double fq = Double.parseDouble(thermo.get(3)[1]);
        double fc = Double.parseDouble(thermo.get(3)[5]);
        assertTrue(Math.abs(fq - fc) < 0.01 && fq > fc, fq + " vs " + fc);
        double cv = Double.parseDouble(thermo.get(3)[3]);
        assertEquals(3 * Units.BOLTZMANN, cv, 0.05 * 3 * Units.BOLTZMANN);
        assertTrue(cv < 3 * Units.BOLTZMANN);

        // the DOS integrates to 3 modes per atom
        List<String[]> dos = csv(out.resolve("dos.csv"));
        double integral = 0;
        for (int i = 2; i < dos.size(); i++) {
            double dx = Double.parseDouble(dos.get(i)[0]) - Double.parseDouble(dos.get(i - 1)[0]);
            integral += dx * Double.parseDouble(dos.get(i)[1]);
        }
        assertEquals(3, integral, 0.01);
        assertTrue(run.err().contains("force evaluations"), run.err());
        assertTrue(HarmonicThermo.DEFAULT_CUTOFF > 0);
    }

    @Test
    void aModelFileWorksLikeAReferencePotential() throws Exception {
        Path model = dir.resolve("si.potentia");
        CliRun init = CliRun.of("model", "init", "--species", "Si", "--cutoff", "4", "--nmax", "3", "--layers", "8",
                "--seed", "2", "-o", model.toString());
        assertEquals(0, init.exitCode(), init.err());
        Path si = write("si.extxyz", Crystals.diamond(Element.Si, 5.431));
        Path out = dir.resolve("nn");
        CliRun run = CliRun.of("phonons", "--model", model.toString(), "-t", "1", "--structure", si.toString(),
                "--supercell", "2", "2", "2", "--mesh", "4", "4", "4", "--temperatures", "300", "--points", "5",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(7, csv(out.resolve("bands.csv")).get(0).length);
        assertTrue(Files.size(out.resolve("dos.png")) > 0);
    }

    @Test
    void refusesAStructureNotAtAMinimum() {
        Structure s = Crystals.diamond(Element.Si, 5.431);
        double[] x = s.positions();
        x[0] += 0.1;
        Path in = write("off.extxyz", s.withPositions(x));
        CliRun run = CliRun.of("phonons", "-p", "sw", "--structure", in.toString(), "--supercell", "2", "2", "2",
                "--out", dir.resolve("o").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("not at a minimum") && run.err().contains("potentia relax"), run.err());
    }

    @Test
    void refusesASupercellNarrowerThanTwiceTheCutoff() {
        Path in = write("si.extxyz", Crystals.diamond(Element.Si, 5.431));
        CliRun run = CliRun.of("phonons", "-p", "sw", "--structure", in.toString(), "--supercell", "1", "1", "1",
                "--out", dir.resolve("o").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("twice the cutoff"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void refusesABadTemperatureRange() {
        Path in = write("si.extxyz", Crystals.diamond(Element.Si, 5.431));
        CliRun run = CliRun.of("phonons", "-p", "sw", "--structure", in.toString(), "--supercell", "2", "2", "2",
                "--temperatures", "100:50:10", "--out", dir.resolve("o").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("--temperatures"), run.err());
    }
}
