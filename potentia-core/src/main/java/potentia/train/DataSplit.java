package potentia.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import potentia.potential.SpeciesIndex;
import potentia.structure.Element;

/**
 * The training and validation frames of a run. A random split draws the validation frames
 * uniformly without replacement from a seeded shuffle, so the same seed and data give the same
 * split; a stratified split draws one validation frame from each of consecutive energy strata, so
 * rare high-energy frames cannot all land on one side by chance. Both lists keep data order.
 */
public record DataSplit(List<Sample> train, List<Sample> validation) {

    public DataSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training frames");
        }
    }

    /**
     * Splits {@code all} at random: round(fraction·n) frames, at least one when the fraction is
     * positive and at most n − 1, go to validation.
     *
     * @param fraction in [0, 1)
     */
    public static DataSplit random(List<Sample> all, double fraction, long seed) {
        int n = all.size();
        int nv = validationCount(all, fraction);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5EED_5B1Cl);
        for (int i = n - 1; i > 0; i--) { // Fisher–Yates
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] held = new boolean[n];
        for (int k = 0; k < nv; k++) {
            held[order[k]] = true;
        }
        return of(all, held);
    }

    /**
     * Splits {@code all} by energy: frames sorted by their energy per atom above least-squares
     * reference energies (fit on all frames, so mixed compositions compare), cut into round(fraction·n)
     * consecutive strata of near-equal size, and one frame drawn at random from each stratum goes to
     * validation. Training and validation then span the same energy range; the split uses the
     * validation energies, as any stratification must, but no force or model information.
     *
     * @param fraction in [0, 1)
     * @throws IllegalArgumentException when a frame has no energy
     */
    public static DataSplit stratified(List<Sample> all, double fraction, long seed) {
        int n = all.size();
        int nv = validationCount(all, fraction); // checks the arguments before the fit
        List<Element> species = Samples.species(all);
        double[] e0 = ReferenceEnergies.fit(all, species); // refuses frames without energy, naming them
        SpeciesIndex index = new SpeciesIndex(species);
        double[] excess = new double[n];
        for (int i = 0; i < n; i++) {
            Sample s = all.get(i);
            double e = s.energy();
            for (int t : index.types(s.structure(), "the stratified split")) {
                e -= e0[t];
            }
            excess[i] = e / s.size();
        }
        int[] byEnergy = IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> excess[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        SplittableRandom rng = new SplittableRandom(seed ^ 0x57_4A_7FL);
        boolean[] held = new boolean[n];
        for (int k = 0; k < nv; k++) { // stratum k: sorted positions [k·n/nv, (k+1)·n/nv)
            int from = (int) ((long) k * n / nv);
            int to = (int) ((long) (k + 1) * n / nv);
            held[byEnergy[from + rng.nextInt(to - from)]] = true;
        }
        return of(all, held);
    }

    /** round(fraction·n) validation frames, at least one for a positive fraction, at most n − 1; checks both. */
    private static int validationCount(List<Sample> all, double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + fraction);
        }
        int n = all.size();
        if (n == 0) {
            throw new IllegalArgumentException("no frames to split");
        }
        return fraction == 0 ? 0 : (int) Math.max(1, Math.min(n - 1, Math.round(fraction * n)));
    }

    private static DataSplit of(List<Sample> all, boolean[] held) {
        int n = all.size();
        List<Sample> train = new ArrayList<>();
        List<Sample> validation = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (held[i] ? validation : train).add(all.get(i));
        }
        return new DataSplit(train, validation);
    }
}
