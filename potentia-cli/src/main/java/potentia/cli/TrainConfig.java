package potentia.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A YAML configuration file as command-line arguments: a flat mapping whose keys are the long
 * option names without dashes ({@code learning-rate: 1e-3}, underscores allowed for dashes).
 * Lists become repeated options, {@code true}/{@code false} become {@code --key}/{@code --no-key},
 * and relative paths of the data keys are taken relative to the file's directory. The arguments
 * go before the command line's own, so a flag given on the command line wins.
 */
final class TrainConfig {
    /** Keys whose values are files, resolved against the configuration file's directory. */
    static final Set<String> PATH_KEYS = Set.of("data", "validation-data");

    private TrainConfig() {
    }

    /**
     * The arguments a file stands for, leaving out the options in {@code given} (already on the
     * command line: for list options the command line replaces the file's list).
     *
     * @param spec the command, for the names and kinds of its options
     */
    static List<String> arguments(Path file, CommandSpec spec, Set<String> given) {
        Object root;
        try (Reader r = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read configuration " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) { // SnakeYAML's parse errors carry the line and column
            throw new IllegalArgumentException("configuration " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("configuration " + file + " must be a mapping of option: value");
        }
        Path dir = file.toAbsolutePath().getParent();
        List<String> args = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey()).replace('_', '-');
            OptionSpec option = spec.findOption("--" + key);
            if (option == null || key.equals("help") || key.equals("version") || key.equals("resume")) {
                throw new IllegalArgumentException("configuration " + file + ": unknown option '" + e.getKey()
                        + "' (the options of potentia train --help, without the dashes)");
            }
            if (given.contains(option.longestName())) {
                continue;
            }
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            if (option.type() == boolean.class || option.type() == Boolean.class) {
                if (!(v instanceof Boolean b)) {
                    throw new IllegalArgumentException("configuration " + file + ": '" + e.getKey()
                            + "' must be true or false, got " + v);
                }
                args.add(b ? "--" + key : "--no-" + key);
                continue;
            }
            if (Map.class.isAssignableFrom(option.type()) && v instanceof Map<?, ?> pairs) {
                for (Map.Entry<?, ?> pair : pairs.entrySet()) { // where: {temperature_K: 500}
                    args.add("--" + key);
                    args.add(pair.getKey() + "=" + pair.getValue());
                }
                continue;
            }
            List<?> values = v instanceof List<?> l ? l : List.of(v);
            for (Object x : values) {
                if (x instanceof Map<?, ?> || x instanceof List<?>) {
                    throw new IllegalArgumentException("configuration " + file + ": '" + e.getKey()
                            + "' must be a value or a list of values");
                }
                String text = String.valueOf(x);
                if (PATH_KEYS.contains(key)) {
                    text = dir.resolve(text).normalize().toString();
                }
                args.add("--" + key);
                args.add(text);
            }
        }
        return args;
    }
}
