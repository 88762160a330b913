package potentia.ns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import potentia.structure.Element;
import potentia.units.Units;

/**
 * The human-readable description of a run, {@code ns.run} in the run directory: one
 * {@code key = value} per line ({@code #} starts a comment). It says what the analysis needs
 * (walkers, walkers removed per iteration, atoms, pressure, whether the cell was variable) and
 * what a reader wants to know (potential, composition, container, moves, seed).
 *
 * @param values the entries, in order
 */
public record NsRunInfo(Map<String, String> values) {

    /** The description of a run. */
    public static NsRunInfo of(String potentialSpec, String potentialName, int[] numbers, NsSettings s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("format", "potentia nested sampling 1");
        v.put("potential", potentialSpec);
        v.put("potential_name", potentialName);
        v.put("atoms", Integer.toString(numbers.length));
        v.put("composition", composition(numbers));
        v.put("walkers", Integer.toString(s.walkers()));
        v.put("cull", Integer.toString(s.cull()));
        v.put("parallel_walks", Integer.toString(s.parallelWalks()));
        v.put("walk_length", Integer.toString(s.walkLength()));
        v.put("iterations", Long.toString(s.iterations()));
        v.put("seed", Long.toString(s.seed()));
        v.put("pressure_eV_per_A3", Double.toString(s.pressure()));
        v.put("pressure_GPa", Double.toString(Units.toGPa(s.pressure())));
        v.put("constant_pressure", Boolean.toString(s.container().variableCell()));
        v.put("container", describe(s.container()));
        StringBuilder moves = new StringBuilder();
        for (MoveKind k : MoveKind.values()) {
            moves.append(moves.isEmpty() ? "" : " ").append(k.label()).append(':').append(s.moves().weight(k));
        }
        v.put("moves", moves.toString());
        v.put("galilean_steps", Integer.toString(s.moves().galileanSteps()));
        if (s.moves().kinetic()) {
            // the analysis divides the momenta's capped Boltzmann integral out of Z
            v.put("hamiltonian_steps", Integer.toString(s.moves().hamiltonianSteps()));
            v.put("kinetic_temperature_K", Double.toString(s.moves().kineticTemperature()));
            v.put("kinetic_cap_eV", Double.toString(KineticPrior.of(numbers, s.moves()).cap()));
            v.put("enthalpy", "E + PV + K (the walkers carry momenta)");
        }
        v.put("snapshot_every", Integer.toString(s.snapshotEvery()));
        return new NsRunInfo(v);
    }

    private static String composition(int[] numbers) {
        Map<Element, Integer> counts = new LinkedHashMap<>();
        for (int z : numbers) {
            counts.merge(Element.ofNumber(z), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((e, c) -> sb.append(e).append(c));
        return sb.toString();
    }

    private static String describe(Container c) {
        return switch (c) {
            case Container.VariableCell v -> String.format(Locale.ROOT, "variable cell, V_max %s A^3, min aspect ratio %s",
                    v.maxVolume(), v.minAspectRatio());
            case Container.FixedCell f -> "fixed periodic cell, volume " + f.cell().volume() + " A^3";
            case Container.Sphere s -> "sphere of radius " + s.radius() + " A";
            case Container.Box b -> "box " + b.a() + " x " + b.b() + " x " + b.c() + " A";
        };
    }

    /** Writes {@code path} atomically. */
    public void write(Path path) {
        StringBuilder sb = new StringBuilder("# potentia ns: run description\n");
        values.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        Path tmp = path.resolveSibling("." + path.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, sb.toString());
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code path}.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed entry, or when missing
     */
    public static NsRunInfo read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(path + " not found: not a potentia ns run directory");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(path + ", line " + (i + 1) + ": expected 'key = value', got '" + line
                        + "'");
            }
            v.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return new NsRunInfo(v);
    }

    /** A value. @throws IllegalArgumentException when absent */
    public String get(String key) {
        String s = values.get(key);
        if (s == null) {
            throw new IllegalArgumentException("run description has no '" + key + "'");
        }
        return s;
    }

    /** An integer value. */
    public int integer(String key) {
        try {
            return Integer.parseInt(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("run description: " + key + " is not an integer: '" + get(key) + "'");
        }
    }

    /** A real value. */
    public double real(String key) {
        try {
            return Double.parseDouble(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("run description: " + key + " is not a number: '" + get(key) + "'");
        }
    }
}
