package capsim.models.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.engine.random.RandomStream;
import capsim.models.load.ModelException;
import capsim.models.tier.Node;
import capsim.models.tier.Tier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Zones: a zone failure takes every node in it; a hop to another zone costs cross_zone_ms. */
class ZoneTest {
    private static final String MODEL = """
            name: zones
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
                count: 4
                zones: [a, b]
              - name: db
                node: db.t3.medium
                count: 1
                zones: [%s]
                managed: {kind: database, multi_az: true, mtbf_h: 100000}
            failures:
              zone: {mtbf_h: 10000, mttr_s: 120}
            network: {hop_ms: 0.5, cross_zone_ms: 2}
            """;

    /** Node states of every tier, "app:0=FAILED" ... */
    private static List<String> states(SmallSystem s) {
        List<String> out = new ArrayList<>();
        s.tiers.forEach((name, t) -> t.nodes().forEach(n -> out.add(name + ":" + n.id() + "=" + n.state())));
        return out;
    }

    /*
     * app nodes 0 and 2 are in zone a, 1 and 3 in zone b (node i in zones[i mod 2]); the db is in a.
     * Zone a fails at t = 10 for 120 s: app 0 and 2 are down until 130, detected after the default
     * 45 s (active 4 -> 2 at 55); the multi-AZ database fails over to its standby in 90 s (back at
     * 100); zone b is untouched.
     */
    @Test
    void aZoneFailureTakesEveryNodeInTheZoneOnEveryTier() throws ModelException {
        SmallSystem s = new SmallSystem(MODEL.formatted("a"), 1, 200);
        List<FailureMode> modes = FailureModes.of(s.model);
        FailureMode zoneA = modes.get(1);
        assertEquals("zone down: a", zoneA.name());
        assertEquals(List.of("app", "db"), zoneA.tiers());
        assertEquals(List.of(2, 1), zoneA.taken());
        assertEquals(120, zoneA.effectS(), 0);
        assertEquals(List.of("app"), modes.get(2).tiers());
        assertEquals(List.of(2), modes.get(2).taken());

        s.outages.inject(new Strike(zoneA, 10, 0, new RandomStream(1)));
        List<List<String>> seen = new ArrayList<>();
        Tier app = s.tier("app");
        int[] active = new int[2];
        s.sim.schedule(11, () -> seen.add(states(s)));
        s.sim.schedule(54, () -> active[0] = app.active().size());
        s.sim.schedule(56, () -> active[1] = app.active().size());
        s.sim.schedule(101, () -> seen.add(states(s)));
        s.sim.schedule(131, () -> seen.add(states(s)));
        s.sim.runUntil(200);

        assertEquals(List.of("app:0=FAILED", "app:1=IN_SERVICE", "app:2=FAILED", "app:3=IN_SERVICE",
                "db:0=FAILED"), seen.get(0));
        assertEquals(4, active[0]);
        assertEquals(2, active[1]);
        assertEquals(List.of("app:0=FAILED", "app:1=IN_SERVICE", "app:2=FAILED", "app:3=IN_SERVICE",
                "db:0=IN_SERVICE"), seen.get(1));
        assertEquals(List.of("app:0=IN_SERVICE", "app:1=IN_SERVICE", "app:2=IN_SERVICE", "app:3=IN_SERVICE",
                "db:0=IN_SERVICE"), seen.get(2));
        assertEquals(Node.State.IN_SERVICE, app.nodes().get(0).state());
    }

    /*
     * One request a second, 10 ms on app then 5 ms on the db; round robin puts requests on app
     * nodes 0, 1, 2, 3 in turn (zones a, b, a, b). Client -> app is one hop (0.5 ms).
     *   db in zone a: half the app -> db hops cross zones (2 ms), half do not (0.5 ms):
     *     latency 0.5 + 10 + 2 + 5 = 17.5 ms or 0.5 + 10 + 0.5 + 5 = 16 ms, mean 16.75 ms.
     *   db in zone b too ("a" replaced): the same by symmetry.
     */
    @Test
    void aHopToAnotherZoneCostsCrossZoneMs() throws ModelException {
        SmallSystem s = new SmallSystem(MODEL.formatted("a"), 1, 400);
        s.sim.runUntil(500);

        assertEquals(399, s.measured().completed());
        assertEquals(16.0, s.measured().latency().percentileMs(10), 0.02);
        assertEquals(17.5, s.measured().latency().percentileMs(90), 0.02);
        // 399 requests: nodes 0..3 in turn from the first, so 200 stay in zone a and 199 cross
        assertEquals((200 * 16.0 + 199 * 17.5) / 399, s.measured().latency().meanMs(), 1e-3);
    }
}
