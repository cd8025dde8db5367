package capsim.models.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.WindowClass;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request counts in the window it arrived in, whenever it finishes. */
class ArrivalWindowModelTest {
    /*
     * Windows of 10 s, a deterministic 100 s delay: each window waits 10 windows for its requests,
     * longer than the 8 windows a window may stay open. Window k (arrivals at t in [10k, 10k + 10))
     * settles at the end of window k + 7, 10k + 80 s, its requests still under way then taken at
     * their age 10k + 80 - t, in (70, 80] s: a lower bound on their 100 s, within HdrHistogram's
     * 0.1%. They all complete later (t + 100 <= the stop, 330 s, for t <= 230), and count in window
     * k then: for k <= 21, count = arrived and errors = 0. Requests arriving after 230 s are left
     * unfinished: errors of their windows.
     */
    @Test
    void aWindowWaitingTooLongForItsRequestsTakesThemAtTheirAge() {
        List<ReplicationResult> results = ModelRuns.runAll(ModelRuns.parse("""
                name: long-wait
                run: {duration_s: 300, warmup_s: 0, replications: 1, seed: 7}
                workload:
                  classes:
                    - name: api
                      rate_per_s: 20
                      steps:
                        - {delay_ms: {dist: deterministic, mean: 100000}}
                        - {tier: app, service_ms: {dist: deterministic, mean: 0}}
                tiers:
                  - {name: app, node: t3.large, count: 1, workers: 4}
                network: {hop_ms: 0}
                uptime: {window_s: 10}
                """));
        ReplicationResult r = results.get(0);
        assertEquals(30, r.windows().size());
        for (int k = 0; k <= 21; k++) {
            WindowClass w = r.windows().get(k).classes().get("api");
            int window = k;
            assertTrue(w.arrived() > 100, () -> "window " + window + ": " + w.arrived());
            assertEquals(w.arrived(), w.count(), "window " + k);
            assertEquals(0, w.errors(), "window " + k);
            assertTrue(w.p99Ms() > 70_000 * 0.999 && w.p99Ms() <= 80_000 * 1.001, () -> "window " + window
                    + " p99 " + w.p99Ms());
            assertTrue(w.p50Ms() > 70_000 * 0.999 && w.p50Ms() <= 80_000 * 1.001, () -> "window " + window
                    + " p50 " + w.p50Ms());
        }
        for (int k = 23; k < 30; k++) {
            WindowClass w = r.windows().get(k).classes().get("api");
            assertEquals(0, w.count(), "window " + k);
            assertEquals(w.arrived(), w.errors(), "window " + k + ": left unfinished");
        }
        assertEquals(100_000, r.classes().get("api").latency().percentileMs(50), 100,
                "the class's own latencies are the true ones");
    }
}
