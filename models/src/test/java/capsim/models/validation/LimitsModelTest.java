package capsim.models.validation;

import capsim.engine.validation.Replications;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.system.Accounting;
import capsim.models.system.ModelRunner;
import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.ClassResult;
import capsim.models.system.ReplicationResult.TierResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tier's {@code queue_limit} and {@code timeout_ms} on an overloaded single server: the
 * class's error ratio against the M/M/1/K blocking probability and the M/M/1+D abandonment
 * probability.
 */
class LimitsModelTest {
    /** One open Poisson class at {@code ratePerS} on one server with {@code limits} and {@code service}. */
    private static String model(int ratePerS, String limits, String service) {
        return """
                name: limits
                run: {duration_s: 200, warmup_s: 5, replications: 10, seed: 13}
                workload:
                  classes:
                    - name: api
                      rate_per_s: %d
                      steps:
                        - {tier: app, service_ms: %s}
                tiers:
                  - {name: app, node: t3.large, count: 1, workers: 1, %s}
                network: {hop_ms: 0}
                """.formatted(ratePerS, service, limits);
    }

    /*
     * queue_limit 4 with one server: at most K = 5 requests present (M/M/1/5). rho = 1.5:
     * P_5 = (1 - rho) rho^5 / (1 - rho^6) = (-0.5 x 7.594) / (1 - 11.39) = 0.3654, and the
     * throughput lambda (1 - P_5) = 95.2/s.
     */
    @Test
    void queueLimitRejectsAsMm1kBlocking() {
        List<ReplicationResult> results = ModelRuns.runAll(ModelRuns.parse(
                model(150, "queue_limit: 4", "{dist: exponential, mean: 10}")));
        double expected = ClosedForms.mm1kBlocking(150, 100, 5);
        assertEquals(0.3654, expected, 1e-4, "the closed form itself (hand check above)");

        Replications errors = new Replications(results.size(), ModelRuns.Z);
        Replications throughput = new Replications(results.size(), ModelRuns.Z);
        for (ReplicationResult r : results) {
            ClassResult api = r.classes().get("api");
            TierResult app = r.tiers().get("app");
            assertEquals(0, api.timedOut());
            assertEquals(api.rejected(), app.rejected(), 2, "the tier counts the class's rejections");
            assertTrue(app.saturated(), "offered utilisation 1.5");
            errors.add(api.errorRatio());
            throughput.add(api.throughputPerS(r.measuredS()));
        }
        // 10 x 30,000 arrivals: the spread puts the SE at about 0.3% of the blocking probability
        // (a binomial 0.0028 per replication, inflated by the queue's short memory); 5 SE
        errors.assertMatches("M/M/1/5 blocking", expected, 0, 0.01);
        throughput.assertMatches("M/M/1/5 throughput, per s", 150 * (1 - expected), 0, 0.01);
    }

    /*
     * timeout_ms 30 on FCFS: a request whose wait would exceed 30 ms leaves without service
     * (M/M/1+D). lambda 120/s, mu 100/s, tau 0.03 s: e = e^{-(mu - lambda) tau} = e^{0.6}
     * = 1.8221, P(abandon) = rho e (1 - rho) / (1 - rho^2 e) = 1.2 x 1.8221 x (-0.2) /
     * (1 - 1.44 x 1.8221) = 0.2693.
     */
    @Test
    void timeoutAbandonsAsMm1WithDeterministicPatience() {
        List<ReplicationResult> results = ModelRuns.runAll(ModelRuns.parse(
                model(120, "timeout_ms: 30", "{dist: exponential, mean: 10}")));
        double expected = ClosedForms.mm1PatienceAbandonment(120, 100, 0.03);
        assertEquals(0.2693, expected, 1e-4, "the closed form itself (hand check above)");

        Replications errors = new Replications(results.size(), ModelRuns.Z);
        for (ReplicationResult r : results) {
            ClassResult api = r.classes().get("api");
            assertEquals(0, api.rejected());
            assertEquals(api.timedOut(), r.tiers().get("app").timedOut(), 2, "the tier counts the class's timeouts");
            errors.add(api.errorRatio());
        }
        // 10 x 24,000 arrivals: SE about 0.5% of the abandonment probability; 5 SE
        errors.assertMatches("M/M/1+D abandonment", expected, 0, 0.01);
    }

    /*
     * Deterministic 10 ms service with timeout_ms 30: a served request waited at most 30 ms,
     * so no served visit takes more than 40 ms; the rest time out (and are counted so).
     */
    @Test
    void noServedRequestWaitedLongerThanTheTimeout() {
        ReplicationResult r = Accounting.checked(new ModelRunner(ModelRuns.parse(
                model(120, "timeout_ms: 30", "{dist: deterministic, mean: 10}"))).run(0));
        ClassResult api = r.classes().get("api");

        assertTrue(api.timedOut() > 1_000, "rho = 1.2: many give up: " + api.timedOut());
        assertEquals(api.arrived(), api.completed() + api.timedOut());
        // 40 ms is 40,000 us, recorded to 3 significant digits (within 32 us)
        assertTrue(api.latency().maxMs() <= 40.032, "max " + api.latency().maxMs() + " ms");
        assertTrue(api.latency().histogram().getMinValue() >= 9_990, "every served request took its 10 ms");
    }
}
