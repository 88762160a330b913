package potentia.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of {@code bin/bench <name> [args]}: runs one benchmark by name. Add a benchmark with
 * one line in {@link #BENCHMARKS}.
 */
public final class BenchMain {
    /** A benchmark's main method. */
    @FunctionalInterface
    interface Benchmark {
        void run(String[] args) throws Exception;
    }

    private static final Map<String, Benchmark> BENCHMARKS = new LinkedHashMap<>();

    static {
        BENCHMARKS.put("neighbour", NeighbourBench::main);
        BENCHMARKS.put("sw", SwBench::main);
        BENCHMARKS.put("extxyz", ExtxyzBench::main);
        BENCHMARKS.put("descriptor", DescriptorBench::main);
        BENCHMARKS.put("md", MdBench::main);
        BENCHMARKS.put("liquid-si", LiquidSiCheck::main);
        BENCHMARKS.put("cmaes", CmaesBench::main);
        BENCHMARKS.put("nn", NnBench::main);
        BENCHMARKS.put("phonons", PhononBench::main);
        BENCHMARKS.put("ns", NsBench::main);
        BENCHMARKS.put("train", TrainBench::main);
    }

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String names = String.join(", ", BENCHMARKS.keySet());
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.err.println("usage: bin/bench <name> [args]   (names: " + names + "; <name> --help for its options)");
            System.exit(args.length == 0 ? 2 : 0);
        }
        Benchmark b = BENCHMARKS.get(args[0].equals("neighbor") ? "neighbour" : args[0]);
        if (b == null) {
            System.err.println("bench: unknown benchmark '" + args[0] + "' (names: " + names + ")");
            System.exit(2);
        }
        b.run(Arrays.copyOfRange(args, 1, args.length));
    }
}
