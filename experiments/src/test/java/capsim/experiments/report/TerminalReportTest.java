package capsim.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.experiments.Fixtures;
import capsim.models.spec.CurrencySpec;
import capsim.models.spec.ModelSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TerminalReportTest {
    private static final String SUMMARY = """
            {"model": "shop",
             "run": {"duration_s": 3600.0, "warmup_s": 300.0, "replications": 5, "seed": 42},
             "classes": {"api": {"latency_ms": {"count": 10, "mean": 9, "p50": 8.5, "p90": 20, "p95": 31.25, "p99": 120.5,
                 "p999": 300, "max": 400, "p99_ci95": [110.25, 130.75]}, "throughput_per_s": 999.5,
                 "error_ratio": 0.0125, "arrived": 18000000, "unfinished": 2}},
             "tiers": {
               "app": {"latency_ms": {"count": 1, "mean": 1, "p50": 1, "p90": 1, "p95": 1, "p99": 1, "p999": 1,
                 "max": 1, "p99_ci95": [1, 1]}, "utilization": 0.456, "nodes": {"min": 2, "mean": 2.5, "max": 4},
                 "saturated": false},
               "db": {"latency_ms": {"count": 1, "mean": 1, "p50": 1, "p90": 1, "p95": 1, "p99": 1, "p999": 1,
                 "max": 1, "p99_ci95": [1, 1]}, "utilization": 0.99, "nodes": {"min": 1, "mean": 1, "max": 1},
                 "saturated": true},
               "ws": {"latency_ms": {"count": 1, "mean": 1, "p50": 1, "p90": 1, "p95": 1, "p99": 1, "p999": 1,
                 "max": 1, "p99_ci95": [1, 1]}, "utilization": 0.1, "nodes": {"min": 1, "mean": 1, "max": 1},
                 "saturated": false}},
             "websocket": {"delivery_ms": {"count": 3000, "mean": 1, "p50": 1, "p90": 1, "p95": 1, "p99": 45.5,
                 "p999": 1, "max": 1, "p99_ci95": [40, 50]}},
             "slo": [{"metric": "classes.api.latency_ms.p99", "target": 200, "op": "<=", "value": 120.5, "pass": true,
                      "verdict": "PASS", "ci95": [110.25, 130.75]},
                     {"metric": "uptime.ratio", "target": 0.995, "op": ">=", "value": 0.99, "pass": false,
                      "verdict": "UNCERTAIN", "ci95": [0.985, 0.996], "replications_to_settle": 12}],
             "uptime": {"ratio": 0.99, "availability": 0.995, "windows": 300, "window_s": 60},
             "cost": {"monthly_usd": 1234.5, "monthly_local": 3209700, "currency": "TZS", "hours_per_month": 730},
             "engine": {"events": 12345678, "wall_s": 4.5, "events_per_s": 2743484},
             "notes": ["tier db saturated: offered utilisation 1.20"]}""";

    @Test
    void showsEverySectionWithAlignedColumns() throws IOException {
        ModelSpec spec = Fixtures.model(true, Optional.of(new CurrencySpec("TZS", 2600)), List.of());
        JsonNode summary = new ObjectMapper().readTree(SUMMARY);

        String text = TerminalReport.render(spec, summary);
        List<String> lines = text.lines().toList();

        assertEquals("shop - A small shop", lines.get(0));
        assertEquals("5 replications x 3600 s simulated (after 300 s warm-up), seed 42; 12,345,678 events in 4.50 s"
                + " (2,743,484 events/s)", lines.get(1));
        assertEquals("class  p50 ms  p95 ms  p99 ms       p99 95% CI   req/s  offered/s  errors  unfinished",
                lines.get(3));
        assertEquals("api     8.500   31.25   120.5  [110.3 - 130.8]  999.50   1,000.00   1.25%           2", lines.get(4));
        assertTrue(text.contains("app    1.000   1.000   1.000  [1.000 - 1.000]  45.6%        2 / 2.50 / 4\n"), text);
        assertTrue(text.contains("99.0%        1 / 1.00 / 1  SATURATED\n"), text);
        assertTrue(text.contains("delivery    1.000   1.000   45.50  [40.00 - 50.00]       3,000\n"), text);
        assertTrue(text.contains("classes.api.latency_ms.p99    <= 200  120.5  [110.25 - 130.75]  PASS\n"), text);
        assertTrue(text.contains("uptime.ratio                >= 0.995   0.99    [0.985 - 0.996]  UNCERTAIN\n"), text);
        assertTrue(text.contains("  uptime.ratio: the 95% CI contains the target; about 7 more replications (12 in"
                + " all) would likely settle it\n"), text);
        assertTrue(text.contains("uptime  99.000% of 300 windows of 60 s meet every target\n"), text);
        assertTrue(text.contains("        available 99.500% (windows whose requests were answered within the allowed"
                + " error ratio, however slow)\n"), text);
        assertTrue(text.contains("cost    $1,234.50 / month (730 h), TZS 3,209,700.00 / month\n"), text);
        assertTrue(text.endsWith("notes\n  - tier db saturated: offered utilisation 1.20\n"), text);
    }

    @Test
    void showsIntervalsToSixSignificantDigitsAndOneMoreReplicationInTheSingular() throws IOException {
        ModelSpec spec = Fixtures.model(true, Optional.of(new CurrencySpec("TZS", 2600)), List.of());
        ObjectNode summary = (ObjectNode) new ObjectMapper().readTree(SUMMARY);
        summary.set("slo", new ObjectMapper().readTree("""
                [{"metric": "tiers.db.latency_ms.mean", "target": 100, "op": "<=", "value": 3.9624, "pass": true,
                  "verdict": "PASS", "ci95": [3.9560317096099276, 3.9687016237234056]},
                 {"metric": "uptime.ratio", "target": 0.995, "op": ">=", "value": 0.996, "pass": true,
                  "verdict": "UNCERTAIN", "ci95": [0.9900001, 1], "replications_to_settle": 6}]"""));

        String text = TerminalReport.render(spec, summary);

        assertTrue(text.contains("tiers.db.latency_ms.mean    <= 100  3.9624  [3.95603 - 3.9687]  PASS\n"), text);
        assertTrue(text.contains("uptime.ratio              >= 0.995   0.996          [0.99 - 1]  UNCERTAIN\n"), text);
        assertTrue(text.contains("  uptime.ratio: the 95% CI contains the target; about 1 more replication (6 in all)"
                + " would likely settle it\n"), text);
    }

    @Test
    void showsTheBillPerTierAndLineNextToThePlanAndBudget() throws IOException {
        ModelSpec spec = Fixtures.model(true, Optional.of(new CurrencySpec("TZS", 2600)), List.of());
        ObjectNode summary = (ObjectNode) new ObjectMapper().readTree(SUMMARY);
        summary.set("cost", new ObjectMapper().readTree("""
                {"monthly_usd": 1234.5, "monthly_local": 3209700, "currency": "TZS", "hours_per_month": 730,
                 "by_tier": {"app": {"node": "t3.medium", "nodes_mean": 4, "hourly_usd": 0.0416,
                                     "credits_surplus_usd": 29.2, "monthly_usd": 150.67},
                             "db": {"node": "custom", "nodes_mean": 1, "hourly_usd": 1.0959,
                                    "credits_surplus_usd": 0, "monthly_usd": 800.01}},
                 "lines": {"s3": 17.25},
                 "users": 100000, "per_user_usd": 0.012345,
                 "plan_monthly_usd": 384.62, "plan_monthly_local": 1000000,
                 "budget": {"min_monthly_usd": 115.38, "min_monthly_local": 300000, "verdict": "within"}}"""));

        String text = TerminalReport.render(spec, summary);

        assertTrue(text.contains("""
                uptime  99.000% of 300 windows of 60 s meet every target
                        available 99.500% (windows whose requests were answered within the allowed error ratio, \
                however slow)

                bill     node       nodes  $/hour  credits $/month  $/month
                app      t3.medium   4.00  0.0416            29.20   150.67
                db       custom      1.00  1.0959                    800.01
                line s3                                               17.25

                cost    $1,234.50 / month (730 h), TZS 3,209,700.00 / month
                        $0.0123 per user a month (100,000 users)
                        plan's own figure: $384.62 (TZS 1,000,000.00) / month
                        budget at least $115.38 (TZS 300,000.00) / month: WITHIN
                """), text);
    }
}
