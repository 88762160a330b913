package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.io.ExtxyzReader;
import potentia.io.ExtxyzWriter;
import potentia.potential.Result;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.AtomArray;
import potentia.structure.Element;
import potentia.structure.InfoValue;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

class EvalCommandTest {
    @TempDir
    Path dir;

    private Path writeFrames(String name, List<Structure> frames) {
        Path p = dir.resolve(name);
        ExtxyzWriter.writeAll(p, frames);
        return p;
    }

    private static Structure rattledDiamond(long seed) {
        return RandomStructures.rattle(RandomStructures.diamond(5.431, 1), new SplittableRandom(seed), 0.1);
    }

    @Test
    void writesResultsUnderAseKeysAndKeepsEverythingElse() {
        Structure a = rattledDiamond(1)
                .withInfo("config_type", new InfoValue.Text("rattled"))
                .withInfo("energy", new InfoValue.Real(-40.0))
                .withArray("tags", new AtomArray.Ints(new long[8], 1));
        Structure b = rattledDiamond(2);
        Path in = writeFrames("in.extxyz", List.of(a, b));
        Path out = dir.resolve("out.extxyz");

        CliRun run = CliRun.of("eval", "--potential", "sw", "--threads", "2", in.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());

        List<Structure> frames = ExtxyzReader.readAll(out);
        assertEquals(2, frames.size());
        StillingerWeber sw = StillingerWeber.silicon();
        List<Structure> inputs = ExtxyzReader.readAll(in); // positions as the file holds them
        for (int f = 0; f < 2; f++) {
            Structure got = frames.get(f);
            Result expected = sw.compute(inputs.get(f));
            assertEquals(expected.energy(), got.info("energy").orElseThrow().asDouble(), 1e-9);
            double[] forces = ((AtomArray.Reals) got.array("forces").orElseThrow()).values();
            assertArrayEquals(expected.forces(), forces, 1e-7); // the file keeps ASE's 8 decimals
            assertArrayEquals(expected.stress(), got.info("stress").orElseThrow().asDoubles(), 1e-12);
            double[] energies = ((AtomArray.Reals) got.array("energies").orElseThrow()).values();
            assertArrayEquals(expected.energies(), energies, 1e-7);
        }
        Structure first = frames.get(0);
        assertEquals(new InfoValue.Text("rattled"), first.info("config_type").orElseThrow());
        assertEquals(-40.0, first.info("input_energy").orElseThrow().asDouble());
        assertTrue(first.array("tags").isPresent());
        assertTrue(run.err().contains("deviation from the input's labels"), run.err());
    }

    @Test
    void writesToStandardOutputWithoutOutputOption() {
        Path in = writeFrames("one.extxyz", List.of(rattledDiamond(3)));
        CliRun run = CliRun.of("eval", "-p", "lj", in.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(10, lines.size());
        assertTrue(lines.get(1).contains("energy="), lines.get(1));
    }

    @Test
    void clusterGetsVirialNotStress() throws IOException {
        Structure cluster = Structure.of(List.of(Element.Si, Element.Si, Element.Si),
                new double[] {0, 0, 0, 2.3, 0, 0, 0, 2.3, 0}, potentia.structure.Cell.NONE);
        Path in = writeFrames("cluster.extxyz", List.of(cluster));
        Path out = dir.resolve("cluster-out.extxyz");
        CliRun run = CliRun.of("eval", "-p", "sw", in.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Structure got = ExtxyzReader.readAll(out).get(0);
        assertTrue(got.info("virial").isPresent());
        assertFalse(got.info("stress").isPresent());
    }

    @Test
    void refusesOverlappingAtomsWithOneLine() {
        double[] x = rattledDiamond(4).positions();
        x[3] = x[0] + 0.05;
        x[4] = x[1];
        x[5] = x[2];
        Path in = writeFrames("overlap.extxyz", List.of(rattledDiamond(4).withPositions(x)));
        Path out = dir.resolve("never.extxyz");
        CliRun run = CliRun.of("eval", "-p", "sw", in.toString(), "-o", out.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("atoms 0 and 1") && run.err().contains("overlapping"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(out), "a failed run leaves no partial output");
    }

    @Test
    void refusesElementWithoutParameters() {
        Structure s = Structure.of(List.of(Element.Si, Element.O), new double[] {0, 0, 0, 1.6, 0, 0},
                potentia.structure.Cell.orthorhombic(8, 8, 8));
        Path in = writeFrames("sio.extxyz", List.of(s));
        CliRun run = CliRun.of("eval", "-p", "sw", in.toString(), "-o", dir.resolve("x.extxyz").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("frame 0") && run.err().contains("O"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void malformedFileNamesFileLineAndField() throws IOException {
        Path in = dir.resolve("bad.extxyz");
        Files.writeString(in, "2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\n"
                + "Si 0 0 0\nSi 1.0 abc 1.0\n");
        CliRun run = CliRun.of("eval", "-p", "sw", in.toString(), "-o", dir.resolve("y.extxyz").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("bad.extxyz") && run.err().contains(":4") && run.err().contains("abc"),
                run.err());
    }

    @Test
    void badUsageIsExitCodeTwo() {
        assertEquals(2, CliRun.of("eval").exitCode());
        CliRun unknown = CliRun.of("eval", "-p", "morse", "x.extxyz");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown potential 'morse'"), unknown.err());
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command : List.of("eval", "convert", "check-gradients", "relax", "serve")) {
            CliRun run = CliRun.of(command, "--help");
            assertEquals(0, run.exitCode(), command + ": " + run.err());
            assertTrue(run.out().contains("Usage: potentia " + command), run.out());
        }
    }

    @Test
    void helpListsEveryCommandWithExamples() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        for (String command : List.of("eval", "convert", "Examples")) {
            assertTrue(run.out().contains(command), run.out());
        }
    }
}
