package capsim.models.validation;

import capsim.engine.validation.Replications;
import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.ClassResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Closed populations: {@code users} who think for Exp(think_s) between a response and their
 * next request. Without queueing the response time is a constant and the throughput follows
 * from Little's law; with one saturated server the model is the machine-repairman M/M/1//N,
 * solved exactly by mean-value analysis.
 */
class ClosedModelTest {
    /*
     * 50 users, think 1 s, steps a (150 ms) and b (50 ms), hop 5 ms, 64 workers per tier (more
     * than the users, so nobody waits): every response takes R = 5 + 150 + 5 + 50 = 210 ms and
     * the throughput is N / (Z + R) = 50 / 1.21 = 41.32/s. Each user is a renewal process of
     * cycles Exp(1 s) + 210 ms (mean m = 1.21 s, variance Z^2 = 1 s^2), so N users complete
     * N T / m requests in T s with variance N T Z^2 / m^3: over T = 4 x 4,000 s the throughput's
     * SE is sqrt(50 x 16,000 / 1.7716) / 16,000 = 0.042/s (0.1%).
     */
    @Test
    void withoutQueueingThroughputIsUsersOverThinkPlusResponse() {
        List<ReplicationResult> results = ModelRuns.runAll(ModelRuns.parse("""
                name: closed
                run: {duration_s: 4000, warmup_s: 20, replications: 4, seed: 23}
                workload:
                  classes:
                    - name: api
                      users: 50
                      think_s: 1
                      steps:
                        - {tier: a, service_ms: {dist: deterministic, mean: 150}}
                        - {tier: b, service_ms: {dist: deterministic, mean: 50}}
                tiers:
                  - {name: a, node: m5.4xlarge, count: 1, workers: 64}
                  - {name: b, node: m5.4xlarge, count: 1, workers: 64}
                network: {hop_ms: 5}
                """));

        long completed = 0;
        double measuredS = 0;
        for (ReplicationResult r : results) {
            ClassResult api = r.classes().get("api");
            assertEquals(210.0, api.latency().meanMs(), 1e-9, "every response is 210 ms (whole microseconds)");
            RouteModelTest.assertOnly(api.latency().histogram(), 210_000);
            completed += api.completed();
            measuredS += r.measuredS();
        }
        double cycleS = 1.21;
        double se = Math.sqrt(50 * measuredS / Math.pow(cycleS, 3)) / measuredS;
        assertEquals(50 / cycleS, completed / measuredS, 5 * se, "throughput, per s");
    }

    /*
     * 12 users, think 1 s, one server of exponential 100 ms service, no hop: the M/M/1//12
     * machine-repairman model. MVA: R(n) = S (1 + Q(n - 1)), X(n) = n / (Z + R(n)),
     * Q(n) = X(n) R(n) gives X(12) = 8.803/s, R(12) = 363.2 ms, utilisation X S = 0.880.
     */
    @Test
    void oneServerMatchesMeanValueAnalysis() {
        List<ReplicationResult> results = ModelRuns.runAll(ModelRuns.parse("""
                name: repairman
                run: {duration_s: 2000, warmup_s: 50, replications: 10, seed: 29}
                workload:
                  classes:
                    - name: api
                      users: 12
                      think_s: 1
                      steps: [{tier: app, service_ms: {dist: exponential, mean: 100}}]
                tiers:
                  - {name: app, node: t3.large, count: 1, workers: 1}
                network: {hop_ms: 0}
                """));
        double expectedX = ClosedForms.mvaThroughput(12, 1, 0.1);
        assertEquals(8.803, expectedX, 1e-3, "the closed form itself (hand check above)");

        Replications throughput = new Replications(results.size(), ModelRuns.Z);
        Replications response = new Replications(results.size(), ModelRuns.Z);
        Replications utilization = new Replications(results.size(), ModelRuns.Z);
        for (ReplicationResult r : results) {
            ClassResult api = r.classes().get("api");
            throughput.add(api.throughputPerS(r.measuredS()));
            response.add(api.latency().meanMs() / 1000);
            utilization.add(r.tiers().get("app").utilization());
        }
        // 10 x 17,600 requests: SE about 0.3% of the throughput and utilisation, 0.8% of the
        // response; 5 SE
        throughput.assertMatches("M/M/1//12 throughput, per s", expectedX, 0, 0.01);
        response.assertMatches("M/M/1//12 mean response, s", 12 / expectedX - 1, 0, 0.02);
        utilization.assertMatches("M/M/1//12 utilisation", expectedX * 0.1, 0, 0.01);
    }
}
