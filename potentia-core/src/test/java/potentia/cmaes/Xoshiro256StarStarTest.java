package potentia.cmaes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Xoshiro256StarStarTest {

    @Test
    void matchesTheReferenceSequenceFromStateOneTwoThreeFour() {
        // first outputs of the authors' xoshiro256starstar.c from s = {1, 2, 3, 4}
        long[] expected = {11520L, 0L, 1509978240L, 1215971899390074240L, 1216172134540287360L,
            607988272756665600L, Long.parseUnsignedLong("16172922978634559625"), 8476171486693032832L,
            Long.parseUnsignedLong("10595114339597558777"), 2904607092377533576L};
        Xoshiro256StarStar g = Xoshiro256StarStar.ofState(new long[] {1, 2, 3, 4});
        for (long e : expected) {
            assertEquals(e, g.nextLong());
        }
    }

    @Test
    void stateRoundTripContinuesTheSameStream() {
        Xoshiro256StarStar a = Xoshiro256StarStar.seeded(42);
        for (int k = 0; k < 17; k++) {
            a.nextLong();
        }
        Xoshiro256StarStar b = Xoshiro256StarStar.ofState(a.state());
        double[] ga = new double[11];
        double[] gb = new double[11];
        a.fillGaussian(ga, 0, 11);
        b.fillGaussian(gb, 0, 11);
        assertArrayEquals(ga, gb);
        assertEquals(a.nextLong(), b.nextLong());
        assertNotEquals(Xoshiro256StarStar.seeded(1).nextLong(), Xoshiro256StarStar.seeded(2).nextLong());
    }

    @Test
    void gaussianDeviatesHaveUnitVarianceAndNoMean() {
        Xoshiro256StarStar g = Xoshiro256StarStar.seeded(7);
        double[] z = new double[200_001];
        g.fillGaussian(z, 0, z.length);
        double m = 0;
        double v = 0;
        double k4 = 0;
        for (double x : z) {
            m += x;
            v += x * x;
            k4 += x * x * x * x;
        }
        m /= z.length;
        v /= z.length;
        k4 /= z.length;
        assertEquals(0, m, 0.01);
        assertEquals(1, v, 0.01);
        assertEquals(3, k4, 0.06); // a normal's fourth moment
    }

    @Test
    void refusesTheAllZeroState() {
        assertThrows(IllegalArgumentException.class, () -> Xoshiro256StarStar.ofState(new long[4]));
    }
}
