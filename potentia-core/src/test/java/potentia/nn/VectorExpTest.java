package potentia.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

class VectorExpTest {
    private static final int L = BatchedMlp.V.length();

    private static double[] exp(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i += L) {
            VectorExp.exp(DoubleVector.fromArray(BatchedMlp.V, x, i)).intoArray(out, i);
        }
        return out;
    }

    @Test
    void agreesWithMathExpToTwoUlpsOverTheWholeRange() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 64 * L;
        for (double span : new double[] {1e-6, 0.5, 3, 40, 700}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = span * (2 * rng.nextDouble() - 1);
            }
            double[] y = exp(x);
            for (int i = 0; i < n; i++) {
                double want = Math.exp(x[i]);
                assertEquals(want, y[i], 2 * Math.ulp(want), "e^" + x[i]);
            }
        }
    }

    @Test
    void exactAtZeroAndAtPowersOfTwoAndSaturatesFinitely() {
        double[] x = new double[L * 2];
        x[0] = 0;
        x[1 % x.length] = Math.log(2) * 10;
        x[2 % x.length] = -1000;
        x[3 % x.length] = 1000;
        double[] y = exp(x);
        assertEquals(1.0, y[0], 0.0);
        assertEquals(1024.0, y[1 % x.length], 1024 * 2 * Math.ulp(1.0));
        assertTrue(y[2 % x.length] > 0 && y[2 % x.length] < 1e-300, "large negative argument: " + y[2 % x.length]);
        assertTrue(Double.isFinite(y[3 % x.length]) && y[3 % x.length] > 1e300, "large positive argument");
    }
}
