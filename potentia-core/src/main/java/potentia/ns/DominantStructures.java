package potentia.ns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import potentia.structure.InfoValue;
import potentia.structure.Structure;
import potentia.units.Units;

/**
 * Which recorded structures dominate the ensemble at a temperature: each snapshot of a removed
 * walker (info {@code ns_iteration}, {@code ns_enthalpy}, as {@link NsRun} writes them) and
 * each final live walker weighs w_i e^{−βH_i} with its phase-volume weight w_i
 * ({@link Thermodynamics}); the heaviest are the structures a phase below a heat-capacity peak
 * is made of. Snapshots are a thinned sample of the run, so the weights are relative among them.
 */
public final class DominantStructures {
    private DominantStructures() {
    }

    /** A structure with its share of the snapshots' Boltzmann weight at the temperature asked for. */
    public record Weighted(Structure structure, double share, double enthalpy) {
    }

    /**
     * The {@code count} heaviest structures at temperature {@code t} (K), heaviest first.
     *
     * @param snapshots removed walkers written by {@link NsRun} (not modified)
     * @param live the final live walkers (may be empty; used only when they belong to the samples' end)
     * @throws IllegalArgumentException for a snapshot without its nested-sampling info
     */
    public static List<Weighted> at(NsSamples samples, List<Structure> snapshots, List<Structure> live, double t,
            int count) {
        double[] lw = Thermodynamics.meanLogWeights(samples);
        double beta = 1 / (Units.BOLTZMANN * t);
        List<double[]> scored = new ArrayList<>();
        List<Structure> all = new ArrayList<>();
        for (Structure s : snapshots) {
            long it = integer(s, "ns_iteration");
            long index = it * samples.cull();
            if (index >= samples.removed()) {
                continue;
            }
            double h = real(s, "ns_enthalpy");
            scored.add(new double[] {lw[(int) index] - beta * h, h});
            all.add(s);
        }
        if (samples.liveEnthalpy().length > 0) {
            double liveWeight = lw[samples.removed()];
            for (Structure s : live) {
                double h = real(s, "ns_enthalpy");
                scored.add(new double[] {liveWeight - beta * h, h});
                all.add(s);
            }
        }
        if (all.isEmpty()) {
            return List.of();
        }
        double max = scored.stream().mapToDouble(d -> d[0]).max().orElseThrow();
        double z = scored.stream().mapToDouble(d -> Math.exp(d[0] - max)).sum();
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingDouble(k -> -scored.get(k)[0]));
        List<Weighted> out = new ArrayList<>();
        for (int k : order.subList(0, Math.min(count, order.size()))) {
            out.add(new Weighted(all.get(k), Math.exp(scored.get(k)[0] - max) / z, scored.get(k)[1]));
        }
        return out;
    }

    private static long integer(Structure s, String key) {
        return switch (s.info(key).orElseThrow(() -> missing(key))) {
            case InfoValue.Int i -> i.value();
            case InfoValue.Real r -> (long) r.value();
            default -> throw missing(key);
        };
    }

    private static double real(Structure s, String key) {
        return switch (s.info(key).orElseThrow(() -> missing(key))) {
            case InfoValue.Real r -> r.value();
            case InfoValue.Int i -> i.value();
            default -> throw missing(key);
        };
    }

    private static IllegalArgumentException missing(String key) {
        return new IllegalArgumentException("snapshot without '" + key + "': not written by potentia ns");
    }
}
