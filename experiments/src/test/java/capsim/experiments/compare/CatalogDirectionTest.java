package capsim.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.experiments.gate.Gate;
import capsim.models.metric.Metric;
import capsim.models.metric.Metric.Better;
import capsim.models.metric.MetricCatalog;
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

    @Test
    void aPathNoSummaryNamesIsNotDescribed() {
        assertTrue(MetricCatalog.describe("classes.api.latency_ms.p42").isEmpty());
        assertTrue(MetricCatalog.describe("nonsense").isEmpty());
    }
}
