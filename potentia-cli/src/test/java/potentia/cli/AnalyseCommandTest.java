package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.io.ExtxyzWriter;
import potentia.structure.AtomArray;
import potentia.structure.Cell;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

class AnalyseCommandTest {
    private static final Pattern D_LINE = Pattern.compile("(\\w+): D = ([0-9.eE+-]+) ± ([0-9.eE+-]+) Å²/ps");

    @TempDir
    Path dir;

    private Path write(String name, List<Structure> frames) {
        Path p = dir.resolve(name);
        ExtxyzWriter.writeAll(p, frames);
        return p;
    }

    private static List<String> csv(Path p) throws IOException {
        return Files.readAllLines(p);
    }

    private static void assertPng(Path p) throws IOException {
        byte[] head = Arrays.copyOf(Files.readAllBytes(p), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head, p + " is a PNG");
    }

    private static void assertArrayEquals(byte[] a, byte[] b, String message) {
        assertTrue(Arrays.equals(a, b), message);
    }

    @Test
    void rdfOfDiamondHasFourNeighboursInTheFirstShell() throws IOException {
        Structure d = Crystals.diamond(Element.Si, 5.431);
        Path traj = write("diamond.extxyz", List.of(d, d.rattled(0.02, new SplittableRandom(1))));
        Path out = dir.resolve("rdf");
        CliRun run = CliRun.of("analyse", "rdf", traj.toString(), "--rmax", "5", "--bins", "100", "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = csv(out.resolve("rdf.csv"));
        assertEquals("r_A,g_total,n_total,g_Si-Si,n_Si-Si", lines.get(0));
        assertEquals(101, lines.size());
        String[] at3 = lines.get(61).split(","); // bin 60: r = 3.025 Å, between the first two shells
        assertEquals(3.025, Double.parseDouble(at3[0]), 1e-9);
        assertEquals(4, Double.parseDouble(at3[2]), 1e-9);
        assertPng(out.resolve("rdf.png"));
        assertTrue(run.out().contains("rdf: 2 frames, r_max 5 Å"), run.out());
    }

    @Test
    void rdfReportsTheRequestedPairs() throws IOException {
        var rng = new SplittableRandom(3);
        Cell cell = Cell.orthorhombic(10, 10, 10);
        Structure s = RandomStructures.randomAtoms(rng, cell, 60, List.of(Element.Si, Element.O), 1.5);
        Path traj = write("mix.extxyz", List.of(s));
        Path out = dir.resolve("rdf");
        CliRun run = CliRun.of("analyse", "rdf", traj.toString(), "--pairs", "Si-O,O-Si", "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("r_A,g_total,n_total,g_Si-O,n_Si-O,g_O-Si,n_O-Si", csv(out.resolve("rdf.csv")).get(0));
        assertTrue(run.out().contains("r_max 5 Å"), "default: half the width\n" + run.out());
    }

    /** Random walkers with D = 2 Å²/ps, wrapped into the box: the printed D agrees within its error. */
    @Test
    void msdRecoversTheDiffusionCoefficientOfAWrappedRandomWalk() throws IOException {
        var rng = new SplittableRandom(5);
        int n = 30;
        double interval = 10;
        double d = 2e-3;
        Cell box = Cell.orthorhombic(12, 12, 12);
        int[] z = new int[n];
        Arrays.fill(z, Element.Ar.number());
        double[] x = new double[3 * n];
        for (int k = 0; k < x.length; k++) {
            x[k] = 12 * rng.nextDouble();
        }
        List<Structure> frames = new ArrayList<>();
        for (int f = 0; f < 800; f++) {
            frames.add(Structure.of(z, x, box).wrapped());
            for (int k = 0; k < x.length; k++) {
                x[k] += Math.sqrt(2 * d * interval) * rng.nextGaussian();
            }
        }
        Path traj = write("walk.extxyz", frames);
        Path out = dir.resolve("msd");
        CliRun run = CliRun.of("analyse", "msd", traj.toString(), "--timestep-between-frames", "10", "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Matcher m = D_LINE.matcher(run.out());
        assertTrue(m.find(), run.out());
        assertEquals("Ar", m.group(1));
        double value = Double.parseDouble(m.group(2));
        double error = Double.parseDouble(m.group(3));
        assertEquals(2.0, value, 3 * error, run.out());
        assertTrue(error < 0.3, run.out());
        assertTrue(run.out().contains("unwrapped"), run.out());
        assertEquals("time_ps,msd_all_A2,msd_Ar_A2", csv(out.resolve("msd.csv")).get(0));
        assertPng(out.resolve("msd.png"));

        // every second frame: the interval doubles, D stays
        CliRun half = CliRun.of("analyse", "msd", traj.toString(), "--dt", "10", "--frames", "::2", "-o", out.toString());
        assertEquals(0, half.exitCode(), half.err());
        assertTrue(half.out().contains("400 frames 20 fs apart"), half.out());
    }

    /** Ornstein–Uhlenbeck velocities with σ² = 1e-4 Å²/fs² and γ = 0.02/fs: D = σ²/γ = 5 Å²/ps. */
    @Test
    void vacfRecoversTheGreenKuboCoefficient() throws IOException {
        var rng = new SplittableRandom(7);
        int n = 20;
        double variance = 1e-4;
        double gamma = 0.02;
        double interval = 5;
        double decay = Math.exp(-gamma * interval);
        double kick = Math.sqrt(variance * (1 - decay * decay));
        double[] v = new double[3 * n];
        for (int k = 0; k < v.length; k++) {
            v[k] = Math.sqrt(variance) * rng.nextGaussian();
        }
        int[] z = new int[n];
        Arrays.fill(z, Element.Si.number());
        List<Structure> frames = new ArrayList<>();
        for (int f = 0; f < 1500; f++) {
            frames.add(Structure.of(z, new double[3 * n], Cell.orthorhombic(9, 9, 9))
                    .withArray("velocities", new AtomArray.Reals(v, 3)));
            for (int k = 0; k < v.length; k++) {
                v[k] = v[k] * decay + kick * rng.nextGaussian();
            }
        }
        Path traj = write("ou.extxyz", frames);
        Path out = dir.resolve("vacf");
        CliRun run = CliRun.of("analyse", "vacf", traj.toString(), "--dt", "5", "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Matcher m = D_LINE.matcher(run.out());
        assertTrue(m.find(), run.out());
        assertEquals(5.0, Double.parseDouble(m.group(2)), 3 * Double.parseDouble(m.group(3)), run.out());
        assertEquals("time_ps,vacf_Si_A2fs2,vacf_norm_Si,D_Si_A2ps", csv(out.resolve("vacf.csv")).get(0));
        assertPng(out.resolve("vacf.png"));
        assertPng(out.resolve("vacf-integral.png"));
    }

    @Test
    void badInputGetsOneLineAndExitCode1() {
        Structure d = Crystals.diamond(Element.Si, 5.431);
        Path traj = write("d.extxyz", List.of(d, d, d, d));
        Structure cluster = Structure.of(List.of(Element.Si, Element.Si), new double[] {0, 0, 0, 2.3, 0, 0}, Cell.NONE);
        Path clusterFile = write("cluster.extxyz", List.of(cluster));
        String out = dir.resolve("o").toString();
        String[][] cases = {
            {"analyse", "rdf", dir.resolve("nope.extxyz").toString(), "-o", out},
            {"analyse", "rdf", traj.toString(), "--pairs", "Si-Xx", "-o", out},
            {"analyse", "rdf", traj.toString(), "--pairs", "Si-O", "-o", out},
            {"analyse", "rdf", clusterFile.toString(), "--rmax", "3", "-o", out},
            {"analyse", "rdf", traj.toString(), "--frames", "10:", "-o", out},
            {"analyse", "vacf", traj.toString(), "--dt", "1", "-o", out},
            {"analyse", "msd", traj.toString(), "--dt", "-1", "-o", out},
            {"analyse", "msd", traj.toString(), "--dt", "1", "--fit-end", "5", "-o", out},
        };
        String[] expected = {"nope.extxyz", "unknown element 'Xx'", "no partial RDF for Si-O",
            "periodic along all three axes", "no frame of", "no per-atom 'velocities' array",
            "--timestep-between-frames must be a positive time", "exceeds half the trajectory"};
        for (int c = 0; c < cases.length; c++) {
            CliRun run = CliRun.of(cases[c]);
            assertEquals(1, run.exitCode(), String.join(" ", cases[c]) + "\n" + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains(expected[c]), run.err());
        }
        assertEquals(2, CliRun.of("analyse", "msd", traj.toString(), "-o", out).exitCode(), "--dt is required");
        assertEquals(2, CliRun.of("analyse").exitCode(), "a subcommand is required");
    }
}
