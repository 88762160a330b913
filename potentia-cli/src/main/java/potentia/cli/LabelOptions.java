package potentia.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import potentia.train.LabelKeys;

/** Where data files keep their reference labels (train and test share these options). */
final class LabelOptions {

    @Option(names = "--energy-key", defaultValue = "energy", paramLabel = "KEY",
            description = "Info key of the total energy, eV (default: ${DEFAULT-VALUE}).")
    String energy;

    @Option(names = "--forces-key", defaultValue = "forces", paramLabel = "KEY",
            description = "Per-atom array of forces, eV/Å (default: ${DEFAULT-VALUE}).")
    String forces;

    @Option(names = "--stress-key", defaultValue = "stress", paramLabel = "KEY",
            description = "Info key of the stress, eV/Å³, ASE sign, 9 or 6 (Voigt) numbers (default: ${DEFAULT-VALUE}).")
    String stress;

    @Option(names = "--group-key", defaultValue = "config_type", paramLabel = "KEY",
            description = "Info key that groups frames in the error tables (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--where", paramLabel = "KEY=VALUE",
            description = "Only frames whose info KEY has this VALUE (compared as text, e.g. temperature_K=500); "
                    + "repeat for several conditions, all must hold (default: every frame).")
    Map<String, String> where = new LinkedHashMap<>();

    /** The filter as {@code KEY=VALUE} texts, the form the option and a configuration file take. */
    List<String> whereTexts() {
        return where.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** Why a read gave no frames: the files, and the filter when there is one. */
    String noFramesMessage(List<?> files) {
        return where.isEmpty() ? "no frames in " + files
                : "no frames in " + files + " match --where " + String.join(" --where ", whereTexts());
    }

    LabelKeys keys() {
        return new LabelKeys(energy, forces, stress, group);
    }
}
