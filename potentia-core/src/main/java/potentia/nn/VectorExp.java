package potentia.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * e^x lane by lane, built only from lanewise operations whose results the Vector API specifies
 * exactly (add, multiply, fma, min/max, conversion, shift).
 *
 * <p>Why hand-written: {@code lanewise(EXP)} is allowed to differ by an ulp between its
 * intrinsic (a vendor math stub, used once C2 compiles the caller) and its Java fallback (used
 * before), so the same call gave different energies depending on how warm the JIT was — a model
 * evaluated twice, or a seeded training run, must give the same bits. Range reduction
 * x = k ln 2 + r with |r| ≤ ln2/2 (ln 2 split in two so k ln 2 is exact), a degree-13 Taylor
 * polynomial of e^r (truncation below 2·10⁻¹⁷ relative) and 2^k from exponent bits. Arguments
 * are clamped to [−708, 708], where e^x stays a normal double: swish saturates long before.
 */
final class VectorExp {
    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 = LN2_HI + LN2_LO; LN2_HI has trailing zero bits so that k·LN2_HI is exact for |k| < 2¹¹. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** Adding 1.5·2⁵² rounds a double of magnitude below 2⁵¹ to the nearest integer. */
    private static final double ROUND = 6755399441055744.0;
    private static final double LIMIT = 708.0;
    private static final double[] INVERSE_FACTORIAL = inverseFactorials(13);

    private VectorExp() {
    }

    static DoubleVector exp(DoubleVector x) {
        DoubleVector xc = x.max(-LIMIT).min(LIMIT);
        DoubleVector k = xc.mul(LOG2E).add(ROUND).sub(ROUND);
        DoubleVector r = k.mul(-LN2_HI).add(xc);
        r = k.mul(-LN2_LO).add(r);
        DoubleVector p = DoubleVector.broadcast(x.species(), INVERSE_FACTORIAL[13]);
        for (int n = 12; n >= 0; n--) {
            p = p.fma(r, DoubleVector.broadcast(x.species(), INVERSE_FACTORIAL[n]));
        }
        LongVector bits = (LongVector) k.convert(VectorOperators.D2L, 0);
        DoubleVector scale = bits.add(1023L).lanewise(VectorOperators.LSHL, 52L).reinterpretAsDoubles();
        return p.mul(scale);
    }

    private static double[] inverseFactorials(int n) {
        double[] c = new double[n + 1];
        c[0] = 1;
        for (int i = 1; i <= n; i++) {
            c[i] = c[i - 1] / i;
        }
        return c;
    }
}
