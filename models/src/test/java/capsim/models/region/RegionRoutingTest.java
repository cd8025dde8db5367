package capsim.models.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.engine.random.RandomStream;
import capsim.engine.random.RandomStreams;
import capsim.engine.stats.LatencyRecorder;
import capsim.models.failure.FailureMode;
import capsim.models.failure.FailureModes;
import capsim.models.failure.Strike;
import capsim.models.catalog.Catalog;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.system.Accounting;
import capsim.models.system.ModelRunner;
import capsim.models.system.ReplicationResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regions: requests start in a region drawn by share, go to the nodes of their current region,
 * fail over to the nearest region when their own has no node in service, and pay region_ms for
 * a hop between regions. Arrivals come exactly one period apart and services are deterministic,
 * so (with no queueing) every latency is a sum of hops and services worked out by hand.
 */
class RegionRoutingTest {
    /** Two regions: us-east holds zones a and b, eu-west zone c; app node i is in zone i (a, b, c). */
    private static final String TWO_REGIONS = """
            name: regions
            workload:
              classes:
                - name: api
                  rate_per_s: 1
                  steps:
                    - tier: app
                      service_ms: {dist: deterministic, mean: 10}
                    - tier: db
                      service_ms: {dist: deterministic, mean: 5}
            tiers:
              - name: app
                node: t3.medium
                count: 3
                zones: [a, b, c]
              - name: db
                node: db.t3.medium
                count: %d
                zones: [%s]
            regions:
              - {name: us-east, share: 0.6, zones: [a, b]}
              - {name: eu-west, share: 0.4, zones: [c]}
            failures:
              zone: {mtbf_h: 10000, mttr_s: 120}
            network:
              hop_ms: 0.5
              cross_zone_ms: 2
              region_ms: [{from: us-east, to: eu-west, ms: 30}]
            """;

    /** Three regions, one app node in each (r1: a, r2: b, r3: c); r3 is 15 ms from r2 and 20 ms from r1. */
    private static final String THREE_REGIONS = """
            name: three
            workload:
              classes:
                - name: api
                  rate_per_s: 1
                  steps:
                    - tier: app
                      service_ms: {dist: deterministic, mean: 1}
            tiers:
              - name: app
                node: t3.medium
                count: 3
                zones: [a, b, c]
            regions:
              - {name: r1, share: 0.5, zones: [a]}
              - {name: r2, share: 0.3, zones: [b]}
              - {name: r3, share: 0.2, zones: [c]}
            failures:
              zone: {mtbf_h: 10000, mttr_s: 100}
            network:
              hop_ms: 0.5
              region_ms:
                - {from: r1, to: r2, ms: 10}
                - {from: r1, to: r3, ms: 20}
                - {from: r2, to: r3, ms: 15}
            """;

    /** WebSocket messages through a pub/sub node in us-east (zone a) to one connection on each of two ws nodes (a, c). */
    private static final String MESSAGES = """
            name: messages
            workload:
              classes:
                - name: api
                  rate_per_s: 1
                  steps:
                    - tier: ws
                      service_ms: {dist: deterministic, mean: 1}
              websocket:
                tier: ws
                connections: 2
                messages_per_s: 1
                fanout: {dist: deterministic, mean: 2}
                send_ms: {dist: deterministic, mean: 0.05}
                pubsub_tier: cache
                pubsub_ms: {dist: deterministic, mean: 0.03}
            tiers:
              - {name: ws, node: t3.large, count: 2, zones: [a, c]}
              - {name: cache, node: cache.t3.small, count: 1, zones: [a], workers: 1}
            regions:
              - {name: us-east, share: 0.6, zones: [a]}
              - {name: eu-west, share: 0.4, zones: [c]}
            network:
              hop_ms: 0.5
              region_ms: [{from: us-east, to: eu-west, ms: 30}]
            """;

    /** The regions of the first {@code n} requests (or messages) drawing from stream {@code source}, as the run draws them. */
    private static int[] origins(RegionalSystem s, String source, int n) {
        RandomStream rng = new RandomStreams(s.model.run().seed(), 0).stream(source);
        int[] region = new int[n + 1];
        for (int k = 1; k <= n; k++) {
            region[k] = s.regions.draw(rng);
        }
        return region;
    }

    /** Recorded latencies of {@code r} equal to {@code ms} (to the microsecond). */
    private static long countAt(LatencyRecorder r, double ms) {
        long us = Math.round(ms * 1000);
        return r.histogram().getCountBetweenValues(us, us);
    }

