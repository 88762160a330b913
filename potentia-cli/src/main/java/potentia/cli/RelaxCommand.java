package potentia.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import potentia.io.StructureFiles;
import potentia.io.StructureFiles.Format;
import potentia.io.StructureSink;
import potentia.io.StructureSource;
import potentia.neighbour.Overlaps;
import potentia.potential.Potential;
import potentia.relax.CellRelaxation;
import potentia.relax.RelaxOptions;
import potentia.relax.RelaxResult;
import potentia.relax.RelaxStep;
import potentia.relax.Relaxer;
import potentia.structure.InfoValue;
import potentia.structure.Structure;
import potentia.units.Units;

/** {@code potentia relax}: local relaxation of one structure, positions or positions and cell. */
@Command(name = "relax",
        description = {"Relax a structure to a local minimum of the potential energy (or, with --cell, of the "
                + "enthalpy E + pV over positions and cell) by FIRE or L-BFGS.",
            "Atoms fixed by the input's move_mask (ASE's constraint column) and by --fix do not move. The result "
                    + "carries energy, forces and stress under ASE's keys, and relax_converged, relax_steps, "
                    + "relax_fmax (eV/Å) and, with --cell, enthalpy (eV) and relax_smax (GPa).",
            "Exit code 0 when converged; 3 when not (step limit, or a non-finite energy or force), after "
                    + "writing the last structure; 1 for errors."},
        footer = {"", "Examples:",
            "  potentia relax -p sw --structure rattled.extxyz -o relaxed.extxyz",
            "  potentia relax -p sw --structure si.extxyz --cell --pressure 5 -o si-5GPa.extxyz",
            "  potentia relax -p lj --structure slab.extxyz --fix 'z<3' --optimizer lbfgs --fmax 0.005 "
                    + "--trajectory steps.extxyz -o out.extxyz"})
final class RelaxCommand implements Callable<Integer> {

    @Mixin
    PotentialOptions potentialOptions;

    @Option(names = {"-s", "--structure"}, required = true, paramLabel = "FILE",
            description = "The structure to relax (extended XYZ or POSCAR).")
    Path input;

