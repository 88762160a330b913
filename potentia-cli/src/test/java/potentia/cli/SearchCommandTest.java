package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import potentia.io.ExtxyzReader;
import potentia.io.ExtxyzWriter;
import potentia.search.AtomSelection;
import potentia.search.LocalRelaxation;
import potentia.search.Penalties;
import potentia.search.RelaxerRelaxation;
import potentia.search.SearchRun;
import potentia.search.StructureObjective;
import potentia.structure.Cell;
import potentia.structure.Structure;

class SearchCommandTest {
    @TempDir
    Path dir;

    private static final String LJ = "lj:epsilon=1,sigma=1,cutoff=20,mode=truncate";

    /** Five Ar atoms 1.2σ apart on a grid: LJ5 founder. */
    private Path founder() {
        Structure s = Structure.of(new int[] {18, 18, 18, 18, 18},
                new double[] {0, 0, 0, 1.2, 0, 0, 0, 1.2, 0, 1.2, 1.2, 0, 0, 0, 1.2}, Cell.NONE);
        Path p = dir.resolve("lj5.extxyz");
        ExtxyzWriter.writeAll(p, List.of(s));
        return p;
    }

    private String[] args(Path out) {
        return args(out, 4000);
    }

    private String[] args(Path out, int maxEvals) {
        return new String[] {"search", "--founder", founder().toString(), "--free", "all",
            "--potential", LJ, "--sigma0", "0.3", "--runs", "3", "--seed", "5", "--restarts", "ipop",
            "--max-evals", Integer.toString(maxEvals), "--out", out.toString(), "--threads", "2"};
    }

    @Test
    void writesRunsSummaryDistinctStructuresAndPlots() throws IOException {
        Path out = dir.resolve("out");
        CliRun r = CliRun.of(args(out));
        assertEquals(0, r.exitCode(), r.err());
        for (int i = 0; i < 3; i++) {
            Path best = out.resolve(String.format("runs/%03d/best.extxyz", i));
            Structure s = ExtxyzReader.readAll(best).get(0);
            assertEquals(i, s.info("search_run").orElseThrow().asDouble());
            assertEquals(5 + i, s.info("search_seed").orElseThrow().asDouble());
            assertTrue(s.array("forces").isPresent());
            assertTrue(Files.readString(out.resolve(String.format("runs/%03d/trace.csv", i))).startsWith("evaluations,"));
        }
        List<String> rows = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(4, rows.size());
        assertTrue(rows.get(0).startsWith("rank,run,seed,energy_eV"));
        double previous = Double.NEGATIVE_INFINITY;
        for (String row : rows.subList(1, 4)) {
            double e = Double.parseDouble(row.split(",")[3]);
            assertTrue(e >= previous, "summary is ranked by energy");
            previous = e;
            assertTrue(e < -8.5, "LJ5 runs get near −9.10 ε: " + row);
        }
        List<Structure> distinct = ExtxyzReader.readAll(out.resolve("best.extxyz"));
        assertTrue(distinct.size() >= 1 && distinct.size() <= 3);
        long found = distinct.stream().mapToLong(s -> (long) s.info("found_by").orElseThrow().asDouble()).sum();
        assertEquals(3, found);
        assertTrue(Files.size(out.resolve("best-energy.png")) > 1000);
        assertTrue(Files.size(out.resolve("final-energies.png")) > 1000);
        assertTrue(r.out().contains("distinct structures"), r.out());
        assertTrue(r.err().contains("search"), r.err());
    }

    @Test
    void anInterruptedSearchResumesToTheSameResults() throws IOException {
        Path whole = dir.resolve("whole");
        assertEquals(0, CliRun.of(args(whole, 1200)).exitCode());

        // the same search, interrupted: run 0 part-way, run 1 not started, run 2 finished
        Path part = dir.resolve("part");
        assertEquals(0, CliRun.of(args(part, 1200)).exitCode());
        Structure founder = ExtxyzReader.readAll(part.resolve("founder.extxyz")).get(0);
        StructureObjective f = new StructureObjective(founder, new AtomSelection.All().select(founder),
                PotentialSpec.parse(LJ, 1), LocalRelaxation.none(), new Penalties(0.5, 10), 0);
        SearchSetup setup = SearchSetup.load(part);
        SearchRun run0 = SearchRun.start(0, setup.seedOf(0), f, setup.settings());
        for (int g = 0; g < 25; g++) {
            run0.step(f, 1);
        }
        run0.save(part.resolve("runs/000/checkpoint.bin"));
        Files.delete(part.resolve("runs/001/checkpoint.bin"));
        for (String name : List.of("summary.csv", "best.extxyz", "runs/000/best.extxyz", "runs/001/best.extxyz")) {
            Files.delete(part.resolve(name));
        }

        CliRun r = CliRun.of("search", "--resume", part.toString(), "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Files.readString(whole.resolve("summary.csv")), Files.readString(part.resolve("summary.csv")));
        List<Structure> a = ExtxyzReader.readAll(whole.resolve("best.extxyz"));
        List<Structure> b = ExtxyzReader.readAll(part.resolve("best.extxyz"));
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertArrayEquals(a.get(k).positions(), b.get(k).positions(), 0);
        }
    }

