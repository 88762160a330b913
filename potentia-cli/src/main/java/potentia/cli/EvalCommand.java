package potentia.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import potentia.io.StructureFiles.Format;
import potentia.io.ExtxyzWriter;
import potentia.io.StructureFiles;
import potentia.io.StructureSink;
import potentia.io.StructureSource;
import potentia.neighbour.Overlaps;
import potentia.potential.Potential;
import potentia.potential.Property;
import potentia.potential.Result;
import potentia.potential.ResultLabels;
import potentia.structure.AtomArray;
import potentia.structure.InfoValue;
import potentia.structure.Structure;

/** {@code potentia eval}: energies, forces and stress of every frame, written back under ASE's keys. */
@Command(name = "eval",
        description = {
            "Evaluate a potential on every frame of structure files and write them back, info and per-atom "
                    + "arrays kept, with the results under ASE's keys: energy (eV), forces (eV/Å), "
                    + "stress (eV/Å³, ASE sign; virial for clusters) and energies (per atom, eV).",
            "A committee model (--model) adds the spread of its members: energy_std (info), forces_std and "
                    + "energies_std (per atom), stress_std (info).",
            "Labels the input already had under those keys are kept as input_<key> (e.g. input_energy), "
                    + "and the deviation from them is reported."},
        footer = {"", "Examples:",
            "  potentia eval --potential sw examples/si-structures.extxyz -o si-sw.extxyz",
            "  potentia eval --model si.potentia examples/si-structures.extxyz -o si-nn.extxyz",
            "  potentia eval -p lj:epsilon=0.0104,sigma=3.4 argon.extxyz > argon-lj.extxyz",
            "  potentia eval -p sw:/usr/share/lammps/potentials/GaN.sw --properties energy,forces POSCAR -o out.extxyz"})
final class EvalCommand implements Callable<Integer> {

