package capsim.models.validation;

import capsim.engine.validation.Replications;
import capsim.models.system.ReplicationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tier's {@code wake_up}, from the model file to the station, against M/M/1 with setup times. */
class WakeUpModelTest {
    /*
     * One PS node, exponential 10 ms demands, Poisson 50/s (rho 0.5), and a wake-up of a constant
     * 8 ms whenever a request finds the node idle (idle_scale_ms 0: after any idle time). M/G/1
     * with setup I (Harchol-Balter 2013, section 27.3): 1 / (mu - lambda) + (2 E[I] + lambda E[I^2])
     * / (2 (1 + lambda E[I])) = 20 ms + (16 + 50 x 0.064) / 2.8 ms = 20 + 6.857 = 26.857 ms; with
     * exponential demands PS has FCFS's number in system, so the same mean.
     */
    @Test
    void anIdleNodeWakesUpBeforeServing() {
        List<ReplicationResult> results = ModelRuns.runAll(ModelRuns.parse("""
                name: wake-up
                run: {duration_s: 400, warmup_s: 10, replications: 10, seed: 5}
                workload:
                  classes:
                    - name: api
                      rate_per_s: 50
                      steps:
                        - {tier: app, service_ms: {dist: exponential, mean: 10}}
                tiers:
                  - name: app
                    node: t3.large
                    count: 1
                    workers: 1
                    discipline: ps
                    wake_up: {duration_ms: {dist: deterministic, mean: 8}}
                network: {hop_ms: 0}
                """));
        double expected = 20 + (2 * 8 + 50 * 0.008 * 8) / (2 * (1 + 50 * 0.008));
        Replications mean = new Replications(results.size(), ModelRuns.Z);
        for (ReplicationResult r : results) {
            mean.add(r.classes().get("api").latency().meanMs());
        }
        // 10 x 20,000 requests: SE about 1% of the mean; tolerance 5 SE, about 5%, against the
        // 26% that a model without the wake-up (20 ms) would miss by
        mean.assertMatches("M/M/1-PS with an 8 ms wake-up, mean response ms", expected, 0, 0.015);
    }
}
