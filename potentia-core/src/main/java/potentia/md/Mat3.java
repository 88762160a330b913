package potentia.md;

/** The few 3×3 matrix operations the barostat needs; matrices are row-major double[9]. */
final class Mat3 {
    private Mat3() {
    }

    static double[] identity() {
        return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }

    static double[] scaled(double[] a, double s) {
        double[] r = new double[9];
        for (int k = 0; k < 9; k++) {
            r[k] = a[k] * s;
        }
        return r;
    }

    static double[] multiply(double[] a, double[] b) {
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return r;
    }

    static double trace(double[] a) {
        return a[0] + a[4] + a[8];
    }

    static double determinant(double[] h) {
        return potentia.structure.Cell.determinant(h);
    }

    static double[] inverse(double[] h) {
        return potentia.structure.Cell.inverse(h);
    }

    /**
     * exp(A) by its Taylor series, for the small strains of one barostat step (‖A‖ ≪ 1: the
     * terms fall faster than ‖A‖ⁿ/n!, and 20 terms reach rounding for ‖A‖ up to about 1).
     */
    static double[] exp(double[] a) {
        double[] sum = identity();
        double[] term = identity();
        for (int n = 1; n <= 20; n++) {
            term = scaled(multiply(term, a), 1.0 / n);
            double largest = 0;
            for (int k = 0; k < 9; k++) {
                sum[k] += term[k];
                largest = Math.max(largest, Math.abs(term[k]));
            }
            if (largest < 1e-18) {
                break;
            }
        }
        return sum;
    }
}