    @Mixin
    PotentialOptions potentialOptions;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Input structures (extended XYZ or POSCAR).")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Output file (written atomically); default: extended XYZ on standard output.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Format of the inputs when the file name does not tell: ${COMPLETION-CANDIDATES}.")
    Format inputFormat;

    @Option(names = "--output-format", paramLabel = "FORMAT",
            description = "Format of the output when its name does not tell: ${COMPLETION-CANDIDATES}.")
    Format outputFormat;

    @Option(names = "--properties", split = ",", paramLabel = "P",
            description = "What to compute: energy, forces, stress, energies, and for committee models "
                    + "energy_std, forces_std, stress_std, energies_std (default: all the potential offers).")
    List<String> properties;

    @Option(names = "--min-distance", paramLabel = "Å", defaultValue = "0.5",
            description = "Refuse frames with two atoms closer than this (overlapping atoms); 0 disables "
                    + "(default: ${DEFAULT-VALUE}).")
    double minDistance;

    @Option(names = "--overwrite-labels",
            description = "Drop the input's own energy/forces/stress/energies instead of keeping them as input_<key>.")
    boolean overwriteLabels;

    @Override
    public Integer call() {
        Potential potential = potentialOptions.potential();
        Set<Property> requested = requested(potential);
        PrintStream err = System.err;
        Deviation deviation = new Deviation();
        long atoms = 0;
        int frames = 0;
        long started = System.nanoTime();
        StructureSink sink = output == null
                ? new ExtxyzWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : StructureFiles.writer(output, outputFormat != null ? outputFormat : Format.guess(output));
        try (ProgressBar bar = new ProgressBar("eval", 0, "frames")) {
            for (Path input : inputs) {
                try (StructureSource source = StructureFiles.read(input,
                        inputFormat != null ? inputFormat : Format.guess(input))) {
                    int index = 0;
                    for (Structure s : source) {
                        Structure out = evaluate(potential, requested, s, input, index++, deviation);
                        sink.write(out);
                        frames++;
                        atoms += s.size();
                        bar.update(frames, energyMetric(out));
                    }
                }
            }
            bar.finish(String.format(Locale.ROOT, "%d atoms, %s", atoms, potential.name()));
        } catch (RuntimeException e) {
            sink.abort();
            throw e;
        }
        sink.close();
        double seconds = (System.nanoTime() - started) * 1e-9;
        if (output != null) {
            err.printf(Locale.ROOT, "wrote %d frames to %s (%.3g s, %.3g atoms/s)%n", frames, output, seconds,
                    atoms / seconds);
        }
        deviation.report(err);
        return 0;
    }

    private Set<Property> requested(Potential potential) {
        Set<Property> offered = potential.supported();
        if (properties == null) {
            EnumSet<Property> all = EnumSet.copyOf(offered);
            return all;
        }
        EnumSet<Property> set = EnumSet.noneOf(Property.class);
        for (String name : properties) {
            Property p = switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "energy" -> Property.ENERGY;
                case "forces" -> Property.FORCES;
                case "stress", "virial" -> Property.STRESS;
                case "energies" -> Property.ENERGIES;
                case "energy_std" -> Property.ENERGY_STD;
                case "forces_std" -> Property.FORCES_STD;
                case "stress_std" -> Property.STRESS_STD;
                case "energies_std" -> Property.ENERGIES_STD;
                default -> throw new IllegalArgumentException("unknown property '" + name
                        + "': use energy, forces, stress, energies, energy_std, forces_std, stress_std, energies_std");
            };
            if (!offered.contains(p)) {
                throw new IllegalArgumentException(potential.name() + " cannot compute " + p.key());
            }
            set.add(p);
        }
        return set;
    }

    private Structure evaluate(Potential potential, Set<Property> requested, Structure s, Path file, int frame,
            Deviation deviation) {
        String where = file + " frame " + frame;
        if (minDistance > 0) {
            Optional<Overlaps.Pair> close = Overlaps.closest(s, minDistance);
            if (close.isPresent()) {
                Overlaps.Pair p = close.get();
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: atoms %d and %d are %.4g Å apart, closer than --min-distance %.3g Å (overlapping atoms)",
                        where, p.i(), p.j(), p.distance(), minDistance));
            }
        }
        Result r;
        try {
            r = potential.compute(s, requested);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        deviation.add(s, r);
        Structure kept = overwriteLabels ? s : keepInputLabels(s, r);
        return ResultLabels.attach(kept, r);
    }

    /** Renames the input's labels that the result would overwrite to input_KEY. */
    private static Structure keepInputLabels(Structure s, Result r) {
        Structure out = s;
        for (String key : List.of("energy", "stress", "virial", "energy_std", "stress_std")) {
            Optional<InfoValue> v = s.info(key);
            if (v.isPresent() && resultWrites(r, key)) {
                out = out.withoutInfo(key).withInfo("input_" + key, v.get());
            }
        }
        for (String key : List.of("forces", "energies", "forces_std", "energies_std")) {
            Optional<AtomArray> v = s.array(key);
            if (v.isPresent() && resultWrites(r, key)) {
                out = out.withoutArray(key).withArray("input_" + key, v.get());
            }
        }
        return out;
    }

    private static boolean resultWrites(Result r, String key) {
        return switch (key) {
            case "stress" -> r.hasStress();
            case "virial" -> r.has(Property.STRESS) && !r.hasStress();
            default -> r.available().stream().anyMatch(p -> p.key().equals(key));
        };
    }

    private static String energyMetric(Structure out) {
        return out.info("energy").map(v -> String.format(Locale.ROOT, "E=%.5g eV", v.asDouble())).orElse("");
    }

    /** Accumulates the deviation of the results from the labels the input carried. */
    static final class Deviation {
        private double energyAbs;
        private int energyFrames;
        private double forceSq;
        private long forceComponents;
        private double forceAbs;

        void add(Structure s, Result r) {
            Optional<InfoValue> e = s.info("energy");
            if (e.isPresent() && r.has(Property.ENERGY) && (e.get() instanceof InfoValue.Real
                    || e.get() instanceof InfoValue.Int)) {
                energyAbs += Math.abs(r.energy() - e.get().asDouble()) / Math.max(1, s.size());
                energyFrames++;
            }
            Optional<AtomArray> f = s.array("forces");
            if (f.isPresent() && r.has(Property.FORCES) && f.get() instanceof AtomArray.Reals fr && fr.columns() == 3) {
                double[] ref = fr.values();
                double[] got = r.forces();
                for (int k = 0; k < ref.length; k++) {
                    double d = got[k] - ref[k];
                    forceSq += d * d;
                    forceAbs += Math.abs(d);
                }
                forceComponents += ref.length;
            }
        }

        void report(PrintStream out) {
            List<String> parts = new ArrayList<>();
            if (energyFrames > 0) {
                parts.add(String.format(Locale.ROOT, "energy MAE %.4g meV/atom (%d frames)",
                        1000 * energyAbs / energyFrames, energyFrames));
            }
            if (forceComponents > 0) {
                parts.add(String.format(Locale.ROOT, "forces MAE %.4g meV/Å, RMSE %.4g meV/Å",
                        1000 * forceAbs / forceComponents, 1000 * Math.sqrt(forceSq / forceComponents)));
            }
            if (!parts.isEmpty()) {
                out.println("deviation from the input's labels: " + String.join(", ", parts));
            }
        }
    }
}
