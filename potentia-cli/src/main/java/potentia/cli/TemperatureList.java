package potentia.cli;

import java.util.ArrayList;
import java.util.List;

/** Temperatures from text: a range "FROM:TO:STEP" (both ends included when on the grid) or a list "300,600,900". */
final class TemperatureList {
    private TemperatureList() {
    }

    /**
     * @param option the option's name, for messages
     * @return K, ascending
     * @throws IllegalArgumentException naming the option and what is wrong
     */
    static double[] parse(String option, String text) {
        List<Double> out = new ArrayList<>();
        String t = text.trim();
        if (t.contains(":")) {
            String[] p = t.split(":", -1);
            if (p.length != 3) {
                throw new IllegalArgumentException(option + " '" + text + "': a range is FROM:TO:STEP, e.g. 100:1500:100");
            }
            double from = number(option, text, p[0]);
            double to = number(option, text, p[1]);
            double step = number(option, text, p[2]);
            if (!(step > 0) || !(to >= from)) {
                throw new IllegalArgumentException(option + " '" + text + "': need TO ≥ FROM and STEP > 0");
            }
            long n = (long) Math.floor((to - from) / step + 1e-9) + 1;
            if (n > 100_000) {
                throw new IllegalArgumentException(option + " '" + text + "': " + n + " temperatures is too many");
            }
            for (long k = 0; k < n; k++) {
                out.add(from + k * step);
            }
        } else {
            for (String part : t.split(",")) {
                out.add(number(option, text, part));
            }
        }
        double[] v = new double[out.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = out.get(k);
            if (!(v[k] >= 0) || !Double.isFinite(v[k])) {
                throw new IllegalArgumentException(option + " '" + text + "': temperatures must be ≥ 0 K");
            }
            if (k > 0 && !(v[k] > v[k - 1])) {
                throw new IllegalArgumentException(option + " '" + text + "': temperatures must ascend");
            }
        }
        return v;
    }

    private static double number(String option, String text, String part) {
        try {
            return Double.parseDouble(part.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + text + "': '" + part.trim() + "' is not a number");
        }
    }
}
