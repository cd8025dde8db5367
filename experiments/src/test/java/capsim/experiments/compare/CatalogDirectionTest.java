package capsim.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.experiments.gate.Gate;
import capsim.models.metric.Metric;
import capsim.models.metric.Metric.Better;
import capsim.models.metric.MetricCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A comparison and the gate take a metric's better direction from the metric catalog. */
class CatalogDirectionTest {
    /*
     * Declared by hand, independently of the catalog: cost lower is better, uptime and throughput
     * higher, a tier's latency and a per-region latency lower.
     */
    private static final List<Object[]> DECLARED = List.of(
            new Object[] {"cost.monthly_usd", Better.LOWER, "USD/month"},
            new Object[] {"uptime.ratio", Better.HIGHER, "ratio"},
            new Object[] {"classes.api.throughput_per_s", Better.HIGHER, "requests/s"},
            new Object[] {"classes.api.completed", Better.HIGHER, "requests"},
            new Object[] {"tiers.db.latency_ms.p99", Better.LOWER, "ms"},
            new Object[] {"classes.api.by_region.eu.latency_ms.mean", Better.LOWER, "ms"},
            new Object[] {"uptime.downtime_min_per_month", Better.LOWER, "min/month"});

    @Test
    void aMetricWithoutAnSloIsJudgedByItsDeclaredDirection() {
        for (Object[] d : DECLARED) {
            String path = (String) d[0];
            boolean lower = d[1] == Better.LOWER;
            Metric m = MetricCatalog.describe(path).orElseThrow();
            assertEquals(d[1], m.better(), path);
            assertEquals(d[2], m.unit(), path);
            assertEquals(lower, Comparison.lowerIsBetter(path, List.of()), path);
            // The gate's operator only breaks a tie the catalog leaves: either operator agrees here.
            assertEquals(lower, Gate.lowerIsBetter(path, "<="), path);
            assertEquals(lower, Gate.lowerIsBetter(path, ">="), path);
        }
    }

    @Test
    void aCountOfWhatWasOfferedFallsBackOnTheSloOrLess() {
        String arrived = "classes.api.arrived";
        assertEquals(Better.NEITHER, MetricCatalog.describe(arrived).orElseThrow().better());
        assertTrue(Comparison.lowerIsBetter(arrived, List.of()));
        assertTrue(Gate.lowerIsBetter(arrived, "<="));
        assertFalse(Gate.lowerIsBetter(arrived, ">="));
    }

    /*
     * Availability 0.999 [0.998, 1.000] against 0.995 [0.994, 0.996]: B - A = -0.004, half-width
     * sqrt(0.001^2 + 0.001^2) = 0.001414, interval [-0.00541, -0.00259] excludes 0, and less
     * availability is worse. The ratio's own interval (uptime.ci95) is far wider and is not the
     * availability's; downtime has no interval of its own, so its difference is never significant.
     */
    @Test
    void uptimeIsComparedByTheIntervalTheCatalogNamesForIt() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree("{\"uptime\": {\"ratio\": 0.99, \"ci95\": [0.5, 1.0], \"availability\": 0.999,"
                + " \"availability_ci95\": [0.998, 1.0], \"downtime_min_per_month\": 10}}");
        JsonNode b = json.readTree("{\"uptime\": {\"ratio\": 0.98, \"ci95\": [0.5, 1.0], \"availability\": 0.995,"
                + " \"availability_ci95\": [0.994, 0.996], \"downtime_min_per_month\": 400}}");

        List<Comparison.Row> rows = Comparison.compare(List.of("uptime.availability", "uptime.downtime_min_per_month"),
                List.of(), a, b, null, null);

        assertEquals(-0.004, rows.get(0).diff(), 1e-12);
        assertEquals(-0.004 - Math.sqrt(2) * 0.001, rows.get(0).ciLo(), 1e-12);
        assertEquals(-0.004 + Math.sqrt(2) * 0.001, rows.get(0).ciHi(), 1e-12);
        assertEquals(Comparison.WORSE, rows.get(0).verdict());
        assertEquals(Comparison.SAME, rows.get(1).verdict());
    }

    @Test
    void aPathNoSummaryNamesIsNotDescribed() {
        assertTrue(MetricCatalog.describe("classes.api.latency_ms.p42").isEmpty());
        assertTrue(MetricCatalog.describe("nonsense").isEmpty());
    }
}
