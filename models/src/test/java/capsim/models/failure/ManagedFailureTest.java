package capsim.models.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.engine.random.RandomStream;
import capsim.models.load.ModelException;
import capsim.models.spec.ManagedSpec;
import capsim.models.tier.Tier;
import org.junit.jupiter.api.Test;

/** Managed services: a database fails over (multi-AZ) or is replaced; a lost cache comes back empty and refills. */
class ManagedFailureTest {
    private static String database(boolean multiAz) {
        return """
                name: managed-db
                workload:
                  classes:
                    - name: api
                      rate_per_s: 2
                      steps:
                        - tier: db
                          service_ms: {dist: deterministic, mean: 10}
                tiers:
                  - name: db
                    node: db.t3.medium
                    count: 1
                    managed: {kind: database, multi_az: %s, mtbf_h: 1000}
                network: {hop_ms: 0}
                """.formatted(multiAz);
    }

    /** Requests failed when the database fails once at t = 100.25, arrivals every 0.5 s. */
    private static long failedRequests(boolean multiAz) throws ModelException {
        SmallSystem s = new SmallSystem(database(multiAz), 0.5, 2000);
        ManagedSpec spec = s.model.tier("db").orElseThrow().operations().managed().orElseThrow();
        s.outages.inject(new Strike(FailureMode.NodeDown.ofManaged("db", 1, spec), 100.25, 0, new RandomStream(1)));
        s.sim.runUntil(2100);
        return s.failed();
    }

    /*
     * Multi-AZ: down for the default failover_s 90, [100.25, 190.25): the arrivals 100.5, 101, ...,
     * 190.0 fail: (190 - 100.5) / 0.5 + 1 = 180. Single-AZ: replaced in the default recovery_s 600,
     * [100.25, 700.25): arrivals 100.5 .. 700.0 fail: (700 - 100.5) / 0.5 + 1 = 1200.
     * Each visit takes 10 ms, and none is in flight at 100.25 (they run 100.0 .. 100.01).
     */
    @Test
    void multiAzFailsOverInNinetySecondsASingleInstanceIsReplacedInTenMinutes() throws ModelException {
        assertEquals(180, failedRequests(true));
        assertEquals(1200, failedRequests(false));
    }

    @Test
    void modesCarryTheOutageAndTheRenewalRate() throws ModelException {
        SmallSystem single = new SmallSystem(database(false), 1, 10);
        FailureMode mode = FailureModes.of(single.model).get(0);

        assertEquals("database replacement: db", mode.name());
        assertEquals(600, mode.effectS(), 0);
        // one instance: up 1000 h then down 600 s, so 1 / (3,600,000 + 600) per second
        assertEquals(1 / 3_600_600.0, mode.ratePerS(), 1e-18);
        assertEquals("database failover: db", FailureModes.of(new SmallSystem(database(true), 1, 10).model).get(0)
                .name());
    }

    private static final String CACHE = """
            name: managed-cache
            workload:
              classes:
                - name: api
                  rate_per_s: 10
                  steps:
                    - tier: cache
                      service_ms: {dist: deterministic, mean: 1}
                      hit_ratio: 0.8
                      on_miss:
                        - tier: db
                          service_ms: {dist: deterministic, mean: 1}
            tiers:
              - name: cache
                node: cache.t3.small
                count: 1
                managed: {kind: cache, mtbf_h: 1000, recovery_s: 60, refill_s: 300}
              - name: db
                node: db.t3.medium
                count: 1
            network: {hop_ms: 0}
            """;

    /** Database visits from t = 160 to 460 (the 300 s after the cache is back at 160), with or without the loss. */
    static long dbVisitsDuringRefill(boolean cacheLost) throws ModelException {
        SmallSystem s = new SmallSystem(CACHE, 0.1, 1000);
        Tier db = s.tier("db");
        if (cacheLost) {
            ManagedSpec spec = s.model.tier("cache").orElseThrow().operations().managed().orElseThrow();
            FailureMode lost = FailureMode.NodeDown.ofManaged("cache", 1, spec);
            s.outages.inject(new Strike(lost, 100.05, 0, new RandomStream(1)));
        }
        long[] offers = new long[2];
        s.sim.schedule(160.05, () -> offers[0] = db.offers());
        s.sim.schedule(460.05, () -> offers[1] = db.offers());
        s.sim.runUntil(500);
        return offers[1] - offers[0];
    }

    /*
     * 10 requests/s, 3,000 cache look-ups in the 300 s after the empty cache is back at 160.05.
     * Warm: 3,000 x 0.2 = 600 misses expected (binomial sd sqrt(3000 x 0.8 x 0.2) = 22).
     * Cold: the hit ratio is 0.8 (1 - exp(-t / tau)), tau = 300 / ln 20 = 100.14 s, so the
     * expected misses are sum over look-ups of 1 - 0.8 (1 - exp(-t/tau))
     *   = 3000 - 0.8 x (3000 - 10/s x tau (1 - 1/20)) = 3000 - 0.8 x (3000 - 951.3) = 1361
     * (variance sum p(1 - p) <= 3000 / 4, sd <= 27). Tolerance 5 sd: 110 warm, 140 cold.
     */
    @Test
    void aLostCacheComesBackEmptyAndSendsItsMissesToTheDatabaseWhileItRefills() throws ModelException {
        double tau = 300 / Math.log(20);
        double expectedCold = 3000 - 0.8 * (3000 - 10 * tau * 0.95);
        assertEquals(1361, expectedCold, 1);

        assertEquals(600, dbVisitsDuringRefill(false), 110);
        assertEquals(expectedCold, dbVisitsDuringRefill(true), 140);
    }

    @Test
    void refillIsExponentialWithNinetyFivePercentAfterRefillTime() {
        assertEquals(0, CacheRefill.warmth(0, 300), 0);
        assertEquals(0.95, CacheRefill.warmth(300, 300), 1e-12);
        assertEquals(1 - Math.sqrt(0.05), CacheRefill.warmth(150, 300), 1e-12);
        assertEquals(1, CacheRefill.warmth(Double.POSITIVE_INFINITY, 300), 0);
    }
}
