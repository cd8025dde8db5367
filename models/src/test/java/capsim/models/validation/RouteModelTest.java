package capsim.models.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.system.Accounting;
import capsim.models.system.ModelRunner;
import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.ClassResult;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Routes without queueing: deterministic service, a low rate and more workers than requests
 * ever present, so each end-to-end latency is a sum written out by hand: one network hop
 * before every visit plus the visits' service times.
 */
class RouteModelTest {
    /*
     * Steps a (1 ms), b (2 ms), a (3 ms) with hop_ms 2: every request takes
     * 2 + 1 + 2 + 2 + 2 + 3 = 12 ms, exactly. Visits to a take 1 or 3 ms (mean 2), to b 2 ms.
     */
    private static final String HOPS = """
            name: hops
            run: {duration_s: 200, warmup_s: 0, replications: 1, seed: 3}
            workload:
              classes:
                - name: api
                  rate_per_s: 20
                  steps:
                    - {tier: a, service_ms: {dist: deterministic, mean: 1}}
                    - {tier: b, service_ms: {dist: deterministic, mean: 2}}
                    - {tier: a, service_ms: {dist: deterministic, mean: 3}}
            tiers:
              - {name: a, node: m5.2xlarge, count: 1, workers: 64}
              - {name: b, node: m5.2xlarge, count: 1, workers: 64}
            network: {hop_ms: 2}
            """;

    @Test
    void latencyIsServicePlusOneHopPerVisitExactly() {
        ReplicationResult r = Accounting.checked(new ModelRunner(ModelRuns.parse(HOPS)).run(0));
        ClassResult api = r.classes().get("api");

        assertTrue(api.completed() > 3_500, "about 20/s x 200 s = 4,000 requests: " + api.completed());
        assertEquals(api.arrived(), api.completed());
        // the mean is a sum of whole microseconds: 12,000 us each, exactly
        assertEquals(12.0, api.latency().meanMs(), 1e-9);
        assertOnly(api.latency().histogram(), 12_000);
        assertEquals(2.0, r.tiers().get("a").latency().meanMs(), 1e-9);
        // visits are counted by their own arrival time: a request arriving in the last 9 ms of
        // the run visits a the second time after it (expected 20/s x 9 ms = 0.18 such requests)
        long aVisits = r.tiers().get("a").latency().count();
        assertTrue(aVisits <= 2 * api.completed() && aVisits >= 2 * api.completed() - 5, aVisits + " visits to a");
        assertEquals(2.0, r.tiers().get("b").latency().meanMs(), 1e-9);
    }

    /*
     * app (1 ms), then cache (0.5 ms, hit_ratio 0.7; on a miss db 3 times, 2 ms each), then
     * render (1 ms), hop_ms 1:
     *   hit:  (1 + 1) + (1 + 0.5) + (1 + 1)             =  5.5 ms
     *   miss: hit + 3 x (1 + 2)                         = 14.5 ms
     *   mean: 5.5 + 0.3 x 9                             =  8.2 ms
     * db visits: rate x 0.3 x 3 = 50/s x 0.9 = 45/s; render is visited by hits and misses alike.
     */
    private static final String CACHE = """
            name: cache
            run: {duration_s: 1000, warmup_s: 0, replications: 1, seed: 5}
            workload:
              classes:
                - name: api
                  rate_per_s: 50
                  steps:
                    - {tier: app, service_ms: {dist: deterministic, mean: 1}}
                    - tier: cache
                      service_ms: {dist: deterministic, mean: 0.5}
                      hit_ratio: 0.7
                      on_miss:
                        - {tier: db, repeat: 3, service_ms: {dist: deterministic, mean: 2}}
                    - {tier: render, service_ms: {dist: deterministic, mean: 1}}
            tiers:
              - {name: app, node: m5.2xlarge, count: 1, workers: 64}
              - {name: cache, node: m5.2xlarge, count: 1, workers: 64}
              - {name: db, node: m5.2xlarge, count: 1, workers: 64}
              - {name: render, node: m5.2xlarge, count: 1, workers: 64}
            network: {hop_ms: 1}
            """;

    @Test
    void cacheMissesVisitTheDatabaseRepeatTimesAndEveryRequestContinues() {
        ReplicationResult r = Accounting.checked(new ModelRunner(ModelRuns.parse(CACHE)).run(0));
        ClassResult api = r.classes().get("api");
        Histogram latency = api.latency().histogram();
        long hits = countNear(latency, 5_500);
        long misses = countNear(latency, 14_500);

        // every request took one of the two routes, and each went on to render after the cache
        assertEquals(api.completed(), hits + misses);
        assertEquals(api.arrived(), api.completed());
        long renderVisits = r.tiers().get("render").latency().count();
        // render visits are counted by their own arrival time (no warm-up, so none before it): a
        // request arriving in the last 14.5 ms of the run renders after it (expected 50/s x
        // 14.5 ms = 0.7 such requests)
        assertTrue(renderVisits <= api.completed() && renderVisits >= api.completed() - 5,
                renderVisits + " render visits for " + api.completed() + " requests");

        // misses ~ Poisson(50/s x 0.3 x 1000 s = 15,000), db visits 3 per miss: 45,000 with
        // SE 3 sqrt(15,000) = 367 (0.8%); 5 SE
        double dbVisits = r.tiers().get("db").latency().count();
        assertEquals(45_000, dbVisits, 5 * 3 * Math.sqrt(15_000));
        assertTrue(Math.abs(dbVisits - 3 * misses) <= 3 * 5, "db visits follow misses, boundary aside");

        // the mean is the two-point mixture, exactly, for the measured miss share ...
        double missShare = (double) misses / api.completed();
        assertEquals(5.5 + 9 * missShare, api.latency().meanMs(), 1e-9);
        // ... which is binomial around 0.3: n = 50,000, SE sqrt(0.21 / n) = 0.002; 5 SE
        assertEquals(0.3, missShare, 5 * Math.sqrt(0.21 / api.completed()));
        assertEquals(8.2, api.latency().meanMs(), 9 * 5 * Math.sqrt(0.21 / api.completed()));
    }

    /** Values recorded in the histogram buckets within 20 us of {@code us}. */
    static long countNear(Histogram h, long us) {
        return h.getCountBetweenValues(us - 20, us + 20);
    }

    /** Every recorded value lies in the bucket of {@code us}. */
    static void assertOnly(Histogram h, long us) {
        assertTrue(h.valuesAreEquivalent(h.getMinValue(), us) && h.valuesAreEquivalent(h.getMaxValue(), us),
                "values from " + h.getMinValue() + " to " + h.getMaxValue() + " us, expected only " + us);
    }
}
