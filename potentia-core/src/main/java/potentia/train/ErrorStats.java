package potentia.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors of predictions against labels over a set of frames, in eV units: energy per atom
 * (|ΔE|/N per frame, averaged over frames), force components (over every component of every atom)
 * and stress (over the six independent components xx yy zz yz xz xy of frames with a stress label
 * and a cell). Committee spreads, when present, are averaged the same way. A quantity without
 * labels is NaN with count 0.
 *
 * @param structures frames
 * @param atoms atoms in them
 * @param energyMae eV/atom
 * @param energyRmse eV/atom
 * @param forceMae eV/Å
 * @param forceRmse eV/Å
 * @param forceComponents force components counted
 * @param stressMae eV/Å³
 * @param stressRmse eV/Å³
 * @param stressFrames frames with stress counted
 * @param energyStd mean committee σ of E/N, eV/atom (NaN for a single model)
 * @param forceStd mean committee σ of a force component, eV/Å (NaN for a single model)
 */
public record ErrorStats(int structures, long atoms, double energyMae, double energyRmse, double forceMae,
        double forceRmse, long forceComponents, double stressMae, double stressRmse, int stressFrames,
        double energyStd, double forceStd) {

    private static final int[] VOIGT = {0, 4, 8, 5, 2, 1};

    /** Errors over all frames (samples and predictions in the same order). */
    public static ErrorStats of(List<Sample> samples, List<Prediction> predictions) {
        if (samples.size() != predictions.size()) {
            throw new IllegalArgumentException(samples.size() + " frames but " + predictions.size() + " predictions");
        }
        int frames = 0;
        long atoms = 0;
        int energyFrames = 0;
        double eAbs = 0;
        double eSq = 0;
        long fCount = 0;
        double fAbs = 0;
        double fSq = 0;
        int sFrames = 0;
        double sAbs = 0;
        double sSq = 0;
        double eStd = 0;
        double fStd = 0;
        long stdFrames = 0;
        long stdComponents = 0;
        for (int k = 0; k < samples.size(); k++) {
            Sample s = samples.get(k);
            Prediction p = predictions.get(k);
            int n = s.size();
            frames++;
            atoms += n;
            if (s.hasEnergy()) {
                double d = (p.energy() - s.energy()) / n;
                eAbs += Math.abs(d);
                eSq += d * d;
                energyFrames++;
            }
            if (s.hasForces()) {
                for (int c = 0; c < 3 * n; c++) {
                    double d = p.forces()[c] - s.force(c);
                    fAbs += Math.abs(d);
                    fSq += d * d;
                }
                fCount += 3L * n;
            }
            if (s.hasStress() && p.stress() != null) {
                for (int c : VOIGT) {
                    double d = p.stress()[c] - s.stressComponent(c);
                    sAbs += Math.abs(d);
                    sSq += d * d;
                }
                sFrames++;
            }
            if (!Double.isNaN(p.energyStd())) {
                eStd += p.energyStd() / n;
                stdFrames++;
            }
            if (p.forcesStd() != null) {
                for (double v : p.forcesStd()) {
                    fStd += v;
                }
                stdComponents += 3L * n;
            }
        }
        return new ErrorStats(frames, atoms, mean(eAbs, energyFrames), Math.sqrt(mean(eSq, energyFrames)),
                mean(fAbs, fCount), Math.sqrt(mean(fSq, fCount)), fCount, mean(sAbs, 6L * sFrames),
                Math.sqrt(mean(sSq, 6L * sFrames)), sFrames, mean(eStd, stdFrames), mean(fStd, stdComponents));
    }

    /**
     * Errors per group (a frame's config_type or the like), groups in order of first appearance;
     * empty when no frame has a group.
     */
    public static Map<String, ErrorStats> byGroup(List<Sample> samples, List<Prediction> predictions) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int k = 0; k < samples.size(); k++) {
            groups.computeIfAbsent(samples.get(k).group(), g -> new ArrayList<>()).add(k);
        }
        Map<String, ErrorStats> out = new LinkedHashMap<>();
        if (groups.size() == 1 && groups.containsKey("")) {
            return out;
        }
        groups.forEach((g, idx) -> out.put(g.isEmpty() ? "(none)" : g,
                of(idx.stream().map(samples::get).toList(), idx.stream().map(predictions::get).toList())));
        return out;
    }

    private static double mean(double sum, long count) {
        return count == 0 ? Double.NaN : sum / count;
    }
}
