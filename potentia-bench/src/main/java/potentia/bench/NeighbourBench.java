package potentia.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import potentia.neighbour.NeighbourList;
import potentia.structure.Cell;
import potentia.structure.Crystals;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * Neighbour-list build time against system size: diamond Si supercells from 1k to 1M atoms
 * (and a rattled 1M-atom one), half and full lists, with ASE's
 * {@code ase.neighborlist.neighbor_list('ijS', atoms, cutoff)} timed on the same structures in
 * the same run as the baseline. Prints a markdown table.
 *
 * <p>Timing: each case is built repeatedly for at least the warm-up time (JIT), then the best
 * of several timed builds is reported (garbage collected before each). ASE is timed inside
 * Python with time.perf_counter (after one untimed call), so interpreter start-up and reading
 * the structure are excluded.
 */
public final class NeighbourBench {
    private static final double SI_LATTICE = 5.43;
    private static final String PYTHON = "/usr/bin/python3";
    private static final String ASE_SCRIPT = """
            import sys, time
            from ase.io import read
            from ase.neighborlist import neighbor_list
            atoms = read(sys.argv[1])
            cutoff = float(sys.argv[2])
            runs = int(sys.argv[3])
            i, j, S = neighbor_list('ijS', atoms, cutoff)
            best = float('inf')
            for _ in range(runs):
                t = time.perf_counter()
                i, j, S = neighbor_list('ijS', atoms, cutoff)
                best = min(best, time.perf_counter() - t)
            print(len(i), best)
            """;

    private NeighbourBench() {
    }

