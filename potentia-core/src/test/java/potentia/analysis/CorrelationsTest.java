package potentia.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FFT paths agree with the direct sums they replace. */
class CorrelationsTest {

    private static double[] randomWalk(int length, long seed) {
        var rng = new SplittableRandom(seed);
        double[] x = new double[length];
        for (int t = 1; t < length; t++) {
            x[t] = x[t - 1] + rng.nextGaussian();
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8, 37, 100, 257})
    void fftMatchesTheDirectDft(int n) {
        int size = Fft.powerOfTwoAtLeast(n);
        var rng = new SplittableRandom(n);
        double[] re = new double[size];
        double[] im = new double[size];
        for (int k = 0; k < size; k++) {
            re[k] = rng.nextGaussian();
            im[k] = rng.nextGaussian();
        }
        double[] wantRe = new double[size];
        double[] wantIm = new double[size];
        for (int k = 0; k < size; k++) {
            for (int t = 0; t < size; t++) {
                double a = -2 * Math.PI * ((long) k * t % size) / size;
                wantRe[k] += re[t] * Math.cos(a) - im[t] * Math.sin(a);
                wantIm[k] += re[t] * Math.sin(a) + im[t] * Math.cos(a);
            }
        }
        double[] gotRe = re.clone();
        double[] gotIm = im.clone();
        Fft.of(size).transform(gotRe, gotIm, false);
        assertArrayEquals(wantRe, gotRe, 1e-9 * size);
        assertArrayEquals(wantIm, gotIm, 1e-9 * size);
        Fft.of(size).transform(gotRe, gotIm, true);
        for (int k = 0; k < size; k++) {
            assertEquals(re[k], gotRe[k] / size, 1e-12);
            assertEquals(im[k], gotIm[k] / size, 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 64, 100, 333})
    void lagSumsMatchTheDirectSums(int n) {
        double[] x = randomWalk(n, 7 + n);
        double[] direct = Correlations.lagSumsDirect(x);
        double scale = Math.max(1, direct[0]);
        assertArrayEquals(direct, Correlations.lagSums(x), 1e-10 * scale);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 64, 100, 333})
    void squaredDisplacementSumsMatchTheDirectSums(int n) {
        double[] x = randomWalk(n, 11 + n);
        double[] direct = Correlations.squaredDisplacementSumsDirect(x);
        double[] fast = Correlations.squaredDisplacementSums(x);
        for (int m = 0; m < n; m++) {
            assertEquals(direct[m], fast[m], 1e-9 * Math.max(1, direct[Math.max(0, n / 2)]) , "lag " + m);
        }
    }
}
