package potentia.bench;

import java.util.Arrays;

/**
 * Entry point of {@code bin/bench <name> [args]}: runs one benchmark by name. Add a benchmark
 * by adding its name to {@link #NAMES} and a case to the switch.
 */
public final class BenchMain {
    private static final String NAMES = "neighbour, sw, extxyz, cmaes";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.err.println("usage: bin/bench <name> [args]   (names: " + NAMES + "; <name> --help for its options)");
            System.exit(args.length == 0 ? 2 : 0);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "neighbour", "neighbor" -> NeighbourBench.main(rest);
            case "sw" -> SwBench.main(rest);
            case "extxyz" -> ExtxyzBench.main(rest);
            case "cmaes" -> CmaesBench.main(rest);
            default -> {
                System.err.println("bench: unknown benchmark '" + args[0] + "' (names: " + NAMES + ")");
                System.exit(2);
            }
        }
    }
}
