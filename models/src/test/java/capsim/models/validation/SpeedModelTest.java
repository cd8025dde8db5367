package capsim.models.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.engine.stats.LatencyRecorder;
import capsim.engine.validation.Replications;
import capsim.models.catalog.Catalog;
import capsim.models.system.OfferedLoad;
import capsim.models.system.ReplicationResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Node speed against hand computations: a service time t measured on a type of speed m takes
 * t x m / s on a node of speed s (speeds relative to the reference type, m5.large, 3.1 GHz).
 */
class SpeedModelTest {
    /** Relative resolution of a recorded latency: 3 significant digits. */
    private static final double HISTOGRAM_RESOLUTION = 1e-3;

    /*
     * M/M/1 on a node of cpu_speed 1.25: service Exp(mean 10 ms) as measured on the reference, so
     * mu = 100/s becomes 125/s. At lambda = 80/s the mean response is 1 / (125 - 80) = 22.22 ms
     * (on the reference it would be 1 / (100 - 80) = 50 ms) and the utilisation 80 / 125 = 0.64.
     */
    private static final String MM1_FASTER = """
            name: mm1-faster
            run: {duration_s: 500, warmup_s: 50, replications: 20, seed: 8}
            workload:
              classes:
                - name: api
                  rate_per_s: 80
                  steps:
                    - tier: app
                      service_ms: {dist: exponential, mean: 10}
            tiers:
              - {name: app, node: m5.large, count: 1, workers: 1, cpu_speed: 1.25}
            network: {hop_ms: 0}
            """;

    @Test
    void mm1OnANodeOfSpeed125MatchesOneOverMuTimesSpeedMinusLambda() {
        List<ReplicationResult> results = ModelRuns.runAll(ModelRuns.parse(MM1_FASTER));
        Replications mean = new Replications(results.size(), ModelRuns.Z);
        Replications utilization = new Replications(results.size(), ModelRuns.Z);
        for (ReplicationResult r : results) {
            mean.add(r.classes().get("api").latency().meanMs() / 1000);
            utilization.add(r.tiers().get("app").utilization());
        }
        double mu = 100;
        double lambda = 80;
        double speed = 1.25;
        // 20 replications x 40,000 requests at rho 0.64: the SE is about 1% of the mean; the
        // guard fails the test should it exceed 2%, which keeps 5 SE well short of the 125% gap
        // to the reference-speed answer (50 ms)
        mean.assertMatches("M/M/1 mean response at speed 1.25, s", 1 / (mu * speed - lambda),
                HISTOGRAM_RESOLUTION / (mu * speed - lambda), 0.02);
        utilization.assertMatches("M/M/1 utilisation at speed 1.25", lambda / (mu * speed), 0, 0.02);
        // the offered load the model reports (validate, summary) is scaled the same way
        double offered = OfferedLoad.of(ModelRuns.parse(MM1_FASTER), Catalog.builtIn()).get(0).utilization();
        assertEquals(0.64, offered, 1e-12);
    }

    /*
     * Deterministic 10 ms service, one request at a time (64 workers at 10 requests/s), no hop: each
     * class's latency is exactly its scaled service time, for every request.
     *   ref:     on m5.large (3.1 GHz), measured on the reference            10 x 1            = 10 ms
     *   fast:    on c6i.large (3.5 GHz), measured on the reference           10 x 3.1/3.5      = 8.857 ms
     *   slowed:  on m5.large, step measured_on c6i.large                      10 x 3.5/3.1      = 11.290 ms
     *   same:    on c6i.large, step measured_on m6i.large (also 3.5 GHz)      10 x 3.5/3.5      = 10 ms
     *   tiered:  on m5.large, the tier's measured_on c5.large (3.4 GHz)       10 x 3.4/3.1      = 10.968 ms
     *   stepwins: on that tier, the step's measured_on m5.large wins          10 x 3.1/3.1      = 10 ms
     *   custom:  a custom node with cpu_speed 2                               10 / 2            = 5 ms
     *   burst:   t3.medium (the reference processor) with cpu_speed 1.6       10 / 1.6          = 6.25 ms
     */
    private static final String DETERMINISTIC = """
            name: speeds
            run: {duration_s: 200, warmup_s: 0, replications: 1, seed: 3}
            workload:
              classes:
                - {name: ref, rate_per_s: 10, steps: [{tier: m5, service_ms: {dist: deterministic, mean: 10}}]}
                - {name: fast, rate_per_s: 10, steps: [{tier: c6i, service_ms: {dist: deterministic, mean: 10}}]}
                - name: slowed
                  rate_per_s: 10
                  steps: [{tier: m5, measured_on: c6i.large, service_ms: {dist: deterministic, mean: 10}}]
                - name: same
                  rate_per_s: 10
                  steps: [{tier: c6i, measured_on: m6i.large, service_ms: {dist: deterministic, mean: 10}}]
                - {name: tiered, rate_per_s: 10, steps: [{tier: onc5, service_ms: {dist: deterministic, mean: 10}}]}
                - name: stepwins
                  rate_per_s: 10
                  steps: [{tier: onc5, measured_on: m5.large, service_ms: {dist: deterministic, mean: 10}}]
                - {name: custom, rate_per_s: 10, steps: [{tier: own, service_ms: {dist: deterministic, mean: 10}}]}
                - {name: burst, rate_per_s: 10, steps: [{tier: t3, service_ms: {dist: deterministic, mean: 10}}]}
            tiers:
              - {name: m5, node: m5.large, count: 1, workers: 64}
              - {name: c6i, node: c6i.large, count: 1, workers: 64}
              - {name: onc5, node: m5.large, count: 1, workers: 64, measured_on: c5.large}
              - {name: own, node: custom, vcpu: 2, memory_gb: 4, hourly_usd: 0.1, count: 1, workers: 64, cpu_speed: 2}
              - {name: t3, node: t3.medium, count: 1, workers: 64, cpu_speed: 1.6}
            network: {hop_ms: 0}
            """;

    @Test
    void deterministicServiceTimesAreScaledByTheSpeedRatioExactly() {
        ReplicationResult r = ModelRuns.runAll(ModelRuns.parse(DETERMINISTIC)).get(0);
        Map<String, Double> expectedMs = Map.of("ref", 10.0, "fast", 10 * 3.1 / 3.5, "slowed", 10 * 3.5 / 3.1,
                "same", 10.0, "tiered", 10 * 3.4 / 3.1, "stepwins", 10.0, "custom", 5.0, "burst", 6.25);
        expectedMs.forEach((name, ms) -> {
            LatencyRecorder latency = r.classes().get(name).latency();
            assertTrue(latency.count() > 1_500, name + ": " + latency.count() + " requests");
            // every request, not just on average: the smallest and the largest are the scaled time
            double tolerance = HISTOGRAM_RESOLUTION * ms;
            assertEquals(ms, latency.percentileMs(0.01), tolerance, name + " fastest");
            assertEquals(ms, latency.maxMs(), tolerance, name + " slowest");
        });
    }
}
