package potentia.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import potentia.train.ErrorStats;
import potentia.units.Units;

/**
 * Error statistics as people read them: energy in meV/atom, forces in meV/Å, stress in GPa, as a
 * text table (one row per data set or group) and as the JSON object scripts read.
 */
final class ErrorTable {
    private ErrorTable() {
    }

    /**
     * A fixed-width table with one row per entry (name, statistics), in list order; with a
     * committee, two more columns give its mean spread (σ of E/N and of a force component) beside
     * the errors, so that a user sees whether the committee knows when it is wrong.
     */
    static String table(List<Map.Entry<String, ErrorStats>> rows) {
        int w = 12;
        boolean spread = false;
        for (Map.Entry<String, ErrorStats> e : rows) {
            w = Math.max(w, e.getKey().length() + 1);
            spread |= Double.isFinite(e.getValue().energyStd()) || Double.isFinite(e.getValue().forceStd());
        }
        StringBuilder sb = new StringBuilder();
        String head = "%-" + w + "s %6s %8s %8s %9s %9s %9s %9s";
        String sigmaHead = " %8s %8s";
        sb.append(String.format(Locale.ROOT, head, "", "frames", "E MAE", "E RMSE", "F MAE", "F RMSE", "S MAE",
                "S RMSE"));
        sb.append(spread ? String.format(Locale.ROOT, sigmaHead, "σ E", "σ F") : "").append('\n');
        sb.append(String.format(Locale.ROOT, head, "", "", "meV/at", "meV/at", "meV/Å", "meV/Å", "GPa", "GPa"));
        sb.append(spread ? String.format(Locale.ROOT, sigmaHead, "meV/at", "meV/Å") : "").append('\n');
        for (Map.Entry<String, ErrorStats> e : rows) {
            ErrorStats s = e.getValue();
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %6d %8s %8s %9s %9s %9s %9s", e.getKey(),
                    s.structures(), num(1e3 * s.energyMae(), 2), num(1e3 * s.energyRmse(), 2),
                    num(1e3 * s.forceMae(), 1), num(1e3 * s.forceRmse(), 1), num(Units.toGPa(s.stressMae()), 3),
                    num(Units.toGPa(s.stressRmse()), 3)));
            if (spread) {
                sb.append(String.format(Locale.ROOT, sigmaHead, num(1e3 * s.energyStd(), 2),
                        num(1e3 * s.forceStd(), 1)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Rows {@code name} for all frames, then one per group (when frames have groups), indented. */
    static List<Map.Entry<String, ErrorStats>> rows(String name, ErrorStats all, Map<String, ErrorStats> groups) {
        List<Map.Entry<String, ErrorStats>> rows = new ArrayList<>();
        rows.add(Map.entry(name, all));
        groups.forEach((g, s) -> rows.add(Map.entry("  " + g, s)));
        return rows;
    }

    /**
     * The JSON form: n_structures, energy_mae_mev_per_atom, energy_rmse_mev_per_atom, force_mae_mev_per_a,
     * force_rmse_mev_per_a and, when stresses exist, stress_mae_gpa and stress_rmse_gpa; committee
     * spreads and error-to-spread ratios (MAE over mean σ) when present. Quantities without labels are left out.
     */
    static ObjectNode json(ErrorStats s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("n_structures", s.structures());
        o.put("n_atoms", s.atoms());
        put(o, "energy_mae_mev_per_atom", 1e3 * s.energyMae());
        put(o, "energy_rmse_mev_per_atom", 1e3 * s.energyRmse());
        put(o, "force_mae_mev_per_a", 1e3 * s.forceMae());
        put(o, "force_rmse_mev_per_a", 1e3 * s.forceRmse());
        if (s.stressFrames() > 0) {
            put(o, "stress_mae_gpa", Units.toGPa(s.stressMae()));
            put(o, "stress_rmse_gpa", Units.toGPa(s.stressRmse()));
        }
        put(o, "committee_energy_std_mev_per_atom", 1e3 * s.energyStd());
        put(o, "committee_force_std_mev_per_a", 1e3 * s.forceStd());
        // how much larger the errors are than the spread: the factor by which to scale σ (measured
        // on validation frames) to read it as an error estimate
        put(o, "committee_error_to_spread_energy", s.energyMae() / s.energyStd());
        put(o, "committee_error_to_spread_forces", s.forceMae() / s.forceStd());
        return o;
    }

    /** {@link #json} with a "by_config_type" object of the groups (when there are any). */
    static ObjectNode json(ErrorStats all, Map<String, ErrorStats> groups) {
        ObjectNode o = json(all);
        if (!groups.isEmpty()) {
            ObjectNode g = o.putObject("by_config_type");
            groups.forEach((name, s) -> g.set(name, json(s)));
        }
        return o;
    }

    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        }
    }

    private static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "-";
    }
}
