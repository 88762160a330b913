package potentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import potentia.train.ErrorStats;

class ErrorTableTest {
    private static ErrorStats stats(double energyStd, double forceStd) {
        return new ErrorStats(3, 30, 0.0012, 0.0015, 0.0456, 0.0789, 90, Double.NaN, Double.NaN, 0, energyStd,
                forceStd);
    }

    @Test
    void aSingleModelHasNoSpreadColumns() {
        String t = ErrorTable.table(List.of(Map.entry("validation", stats(Double.NaN, Double.NaN))));
        assertFalse(t.contains("σ"), t);
        String row = t.lines().filter(l -> l.startsWith("validation")).findFirst().orElseThrow();
        assertEquals(List.of("validation", "3", "1.20", "1.50", "45.6", "78.9", "-", "-"),
                List.of(row.trim().split("\\s+")));
    }

    @Test
    void aCommitteeShowsItsSpreadBesideTheErrorsInMillielectronvolts() {
        String t = ErrorTable.table(List.of(Map.entry("train", stats(0.0004, 0.0123)),
                Map.entry("  1000", stats(0.0021, 0.0456))));
        assertTrue(t.lines().findFirst().orElseThrow().contains("σ E"), t);
        String row = t.lines().filter(l -> l.startsWith("  1000")).findFirst().orElseThrow();
        List<String> cells = List.of(row.trim().split("\\s+"));
        assertEquals(List.of("2.10", "45.6"), cells.subList(cells.size() - 2, cells.size()), t);
    }

    @Test
    void theJsonGivesTheCommitteesErrorToSpreadRatiosOnlyForACommittee() {
        var single = ErrorTable.json(stats(Double.NaN, Double.NaN));
        assertFalse(single.has("committee_error_to_spread_forces"), single.toString());
        var committee = ErrorTable.json(stats(0.0004, 0.0123));
        assertEquals(1.2 / 0.4, committee.get("committee_error_to_spread_energy").asDouble(), 1e-12);
        assertEquals(45.6 / 12.3, committee.get("committee_error_to_spread_forces").asDouble(), 1e-12);
        assertEquals(12.3, committee.get("committee_force_std_mev_per_a").asDouble(), 1e-12);
    }
}
