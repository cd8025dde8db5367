package capsim.models.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.spec.ModelSpec;
import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.WindowClass;
import capsim.models.system.ReplicationResult.WindowRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The time-series windows ({@code run.window_s}, default 10 s) are apart from the uptime windows
 * ({@code uptime.window_s}): counted and time-averaged figures of six 10 s windows add up to
 * those of the 60 s uptime window they tile, exactly. And the credit balance of a burstable tier
 * follows the hand-computed trajectory.
 */
class SeriesWindowsModelTest {
    private static final String MODEL = """
            name: windows
            run: {duration_s: 120, warmup_s: 0, replications: 1, seed: 3%s}
            workload:
              classes:
                - name: api
                  rate_per_s: %s
                  steps:
                    - tier: app
                      service_ms: {dist: exponential, mean: 10}
            tiers:
              - {name: app, node: t3.medium, count: 1}
            uptime: {window_s: 60}
            """;

    private static ReplicationResult run(String windowKey, double rate) {
        ModelSpec model = ModelRuns.parse(String.format(java.util.Locale.ROOT, MODEL, windowKey, rate));
        return ModelRuns.runAll(model).get(0);
    }

    @Test
    void seriesWindowsDefaultToTenSecondsWhateverTheUptimeWindow() {
        ReplicationResult r = run("", 50);

        assertEquals(60, r.windowS());
        assertEquals(2, r.windows().size());
        assertEquals(12, r.series().size());
        for (int i = 0; i < 12; i++) {
            assertEquals(10.0 * i, r.series().get(i).startS(), 1e-9);
        }
        assertEquals(10, ModelRuns.parse(String.format(java.util.Locale.ROOT, MODEL, "", 1)).run().windowS());
    }

    @Test
    void sixTenSecondWindowsAddUpToTheirSixtySecondUptimeWindow() {
        ReplicationResult r = run(", window_s: 10", 50);

        for (int u = 0; u < 2; u++) {
            WindowRow up = r.windows().get(u);
            List<WindowRow> six = r.series().subList(6 * u, 6 * u + 6);
            WindowClass c = up.classes().get("api");
            assertEquals(c.arrived(), six.stream().mapToLong(w -> w.classes().get("api").arrived()).sum());
            assertEquals(c.count(), six.stream().mapToLong(w -> w.classes().get("api").count()).sum());
            assertEquals(c.errors(), six.stream().mapToLong(w -> w.classes().get("api").errors()).sum());
            // the six windows' latency sums add up to the uptime window's (means are exact)
            assertEquals(c.meanMs() * c.count(), six.stream().mapToDouble(w -> w.classes().get("api").meanMs()
                    * w.classes().get("api").count()).sum(), 1e-6 * c.count());
            assertEquals(up.tierUtilization().get("app"), six.stream()
                    .mapToDouble(w -> w.tierUtilization().get("app")).average().orElseThrow(), 1e-12);
            assertEquals(up.tierOffered().get("app"), six.stream()
                    .mapToDouble(w -> w.tierOffered().get("app")).average().orElseThrow(), 1e-12);
            assertEquals(up.tierCredits().get("app"), six.stream()
                    .mapToDouble(w -> w.tierCredits().get("app")).average().orElseThrow(), 1e-12);
        }
        assertTrue(r.windows().get(0).classes().get("api").arrived() > 2500, "about 50/s x 60 s arrived");
    }

    /*
     * A t3.medium earns 24 credits an hour (FACTS.md) from 0 launch credits. At 0.01 requests/s of
     * 10 ms it spends about 1e-4 vCPU x 60 = 0.006 credits an hour: its balance at a check at time
     * c is 24 c / 3600 within 0.001. The balance is read at checks every 5 s (0, 5, 10, ...), so
     * window k (from 10 k to 10 k + 10) averages 24 (10 k + 2.5) / 3600.
     */
    @Test
    void creditBalanceFollowsTheHandComputedEarnings() {
        ReplicationResult r = run("", 0.01);

        for (int k = 0; k < 12; k++) {
            assertEquals(24 * (10 * k + 2.5) / 3600, r.series().get(k).tierCredits().get("app"), 1e-3, "window " + k);
        }
    }

    @Test
    void aWindowThatIsNotPositiveIsAnErrorAtItsKey() {
        String text = String.format(java.util.Locale.ROOT, MODEL, ", window_s: 0", 1);
        ModelException e = assertThrows(ModelException.class,
                () -> new ModelLoader(Catalog.builtIn()).parse(text, "bad.yaml"));

        assertEquals("run.window_s", e.errors().get(0).keyPath(), e.getMessage());
        assertEquals(2, e.errors().get(0).line(), e.getMessage());
    }
}
