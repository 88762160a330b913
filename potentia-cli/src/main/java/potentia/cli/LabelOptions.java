package potentia.cli;

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

    LabelKeys keys() {
        return new LabelKeys(energy, forces, stress, group);
    }
}
