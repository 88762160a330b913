package potentia.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training and validation frames of a run. A random split draws the validation frames
 * uniformly without replacement from a seeded shuffle, so the same seed and data give the same
 * split; both lists keep data order.
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
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + fraction);
        }
        int n = all.size();
        if (n == 0) {
            throw new IllegalArgumentException("no frames to split");
        }
        int nv = fraction == 0 ? 0 : (int) Math.max(1, Math.min(n - 1, Math.round(fraction * n)));
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
        List<Sample> train = new ArrayList<>();
        List<Sample> validation = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (held[i] ? validation : train).add(all.get(i));
        }
        return new DataSplit(train, validation);
    }
}
