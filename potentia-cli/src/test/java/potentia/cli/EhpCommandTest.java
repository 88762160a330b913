package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.io.ExtxyzWriter;
import potentia.structure.Cell;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

class EhpCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, Structure s) {
        Path p = dir.resolve(name);
        ExtxyzWriter.writeAll(p, List.of(s));
        return p;
    }

    private static List<String[]> csv(Path file) throws Exception {
        return Files.readAllLines(file).stream().skip(1).map(l -> l.split(",")).toList();
    }

    @Test
    void freeEnergyAndThermalExpansionOfSwSiliconAndTheResumedRun() throws Exception {
        Path si = write("si.extxyz", Crystals.diamond(Element.Si, 5.431));
        Path out = dir.resolve("ehp");
        CliRun run = CliRun.of("ehp", "-p", "sw", "-t", "2", "--structure", si.toString(), "--supercell", "2", "2", "2",
                "--temperatures", "300,900", "--samples", "16", "--seed", "3", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        for (String f : new String[] {"free_energy.csv", "lattice.csv", "free_energy.png", "lattice.png", "bands_si.png",
            "bands_si.csv", "checkpoint.bin"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        List<String[]> f = csv(out.resolve("free_energy.csv"));
        assertEquals(2, f.size());
        double f300 = Double.parseDouble(f.get(0)[3]);
        double f900 = Double.parseDouble(f.get(1)[3]);
        // below the static energy (−4.3366 eV/atom for SW at 5.431 Å) by the vibrational part,
        // classically ≈ 3k_BT ln(hν/k_BT): F falls with T
        assertTrue(f300 < -4.28 && f300 > -4.32, "F(300 K) " + f300);
        assertTrue(f900 < f300 - 0.1, "F(900 K) " + f900);
        assertEquals("true", f.get(0)[6]);
        List<String[]> a = csv(out.resolve("lattice.csv"));
        double a300 = Double.parseDouble(a.get(0)[3]);
        double a900 = Double.parseDouble(a.get(1)[3]);
        assertTrue(a300 > 5.431 && a900 > a300 && a900 < 5.5, "a(300 K) " + a300 + ", a(900 K) " + a900);

        // resuming a finished run rewrites the same results
        String before = Files.readString(out.resolve("free_energy.csv"));
        CliRun again = CliRun.of("ehp", "--resume", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(before, Files.readString(out.resolve("free_energy.csv")));
    }

    @Test
    void theSameCrystalTwiceHasNoFreeEnergyDifference() throws Exception {
        Structure si = Crystals.diamond(Element.Si, 5.431);
        double[] x = si.positions();
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.3 + 0.1 * (i % 3); // another origin: the same crystal
        }
        Path a = write("si.extxyz", si);
        Path b = write("si-shifted.extxyz", si.withPositions(x).wrapped());
        Path out = dir.resolve("stab");
        CliRun run = CliRun.of("ehp", "-p", "sw", "-t", "2", "--structure", a.toString(), "--structure", b.toString(),
                "--supercell", "2", "2", "2", "--temperatures", "600", "--samples", "16", "--fixed-cell", "--seed", "1",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String[]> d = csv(out.resolve("stability.csv"));
        assertEquals(1, d.size());
        double dg = Double.parseDouble(d.get(0)[2]);
        double sigma = Double.parseDouble(d.get(0)[3]);
        assertTrue(sigma > 0 && Math.abs(dg) < 5 * sigma + 1e-4, "ΔG " + dg + " ± " + sigma);
        assertTrue(run.err().contains("phase stability"), run.err());
        assertTrue(Files.size(out.resolve("stability.png")) > 0);
    }

    @Test
    void badInputGetsOneLine() throws Exception {
        Path si = write("si.extxyz", Crystals.diamond(Element.Si, 5.431));
        CliRun zero = CliRun.of("ehp", "-p", "sw", "--structure", si.toString(), "--supercell", "2", "2", "2",
                "--temperatures", "0,300", "--out", dir.resolve("o").toString());
        assertEquals(1, zero.exitCode());
        assertTrue(zero.err().contains("classical sampling needs T > 0"), zero.err());

        Path c = write("c.extxyz", Crystals.diamond(Element.C, 3.567));
        CliRun mixed = CliRun.of("ehp", "-p", "sw", "--structure", si.toString(), "--structure", c.toString(),
                "--supercell", "2", "2", "2", "--temperatures", "300", "--out", dir.resolve("o").toString());
        assertEquals(1, mixed.exitCode(), mixed.err());

        // simple-cubic Si stretched to 3.1 Å: at a force minimum by symmetry, but unstable under SW
        Path sc = write("sc.extxyz", Structure.of(new int[] {14}, new double[3], Cell.orthorhombic(3.1, 3.1, 3.1)));
        CliRun unstable = CliRun.of("ehp", "-p", "sw", "-t", "1", "--structure", sc.toString(), "--supercell", "3", "3",
                "3", "--temperatures", "300", "--fixed-cell", "--out", dir.resolve("o").toString());
        assertEquals(1, unstable.exitCode());
        assertTrue(unstable.err().contains("unstable (imaginary) modes"), unstable.err());
        CliRun soft = CliRun.of("ehp", "-p", "sw", "-t", "1", "--structure", sc.toString(), "--supercell", "3", "3",
                "3", "--temperatures", "300", "--out", dir.resolve("o").toString());
        assertEquals(1, soft.exitCode());
        assertTrue(soft.err().contains("mechanically unstable"), soft.err());

        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.write(broken.resolve("checkpoint.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        CliRun resumed = CliRun.of("ehp", "--resume", broken.toString());
        assertEquals(1, resumed.exitCode());
        assertTrue(resumed.err().contains("corrupt checkpoint"), resumed.err());
        assertEquals(1, resumed.err().strip().lines().count(), resumed.err());
    }
}
