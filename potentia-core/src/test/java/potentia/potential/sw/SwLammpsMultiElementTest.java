package potentia.potential.sw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import potentia.potential.Result;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.Structure;
import potentia.testing.RandomStructures;

/**
 * The multi-element triplet logic against LAMMPS itself: a random Si/Ge structure in a
 * triclinic cell, evaluated with the synthetic {@code SiGe_synthetic.sw} (every triplet
 * different) by {@code /usr/bin/lmp} and by {@link StillingerWeber}. Skipped where LAMMPS is not
 * installed. A second variant gives the Si–Ge entries tol &gt; 0 to check LAMMPS's shortened
 * neighbour cutoff.
 */
class SwLammpsMultiElementTest {
    private static final Path LMP = Path.of("/usr/bin/lmp");
    /** LAMMPS's own eV/Å³ → bar factor in metal units (force->nktv2p), used to undo its pressure. */
    private static final double LAMMPS_METAL_NKTV2P = 1.6021765e6;
    private static final double TOL = 1e-9;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void siliconGermaniumMatchesLammps(boolean withTol) throws Exception {
        assumeTrue(Files.isExecutable(LMP), "LAMMPS (/usr/bin/lmp) is not installed");
        String text = Files.readString(StillingerWeberTest.resource("SiGe_synthetic.sw"));
        if (withTol) {
            text = text.replace("7.0 0.65 4.5 0.5 0.0", "7.0 0.65 4.5 0.5 0.005");
        }
        Path potential = dir.resolve("SiGe.sw");
        Files.writeString(potential, text);
        StillingerWeber sw = StillingerWeber.of(StillingerWeberParameters.read(potential));

        var rng = new SplittableRandom(withTol ? 42 : 41);
        // LAMMPS's triclinic form: a along x, b in the xy plane
        double[] h = {8.6, 0, 0, 1.1, 8.9, 0, -0.7, 0.9, 9.2};
        Structure s = RandomStructures.randomAtoms(rng, Cell.periodic(h), 36, List.of(Element.Si, Element.Ge), 2.1);
        Result r = sw.compute(s, StillingerWeberTest.ALL);

        Lammps ref = runLammps(s, potential);
        assertEquals(ref.energy, r.energy(), TOL * Math.abs(ref.energy), "energy");
        double fscale = r.maxForce();
        double[] f = r.forces();
        double[] e = r.energies();
        for (int i = 0; i < s.size(); i++) {
            assertEquals(ref.energies[i], e[i], TOL * Math.abs(ref.energy), "energy of atom " + i);
            for (int k = 0; k < 3; k++) {
                assertEquals(ref.forces[3 * i + k], f[3 * i + k], TOL * fscale, "force " + i + "," + k);
            }
        }
        double[] w = r.virial();
        double wscale = 0;
        for (double v : w) {
            wscale = Math.max(wscale, Math.abs(v));
        }
        // pressure (bar) = W/V · nktv2p; LAMMPS prints xx yy zz xy xz yz
        int[] idx = {0, 4, 8, 1, 2, 5};
        for (int c = 0; c < 6; c++) {
            double lammpsVirial = ref.pressure[c] * s.cell().volume() / LAMMPS_METAL_NKTV2P;
            assertEquals(lammpsVirial, w[idx[c]], TOL * wscale, "virial component " + c);
        }
    }

    private record Lammps(double energy, double[] energies, double[] forces, double[] pressure) {
    }

    private Lammps runLammps(Structure s, Path potential) throws IOException, InterruptedException {
        int n = s.size();
        double[] h = s.cell().matrix();
        StringBuilder data = new StringBuilder("Potentia test structure\n\n");
        data.append(n).append(" atoms\n2 atom types\n\n");
        data.append(String.format(Locale.ROOT, "0 %.17g xlo xhi%n0 %.17g ylo yhi%n0 %.17g zlo zhi%n%.17g %.17g %.17g xy xz yz%n%n",
                h[0], h[4], h[8], h[3], h[6], h[7]));
        data.append("Masses\n\n1 28.085\n2 72.63\n\nAtoms # atomic\n\n");
        for (int i = 0; i < n; i++) {
            data.append(String.format(Locale.ROOT, "%d %d %.17g %.17g %.17g%n", i + 1,
                    s.element(i) == Element.Si ? 1 : 2, s.position(i, 0), s.position(i, 1), s.position(i, 2)));
        }
        Files.writeString(dir.resolve("data.lmp"), data);
        Files.writeString(dir.resolve("in.lmp"), """
                units metal
                atom_style atomic
                boundary p p p
                read_data data.lmp
                pair_style sw
                pair_coeff * * %s Si Ge
                compute pe all pe/atom
                dump d all custom 1 dump.txt id fx fy fz c_pe
                dump_modify d sort id format float %%.17g
                thermo_style custom step pe pxx pyy pzz pxy pxz pyz
                run 0
                print "POTENTIA $(pe:%%.17g) $(pxx:%%.17g) $(pyy:%%.17g) $(pzz:%%.17g) $(pxy:%%.17g) $(pxz:%%.17g) $(pyz:%%.17g)"
                """.formatted(potential.toAbsolutePath()));
        Process p = new ProcessBuilder(LMP.toString(), "-in", "in.lmp", "-log", "none")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("LAMMPS failed:\n" + out);
        }
        String line = out.lines().filter(l -> l.startsWith("POTENTIA ")).findFirst()
                .orElseThrow(() -> new AssertionError("no result line from LAMMPS:\n" + out));
        String[] v = line.split("\\s+");
        double[] pressure = new double[6];
        for (int c = 0; c < 6; c++) {
            pressure[c] = Double.parseDouble(v[2 + c]);
        }
        List<String> dump = Files.readAllLines(dir.resolve("dump.txt"));
        int first = dump.indexOf(dump.stream().filter(l -> l.startsWith("ITEM: ATOMS")).findFirst().orElseThrow()) + 1;
        double[] forces = new double[3 * n];
        double[] energies = new double[n];
        for (int i = 0; i < n; i++) {
            String[] w = dump.get(first + i).trim().split("\\s+");
            int id = Integer.parseInt(w[0]) - 1;
            for (int k = 0; k < 3; k++) {
                forces[3 * id + k] = Double.parseDouble(w[1 + k]);
            }
            energies[id] = Double.parseDouble(w[4]);
        }
        return new Lammps(Double.parseDouble(v[1]), energies, forces, pressure);
    }
}
