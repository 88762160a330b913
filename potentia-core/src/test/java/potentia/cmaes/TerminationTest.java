package potentia.cmaes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each of Hansen's termination criteria fires on a problem made to trigger it. */
class TerminationTest {

    private static Cmaes run(Objective f, double[] x0, double sigma0, CmaesStopping stopping, int maxGenerations) {
        Cmaes c = Cmaes.start(x0, sigma0, stopping, 17);
        for (int g = 0; g < maxGenerations && !c.stopped(); g++) {
            c.tell(PopulationEvaluator.evaluate(f, c.ask(), 1));
        }
        assertTrue(c.stopped(), "no criterion fired in " + maxGenerations + " generations");
        return c;
    }

    private static Set<StopReason> reasons(Objective f, double[] x0, double sigma0, CmaesStopping stopping) {
        return run(f, x0, sigma0, stopping, 20_000).stopReasons();
    }

    @Test
    void targetFitness() {
        Cmaes c = run(TestFunctions::sphere, new double[] {1, 2, 3}, 1, CmaesStopping.defaults().withTarget(1e-6), 5000);
        assertEquals(Set.of(StopReason.TARGET_FITNESS), c.stopReasons());
        assertTrue(c.bestFitness() <= 1e-6);
    }

    @Test
    void maxEvaluations() {
        Cmaes c = run(TestFunctions::sphere, new double[] {1, 2, 3}, 1, CmaesStopping.defaults().withMaxEvaluations(70),
                5000);
        assertEquals(Set.of(StopReason.MAX_EVALUATIONS), c.stopReasons());
        assertEquals(70, c.evaluations(), c.lambda());
    }

    @Test
    void tolFun() {
        Set<StopReason> r = reasons(TestFunctions::sphere, new double[] {1, 2, 3}, 1,
                CmaesStopping.defaults().withTolFun(1e-9).withTolXFactor(0));
        assertEquals(Set.of(StopReason.TOL_FUN), r);
    }

    @Test
    void tolX() {
        Set<StopReason> r = reasons(TestFunctions::sphere, new double[] {1, 2, 3}, 1,
                CmaesStopping.defaults().withTolFun(0).withTolXFactor(1e-6));
        assertEquals(Set.of(StopReason.TOL_X), r);
    }

    @Test
    void equalFunValuesOnAFlatFunction() {
        Set<StopReason> r = reasons(x -> 1.0, new double[] {0, 0, 0}, 1, CmaesStopping.defaults().withTolFun(0));
        assertEquals(Set.of(StopReason.EQUAL_FUN_VALUES), r);
    }

    @Test
    void noEffectAxisAndCoordWhenStepsVanishAgainstTheMean() {
        // 0.2·σ = 2e-11 is below half an ulp of 1e8 (7.5e-9): adding it leaves the mean unchanged
        Set<StopReason> r = reasons(TestFunctions::sphere, new double[] {1e8, 1e8}, 1e-10, CmaesStopping.defaults());
        assertTrue(r.containsAll(Set.of(StopReason.NO_EFFECT_AXIS, StopReason.NO_EFFECT_COORD)), r.toString());
    }

    @Test
    void conditionCov() {
        Objective badlyScaled = x -> x[0] * x[0] + 1e12 * x[1] * x[1] + x[2] * x[2];
        Set<StopReason> r = reasons(badlyScaled, new double[] {1, 1, 1}, 1,
                CmaesStopping.defaults().withMaxCondition(1e6).withTolFun(0));
        assertEquals(Set.of(StopReason.CONDITION_COV), r);
    }

    @Test
    void tolXUpOnAnUnboundedLinearFunction() {
        Set<StopReason> r = reasons(x -> x[0], new double[] {0, 0}, 1, CmaesStopping.defaults());
        assertEquals(Set.of(StopReason.TOL_X_UP), r);
    }

    @Test
    void tolUpSigmaOnAnUnboundedLinearFunction() {
        Set<StopReason> r = reasons(x -> x[0], new double[] {0, 0}, 1,
                CmaesStopping.defaults().withTolXUp(Double.MAX_VALUE));
        assertEquals(Set.of(StopReason.TOL_UP_SIGMA), r);
    }

    @Test
    void stagnationOnPureNoise() {
        // fitness independent of x (a hash of its bits): no progress in the best or the median
        Objective noise = x -> {
            long h = 0x9e3779b97f4a7c15L;
            for (double v : x) {
                long[] s = {h ^ Double.doubleToLongBits(v)};
                h = Xoshiro256StarStar.splitMix(s);
            }
            return (h >>> 11) * 0x1.0p-53;
        };
        CmaesStopping stopping = CmaesStopping.defaults().withTolXUp(Double.MAX_VALUE);
        Set<StopReason> r = reasons(noise, new double[] {0, 0}, 1, stopping);
        assertTrue(r.contains(StopReason.STAGNATION), r.toString());
    }
}
