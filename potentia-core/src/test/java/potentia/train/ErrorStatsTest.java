package potentia.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import potentia.structure.Structure;

/** MAE and RMSE by hand, per group. */
class ErrorStatsTest {

    @Test
    void errorsByHand() {
        List<Structure> st = Fixtures.structures(3, 2, Fixtures.SIO);
        Structure a = st.get(0);
        Structure b = st.get(1);
        int na = a.size();
        int nb = b.size();
        double[] fa = new double[3 * na];
        double[] fb = new double[3 * nb];
        double[] pa = fa.clone();
        pa[0] = 0.3; // one component off by 0.3
        double[] pb = fb.clone();
        pb[1] = -0.4;
        List<Sample> samples = List.of(new Sample("t", 0, a, -10, fa, null, "x"),
                new Sample("t", 1, b, -20, fb, null, "y"));
        List<Prediction> predictions = List.of(new Prediction(-10 + 0.1 * na, pa, null, Double.NaN, null),
                new Prediction(-20 - 0.3 * nb, pb, null, Double.NaN, null));
        ErrorStats e = ErrorStats.of(samples, predictions);
        assertEquals(0.2, e.energyMae(), 1e-12);
        assertEquals(Math.sqrt((0.01 + 0.09) / 2), e.energyRmse(), 1e-12);
        long components = 3L * (na + nb);
        assertEquals(0.7 / components, e.forceMae(), 1e-12);
        assertEquals(Math.sqrt(0.25 / components), e.forceRmse(), 1e-12);
        assertTrue(Double.isNaN(e.stressMae()));
        Map<String, ErrorStats> groups = ErrorStats.byGroup(samples, predictions);
        assertEquals(List.of("x", "y"), List.copyOf(groups.keySet()));
        assertEquals(0.3, groups.get("y").energyMae(), 1e-12);
    }
}
