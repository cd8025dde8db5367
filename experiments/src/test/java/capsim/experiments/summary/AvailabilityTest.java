package capsim.experiments.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.spec.ModelSpec;
import capsim.models.system.ModelRunner;
import capsim.models.system.OfferedLoad;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Availability beside compliance: a slow database misses its p99 in every window, yet answers every request. */
class AvailabilityTest {
    private static final String MODEL = """
            name: slow-db
            run: {duration_s: 300, warmup_s: 10, replications: 2, seed: 9}
            workload:
              classes:
                - name: api
                  rate_per_s: 20
                  steps:
                    - {tier: app, service_ms: {dist: deterministic, mean: 2}}
                    - {tier: db, service_ms: {dist: deterministic, mean: 30}}
            tiers:
              - {name: app, node: t3.large, count: 1}
              - {name: db, node: c5.2xlarge, count: 1}
            network: {hop_ms: 0}
            slo:
              - {metric: classes.api.latency_ms.p99, max: 25}
            """;

    /*
     * Every request takes at least 2 + 30 = 32 ms (20/s on 8 db workers of 30 ms: 7.5% busy,
     * nothing waits long): each window's p99 misses 25 ms, so no window meets every target
     * (uptime 0), but no request fails, so every window is available (availability 1).
     */
    @Test
    void aSlowButAnsweringSystemIsAvailableThoughNeverUp() throws ModelException {
        ModelSpec spec = new ModelLoader(Catalog.builtIn()).parse(MODEL, "slow-db.yaml");
        ModelRunner runner = new ModelRunner(spec);
        JsonNode summary = new SummaryBuilder(spec, OfferedLoad.of(spec, Catalog.builtIn()), Catalog.builtIn())
                .build(List.of(runner.run(0), runner.run(1)), 1);
        JsonNode up = summary.get("uptime");

        assertEquals(0, up.get("ratio").asDouble(), 0);
        assertEquals(1, up.get("availability").asDouble(), 0);
        assertEquals(2, up.get("availability_ci95").size());
        assertEquals(0, summary.get("classes").get("api").get("error_ratio").asDouble(), 0);
        assertTrue(summary.get("notes").toString().contains("available but slow"), summary.get("notes").toString());
    }
}
