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

/**
 * A tier three times overloaded: every arrived request is accounted for, the error ratio is
 * close to 1 - 1/rho, and the windows are down.
 */
class OverloadSummaryTest {
    private static final String MODEL = """
            name: chat
            run: {duration_s: 1800, warmup_s: 60, replications: 1, seed: 5}
            workload:
              classes:
                - name: api
                  rate_per_s: 400
                  steps:
                    - {tier: app, service_ms: {dist: exponential, mean: 15}}
            tiers:
              - {name: app, node: t3.large, count: 1}
            network: {hop_ms: 0}
            slo:
              - {metric: classes.api.latency_ms.p99, max: 200}
            """;

    /*
     * One node of 2 vCPU at 15 ms a request serves mu = 2 / 0.015 = 133.3 requests/s; 400/s
     * offered is rho = 3. The queue grows at 266.7/s: 16,000 warm-up requests wait at 60 s, and it
     * is full (50,000 a node) at 187.5 s; from then on 266.7/s are refused. The node is busy from
     * 60 s to the stop at 1,920 s (1,800 s measured, 60 s drain): 1,860 s x 133.3 = 248,000
     * completions, the first 16,000 of them warm-up requests (first come, first served), so
     * 232,000 of the 720,000 measured arrivals complete: error ratio 1 - 232 / 720 = 0.678 (1 -
     * 1/rho = 0.667 for a run long enough to forget its backlog). Poisson arrivals and exponential
     * services move it by about 0.2% (1 / sqrt(248,000) on the completions): 0.01 is 5 SE. Every
     * window is down: its p99 is seconds, and from the third on it refuses two requests in three.
     */
    @Test
    void threeTimesOverloadedFailsTwoRequestsInThreeAndIsNeverUp() throws ModelException {
        ModelSpec spec = new ModelLoader(Catalog.builtIn()).parse(MODEL, "chat.yaml");
        JsonNode summary = new SummaryBuilder(spec, OfferedLoad.of(spec, Catalog.builtIn()), Catalog.builtIn())
                .build(List.of(new ModelRunner(spec).run(0)), 1);
        JsonNode api = summary.get("classes").get("api");

        assertEquals(720_000, api.get("arrived").asDouble(), 5 * Math.sqrt(720_000));
        assertEquals(api.get("arrived").asLong(), api.get("completed").asLong() + api.get("rejected").asLong()
                + api.get("timed_out").asLong() + api.get("unfinished").asLong());
        assertTrue(api.get("unfinished").asLong() > 40_000, "a full queue is left at the stop");
        assertEquals(0.678, api.get("error_ratio").asDouble(), 0.01);
        assertEquals(1 - 1.0 / 3, api.get("error_ratio").asDouble(), 0.02);
        assertEquals(232_000 / 1800.0, api.get("throughput_per_s").asDouble(), 0.01 * 133.3);
        assertEquals(0, summary.get("uptime").get("ratio").asDouble(), 0);
    }
}
