package potentia.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import potentia.nn.ModelFile;
import potentia.nn.NeuralNetworkPotential;
import potentia.potential.Potential;
import potentia.potential.lj.CutoffMode;
import potentia.potential.lj.LennardJones;
import potentia.potential.sw.StillingerWeber;
import potentia.structure.Element;

/**
 * Parses the {@code --potential} argument into a potential:
 * <ul>
 *   <li>{@code sw} — Stillinger-Weber with the original Si parameters;
 *       {@code sw:FILE} — any LAMMPS {@code .sw} parameter file;</li>
 *   <li>{@code lj} — Lennard-Jones with argon's parameters (ε = 0.0104 eV, σ = 3.40 Å, cutoff 2.5σ,
 *       energy shifted to zero at the cutoff); {@code lj:epsilon=E,sigma=S,cutoff=R,mode=shift|truncate|smooth}
 *       sets any of them, the same for every element;</li>
 *   <li>{@code model:FILE} — a neural-network model file (what {@code --model FILE} records, so that
 *       a resumed run finds its model again).</li>
 * </ul>
 */
final class PotentialSpec {
    static final String HELP = "sw | sw:FILE.sw | lj | lj:epsilon=EV,sigma=Å,cutoff=Å,mode=shift|truncate|smooth";

    private PotentialSpec() {
    }

    static Potential parse(String spec, int threads) {
        String name = spec;
        String args = "";
        int colon = spec.indexOf(':');
        if (colon >= 0) {
            name = spec.substring(0, colon);
            args = spec.substring(colon + 1);
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sw" -> stillingerWeber(args).withThreads(threads);
            case "lj" -> lennardJones(args).withThreads(threads);
            case "model" -> NeuralNetworkPotential.of(ModelFile.read(Path.of(args))).withThreads(threads);
            default -> throw new IllegalArgumentException("unknown potential '" + name + "': use " + HELP);
        };
    }

    /** The spec of a model file: {@code model:} and its absolute path. */
    static String model(Path file) {
        return "model:" + file.toAbsolutePath().normalize();
    }

    private static StillingerWeber stillingerWeber(String args) {
        if (args.isEmpty()) {
            return StillingerWeber.silicon();
        }
        Path file = Path.of(args);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Stillinger-Weber parameter file not found: " + file);
        }
        return StillingerWeber.read(file);
    }

    private static LennardJones lennardJones(String args) {
        Map<String, String> kv = keyValues(args, Set.of("epsilon", "sigma", "cutoff", "mode"));
        double epsilon = number(kv, "epsilon", 0.0104);
        double sigma = number(kv, "sigma", 3.40);
        double cutoff = number(kv, "cutoff", 2.5 * sigma);
        CutoffMode mode = switch (kv.getOrDefault("mode", "shift")) {
            case "shift" -> CutoffMode.shifted();
            case "truncate" -> CutoffMode.truncated();
            case "smooth" -> CutoffMode.smooth(0.9);
            default -> throw new IllegalArgumentException("lj mode must be shift, truncate or smooth, got '"
                    + kv.get("mode") + "'");
        };
        LennardJones.Builder b = LennardJones.builder().cutoffMode(mode);
        for (Element e : Element.values()) {
            b.species(e, epsilon, sigma, cutoff);
        }
        return b.build();
    }

    private static Map<String, String> keyValues(String args, Set<String> allowed) {
        Map<String, String> kv = new LinkedHashMap<>();
        if (args.isBlank()) {
            return kv;
        }
        for (String part : args.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value in potential options, got '" + part + "'");
            }
            String key = part.substring(0, eq).trim();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown potential option '" + key + "' (allowed: " + allowed + ")");
            }
            kv.put(key, part.substring(eq + 1).trim());
        }
        return kv;
    }

    private static double number(Map<String, String> kv, String key, double fallback) {
        String v = kv.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("potential option " + key + " must be a positive number, got " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("potential option " + key + " is not a number: '" + v + "'");
        }
    }
}
