package capsim.experiments.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.spec.ModelSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How {@link Precision} judges an uptime ratio: on the downtime share it misses, not on the
 * ratio, which is within 2% of itself with any interval narrower than 0.02.
 */
class PrecisionTest {
    private static ModelSpec model(double minUptime) throws ModelException {
        return new ModelLoader(Catalog.builtIn()).parse("""
                name: uptime-precision
                run: {duration_s: 100, replications: 2, max_replications: 5, precision: {relative: 0.02}}
                workload:
                  classes:
                    - {name: api, rate_per_s: 10, steps: [{tier: app, service_ms: {dist: exponential, mean: 10}}]}
                tiers:
                  - {name: app, node: custom, vcpu: 1, memory_gb: 1, hourly_usd: 0.01, count: 1, balancer: random}
                slo:
                  - {metric: uptime.ratio, min: %s}
                """.formatted(minUptime), "uptime-precision.yaml");
    }

    /* A summary whose uptime is 99.8% with the interval [99.6, 100]: a downtime of 0.2% +- 0.2%. */
    private static JsonNode summary() throws Exception {
        return new ObjectMapper().readTree("""
                {"uptime": {"ratio": 0.998, "ci95": [0.996, 1.0]}, "slo": [{"metric": "uptime.ratio"}]}
                """);
    }

    @Test
    void anUptimeIntervalAsWideAsItsDowntimeIsNotPrecise() throws Exception {
        // Half-width 0.002: 0.2% of the ratio (within 2%), but 100% of the downtime share 0.002.
        List<Precision.Check> checks = Precision.checks(model(0.9999), summary(), 2);
        assertEquals(1, checks.size());
        assertFalse(checks.get(0).precise());
        assertFalse(checks.get(0).clear(), "99.99% lies inside [99.6, 100]");
        assertFalse(Precision.settled(checks));
    }

    @Test
    void anUptimeVerdictThatIsClearStillSettles() throws Exception {
        // [99.6, 100] lies wholly above a 99.5% target.
        List<Precision.Check> checks = Precision.checks(model(0.995), summary(), 2);
        assertFalse(checks.get(0).precise());
        assertTrue(checks.get(0).clear());
        assertTrue(Precision.settled(checks));
    }

    @Test
    void downtimeSharesScaleUptimeRatiosOnly() {
        assertEquals(0.002, Precision.scale("uptime.ratio", 0.998), 1e-12);
        assertEquals(0.002, Precision.scale("uptime.availability", 0.998), 1e-12);
        assertEquals(13.6, Precision.scale("uptime.downtime_min_per_month", 13.6), 1e-12);
        assertEquals(48.0, Precision.scale("classes.api.latency_ms.p99", 48.0), 1e-12);
    }
}
