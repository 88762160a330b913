package potentia.train;

import java.util.List;

/**
 * The prefactors of a batch's loss terms (see {@link LossSettings}): w_E/B, w_F/C_F and w_S/C_S.
 * They depend on the whole batch, so they are computed before its structures are processed one by
 * one; a term without labels in the batch gets 0.
 */
record BatchNorms(double energy, double forces, double stress) {

    static BatchNorms of(List<Sample> batch, LossSettings loss) {
        long forceComponents = 0;
        long stressComponents = 0;
        for (Sample s : batch) {
            if (s.hasForces()) {
                forceComponents += 3L * s.size();
            }
            if (s.hasStress()) {
                stressComponents += 9;
            }
        }
        return new BatchNorms(batch.isEmpty() ? 0 : loss.energyWeight() / batch.size(),
                forceComponents == 0 ? 0 : loss.forceWeight() / forceComponents,
                stressComponents == 0 ? 0 : loss.stressWeight() / stressComponents);
    }
}
