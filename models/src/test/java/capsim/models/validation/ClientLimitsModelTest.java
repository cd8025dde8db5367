package capsim.models.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.engine.validation.Replications;
import capsim.models.system.ReplicationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A class's {@code max_in_flight} and a {@code delay_ms} step, against M/M/c and a plain sum. */
class ClientLimitsModelTest {
    /*
     * Class pool: Poisson 340/s, at most 4 requests under way, each one exponential 10 ms visit
     * to a tier of 64 servers (never all busy: about 3.4 + 2.5 are, on average). The requests
     * under way are served independently at mu = 100/s each, and the others wait at the client
     * in order, so the class is an M/M/4 queue at utilisation 0.85: mean response
     * C(4, 3.4) / (4 mu - lambda) + 1 / mu = 0.6893 / 60 + 0.01 = 21.49 ms (Erlang C).
     * Class ext: Poisson 250/s, a deterministic 5 ms delay, then the same visit: 15 ms mean, the
     * hop being 0.
     */
    @Test
    void maxInFlightQueuesAtTheClientAsMmcAndADelayAddsItsTime() {
        List<ReplicationResult> results = ModelRuns.runAll(ModelRuns.parse("""
                name: client-limits
                run: {duration_s: 200, warmup_s: 10, replications: 10, seed: 17}
                workload:
                  classes:
                    - name: pool
                      rate_per_s: 340
                      max_in_flight: 4
                      steps:
                        - {tier: app, service_ms: {dist: exponential, mean: 10}}
                    - name: ext
                      rate_per_s: 250
                      steps:
                        - {delay_ms: {dist: deterministic, mean: 5}}
                        - {tier: app, service_ms: {dist: exponential, mean: 10}}
                tiers:
                  - {name: app, node: t3.large, count: 1, workers: 64}
                network: {hop_ms: 0}
                """));
        double expected = ClosedForms.mmcMeanResponse(4, 340, 100) * 1000;
        assertEquals(21.49, expected, 0.01, "the closed form itself (hand check above)");
        Replications pool = new Replications(results.size(), ModelRuns.Z);
        Replications ext = new Replications(results.size(), ModelRuns.Z);
        for (ReplicationResult r : results) {
            pool.add(r.classes().get("pool").latency().meanMs());
            ext.add(r.classes().get("ext").latency().meanMs());
        }
        // 10 x 68,000 requests of pool: SE about 0.5% of the mean; without the limit it would be
        // 10 ms (-53%). ext: SE about 0.05%; a delay that was skipped would give 10 ms
        pool.assertMatches("M/M/4 at the client, mean response ms", expected, 0, 0.01);
        ext.assertMatches("delay + visit, mean response ms", 15, 0.001 * 15, 0.01);
    }
}
