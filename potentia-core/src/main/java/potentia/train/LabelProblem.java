package potentia.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A frame whose labels cannot be trusted, and why: a missing or non-finite energy, non-finite
 * forces or stress, or a force component whose magnitude exceeds a threshold (a broken DFT run or
 * atoms on top of each other). Training refuses such frames unless asked to skip them, and then
 * reports every one it skipped.
 */
public record LabelProblem(Sample sample, String reason) {

    /** "file frame 3: force component 812 eV/Å exceeds 50 eV/Å". */
    @Override
    public String toString() {
        return sample.where() + ": " + reason;
    }

    /**
     * Every problem of every sample, in data order, at most one per sample (the first found).
     *
     * @param maxForce largest acceptable |force component|, eV/Å (infinity disables the check)
     * @param needForces whether a missing forces array is a problem
     */
    public static List<LabelProblem> find(List<Sample> samples, double maxForce, boolean needForces) {
        List<LabelProblem> out = new ArrayList<>();
        for (Sample s : samples) {
            String why = check(s, maxForce, needForces);
            if (why != null) {
                out.add(new LabelProblem(s, why));
            }
        }
        return out;
    }

    private static String check(Sample s, double maxForce, boolean needForces) {
        if (!s.hasEnergy()) {
            return "energy label missing or NaN";
        }
        if (!Double.isFinite(s.energy())) {
            return "energy is " + s.energy();
        }
        if (s.hasForces()) {
            double worst = 0;
            for (int k = 0; k < 3 * s.size(); k++) {
                double f = s.force(k);
                if (!Double.isFinite(f)) {
                    return "force component " + k % 3 + " of atom " + k / 3 + " is " + f;
                }
                worst = Math.max(worst, Math.abs(f));
            }
            if (worst > maxForce) {
                return String.format(Locale.ROOT, "force component of %.4g eV/Å exceeds the limit %.4g eV/Å", worst,
                        maxForce);
            }
        } else if (needForces) {
            return "no forces label";
        }
        if (s.stress() != null) {
            for (double v : s.stress()) {
                if (!Double.isFinite(v)) {
                    return "stress component is " + v;
                }
            }
        }
        return null;
    }
}
