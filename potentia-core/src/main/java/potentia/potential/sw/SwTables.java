package potentia.potential.sw;

/**
 * Stillinger-Weber constants per ordered species triplet m = (i·n + j)·n + k, precomputed as
 * LAMMPS's {@code setup_params} does. Two-body and radial entries are read at m = i-j-j,
 * three-body strength and angle at m = i-j-k.
 */
final class SwTables {
    final int species;
    /** aσ, Å. */
    final double[] cut;
    /** Squared neighbour cutoff (shortened by tol), Å². */
    final double[] cutSq;
    final double[] sigma;
    final double[] sigmaGamma;
    /** Two-body force and energy coefficients c1 … c6 as in LAMMPS. */
    final double[] c1;
    final double[] c2;
    final double[] c3;
    final double[] c4;
    final double[] c5;
    final double[] c6;
    final double[] p;
    final double[] q;
    /** p and q when they are small non-negative integers (then r^−p is a product), else −1. */
    final int[] pInt;
    final int[] qInt;
    final double[] lambdaEpsilon;
    final double[] lambdaEpsilon2;
    final double[] cosTheta0;

    SwTables(StillingerWeberParameters params) {
        int n = params.elements().size();
        int size = n * n * n;
        species = n;
        cut = new double[size];
        cutSq = new double[size];
        sigma = new double[size];
        sigmaGamma = new double[size];
        c1 = new double[size];
        c2 = new double[size];
        c3 = new double[size];
        c4 = new double[size];
        c5 = new double[size];
        c6 = new double[size];
        p = new double[size];
        q = new double[size];
        pInt = new int[size];
        qInt = new int[size];
        lambdaEpsilon = new double[size];
        lambdaEpsilon2 = new double[size];
        cosTheta0 = new double[size];
        for (int m = 0; m < size; m++) {
            SwTriplet t = params.entry(m);
            double s = t.sigma();
            double ae = t.bigA() * t.epsilon();
            cut[m] = t.cut();
            double sc = t.shortCutoff();
            cutSq[m] = sc * sc;
            sigma[m] = s;
            sigmaGamma[m] = s * t.gamma();
            c1[m] = ae * t.p() * t.bigB() * Math.pow(s, t.p());
            c2[m] = ae * t.q() * Math.pow(s, t.q());
            c3[m] = ae * t.bigB() * Math.pow(s, t.p() + 1);
            c4[m] = ae * Math.pow(s, t.q() + 1);
            c5[m] = ae * t.bigB() * Math.pow(s, t.p());
            c6[m] = ae * Math.pow(s, t.q());
            p[m] = t.p();
            q[m] = t.q();
            pInt[m] = smallInteger(t.p());
            qInt[m] = smallInteger(t.q());
            lambdaEpsilon[m] = t.lambda() * t.epsilon();
            lambdaEpsilon2[m] = 2 * t.lambda() * t.epsilon();
            cosTheta0[m] = t.cosTheta0();
        }
    }

    private static int smallInteger(double v) {
        return v == Math.rint(v) && v >= 0 && v <= 16 ? (int) v : -1;
    }

    /**
     * r^−e for r's inverse {@code rinv}: by multiplication when e is a small integer (the usual
     * p = 4, q = 0 straight-line, since a variable-length loop costs more than the rest of the
     * pair term), else pow.
     */
    static double inversePower(double r, double rinv, double e, int eInt) {
        switch (eInt) {
            case 0:
                return 1;
            case 4: {
                double r2 = rinv * rinv;
                return r2 * r2;
            }
            case -1:
                return Math.pow(r, -e);
            default: {
                double v = 1;
                for (int k = 0; k < eInt; k++) {
                    v *= rinv;
                }
                return v;
            }
        }
    }
}
