package potentia.bench;

import java.util.List;
import java.util.Locale;
import potentia.ehp.EhpPoint;
import potentia.ehp.EhpRun;
import potentia.ehp.EhpSettings;
import potentia.phonon.FiniteDisplacements;
import potentia.phonon.Supercell;
import potentia.phonon.SupercellSymmetry;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * Phonons and effective harmonic potentials of Stillinger–Weber Si. Parts (all by default):
 * <ul>
 *   <li>{@code fc}: wall time of one finite-displacement force-constant calculation (space group on)
 *       for 2×2×2, 3×3×3 and 4×4×4 conventional supercells, split into symmetry setup and the
 *       force constants proper; best of 3 after a warm-up.</li>
 *   <li>{@code phonopy}: the whole harmonic step (displacements, force evaluations, force constants
 *       with symmetrisation, a band structure on the standard path, DOS and thermodynamics on a
 *       20³ mesh) by Potentia and by phonopy in the same run, 2×2×2 to 4×4×4; see
 *       {@link PhononPhonopyComparison}. Not in the default set; skipped with a note if phonopy is
 *       missing.</li>
 *   <li>{@code ehp}: force evaluations, steps and wall time for classical EHP to converge F to
 *       --tolerance (default 1 meV/atom) at 300 K and 1200 K (cell relaxed at 0 GPa, from harmonic force constants),
 *       64 and 216 atoms, each with and without importance reweighting.</li>
 * </ul>
 * Usage: {@code bin/bench phonons [fc] [ehp] [phonopy] [--threads N] [--tolerance meV/atom] [--samples N] [--no-216] [--largest N]}
 * ({@code --largest}: the biggest n×n×n of the {@code phonopy} part, default 4).
 */
public final class PhononBench {
    private PhononBench() {
    }

    public static void main(String[] args) {
        boolean fc = false;
        boolean ehp = false;
        boolean phonopy = false;
        int largest = 4;
        int threads = 2;
        double tolerance = 1e-3;
        int samples = 100;
        boolean large = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "fc" -> fc = true;
                case "ehp" -> ehp = true;
                case "phonopy" -> phonopy = true;
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--tolerance" -> tolerance = Double.parseDouble(args[++i]) * 1e-3;
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--no-216" -> large = false;
                case "--largest" -> largest = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "': fc, ehp, phonopy, --threads N, --tolerance meV/atom, --samples N, --no-216, --largest N");
            }
        }
        if (phonopy) {
            PhononPhonopyComparison.run(largest);
        }
        if (!fc && !ehp && !phonopy) {
            fc = true;
            ehp = true;
        }
        StillingerWeber sw = StillingerWeber.silicon();
        Structure si = Crystals.diamond(Element.Si, 5.431);
        if (fc) {
            System.out.println("# force constants, SW Si, displacement 0.01 Å, threads " + threads);
            System.out.println("supercell,atoms,evaluations,symmetry_ms,force_constants_ms");
            for (int n = 2; n <= 4; n++) {
                Supercell sc = Supercell.of(si, n, n, n);
                double bestSym = Double.POSITIVE_INFINITY;
                double bestFc = Double.POSITIVE_INFINITY;
                for (int rep = 0; rep < 4; rep++) {
                    long t0 = System.nanoTime();
                    SupercellSymmetry sym = SupercellSymmetry.of(sc);
                    long t1 = System.nanoTime();
                    FiniteDisplacements.compute(sw, sc, 0.01, sym, threads);
                    long t2 = System.nanoTime();
                    if (rep > 0) {
                        bestSym = Math.min(bestSym, (t1 - t0) * 1e-6);
                        bestFc = Math.min(bestFc, (t2 - t1) * 1e-6);
                    }
                }
                System.out.printf(Locale.ROOT, "%dx%dx%d,%d,%d,%.1f,%.1f%n", n, n, n, sc.size(),
                        FiniteDisplacements.evaluations(sc), bestSym, bestFc);
            }
        }
        if (ehp) {
            System.out.printf(Locale.ROOT, "# classical EHP, SW Si, %s meV/atom, cell relaxed at 0 GPa, %d samples per "
                    + "ensemble, threads %d%n", tolerance * 1e3, samples, threads);
            System.out.println("atoms,reweighting,T_K,F_eV_per_atom,error_eV_per_atom,a_A,converged,steps,ensembles,"
                    + "evaluations,wall_s");
            record Case(int n, boolean reweighting) {
            }
            List<Case> cases = large ? List.of(new Case(2, true), new Case(2, false), new Case(3, true), new Case(3, false))
                    : List.of(new Case(2, true), new Case(2, false));
            for (Case c : cases) {
                for (double t : new double[] {300, 1200}) {
                    EhpSettings s = EhpSettings.defaults().withPairs(samples / 2).withTolerance(tolerance)
                            .withReweighting(c.reweighting())
                            .withThreads(threads);
                    EhpRun.Plan plan = new EhpRun.Plan(List.of(new EhpRun.Phase("Si", si, new int[] {c.n(), c.n(), c.n()})),
                            new double[] {t}, new double[] {0}, false, true, s, 1, 0.01, true);
                    long t0 = System.nanoTime();
                    EhpPoint p = EhpRun.start(plan, sw, java.util.Map.of(), null, 0).run(new EhpRun.Observer() { })
                            .get(0);
                    double wall = (System.nanoTime() - t0) * 1e-9;
                    System.out.printf(Locale.ROOT, "%d,%s,%.0f,%.6f,%.6f,%.5f,%s,%d,%d,%d,%.1f%n",
                            8 * c.n() * c.n() * c.n(), c.reweighting(), t, p.freeEnergy(), p.freeEnergyError(),
                            p.lengths()[0], p.converged(), p.steps(), p.ensembles(), p.evaluations(), wall);
                }
            }
        }
    }
}
