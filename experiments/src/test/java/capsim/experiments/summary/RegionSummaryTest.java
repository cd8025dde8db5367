package capsim.experiments.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import capsim.models.catalog.Catalog;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.spec.ModelSpec;
import capsim.models.system.ModelRunner;
import capsim.models.system.OfferedLoad;
import capsim.models.system.ReplicationResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With regions, summary.json adds {@code classes.NAME.by_region.REGION.latency_ms}: the class's
 * requests split by the region they started in; without regions it has no such key.
 */
class RegionSummaryTest {
    private static final String MODEL = """
            name: regional
            run: {duration_s: 60, warmup_s: 5, replications: 2, seed: 3}
            workload:
              classes:
                - name: api
                  rate_per_s: 20
                  steps:
                    - tier: app
                      service_ms: {dist: deterministic, mean: 10}
                    - tier: db
                      service_ms: {dist: deterministic, mean: 5}
            tiers:
              - {name: app, node: t3.medium, count: 2, zones: [a, c]}
              - {name: db, node: db.t3.medium, count: 1, zones: [a]}
            %s
            """;
    private static final String REGIONS = """
            regions: [{name: us-east, share: 0.6, zones: [a]}, {name: eu-west, share: 0.4, zones: [c]}]
            network: {hop_ms: 0.5, region_ms: [{from: us-east, to: eu-west, ms: 30}]}""";

    private static JsonNode summary(String yaml) throws ModelException {
        ModelSpec spec = new ModelLoader(Catalog.builtIn()).parse(yaml, "regional.yaml");
        ModelRunner runner = new ModelRunner(spec);
        List<ReplicationResult> results = List.of(runner.run(0), runner.run(1));
        return new SummaryBuilder(spec, OfferedLoad.of(spec, Catalog.builtIn()), Catalog.builtIn()).build(results, 1);
    }

    /*
     * us-east: 0.5 + 10 + 0.5 (a -> a) + 5 = 16 ms; eu-west: 0.5 + 10 + 30 (c -> a) + 5 = 45.5 ms
     * when the request does not wait. At 20 requests/s no node is more than 15% busy, so most do not
     * wait and each region's median is its no-wait latency.
     */
    @Test
    void latencyIsAlsoReportedByRegion() throws ModelException {
        JsonNode api = summary(MODEL.formatted(REGIONS)).get("classes").get("api");
        JsonNode us = api.get("by_region").get("us-east").get("latency_ms");
        JsonNode eu = api.get("by_region").get("eu-west").get("latency_ms");
        long n = api.get("latency_ms").get("count").asLong();
        assertEquals(n, us.get("count").asLong() + eu.get("count").asLong());
        // HdrHistogram keeps 3 significant digits: 16 us buckets at 16 ms, 32 us at 45.5 ms
        assertEquals(16.0, us.get("p50").asDouble(), 0.02);
        assertEquals(45.5, eu.get("p50").asDouble(), 0.04);
        // given n (about 2,400), eu-west's count is Binomial(n, 0.4): sd = sqrt(n x 0.24), about 24; 4.5 sd
        assertEquals(0.4 * n, eu.get("count").asDouble(), 4.5 * Math.sqrt(n * 0.24));
    }

    @Test
    void withoutRegionsThereIsNoByRegion() throws ModelException {
        JsonNode api = summary(MODEL.formatted("")).get("classes").get("api");
        assertFalse(api.has("by_region"));
    }
}
