package potentia.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import potentia.neighbour.NeighbourList;
import potentia.structure.Element;
import potentia.structure.Structure;

/**
 * Radial distribution functions, total and partial, of periodic structures, averaged over frames.
 *
 * <p>For each frame (volume V, N_a atoms of element a), with U_ab(k) the number of ordered pairs
 * (i ∈ a, j ∈ b, any periodic image, j ≠ i at zero shift) whose distance falls in bin k (shell
 * volume ΔV_k = 4π(r_{k+1}³ − r_k³)/3),
 * <pre>  g_ab(r_k) = U_ab(k) / (ΔV_k · N_a (N_b − δ_ab) / V),   g(r_k) = U(k) / (ΔV_k · N(N − 1) / V).</pre>
 * The N_b − δ_ab (an atom is not its own neighbour) is LAMMPS's {@code compute rdf}
 * normalisation: uniformly random points give g = 1 exactly on average at any r below the
 * shortest lattice vector. Beyond it an atom sees its own periodic images too — they are real
 * neighbours in the periodic system, counted like LAMMPS does — so r_max may exceed half the cell:
 * pairs come from {@link NeighbourList#build}, which lists every image. The partials sum to the
 * total with weights w_ab = N_a(N_b − δ_ab)/(N(N − 1)) over ordered pairs, Σ w_ab = 1.
 * Coordination n_ab(r) = Σ_{k: r_{k+1} ≤ r} U_ab(k)/N_a, the mean number of b atoms within r of
 * an a atom. Frames are averaged with equal weights (each frame normalised by its own V and N,
 * so NPT trajectories and changing compositions are fine).
 */
public final class RadialDistribution {
    private RadialDistribution() {
    }

    /** The RDFs of all frames. */
    public static Rdf of(Iterable<Structure> frames, double rMax, int bins) {
        Accumulator a = new Accumulator(rMax, bins);
        for (Structure s : frames) {
            a.add(s);
        }
        return a.result();
    }

    /** Collects frames one at a time (for streams too long to hold); not thread-safe. */
    public static final class Accumulator {
        private final double rMax;
        private final int bins;
        private final double width;
        private final double[] total;
        private final double[] totalCount;
        private int totalFrames;
        /** Keyed by ordered pair a-b; g is kept for canonical pairs only. */
        private final TreeMap<String, double[]> g = new TreeMap<>();
        private final Map<String, Integer> gFrames = new java.util.HashMap<>();
        private final Map<String, double[]> counts = new java.util.HashMap<>();
        private final Map<String, Integer> countFrames = new java.util.HashMap<>();
        private final Map<String, SpeciesPair> pairs = new java.util.HashMap<>();
        private int frames;

        /**
         * @param rMax largest distance, Å (any positive value; images are counted)
         * @param bins number of equal bins in [0, r_max)
         */
        public Accumulator(double rMax, int bins) {
            if (!(rMax > 0) || !Double.isFinite(rMax)) {
                throw new IllegalArgumentException("r_max must be a positive distance in Å, got " + rMax);
            }
            if (bins < 1) {
                throw new IllegalArgumentException("the number of bins must be ≥ 1, got " + bins);
            }
            this.rMax = rMax;
            this.bins = bins;
            this.width = rMax / bins;
            this.total = new double[bins];
            this.totalCount = new double[bins];
        }