    /** Requests k in [from, to] (1-based arrival order) that started in {@code region}. */
    private static long count(int[] origins, int region, int from, int to) {
        long n = 0;
        for (int k = from; k <= to; k++) {
            if (origins[k] == region) {
                n++;
            }
        }
        return n;
    }

    /*
     * One request a second, 399 measured (arrivals at 1, 2, ..., 399 s), 10 ms on app then 5 ms on
     * the db, which has one node, in zone a (us-east). Hops: 0.5 ms, 2 ms across zones, 30 ms across
     * regions. No request waits (15 ms of work a second).
     *   us-east request: client -> app 0 (a) or app 1 (b), in turn (us-east's own round robin), 0.5;
     *     app 0 -> db (a) 0.5, app 1 -> db (a) 2:  0.5 + 10 + 0.5 + 5 = 16.0 ms or 0.5 + 10 + 2 + 5 = 17.5 ms.
     *   eu-west request: client -> app 2 (c) 0.5 (its own region), app 2 -> db (a) across regions 30:
     *     0.5 + 10 + 30 + 5 = 45.5 ms.
     * With n_us us-east requests, ceil(n_us / 2) take 16.0 ms and floor(n_us / 2) take 17.5 ms.
     */
    @Test
    void latencyIsTheServicePlusTheHopsOfEachRegion() throws ModelException {
        RegionalSystem s = new RegionalSystem(TWO_REGIONS.formatted(1, "a"), 1, 400);
        s.sim.runUntil(399.5); // the last request (at 399 s) is done, the next one not yet come

        Map<String, LatencyRecorder> byRegion = s.measured().latencyByRegion();
        LatencyRecorder us = byRegion.get("us-east");
        LatencyRecorder eu = byRegion.get("eu-west");
        int[] origin = origins(s, "class/api/region", 399);
        long nUs = count(origin, 0, 1, 399);
        long nEu = count(origin, 1, 1, 399);
        assertEquals(399, s.measured().completed());
        assertEquals(nUs, us.count());
        assertEquals(nEu, eu.count());
        assertEquals((nUs + 1) / 2, countAt(us, 16.0));
        assertEquals(nUs / 2, countAt(us, 17.5));
        assertEquals(nEu, countAt(eu, 45.5));
        // exact sums in microseconds
        assertEquals((nUs + 1) / 2 * 16_000 + nUs / 2 * 17_500, us.sumMicros());
        assertEquals(nEu * 45_500, eu.sumMicros());
        // region-local routing: the app node of each region served exactly that region's requests
        assertEquals((nUs + 1) / 2, s.visits("app", 0, 0.010));
        assertEquals(nUs / 2, s.visits("app", 1, 0.010));
        assertEquals(nEu, s.visits("app", 2, 0.010));
    }

    /*
     * 20,000 requests (one every 10 ms for 200 s) over three regions of shares 0.5, 0.3, 0.2. The
     * count of region i is Binomial(20,000, p_i), sd = sqrt(20,000 p (1 - p)) = 70.7, 64.8, 56.6;
     * the tolerance is 4.5 sd. Each region's app node serves its own region's requests only, and every
     * request takes 0.5 + 1 = 1.5 ms (one local hop, 1 ms of service, never a wait: 10 ms apart).
     */
    @Test
    void requestsStartInRegionsByShare() throws ModelException {
        RegionalSystem s = new RegionalSystem(THREE_REGIONS, 0.01, 200);
        s.sim.runUntil(199.995); // the last request (at 199.99 s) is done, the next one not yet come

        int n = 19_999; // arrivals at 0.01, 0.02, ..., 199.99 s
        assertEquals(n, s.measured().completed());
        double[] share = {0.5, 0.3, 0.2};
        String[] names = {"r1", "r2", "r3"};
        for (int i = 0; i < 3; i++) {
            LatencyRecorder r = s.measured().latencyByRegion().get(names[i]);
            double sd = Math.sqrt(n * share[i] * (1 - share[i]));
            assertEquals(n * share[i], r.count(), 4.5 * sd, names[i]);
            assertEquals(r.count(), countAt(r, 1.5), names[i]);
            assertEquals(r.count(), s.visits("app", i, 0.001), names[i]);
        }
    }