    private CliRun fails(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(1, r.exitCode(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, "one line: " + r.err());
        assertTrue(lines[0].startsWith("search: error: "), lines[0]);
        return r;
    }

    @Test
    void badInputGetsOneClearLine() throws IOException {
        Path out = dir.resolve("bad");
        String[] noAtom = args(out);
        noAtom[4] = "Si";
        assertTrue(fails(noAtom).err().contains("selects no atom"));
        String[] zeroSigma = args(out);
        zeroSigma[8] = "0";
        assertTrue(fails(zeroSigma).err().contains("--sigma0 must be a positive"));
        String[] negativeSigma = args(out);
        negativeSigma[8] = "-0.2";
        assertTrue(fails(negativeSigma).err().contains("--sigma0"));
        String[] unknownPotential = args(out);
        unknownPotential[6] = "morse";
        assertTrue(fails(unknownPotential).err().contains("unknown potential 'morse'"));

        Structure overlapping = Structure.of(new int[] {18, 18, 18}, new double[] {0, 0, 0, 0.1, 0, 0, 2, 0, 0},
                Cell.NONE);
        Path file = dir.resolve("overlap.extxyz");
        ExtxyzWriter.writeAll(file, List.of(overlapping));
        String[] overlap = args(out);
        overlap[2] = file.toString();
        assertTrue(fails(overlap).err().contains("overlapping atoms"));
        assertTrue(fails("search", "--founder", founder().toString()).err().contains("missing --free"));
        assertTrue(fails("search", "--resume", dir.resolve("nowhere").toString()).err().contains("not found"));
    }

    @Test
    void aCorruptResumeDirectoryIsRefused() throws IOException {
        Path out = dir.resolve("c");
        assertEquals(0, CliRun.of(args(out, 300)).exitCode());
        assertTrue(fails("search", "--resume", out.toString(), "--runs", "4").err().contains("do not also give --runs"));
        assertTrue(fails(args(out, 300)).err().contains("already holds a search"));

        Path ckpt = out.resolve("runs/001/checkpoint.bin");
        byte[] b = Files.readAllBytes(ckpt);
        b[b.length / 3] ^= 4;
        Files.write(ckpt, b);
        assertTrue(fails("search", "--resume", out.toString()).err().contains("corrupt checkpoint"));

        Path props = out.resolve("search.properties");
        Files.writeString(props, Files.readString(props).replace("sigma0=0.3", "sigma0=zero"));
        assertTrue(fails("search", "--resume", out.toString()).err().contains("corrupt resume directory"));
        Files.delete(props);
        assertTrue(fails("search", "--resume", out.toString()).err().contains("no search.properties"));
    }

    private String[] relaxed(Path out, String... extra) {
        String[] base = args(out, 3000);
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void aRelaxedSearchReportsRelaxedStructuresAndCountsEveryStep() throws IOException {
        Path out = dir.resolve("relaxed");
        // FIRE here; the default L-BFGS runs in the core's tests
        CliRun r = CliRun.of(relaxed(out, "--relax", "--relax-optimizer", "fire", "--relax-steps", "200",
                "--relax-fmax", "0.005"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("each candidate relaxed (fire, ≤ 200 steps, fmax 0.005"), r.err());
        assertTrue(r.out().contains("relaxed candidates"), r.out());
        for (int i = 0; i < 3; i++) {
            Structure s = ExtxyzReader.readAll(out.resolve(String.format("runs/%03d/best.extxyz", i))).get(0);
            // LJ5's global minimum, the trigonal bipyramid (−9.103852 ε), relaxed to fmax 0.005
            assertEquals(-9.103852, s.info("energy").orElseThrow().asDouble(), 1e-4);
            double[] f = ((potentia.structure.AtomArray.Reals) s.array("forces").orElseThrow()).values();
            for (int a = 0; a < 5; a++) {
                assertTrue(Math.sqrt(f[3 * a] * f[3 * a] + f[3 * a + 1] * f[3 * a + 1] + f[3 * a + 2] * f[3 * a + 2])
                        <= 0.005, "relaxed: atom " + a);
            }
            double evaluations = s.info("search_evaluations").orElseThrow().asDouble();
            double candidates = s.info("search_candidates").orElseThrow().asDouble();
            assertTrue(evaluations >= 3000 && evaluations > 5 * candidates, evaluations + " for " + candidates);
        }
        List<String> rows = Files.readAllLines(out.resolve("summary.csv"));
        assertTrue(rows.get(0).endsWith(",status,candidates"), rows.get(0));
        String props = Files.readString(out.resolve("search.properties"));
        for (String line : List.of("relax=true", "relax-optimizer=fire", "relax-steps=200", "relax-fmax=0.005")) {
            assertTrue(props.contains(line + "\n"), line);
        }

        // resumed after run 1's checkpoint was lost: the same relaxed search again
        String summary = Files.readString(out.resolve("summary.csv"));
        Files.delete(out.resolve("runs/001/checkpoint.bin"));
        Files.delete(out.resolve("summary.csv"));
        CliRun resumed = CliRun.of("search", "--resume", out.toString(), "--threads", "1");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(summary, Files.readString(out.resolve("summary.csv")));
        assertTrue(fails("search", "--resume", out.toString(), "--relax-steps", "9").err()
                .contains("do not also give --relax-steps"));
    }

    @Test
    void relaxationSettingsNeedRelaxAndSensibleValues() {
        Path out = dir.resolve("bad-relax");
        assertTrue(fails(relaxed(out, "--relax-steps", "10")).err().contains("add --relax"));
        assertTrue(fails(relaxed(out, "--relax", "--relax-optimizer", "bfgs")).err()
                .contains("unknown --relax-optimizer 'bfgs': use fire or lbfgs"));
        assertTrue(fails(relaxed(out, "--relax", "--relax-steps", "0")).err().contains("--relax-steps must be ≥ 1"));
        assertTrue(fails(relaxed(out, "--relax", "--relax-fmax", "-1")).err().contains("--relax-fmax must be a positive"));
        assertEquals(RelaxerRelaxation.DEFAULT_ALGORITHM, SearchRelaxers.algorithm(SearchRelaxers.DEFAULT_OPTIMIZER));
    }

    @Test
    void aSearchDirectoryOfFormatOneStillResumes() throws IOException {
        Path out = dir.resolve("v1");
        assertEquals(0, CliRun.of(args(out, 300)).exitCode());
        String summary = Files.readString(out.resolve("summary.csv"));
        Path props = out.resolve("search.properties");
        String v1 = Files.readString(props).replace("format=2", "format=1").replaceAll("(?m)^relax-.*\n", "");
        assertTrue(!v1.contains("relax-steps") && v1.contains("format=1"));
        Files.writeString(props, v1);
        CliRun r = CliRun.of("search", "--resume", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(summary, Files.readString(out.resolve("summary.csv")));
    }

    @Test
    void aModelFileIsAPotentialAndIsRecordedForResume() throws IOException {
        Path model = dir.resolve("si.potentia");
        CliRun init = CliRun.of("model", "init", "--species", "Si", "--cutoff", "4", "--nmax", "3", "--layers", "8",
                "--committee", "2", "--seed", "2", "-o", model.toString());
        assertEquals(0, init.exitCode(), init.err());
        Structure si = potentia.testing.RandomStructures.diamond(5.431, 1)
                .rattled(0.05, new java.util.SplittableRandom(3));
        Path founder = dir.resolve("si.extxyz");
        ExtxyzWriter.writeAll(founder, List.of(si));
        Path out = dir.resolve("model");
        String[] search = {"search", "--founder", founder.toString(), "--free", "0-1", "--model", model.toString(),
            "--sigma0", "0.1", "--runs", "1", "--seed", "3", "--max-evals", "30", "--relax", "--relax-steps", "3",
            "--out", out.toString(), "--threads", "2"};
        CliRun r = CliRun.of(search);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(out.resolve("search.properties"))
                .contains("potential=model:" + model.toAbsolutePath().normalize()));
        potentia.nn.NeuralNetworkPotential nn = potentia.nn.NeuralNetworkPotential.of(potentia.nn.ModelFile.read(model));
        Structure best = ExtxyzReader.readAll(out.resolve("runs/000/best.extxyz")).get(0);
        assertEquals(nn.compute(best).energy(), best.info("energy").orElseThrow().asDouble(), 1e-9,
                "the reported energy is the model's energy of the reported structure");
        assertTrue(best.info("energy_std").isPresent(), "a committee's spread is reported");

        String summary = Files.readString(out.resolve("summary.csv"));
        Files.delete(out.resolve("summary.csv"));
        CliRun resumed = CliRun.of("search", "--resume", out.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(summary, Files.readString(out.resolve("summary.csv")));

        String[] both = java.util.Arrays.copyOf(search, search.length + 2);
        both[search.length] = "--potential";
        both[search.length + 1] = "sw";
        both[search.length - 3] = dir.resolve("both").toString();
        assertTrue(fails(both).err().contains("mutually exclusive"));
        String[] missing = search.clone();
        missing[6] = dir.resolve("none.potentia").toString();
        missing[search.length - 3] = dir.resolve("missing").toString();
        assertTrue(fails(missing).err().contains("model file not found"));
    }
}
