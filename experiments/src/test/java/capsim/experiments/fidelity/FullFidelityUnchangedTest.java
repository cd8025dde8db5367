package capsim.experiments.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.models.catalog.Catalog;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.RunSpec.Fidelity;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * {@code fidelity: full} simulates exactly what capsim simulated before the sampled mode existed:
 * the same events from the same random streams. The figures below are those of the build just
 * before the sampled mode, on this model and seed (`capsim run` with 1 thread): a change that adds,
 * drops or reorders a single event or random draw in full fidelity moves the event count, and one
 * that changes a draw moves the latencies. The model has what the sampled mode touches: a large
 * power-of-two tier autoscaled over two zones with node failures, a randomly balanced managed
 * database, a cache that comes back cold, a closed class, a daily profile, zone failures and the
 * uptime scenarios.
 */
class FullFidelityUnchangedTest {
    static final String MODEL = """
            name: full-guard
            run: {duration_s: 60, warmup_s: 60, replications: 2, seed: 21}
            workload:
              profile: {kind: peak, from: "08:00", to: "18:00", factor: 1.5, start_h: 17.99}
              classes:
                - name: api
                  rate_per_s: 1200
                  steps:
                    - {tier: app, service_ms: {dist: lognormal, mean: 10, cv: 1.5}}
                    - tier: cache
                      service_ms: {dist: exponential, mean: 0.1}
                      hit_ratio: 0.8
                      on_miss:
                        - {tier: db, repeat: 2, service_ms: {dist: exponential, mean: 1}}
                - name: batch
                  users: 200
                  think_s: 1
                  steps:
                    - {tier: app, service_ms: {dist: exponential, mean: 5}}
                    - {tier: db, service_ms: {dist: exponential, mean: 2}}
            tiers:
              - name: app
                node: custom
                vcpu: 1
                memory_gb: 2
                hourly_usd: 0.05
                count: 24
                workers: 1
                balancer: power_of_two
                zones: [a, b]
                boot_s: 30
                failures: {mtbf_h: 720, mttr_s: 60, detect_s: 5}
                autoscale: {policy: target_tracking, metric: cpu, target: 50, min: 10, max: 60}
              - {name: db, node: custom, vcpu: 2, memory_gb: 8, hourly_usd: 0.2, count: 12, workers: 2, balancer: random,
                 zones: [a, b], managed: {kind: database, multi_az: true, mtbf_h: 2000, failover_s: 20}}
              - {name: cache, node: custom, vcpu: 1, memory_gb: 2, hourly_usd: 0.1, count: 1, balancer: round_robin, zones: [a],
                 managed: {kind: cache, multi_az: false, mtbf_h: 2000, recovery_s: 60, refill_s: 60}}
            failures:
              zone: {mtbf_h: 2000, mttr_s: 60}
            network: {hop_ms: 0.5, cross_zone_ms: 1}
            uptime: {window_s: 10, strikes: 2}
            slo:
              - {metric: classes.api.latency_ms.p99, max: 200}
              - {metric: uptime.ratio, min: 0.99}
            """;

    @Test
    void fullSimulatesTheSameEventsAsBefore() throws ModelException {
        ModelSpec parsed = new ModelLoader(Catalog.builtIn()).parse(MODEL, "full-guard.yaml");
        ModelSpec model = parsed.withRun(parsed.run().withFidelity(Fidelity.FULL));
        JsonNode summary = SampledAgainstFullTest.Runs.of(model).summary();
        assertEquals(6_685_428, summary.path("engine").path("events").asLong());
        JsonNode api = summary.path("classes").path("api").path("latency_ms");
        assertEquals(144_060, api.path("count").asLong());
        assertEquals(16.3728, api.path("mean").asDouble(), 0);
        assertEquals(100.031, api.path("p99").asDouble(), 0);
        assertEquals(0.999832, summary.path("uptime").path("ratio").asDouble(), 0);
        assertEquals(2883.5, summary.path("cost").path("monthly_usd").asDouble(), 0);
        JsonNode app = summary.path("engine").path("fidelity").path("app");
        assertEquals(app.path("nodes").asDouble(), app.path("simulated").asDouble(), 0);
    }
}