    /*
     * THREE_REGIONS, one request a second, 199 measured. Zone c (r3's only node) fails at 50.5 s
     * for 100 s; the balancer takes app 2 out after the default 45 s (at 95.5 s); it is back at
     * 150.5 s.
     *   r3 requests arriving at 51 .. 95 s go to the dead node and fail;
     *   at 96 .. 150 s go to the nearest region with a node in service, r2 (15 ms; r1 is 20 ms):
     *     15 + 1 = 16 ms, served by app 1;
     *   otherwise 0.5 + 1 = 1.5 ms at home. r1 and r2 requests always take 1.5 ms.
     */
    @Test
    void whenARegionIsDownRequestsGoToTheNearestRegion() throws ModelException {
        RegionalSystem s = new RegionalSystem(THREE_REGIONS, 1, 200);
        FailureMode zoneC = FailureModes.of(s.model).stream().filter(m -> m.name().equals("zone down: c"))
                .findFirst().orElseThrow();
        s.outages.inject(new Strike(zoneC, 50.5, 0, new RandomStream(1)));
        s.sim.runUntil(199.5);

        int[] origin = origins(s, "class/api/region", 199);
        long lost = count(origin, 2, 51, 95);
        long away = count(origin, 2, 96, 150);
        long home = count(origin, 2, 1, 50) + count(origin, 2, 151, 199);
        assertTrue(lost > 0 && away > 0, "the set-up sends r3 requests into the outage");
        LatencyRecorder r3 = s.measured().latencyByRegion().get("r3");
        assertEquals(lost, s.measured().rejected());
        assertEquals(away, countAt(r3, 16.0));
        assertEquals(home, countAt(r3, 1.5));
        assertEquals(away + home, r3.count());
        assertEquals(count(origin, 1, 1, 199) + away, s.visits("app", 1, 0.001));
        assertEquals(count(origin, 0, 1, 199), s.visits("app", 0, 0.001));
        LatencyRecorder r1 = s.measured().latencyByRegion().get("r1");
        assertEquals(r1.count(), countAt(r1, 1.5));
    }

    /*
     * TWO_REGIONS with a db node in each region (db 0 in a, db 1 in c). Zone c (app 2 and db 1) fails
     * at 100.5 s for 120 s, is taken out of the balancers at 145.5 s and is back at 220.5 s.
     *   us-east requests: 16.0 or 17.5 ms as in the first test, throughout.
     *   eu-west requests at home (arrivals 1 .. 100 and 221 .. 399 s): app 2 (c) -> db 1 (c):
     *     0.5 + 10 + 0.5 + 5 = 16.0 ms.
     *   arrivals 101 .. 145 s: sent to the dead app 2, they fail.
     *   arrivals 146 .. 220 s: app 0 or 1 in us-east, 30 ms away; the request is then in us-east and
     *     uses db 0 (a): 30 + 10 + 0.5 + 5 = 45.5 ms from app 0, 30 + 10 + 2 + 5 = 47.0 ms from app 1.
     */
    @Test
    void aRegionWhoseZoneIsDownFailsOverToTheOtherRegion() throws ModelException {
        RegionalSystem s = new RegionalSystem(TWO_REGIONS.formatted(2, "a, c"), 1, 400);
        FailureMode zoneC = FailureModes.of(s.model).stream().filter(m -> m.name().equals("zone down: c"))
                .findFirst().orElseThrow();
        assertEquals(java.util.List.of("app", "db"), zoneC.tiers());
        s.outages.inject(new Strike(zoneC, 100.5, 0, new RandomStream(1)));
        s.sim.runUntil(399.5);

        int[] origin = origins(s, "class/api/region", 399);
        long lost = count(origin, 1, 101, 145);
        long away = count(origin, 1, 146, 220);
        long home = count(origin, 1, 1, 100) + count(origin, 1, 221, 399);
        assertTrue(lost > 0 && away > 0, "the set-up sends eu-west requests into the outage");
        LatencyRecorder eu = s.measured().latencyByRegion().get("eu-west");
        LatencyRecorder us = s.measured().latencyByRegion().get("us-east");
        assertEquals(lost, s.measured().rejected());
        assertEquals(home, countAt(eu, 16.0));
        assertEquals(away, countAt(eu, 45.5) + countAt(eu, 47.0));
        assertEquals(home + away, eu.count());
        assertEquals(count(origin, 0, 1, 399), countAt(us, 16.0) + countAt(us, 17.5));
        assertEquals(count(origin, 0, 1, 399), us.count());
        // db 1 saw only eu-west requests at home
        assertEquals(home, s.visits("db", 1, 0.005));
    }

