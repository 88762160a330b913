package potentia.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import potentia.io.ExtxyzReader;
import potentia.io.ExtxyzWriter;
import potentia.structure.AtomArray;
import potentia.structure.Cell;
import potentia.structure.Element;
import potentia.structure.InfoValue;
import potentia.structure.Structure;

/**
 * Read and write throughput of extended XYZ on a large generated file (ASE layout: 64-atom
 * frames with forces and per-atom energies, energy and stress), against the baseline of reading
 * the same file's lines with a BufferedReader and doing nothing with them.
 *
 * <pre>java -cp potentia-bench/target/classes:potentia-core/target/classes potentia.bench.ExtxyzBench [MB] [dir]</pre>
 *
 * Best of 5 timed passes after 2 untimed ones (warm-up); the file stays in the page cache, so
 * this measures parsing, not the disk.
 */
public final class ExtxyzBench {
    private ExtxyzBench() {
    }

    public static void main(String[] args) throws IOException {
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 256;
        Path dir = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir"));
        Path file = dir.resolve("potentia-extxyz-bench.extxyz");
        try {
            long t0 = System.nanoTime();
            int frames = generate(file, megabytes << 20);
            double writeSeconds = (System.nanoTime() - t0) * 1e-9;
            long bytes = Files.size(file);
            double mb = bytes / 1e6;
            System.out.printf(Locale.ROOT, "file: %d frames, %.1f MB; write (first, cold JIT): %.1f MB/s%n",
                    frames, mb, mb / writeSeconds);
            double lines = best(() -> countLines(file));
            double read = best(() -> countFrames(file));
            System.out.printf(Locale.ROOT, "baseline BufferedReader.readLine: %.0f MB/s%n", mb / lines);
            System.out.printf(Locale.ROOT, "ExtxyzReader:                     %.0f MB/s (%.0f frames/s, %.2f M atoms/s)%n",
                    mb / read, frames / read, frames * 64 / read / 1e6);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    interface Pass {
        long run() throws IOException;
    }

    private static double best(Pass pass) throws IOException {
        long sink = 0;
        for (int k = 0; k < 2; k++) {
            sink += pass.run();
        }
        double best = Double.MAX_VALUE;
        for (int k = 0; k < 5; k++) {
            long t = System.nanoTime();
            sink += pass.run();
            best = Math.min(best, (System.nanoTime() - t) * 1e-9);
        }
        if (sink == 42) {
            System.out.println();
        }
        return best;
    }

    private static long countLines(Path file) throws IOException {
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                n += l.length();
            }
        }
        return n;
    }

    private static long countFrames(Path file) {
        long n = 0;
        try (ExtxyzReader r = ExtxyzReader.open(file)) {
            for (Structure s = r.next(); s != null; s = r.next()) {
                n += s.size();
            }
        }
        return n;
    }

    private static int generate(Path file, long bytes) throws IOException {
        var rng = new SplittableRandom(2024);
        List<Element> species = List.of(Element.Si, Element.O, Element.Sr, Element.Ti);
        int frames = 0;
        try (ExtxyzWriter w = ExtxyzWriter.open(file)) {
            long written = 0;
            long frameBytes = 0;
            while (written < bytes) {
                double a = 10 + rng.nextDouble();
                int n = 64;
                int[] z = new int[n];
                double[] x = new double[3 * n];
                double[] f = new double[3 * n];
                double[] e = new double[n];
                for (int i = 0; i < n; i++) {
                    z[i] = species.get(rng.nextInt(species.size())).number();
                    e[i] = -4 + rng.nextGaussian();
                    for (int k = 0; k < 3; k++) {
                        x[3 * i + k] = rng.nextDouble() * a;
                        f[3 * i + k] = rng.nextGaussian();
                    }
                }
                double[] stress = new double[9];
                for (int k = 0; k < 9; k++) {
                    stress[k] = rng.nextGaussian() * 0.01;
                }
                Structure s = Structure.builder().atomicNumbers(z).positions(x).cell(Cell.orthorhombic(a, a, a))
                        .info("energy", new InfoValue.Real(-4.0 * n + rng.nextGaussian()))
                        .info("stress", new InfoValue.Reals(stress))
                        .array("forces", new AtomArray.Reals(f, 3))
                        .array("energies", new AtomArray.Reals(e, 1))
                        .build();
                if (frameBytes == 0) {
                    frameBytes = ExtxyzWriter.format(s).length(); // all frames have about the same size
                }
                w.write(s);
                written += frameBytes;
                frames++;
            }
        }
        return frames;
    }
}
