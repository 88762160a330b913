package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.io.ExtxyzReader;
import potentia.io.ExtxyzWriter;
import potentia.potential.Result;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.InfoValue;
import potentia.structure.Structure;
import potentia.units.Units;

class RelaxCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, List<Structure> frames) {
        Path p = dir.resolve(name);
        ExtxyzWriter.writeAll(p, frames);
        return p;
    }

    private static Structure rattled(long seed) {
        return Crystals.diamond(Element.Si, 5.431).repeat(1, 1, 2).rattled(0.1, new SplittableRandom(seed));
    }

    @Test
    void relaxesPositionsBelowTheThreshold() {
        Path in = write("in.extxyz", List.of(rattled(1)));
        Path out = dir.resolve("out.extxyz");
        CliRun run = CliRun.of("relax", "-p", "sw", "--structure", in.toString(), "-o", out.toString(), "--fmax", "0.005");
        assertEquals(0, run.exitCode(), run.err());
        Structure s = ExtxyzReader.readAll(out).get(0);
        Result check = StillingerWeber.silicon().compute(s);
        assertTrue(check.maxForce() < 0.0051, "independent check of the written structure: " + check.maxForce());
        assertEquals(new InfoValue.Bool(true), s.info("relax_converged").orElseThrow());
        assertEquals(check.energy(), s.info("energy").orElseThrow().asDouble(), 1e-6);
        assertTrue(run.err().contains("converged in"), run.err());
    }

    @Test
    void relaxesTheCellUnderPressureWithLbfgs() {
        Structure start = rattled(2);
        Path in = write("in.extxyz", List.of(start));
        Path out = dir.resolve("out.extxyz");
        CliRun run = CliRun.of("relax", "-p", "sw", "--structure", in.toString(), "-o", out.toString(), "--cell",
                "--pressure", "5", "--smax", "0.005", "--optimizer", "lbfgs");
        assertEquals(0, run.exitCode(), run.err());
        Structure s = ExtxyzReader.readAll(out).get(0);
        assertTrue(s.cell().volume() < 0.97 * start.cell().volume(), "the volume shrinks under 5 GPa");
        assertEquals(5, Units.toGPa(StillingerWeber.silicon().compute(s).pressure()), 0.01);
        assertTrue(s.info("enthalpy").isPresent());
        assertTrue(s.info("relax_smax").orElseThrow().asDouble() <= 0.005);
    }

    @Test
    void reportsNonConvergenceInOneLineWithExitCode3() {
        Path in = write("in.extxyz", List.of(rattled(3)));
        Path out = dir.resolve("out.extxyz");
        CliRun run = CliRun.of("relax", "-p", "sw", "--structure", in.toString(), "-o", out.toString(),
                "--max-steps", "3");
        assertEquals(3, run.exitCode(), run.err());
        List<String> lines = run.err().strip().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("relax: error: not converged after 3 steps (the step limit): fmax "), last);
        assertTrue(last.endsWith("the last structure is in " + out), last);
        Structure s = ExtxyzReader.readAll(out).get(0);
        assertEquals(new InfoValue.Bool(false), s.info("relax_converged").orElseThrow());
        assertEquals(3, s.info("relax_steps").orElseThrow().asDouble());
    }

    @Test
    void fixedAtomsStayAndTheTrajectoryHoldsEveryStep() {
        Structure start = rattled(4);
        Path in = write("in.extxyz", List.of(start));
        Path out = dir.resolve("out.extxyz");
        Path traj = dir.resolve("steps.extxyz");
        CliRun run = CliRun.of("relax", "-p", "sw", "--structure", in.toString(), "-o", out.toString(),
                "--fix", "0,2-3,z>9", "--trajectory", traj.toString());
        assertEquals(0, run.exitCode(), run.err());
        Structure written = ExtxyzReader.readAll(in).get(0);
        Structure s = ExtxyzReader.readAll(out).get(0);
        for (int i = 0; i < s.size(); i++) {
            boolean fixed = i == 0 || i == 2 || i == 3 || written.position(i, 2) > 9;
            double moved = Math.abs(s.position(i, 0) - written.position(i, 0)) + Math.abs(s.position(i, 1)
                    - written.position(i, 1)) + Math.abs(s.position(i, 2) - written.position(i, 2));
            if (fixed) {
                assertEquals(0, moved, 0.0, "fixed atom " + i);
            } else {
                assertTrue(moved > 1e-4, "free atom " + i + " moves");
            }
        }
        List<Structure> steps = ExtxyzReader.readAll(traj);
        long taken = (long) s.info("relax_steps").orElseThrow().asDouble();
        assertEquals(taken + 1, steps.size(), "the start and every step");
        assertArrayEquals(s.positions(), steps.get(steps.size() - 1).positions(), 1e-7);
    }

    @Test
    void badInputGetsOneLineAndExitCode1() {
        Path in = write("in.extxyz", List.of(rattled(5)));
        Path two = write("two.extxyz", List.of(rattled(6), rattled(7)));
        Structure overlapping = rattled(8).withPositions(new double[3 * 16]);
        Path clash = write("clash.extxyz", List.of(overlapping));
        String out = dir.resolve("out.extxyz").toString();
        String[][] cases = {
            {"relax", "-p", "sw", "--structure", dir.resolve("missing.extxyz").toString(), "-o", out},
            {"relax", "-p", "sw", "--structure", in.toString(), "-o", out, "--pressure", "2"},
            {"relax", "-p", "sw", "--structure", in.toString(), "-o", out, "--fix", "0,99"},
            {"relax", "-p", "sw", "--structure", in.toString(), "-o", out, "--fix", "w<3"},
            {"relax", "-p", "sw", "--structure", in.toString(), "-o", out, "--optimizer", "bfgs"},
            {"relax", "-p", "sw", "--structure", in.toString(), "-o", out, "--fmax", "-1"},
            {"relax", "-p", "sw", "--structure", two.toString(), "-o", out},
            {"relax", "-p", "sw", "--structure", clash.toString(), "-o", out},
        };
        String[] expected = {"missing.extxyz", "add --cell", "outside the structure's atoms", "axis must be x, y or z",
            "unknown --optimizer 'bfgs'", "--fmax must be a positive force", "choose one with --frame N",
            "overlapping atoms"};
        for (int c = 0; c < cases.length; c++) {
            CliRun run = CliRun.of(cases[c]);
            assertEquals(1, run.exitCode(), String.join(" ", cases[c]) + "\n" + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("relax: error: "), run.err());
            assertTrue(run.err().contains(expected[c]), run.err());
        }
        CliRun chosen = CliRun.of("relax", "-p", "sw", "--structure", two.toString(), "--frame", "-1", "-o", out);
        assertEquals(0, chosen.exitCode(), chosen.err());
    }
}
