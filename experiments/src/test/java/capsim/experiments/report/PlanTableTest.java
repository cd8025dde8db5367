package capsim.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's plan table, from summaries: a row per summary, the other rows kept. */
class PlanTableTest {
    private static final String SUMMARY = """
            {"model": "shop", "tiers": {"app": {"saturated": false}, "db": {"saturated": true}},
             "uptime": {"ratio": 0.99925, "ci95": [0.99853, 0.99996]},
             "cost": {"monthly_usd": 1234.4, "monthly_local": 3209440, "currency": "TZS", "users": 10000,
                      "budget": {"min_monthly_local": 300000, "max_monthly_local": 400000, "verdict": "over"}},
             "slo": [{"metric": "classes.api.latency_ms.p99", "value": 41.26, "pass": true, "verdict": "PASS"},
                     {"metric": "websocket.delivery_ms.p99", "value": 1.6, "pass": true, "verdict": "PASS"},
                     {"metric": "uptime.ratio", "value": 0.99925, "pass": true, "verdict": "UNCERTAIN"}]}""";

    @Test
    void aRowSaysWhatTheSummarySays() throws IOException {
        String row = PlanTable.row(new ObjectMapper().readTree(SUMMARY));

        assertEquals("| shop | 10,000 | api 41.3 ms; ws delivery 1.6 ms; saturated: db | 99.925% [99.853, 99.996]"
                + " | $1,234 (TZS 3,209,440) | budget TZS 300,000-400,000 (over) | 2/3 (uncertain: uptime.ratio)"
                + " | UNCERTAIN |", row);
    }

    @Test
    void rowsWithoutASummaryStay() {
        String readme = "intro\n" + PlanTable.BEGIN + "\n" + PlanTable.HEADER + "| old | 1 | a | b | c | d | e | PASS |\n"
                + "| shop | 2 | a | b | c | d | e | FAIL |\n" + PlanTable.END + "\nafter\n";

        String spliced = PlanTable.splice(readme, Map.of("shop", "| shop | new |"));

        assertTrue(spliced.contains("| old | 1 | a | b | c | d | e | PASS |\n| shop | new |\n" + PlanTable.END
                + "\nafter\n"), spliced);
        assertTrue(spliced.startsWith("intro\n" + PlanTable.BEGIN + "\n| plan |"), spliced);
    }
}