    /*
     * One message a second, 199 measured, each to both connections (one on ws node a in us-east, one
     * on ws node c in eu-west). Pub/sub 0.03 ms on the cache in a, each send 0.05 ms.
     *   published in us-east: client -> cache 0.5, 0.03, cache -> ws a 0.5, 0.05: 1.08 ms;
     *                                                     cache -> ws c 30,  0.05: 30.58 ms.
     *   published in eu-west: client -> cache across regions 30, 0.03, then as above from us-east:
     *                         30.58 ms (ws a) and 60.08 ms (ws c).
     * So each message gives one 30.58 ms delivery, and one of 1.08 ms (us-east) or 60.08 ms (eu-west).
     */
    @Test
    void messagesStartInARegionAndCrossRegionsToTheirRecipients() throws ModelException {
        RegionalSystem s = new RegionalSystem(MESSAGES, 1, 200);
        s.sim.runUntil(199.5);

        int[] origin = origins(s, "websocket/region", 199);
        LatencyRecorder delivery = s.periods.get(0).websocket().orElseThrow().delivery();
        assertEquals(2 * 199, delivery.count());
        assertEquals(199, countAt(delivery, 30.58));
        assertEquals(count(origin, 0, 1, 199), countAt(delivery, 1.08));
        assertEquals(count(origin, 1, 1, 199), countAt(delivery, 60.08));
    }

    /*
     * One region holding every zone: requests draw no region (one choice), every tier keeps its own
     * balancer and no hop crosses regions, so a run is the run without regions, event for event.
     * The model has zones, a cache step, a closed class and WebSocket fan-out through pub/sub.
     */
    @Test
    void oneRegionHoldingEveryZoneChangesNothing() throws ModelException {
        String model = """
                name: same
                run: {duration_s: 30, warmup_s: 5, replications: 1, seed: 11}
                workload:
                  classes:
                    - name: api
                      rate_per_s: 200
                      steps:
                        - tier: app
                          service_ms: {dist: exponential, mean: 5}
                        - tier: cache
                          service_ms: {dist: exponential, mean: 0.2}
                          hit_ratio: 0.7
                          on_miss:
                            - tier: db
                              service_ms: {dist: exponential, mean: 3}
                    - name: users
                      users: 50
                      think_s: 1
                      steps:
                        - tier: app
                          service_ms: {dist: exponential, mean: 5}
                  websocket:
                    tier: ws
                    connections: 100
                    messages_per_s: 20
                    fanout: {dist: geometric, mean: 5}
                    send_ms: {dist: deterministic, mean: 0.05}
                    pubsub_tier: cache
                    pubsub_ms: {dist: deterministic, mean: 0.03}
                tiers:
                  - {name: app, node: t3.medium, count: 4, zones: [a, b, c], balancer: power_of_two}
                  - {name: ws, node: t3.large, count: 3, zones: [a, c]}
                  - {name: cache, node: cache.t3.small, count: 2, zones: [a, b], workers: 1}
                  - {name: db, node: db.t3.medium, count: 1, zones: [b]}
                network: {hop_ms: 0.4, cross_zone_ms: 1.2}
                """;
        ModelLoader loader = new ModelLoader(Catalog.builtIn());
        ReplicationResult plain = Accounting.checked(new ModelRunner(loader.parse(model, "same.yaml")).run(0));
        ReplicationResult regional = Accounting.checked(new ModelRunner(loader.parse(model
                + "regions: [{name: home, share: 1, zones: [a, b, c]}]\n", "same.yaml")).run(0));

        assertEquals(plain.events(), regional.events());
        for (String c : plain.classes().keySet()) {
            LatencyRecorder before = plain.classes().get(c).latency();
            LatencyRecorder after = regional.classes().get(c).latency();
            assertEquals(before.count(), after.count(), c);
            assertEquals(before.sumMicros(), after.sumMicros(), c);
            assertEquals(after.count(), regional.classes().get(c).latencyByRegion().get("home").count(), c);
        }
        for (String t : plain.tiers().keySet()) {
            assertEquals(plain.tiers().get(t).latency().sumMicros(), regional.tiers().get(t).latency().sumMicros(), t);
        }
        assertEquals(plain.websocket().orElseThrow().delivery().sumMicros(),
                regional.websocket().orElseThrow().delivery().sumMicros());
    }
}