    public static void main(String[] args) throws Exception {
        double cutoff = 5.0;
        long maxAtoms = 1_000_000;
        long peerMaxAtoms = 100_000;
        int threads = 1;
        double warmup = 2.0;
        int runs = 5;
        boolean peer = true;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--cutoff" -> cutoff = Double.parseDouble(args[++a]);
                case "--max-atoms" -> maxAtoms = Long.parseLong(args[++a]);
                case "--peer-max-atoms" -> peerMaxAtoms = Long.parseLong(args[++a]);
                case "--threads" -> threads = Integer.parseInt(args[++a]);
                case "--warmup" -> warmup = Double.parseDouble(args[++a]);
                case "--runs" -> runs = Integer.parseInt(args[++a]);
                case "--no-peer" -> peer = false;
                case "-h", "--help" -> {
                    System.out.println("""
                            bin/bench neighbour [--cutoff 5.0] [--max-atoms 1000000] [--threads 1]
                                                [--warmup 2.0 (s per case)] [--runs 5 (best of)]
                                                [--peer-max-atoms 100000] [--no-peer]""");
                    return;
                }
                default -> throw new IllegalArgumentException("neighbour bench: unknown option '" + args[a] + "'");
            }
        }
        peer = peer && aseAvailable();
        System.out.printf("# Neighbour-list build, diamond Si (a = %.2f Å), cutoff %.2f Å, %d thread%s%n",
                SI_LATTICE, cutoff, threads, threads == 1 ? "" : "s");
        System.out.printf("JVM %s (%s), %s, load average at start: %s%n", System.getProperty("java.vm.version"),
                System.getProperty("java.vm.name"), cpuModel(), loadAverage());
        System.out.printf("warm-up ≥ %.1f s per case, best of %d; peer: %s%n%n", warmup, runs,
                peer ? "ASE neighbor_list('ijS') via " + PYTHON + " (full list; same structure, extxyz)"
                        : "none (python3-ase not found or --no-peer)");
        System.out.println("| atoms | list | pairs | seconds | ns/atom | ASE s | ASE / ours |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|");
        List<Case> cases = new ArrayList<>();
        for (int n : new int[] {5, 8, 11, 16, 23, 32, 40, 50}) {
            if (8L * n * n * n <= maxAtoms) {
                cases.add(new Case(diamond(n), ""));
            }
        }
        if (maxAtoms >= 1_000_000) {
            cases.add(new Case(diamond(50).rattled(0.1, new SplittableRandom(1)), " (rattled 0.1 Å)"));
        }
        for (Case c : cases) {
            Structure s = c.structure();
            String aseSeconds = "";
            String aseRatio = "";
            double ase = Double.NaN;
            long asePairs = -1;
            if (peer && s.size() <= peerMaxAtoms) {
                double[] r = runAse(s, cutoff, s.size() <= 40_000 ? 3 : 1);
                asePairs = (long) r[0];
                ase = r[1];
                aseSeconds = String.format("%.4f", ase);
            }
            for (boolean full : new boolean[] {false, true}) {
                int th = threads;
                double c2 = cutoff;
                Timing t = time(() -> NeighbourList.build(s, c2, full, th), warmup, runs);
                if (!Double.isNaN(ase)) {
                    aseRatio = String.format("%.1f×", ase / t.seconds());
                }
                if (full && asePairs >= 0 && asePairs != t.pairs()) {
                    System.out.println("WARNING: ASE found " + asePairs + " pairs, Potentia " + t.pairs());
                }
                System.out.printf("| %,d%s | %s | %,d | %.4f | %.0f | %s | %s |%n", s.size(), c.label(),
                        full ? "full" : "half", t.pairs(), t.seconds(), 1e9 * t.seconds() / s.size(),
                        aseSeconds, aseRatio);
            }
        }
        System.out.println();
        System.out.println("ASE builds full lists only; its time is compared with both of ours. "
                + "Load average at end: " + loadAverage());
    }

    private record Case(Structure structure, String label) {
    }

    private record Timing(double seconds, long pairs) {
    }

    private static Timing time(java.util.function.Supplier<NeighbourList> build, double warmup, int runs) {
        long pairs = 0;
        long until = System.nanoTime() + (long) (warmup * 1e9);
        int warm = 0;
        while (System.nanoTime() < until || warm < 3) {
            pairs = build.get().pairCount();
            warm++;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < runs; r++) {
            System.gc();
            long t0 = System.nanoTime();
            NeighbourList l = build.get();
            long t1 = System.nanoTime();
            pairs = l.pairCount();
            best = Math.min(best, (t1 - t0) * 1e-9);
        }
        return new Timing(best, pairs);
    }

    /** Diamond Si, conventional 8-atom cell repeated n×n×n. */
    static Structure diamond(int n) {
        return Crystals.diamond(Element.Si, SI_LATTICE).repeat(n, n, n);
    }

    private static boolean aseAvailable() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import ase.neighborlist").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** ASE's best time on {@code s}: {pairs, seconds}. */
    private static double[] runAse(Structure s, double cutoff, int runs) throws IOException, InterruptedException {
        Path file = Files.createTempFile("potentia-neighbour-bench", ".extxyz");
        try {
            writeExtxyz(s, file);
            Process p = new ProcessBuilder(PYTHON, "-c", ASE_SCRIPT, file.toString(), Double.toString(cutoff),
                    Integer.toString(runs)).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (p.waitFor() != 0) {
                throw new IOException("ASE run failed: " + out);
            }
            String[] last = out.lines().reduce((a, b) -> b).orElse("").trim().split("\\s+");
            return new double[] {Double.parseDouble(last[0]), Double.parseDouble(last[1])};
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A minimal extended XYZ file (species and positions, shortest round-trip decimals). */
    private static void writeExtxyz(Structure s, Path file) throws IOException {
        Cell cell = s.cell();
        StringBuilder lattice = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                lattice.append(r + c == 0 ? "" : " ").append(cell.get(r, c));
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(s.size() + "\n");
            w.write("Lattice=\"" + lattice + "\" Properties=species:S:1:pos:R:3 pbc=\""
                    + (cell.periodic(0) ? "T" : "F") + " " + (cell.periodic(1) ? "T" : "F") + " "
                    + (cell.periodic(2) ? "T" : "F") + "\"\n");
            for (int i = 0; i < s.size(); i++) {
                w.write(s.element(i).symbol() + " " + s.position(i, 0) + " " + s.position(i, 1) + " "
                        + s.position(i, 2) + "\n");
            }
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU")
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores visible";
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