    @Option(names = "--frame", paramLabel = "N",
            description = "Which frame of a multi-frame file (N or -N from the end; a file with one frame needs none).")
    String frame;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Input format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "The relaxed structure (written atomically, also when not converged).")
    Path output;

    @Option(names = "--fmax", paramLabel = "eV/Å", defaultValue = "0.01",
            description = "Converged when every free atom's force is below this (default: ${DEFAULT-VALUE} eV/Å).")
    double fmax;

    @Option(names = "--cell", description = "Relax the cell too (periodic lattice vectors only).")
    boolean cell;

    @Option(names = "--pressure", paramLabel = "GPa",
            description = "Target hydrostatic pressure with --cell (default: 0 GPa).")
    Double pressure;

    @Option(names = "--smax", paramLabel = "GPa",
            description = "With --cell, converged when every stress component is within this of −p (default: 0.01 GPa).")
    Double smax;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "fire",
            description = "fire or lbfgs (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "1000",
            description = "Give up after N steps (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--max-step", paramLabel = "Å", defaultValue = "0.2",
            description = "Largest displacement of an atom per step (default: ${DEFAULT-VALUE} Å).")
    double maxStep;

    @Option(names = "--fix", paramLabel = "SPEC", description = "Atoms to fix: " + FixSpec.HELP + ".")
    String fix;

    @Option(names = "--trajectory", paramLabel = "FILE",
            description = "Also write every step (extended XYZ, with energy and forces).")
    Path trajectory;

    @Option(names = "--min-distance", paramLabel = "Å", defaultValue = "0.5",
            description = "Refuse a start with two atoms closer than this; 0 disables (default: ${DEFAULT-VALUE}).")
    double minDistance;

    @Override
    public Integer call() {
        if (!cell && (pressure != null || smax != null)) {
            throw new IllegalArgumentException("--pressure and --smax apply to cell relaxation: add --cell");
        }
        Potential potential = potentialOptions.potential();
        Structure start = readStructure();
        checkOverlaps(start);
        RelaxOptions options = options(start);
        StructureSink steps = trajectory == null ? null : StructureFiles.writer(trajectory, Format.guess(trajectory));
        RelaxResult result;
        try (ProgressBar bar = new ProgressBar("relax", 0, "steps")) { // total unknown: most runs stop early
            result = Relaxer.relax(potential, start, options, step -> {
                bar.update(step.step(), metrics(step));
                if (steps != null) {
                    steps.write(step.structure());
                }
            });
            bar.finish(result.message());
        } catch (RuntimeException e) {
            if (steps != null) {
                steps.abort();
            }
            throw e;
        }
        if (steps != null) {
            steps.close();
        }
        Structure out = annotate(result);
        StructureSink sink = StructureFiles.writer(output, Format.guess(output));
        try {
            sink.write(out);
        } catch (RuntimeException e) {
            sink.abort();
            throw e;
        }
        sink.close();
        if (result.converged()) {
            System.err.printf(Locale.ROOT, "wrote %s: E = %.8g eV%s%n", output, result.energy(),
                    cell ? String.format(Locale.ROOT, ", H = %.8g eV, V = %.6g Å³", result.enthalpy(),
                            out.cell().volume()) : "");
            return 0;
        }
        System.err.println("relax: error: " + result.message() + "; the last structure is in " + output);
        return 3;
    }

    private Structure readStructure() {
        Format f = format != null ? format : Format.guess(input);
        java.util.List<Structure> all = StructureFiles.readAll(input, f);
        if (all.isEmpty()) {
            throw new IllegalArgumentException(input + " holds no structure");
        }
        if (frame == null) {
            if (all.size() != 1) {
                throw new IllegalArgumentException(input + " holds " + all.size()
                        + " frames: choose one with --frame N (-1 for the last)");
            }
            return all.get(0);
        }
        Frames selection = Frames.parse(frame);
        if (!selection.single()) {
            throw new IllegalArgumentException("--frame takes one frame (N or -N), got '" + frame + "'");
        }
        int[] range = selection.resolve(all.size());
        if (range[0] >= all.size()) {
            throw new IllegalArgumentException("frame " + frame + " does not exist (" + input + " has " + all.size()
                    + " frames)");
        }
        return all.get(range[0]);
    }

    private void checkOverlaps(Structure s) {
        if (minDistance > 0) {
            Optional<Overlaps.Pair> close = Overlaps.closest(s, minDistance);
            if (close.isPresent()) {
                Overlaps.Pair p = close.get();
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: atoms %d and %d are %.4g Å apart, closer than --min-distance %.3g Å (overlapping atoms)",
                        input, p.i(), p.j(), p.distance(), minDistance));
            }
        }
    }

    private RelaxOptions options(Structure start) {
        RelaxOptions.Algorithm algorithm = switch (optimizer.trim().toLowerCase(Locale.ROOT)) {
            case "fire" -> RelaxOptions.Algorithm.FIRE;
            case "lbfgs", "l-bfgs" -> RelaxOptions.Algorithm.LBFGS;
            default -> throw new IllegalArgumentException("unknown --optimizer '" + optimizer + "': use fire or lbfgs");
        };
        RelaxOptions.Builder b = RelaxOptions.builder().algorithm(algorithm).fmax(fmax).maxSteps(maxSteps)
                .maxStep(maxStep);
        if (cell) {
            double p = pressure == null ? 0 : pressure;
            double s = smax == null ? 0.01 : smax;
            if (!(s > 0)) {
                throw new IllegalArgumentException("--smax must be a positive stress in GPa, got " + s);
            }
            b.cell(new CellRelaxation(Units.fromGPa(p), Units.fromGPa(s), 0));
        }
        if (fix != null) {
            b.fix(FixSpec.parse(fix, start));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("fmax", "--fmax").replace("max steps", "--max-steps")
                    .replace("max step ", "--max-step "), e);
        }
    }

    private String metrics(RelaxStep step) {
        String s = String.format(Locale.ROOT, "E=%.8g eV  fmax=%.3g eV/Å", step.energy(), step.fmax());
        return cell ? s + String.format(Locale.ROOT, "  smax=%.3g GPa", Units.toGPa(step.smax())) : s;
    }

    private Structure annotate(RelaxResult r) {
        Structure out = r.structure()
                .withInfo("relax_converged", new InfoValue.Bool(r.converged()))
                .withInfo("relax_steps", new InfoValue.Int(r.steps()))
                .withInfo("relax_fmax", new InfoValue.Real(r.fmax()));
        if (cell) {
            out = out.withInfo("enthalpy", new InfoValue.Real(r.enthalpy()))
                    .withInfo("relax_smax", new InfoValue.Real(Units.toGPa(r.smax())));
        }
        return out;
    }
}