        /** Adds one frame. */
        public void add(Structure s) {
            if (!s.cell().fullyPeriodic()) {
                throw new IllegalArgumentException("the RDF needs a cell periodic along all three axes (its density is "
                        + "N/V); frame " + frames + " has periodicity " + java.util.Arrays.toString(s.cell().pbc()));
            }
            int n = s.size();
            Map<Element, int[]> groups = SpeciesGroups.of(s.atomicNumbers());
            List<Element> elements = new ArrayList<>(groups.keySet());
            int ns = elements.size();
            int[] index = new int[n];
            int[] count = new int[ns];
            for (int e = 0; e < ns; e++) {
                for (int i : groups.get(elements.get(e))) {
                    index[i] = e;
                }
                count[e] = groups.get(elements.get(e)).length;
            }
            // u[a][b][k]: unordered pair counts with a ≤ b
            double[][][] u = new double[ns][ns][bins];
            NeighbourList list = NeighbourList.build(s, rMax, false);
            double[] x = s.positions();
            double[] h = s.cell().matrix();
            double[] d = new double[3];
            for (int i = 0; i < n; i++) {
                for (int p = list.start(i); p < list.end(i); p++) {
                    list.separation(p, i, x, h, d);
                    double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                    if (r < rMax) {
                        int a = index[i];
                        int b = index[list.neighbour(p)];
                        u[Math.min(a, b)][Math.max(a, b)][Math.min(bins - 1, (int) (r / width))] += 1;
                    }
                }
            }
            double volume = s.cell().volume();
            frames++;
            if (n >= 2) {
                double norm = (double) n * (n - 1) / volume;
                for (int k = 0; k < bins; k++) {
                    double pairsK = 0;
                    for (int a = 0; a < ns; a++) {
                        for (int b = a; b < ns; b++) {
                            pairsK += u[a][b][k];
                        }
                    }
                    total[k] += 2 * pairsK / (shell(k) * norm);
                    totalCount[k] += 2 * pairsK / n;
                }
                totalFrames++;
            }
            for (int a = 0; a < ns; a++) {
                for (int b = a; b < ns; b++) {
                    Element ea = elements.get(a);
                    Element eb = elements.get(b);
                    double ordered = a == b ? 2 : 1;
                    double norm = (double) count[a] * (count[b] - (a == b ? 1 : 0)) / volume;
                    if (norm > 0) {
                        double[] gab = accumulate(g, gFrames, ea, eb);
                        for (int k = 0; k < bins; k++) {
                            gab[k] += ordered * u[a][b][k] / (shell(k) * norm);
                        }
                    }
                    double[] cab = accumulate(counts, countFrames, ea, eb);
                    for (int k = 0; k < bins; k++) {
                        cab[k] += ordered * u[a][b][k] / count[a];
                    }
                    if (a != b) {
                        double[] cba = accumulate(counts, countFrames, eb, ea);
                        for (int k = 0; k < bins; k++) {
                            cba[k] += u[a][b][k] / count[b];
                        }
                    }
                }
            }
        }

        private double[] accumulate(Map<String, double[]> into, Map<String, Integer> frameCount, Element a, Element b) {
            SpeciesPair pair = new SpeciesPair(a, b);
            String key = key(pair);
            pairs.putIfAbsent(key, pair);
            frameCount.merge(key, 1, Integer::sum);
            return into.computeIfAbsent(key, k -> new double[bins]);
        }

        private static String key(SpeciesPair p) {
            return String.format(java.util.Locale.ROOT, "%03d-%03d", p.centre().number(), p.neighbour().number());
        }

        private double shell(int k) {
            double lo = k * width;
            double hi = (k + 1) * width;
            return 4 * Math.PI / 3 * (hi * hi * hi - lo * lo * lo);
        }

        /** The RDFs of the frames added so far. */
        public Rdf result() {
            if (frames == 0) {
                throw new IllegalStateException("no frames were added");
            }
            double[] r = new double[bins];
            for (int k = 0; k < bins; k++) {
                r[k] = (k + 0.5) * width;
            }
            double[] gTotal = new double[bins];
            double[] nTotal = new double[bins];
            double running = 0;
            for (int k = 0; k < bins; k++) {
                gTotal[k] = totalFrames > 0 ? total[k] / totalFrames : Double.NaN;
                running += totalFrames > 0 ? totalCount[k] / totalFrames : Double.NaN;
                nTotal[k] = running;
            }
            Map<SpeciesPair, double[]> partial = new LinkedHashMap<>();
            Map<SpeciesPair, double[]> coordination = new LinkedHashMap<>();
            for (String key : new TreeMap<>(counts).keySet()) {
                SpeciesPair pair = pairs.get(key);
                double[] c = counts.get(key);
                int f = countFrames.get(key);
                double[] cumulative = new double[bins];
                double sum = 0;
                for (int k = 0; k < bins; k++) {
                    sum += c[k] / f;
                    cumulative[k] = sum;
                }
                coordination.put(pair, cumulative);
                if (pair.equals(pair.canonical())) {
                    double[] gab = new double[bins];
                    double[] acc = g.get(key);
                    for (int k = 0; k < bins; k++) {
                        gab[k] = acc == null ? Double.NaN : acc[k] / gFrames.get(key);
                    }
                    partial.put(pair, gab);
                }
            }
            return new Rdf(r, width, gTotal, partial, nTotal, coordination, frames);
        }
    }
}
