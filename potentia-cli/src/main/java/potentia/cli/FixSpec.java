package potentia.cli;

import java.util.Locale;
import java.util.TreeSet;
import potentia.structure.Structure;

/**
 * The {@code --fix} argument of {@code potentia relax}: a comma-separated list of atom indices
 * (0-based, as in ASE), inclusive ranges {@code A-B}, and coordinate conditions
 * {@code x<V}, {@code y>V}, {@code z<V} (Cartesian, Å), e.g. {@code 0,3,10-19} or {@code z<2.5}.
 */
final class FixSpec {
    static final String HELP = "indices and ranges (0,3,10-19) or coordinate bounds (z<2.5, x>10), comma-separated";

    private FixSpec() {
    }

    /** The fixed atom indices, sorted. */
    static int[] parse(String spec, Structure s) {
        TreeSet<Integer> fixed = new TreeSet<>();
        for (String raw : spec.split(",")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            int lt = item.indexOf('<');
            int gt = item.indexOf('>');
            if (lt > 0 || gt > 0) {
                coordinate(item, lt > 0 ? lt : gt, lt > 0, s, fixed);
            } else {
                indices(item, s.size(), fixed);
            }
        }
        if (fixed.isEmpty()) {
            throw new IllegalArgumentException("--fix '" + spec + "' selects no atom; use " + HELP);
        }
        return fixed.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void coordinate(String item, int at, boolean below, Structure s, TreeSet<Integer> fixed) {
        String axis = item.substring(0, at).trim().toLowerCase(Locale.ROOT);
        int k = switch (axis) {
            case "x" -> 0;
            case "y" -> 1;
            case "z" -> 2;
            default -> throw new IllegalArgumentException("bad --fix condition '" + item + "': the axis must be x, y or z");
        };
        double bound;
        try {
            bound = Double.parseDouble(item.substring(at + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad --fix condition '" + item + "': '" + item.substring(at + 1).trim()
                    + "' is not a number (Å)");
        }
        for (int i = 0; i < s.size(); i++) {
            double v = s.position(i, k);
            if (below ? v < bound : v > bound) {
                fixed.add(i);
            }
        }
    }

    private static void indices(String item, int n, TreeSet<Integer> fixed) {
        int dash = item.indexOf('-', 1);
        try {
            int from = Integer.parseInt(dash < 0 ? item : item.substring(0, dash).trim());
            int to = dash < 0 ? from : Integer.parseInt(item.substring(dash + 1).trim());
            if (from < 0 || to < from || to >= n) {
                throw new IllegalArgumentException("--fix '" + item + "' is outside the structure's atoms 0.."
                        + (n - 1) + (to < from ? " or an empty range" : ""));
            }
            for (int i = from; i <= to; i++) {
                fixed.add(i);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad --fix item '" + item + "': use " + HELP);
        }
    }
}
