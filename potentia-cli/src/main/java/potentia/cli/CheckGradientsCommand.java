package potentia.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import potentia.io.StructureFiles;
import potentia.io.StructureFiles.Format;
import potentia.io.StructureSource;
import potentia.potential.NumericalDerivatives;
import potentia.potential.NumericalDerivatives.Deviation;
import potentia.potential.Potential;
import potentia.structure.Structure;
import potentia.units.Units;

/**
 * {@code potentia check-gradients}: analytic forces and stress against central differences of the
 * energy, per frame, with the worst deviation (n2p2's nnp-checkf; ASE's numerical force/stress).
 */
@Command(name = "check-gradients",
        description = {"Compare a potential's analytic forces and stress with central differences of its own "
                + "energy on every frame, and print the worst deviations.",
            "Exit code 0 when every relative deviation is within --tolerance, 3 when one is not."},
        footer = {"", "Examples:",
            "  potentia check-gradients --potential sw examples/si-structures.extxyz",
            "  potentia check-gradients --model si.potentia examples/si-structures.extxyz",
            "  potentia check-gradients -p lj:mode=smooth --sample 20 --seed 1 big.extxyz"})
final class CheckGradientsCommand implements Callable<Integer> {

    @Mixin
    PotentialOptions potentialOptions;

    @Parameters(index = "0", paramLabel = "FILE", description = "Structures (extended XYZ or POSCAR).")
    Path input;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Input format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--step", paramLabel = "Å", defaultValue = "1e-5",
            description = "Displacement for the force differences (default: ${DEFAULT-VALUE} Å).")
    double step;

    @Option(names = "--strain-step", paramLabel = "ε", defaultValue = "1e-6",
            description = "Strain for the stress differences (default: ${DEFAULT-VALUE}).")
    double strainStep;

    @Option(names = "--sample", paramLabel = "K", defaultValue = "64",
            description = "Check at most K atoms per frame, drawn with --seed (default: ${DEFAULT-VALUE}; 0 = all).")
    int sample;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the atom sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tolerance", defaultValue = "1e-6",
            description = "Largest acceptable relative deviation (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Override
    public Integer call() {
        Potential potential = potentialOptions.potential();
        double worstForce = 0;
        double worstStress = 0;
        int frames = 0;
        System.out.printf(Locale.ROOT, "%-6s %6s %14s %12s %14s %12s%n",
                "frame", "atoms", "max|ΔF| eV/Å", "rel", "max|Δσ| GPa", "rel");
        try (StructureSource source = StructureFiles.read(input, format != null ? format : Format.guess(input))) {
            for (Structure s : source) {
                int[] atoms = sampleAtoms(s.size(), new SplittableRandom(seed + frames));
                Deviation f = NumericalDerivatives.forceDeviation(potential, s, step, atoms);
                String stressText = "-";
                String stressRel = "-";
                if (s.cell().volume() > 0) {
                    Deviation w = NumericalDerivatives.strainDeviation(potential, s, strainStep);
                    stressText = String.format(Locale.ROOT, "%.3e", Units.toGPa(w.maxError() / s.cell().volume()));
                    stressRel = String.format(Locale.ROOT, "%.3e", w.relative());
                    worstStress = Math.max(worstStress, w.relative());
                }
                System.out.printf(Locale.ROOT, "%-6d %6d %14.3e %12.3e %14s %12s%n", frames, atoms.length,
                        f.maxError(), f.relative(), stressText, stressRel);
                worstForce = Math.max(worstForce, f.relative());
                frames++;
            }
        }
        boolean ok = worstForce <= tolerance && worstStress <= tolerance;
        System.out.printf(Locale.ROOT, "%s: worst relative deviation forces %.3e, stress %.3e over %d frames "
                + "(tolerance %.1e)%n", ok ? "OK" : "FAILED", worstForce, worstStress, frames, tolerance);
        return ok ? 0 : 3;
    }

    private int[] sampleAtoms(int n, SplittableRandom rng) {
        int k = sample <= 0 ? n : Math.min(sample, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 0; i < k; i++) { // partial Fisher-Yates: the first k are a uniform sample
            int j = i + rng.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(order, k);
        java.util.Arrays.sort(chosen);
        return chosen;
    }
}
