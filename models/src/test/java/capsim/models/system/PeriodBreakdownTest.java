package capsim.models.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.spec.ModelSpec;
import capsim.models.system.ReplicationResult.ClassResult;
import org.junit.jupiter.api.Test;

/**
 * A model with regions, two classes and failure scenarios: every breakdown of the main period
 * (by region, by window, by tier) adds up to its total, so nothing of the warm-up or of the
 * scenarios run after it leaks in.
 */
class PeriodBreakdownTest {
    private static final String MODEL = """
            name: breakdown
            run: {duration_s: 240, warmup_s: 30, replications: 2, seed: 11}
            workload:
              classes:
                - name: api
                  rate_per_s: 40
                  steps:
                    - tier: app
                      service_ms: {dist: exponential, mean: 20}
                    - tier: db
                      service_ms: {dist: exponential, mean: 5}
                - name: web
                  rate_per_s: 20
                  steps:
                    - tier: app
                      service_ms: {dist: exponential, mean: 10}
            tiers:
              - name: app
                node: t3.medium
                count: 3
                zones: [a, b, c]
                failures: {mtbf_h: 100, mttr_s: 120}
              - name: db
                node: db.t3.medium
                count: 2
                zones: [a, c]
            regions:
              - {name: us-east, share: 0.6, zones: [a, b]}
              - {name: eu-west, share: 0.4, zones: [c]}
            failures:
              zone: {mtbf_h: 10000, mttr_s: 120}
            network:
              hop_ms: 0.5
              cross_zone_ms: 1
              region_ms: [{from: us-east, to: eu-west, ms: 30}]
            uptime: {window_s: 30}
            """;

    @Test
    void everyBreakdownOfTheMainPeriodAddsUpToItsTotal() throws ModelException {
        ModelSpec model = new ModelLoader(Catalog.builtIn()).parse(MODEL, "breakdown.yaml");
        for (int replication = 0; replication < 2; replication++) {
            ReplicationResult r = Accounting.checked(new ModelRunner(model).run(replication));
            assertFalse(r.scenarios().isEmpty(), "the failure scenarios ran after the main period");
            assertBreakdownsAddUp(r);
        }
    }

    /*
     * Failures as they come, an app node failing every 0.05 h (180 s) on average for 120 s: the
     * main period itself has failed requests, and they add up by window and by tier too.
     */
    @Test
    void failedRequestsAddUpByWindowAndByTier() throws ModelException {
        ModelSpec model = new ModelLoader(Catalog.builtIn()).parse(MODEL.replace("mtbf_h: 100,", "mtbf_h: 0.05,"),
                "breakdown.yaml");
        ReplicationResult r = Accounting.checked(new ModelRunner(model).runWithFailures(0));
        long failed = r.classes().values().stream().mapToLong(c -> c.rejected() + c.timedOut()).sum();
        assertTrue(failed > 0, "some requests failed");
        assertBreakdownsAddUp(r);
    }

    /** The accounting of {@link Accounting} (by region, by window, by tier), and the app's visits. */
    private static void assertBreakdownsAddUp(ReplicationResult r) {
        Accounting.checked(r);
        long completed = r.classes().values().stream().mapToLong(ClassResult::completed).sum();
        long failed = r.classes().values().stream().mapToLong(c -> c.rejected() + c.timedOut()).sum();
        // every request visits app once: its finished visits are at least the completed requests
        long appVisits = r.tiers().get("app").latency().count();
        assertTrue(appVisits >= completed && appVisits <= completed + failed + 100,
                appVisits + " app visits for " + completed + " completed requests");
    }
}
