package capsim.models.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.engine.stats.LatencyRecorder;
import capsim.engine.validation.Replications;
import capsim.models.system.ReplicationResult;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** A class's {@code client_stalls} against the low-load closed forms of a stalled client. */
class ClientStallsModelTest {
    /*
     * The client stalls at r = 20/s while up, each stall D ~ uniform(2, 6) ms: E[D] = 4 ms,
     * E[D^2] = 16 + 4^2 / 12 = 17.333 ms^2. The client is stalled a share p = r E[D] / (1 + r E[D])
     * = 0.08 / 1.08 = 0.074074 of the time, so a request's intended start falls in a stall with
     * probability p (Poisson arrivals see time averages), and it is then issued at the stall's end:
     * it waits the residual R, whose density is P(D > x) / E[D], mean E[D^2] / (2 E[D]). Mean excess
     * at issue: p E[D^2] / (2 E[D]) = r E[D^2] / 2 / (1 + r E[D]) = 0.160494 ms (r E[D^2] / 2 to first
     * order). Tail: P(R > x) = (4 - x) / 4 ms for x <= 2 and (6 - x)^2 / 32 for 2 <= x <= 6, so
     * P(excess > 1 ms) = 0.75 p = 0.055556 and P(excess > 4 ms) = p / 8 = 0.009259.
     * The visit itself is s = 0.01 ms on a server that is never busy (64 workers, 200/s), hop 0.
     * After the issue the client's next stall starts after Exp(r) (memoryless, or a fresh up time
     * after a stall), so the reply at issue + s meets one with probability 1 - e^{-rs} = 2.0e-4,
     * starting x after the issue, and waits x + D - s: mean extra
     * (E[D] - s)(1 - e^{-rs}) + (1 - e^{-rs}(1 + rs)) / r = 0.000799 ms. Mean latency:
     * 0.01 + 0.160494 + 0.000799 = 0.171293 ms, against 0.01 ms without stalls.
     */
    @Test
    void aStalledClientAddsTheResidualStallWithTheStalledProbability() {
        List<ReplicationResult> results = ModelRuns.runAll(ModelRuns.parse("""
                name: client-stalls
                run: {duration_s: 2000, warmup_s: 10, replications: 10, seed: 23}
                workload:
                  classes:
                    - name: api
                      rate_per_s: 200
                      client_stalls: {rate_per_s: 20, duration_ms: {dist: uniform, min: 2, max: 6}}
                      steps:
                        - {tier: app, service_ms: {dist: deterministic, mean: 0.01}}
                tiers:
                  - {name: app, node: t3.large, count: 1, workers: 64}
                network: {hop_ms: 0}
                """));
        double r = 20;
        double meanD = 0.004;
        double meanD2 = 17.333333e-6;
        double s = 0.00001;
        double p = r * meanD / (1 + r * meanD);
        double issueExcess = p * meanD2 / (2 * meanD);
        double reply = 1 - Math.exp(-r * s);
        double replyExcess = (meanD - s) * reply + (1 - Math.exp(-r * s) * (1 + r * s)) / r;
        assertEquals(0.074074, p, 1e-6, "hand check");
        assertEquals(0.160494e-3, issueExcess, 1e-9, "hand check");
        assertEquals(0.000799e-3, replyExcess, 1e-9, "hand check");
        Replications mean = new Replications(results.size(), ModelRuns.Z);
        Replications delayed = new Replications(results.size(), ModelRuns.Z);
        Replications over1 = new Replications(results.size(), ModelRuns.Z);
        Replications over4 = new Replications(results.size(), ModelRuns.Z);
        for (ReplicationResult res : results) {
            LatencyRecorder l = res.classes().get("api").latency();
            Histogram h = l.histogram();
            double n = l.count();
            mean.add(l.meanMs());
            // latencies in whole microseconds: 10 us is the visit alone
            delayed.add(h.getCountBetweenValues(11, Long.MAX_VALUE / 2) / n);
            over1.add(h.getCountBetweenValues(10 + 1_000 + 1, Long.MAX_VALUE / 2) / n);
            over4.add(h.getCountBetweenValues(10 + 4_000 + 1, Long.MAX_VALUE / 2) / n);
        }
        // 10 x 400,000 requests in 37,000 stall cycles each: the stalled share's SE is about 0.5%
        // of p (the stall path's own variance; requests within one stall are not independent).
        // A client that ignored its stalls gives 0.01 ms and no delayed request; one that stalled
        // only its replies gives 0.0108 ms; a residual read as the full stall gives 0.3 ms.
        mean.assertMatches("stalled client, mean latency ms", (s + issueExcess + replyExcess) * 1000, 0.001, 0.01);
        delayed.assertMatches("share delayed (at issue or reply)", 1 - (1 - p) * Math.exp(-r * s), 0, 0.01);
        // a reply delay (probability 2e-4, below 4 ms) adds at most 2e-4 to the shares beyond 1 and 4 ms
        over1.assertMatches("share delayed beyond 1 ms", 0.75 * p, reply, 0.01);
        over4.assertMatches("share delayed beyond 4 ms", p / 8, reply, 0.02);
    }
}
