package capsim.experiments.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.spec.ModelSpec;
import capsim.models.system.ModelRunner;
import capsim.models.system.ReplicationResult.WindowClass;
import java.util.List;
import org.junit.jupiter.api.Test;

/*
 * A window is down when the requests that ARRIVED in it were slow, not when slow requests
 * completed in it. Nine windows of 1,200 s; requests arrive in the second hour only (windows 3,
 * 4, 5), wait 1,200 s and complete in the next window, against p99 <= 5 s. By arrival: windows
 * 3, 4 and 5 are down, 6 of 9 up, and window 6 (where window 5's requests complete) is up. By
 * completion it would be windows 4, 5 and 6 down: the same ratio, so the test also checks which.
 * A request arriving at t completes at t + 1,200.001 s (the last window lasts until the stop).
 */
class ArrivalWindowUptimeTest {
    private static final String MODEL = """
            name: slow-hour
            run: {duration_s: 10800, warmup_s: 0, replications: 1, seed: 5}
            workload:
              profile: {kind: hourly, multipliers: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}
              classes:
                - name: api
                  rate_per_s: 1
                  steps:
                    - {delay_ms: {dist: deterministic, mean: 1200000}}
                    - {tier: app, service_ms: {dist: deterministic, mean: 1}}
            tiers:
              - {name: app, node: t3.large, count: 1, workers: 4}
            network: {hop_ms: 0}
            uptime: {window_s: 1200}
            slo:
              - {metric: classes.api.latency_ms.p99, max: 5000}
            """;

    @Test
    void theWindowOfTheSlowArrivalsIsDownNotTheWindowTheyCompleteIn() throws ModelException {
        ModelSpec model = new ModelLoader(Catalog.builtIn()).parse(MODEL, "slow-hour.yaml");
        var result = new ModelRunner(model).run(0);

        Uptime uptime = Uptime.of(model, List.of(result));

        assertEquals(9, uptime.windows());
        assertEquals(6, uptime.windowsMet());
        assertEquals(6.0 / 9, uptime.ratio(), 1e-12);
        long counted = 0;
        for (int k = 0; k < 9; k++) {
            WindowClass w = result.windows().get(k).classes().get("api");
            if (k >= 3 && k <= 5) {
                // every request of the window counts there, at 1,200,001 ms (0.1%: HdrHistogram)
                assertTrue(w.arrived() > 1000, "window " + k);
                assertEquals(w.arrived(), w.count(), "window " + k);
                assertEquals(0, w.errors());
                assertEquals(1_200_001, w.p99Ms(), 1_200_001 * 0.001);
                assertEquals(1_200_001, w.p50Ms(), 1_200_001 * 0.001);
                assertEquals(1_200_001, w.meanMs(), 1e-3, "the mean is exact");
                counted += w.count();
            } else {
                assertEquals(0, w.arrived(), "window " + k);
                assertEquals(0, w.count(), "no request arrived in window " + k + ", whatever completed there");
                assertEquals(0, w.p99Ms());
            }
        }
        assertEquals(result.classes().get("api").arrived(), counted);
    }
}
