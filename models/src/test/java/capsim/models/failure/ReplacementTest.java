package capsim.models.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import capsim.engine.random.RandomStream;
import capsim.models.autoscale.Replacement;
import capsim.models.load.ModelException;
import capsim.models.tier.Node;
import capsim.models.tier.Tier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An autoscaled group replaces the nodes it loses to a failure; a fixed tier waits for them. */
class ReplacementTest {
    private static final String MODEL = """
            name: replacement
            workload:
              classes:
                - name: api
                  rate_per_s: 1
                  steps:
                    - tier: app
                      service_ms: {dist: deterministic, mean: 10}
                    - tier: web
                      service_ms: {dist: deterministic, mean: 10}
            tiers:
              - name: app
                node: t3.medium
                count: 4
                zones: [a, b]
                boot_s: 90
                failures: {mtbf_h: 1000, mttr_s: 100, detect_s: 45}
                autoscale: {policy: %s, metric: cpu, target: 90, min: 4, max: 8}
              - name: web
                node: t3.medium
                count: 2
                zones: [a, b]
            failures:
              zone: {mtbf_h: 10000, mttr_s: 600}
            """;

    private static String model(String policy) {
        return MODEL.formatted(policy);
    }

    /** "id:zone=STATE" of every node of {@code tier}. */
    private static List<String> states(Tier tier) {
        List<String> out = new ArrayList<>();
        tier.nodes().forEach(n -> out.add(n.id() + ":" + n.zone() + "=" + n.state()));
        return out;
    }

    /*
     * app: nodes 0, 2 in zone a and 1, 3 in b; web: node 0 in a, 1 in b. Zone a fails at t = 10
     * for 600 s (back at 610). Detection after 45 s (55), boot 90 s:
     *   app  55: the balancer stops sending to 0 and 2 (4 -> 2 in service); the group discards
     *            them (no longer billed) and launches 4 and 5 in zone b, the only zone up;
     *       145: 4 and 5 in service (2 -> 4);
     *       610: zone a is back; b holds 1, 3, 4, 5 and a none: the group launches 6 and 7 in a;
     *       700: 6 and 7 in service, the newest of b (5, then 4) retired; they are idle (one
     *            10 ms request a second), so they stop at once: a 6, 7 and b 1, 3 again.
     *   web  node 0 waits for its zone: failed from 10, out of the balancer from 55, back at 610.
     * app nodes in service over [0, 800]: 4 except 2 in [55, 145): (4 x 800 - 2 x 90) / 800 = 3.775.
     * app nodes billed: 4, plus the two rebalancing launches in [610, 700): (4 x 800 + 2 x 90) / 800
     * = 4.225 (without the group: 4 throughout, the failed nodes billed while they wait).
     */
    @Test
    void aGroupReplacesItsNodesInAZoneThatIsUpAndRebalancesWhenTheZoneIsBack() throws ModelException {
        SmallSystem s = new SmallSystem(model("target_tracking"), 1, 800);
        FailureMode zoneA = FailureModes.of(s.model).get(1);
        Tier app = s.tier("app");
        Tier web = s.tier("web");
        s.outages.inject(new Strike(zoneA, 10, 0, new RandomStream(1)));
        int[] active = new int[6];
        double[] probesS = {54, 56, 144, 146, 699, 701};
        for (int i = 0; i < probesS.length; i++) {
            int k = i;
            s.sim.schedule(probesS[i], () -> active[k] = app.active().size());
        }
        List<List<String>> seen = new ArrayList<>();
        s.sim.schedule(56, () -> seen.add(states(app)));
        s.sim.schedule(609, () -> seen.add(states(web)));
        s.sim.runUntil(800);

        assertEquals(List.of(4, 2, 2, 4, 4, 4), List.of(active[0], active[1], active[2], active[3], active[4],
                active[5]));
        assertEquals(List.of("0:a=STOPPED", "1:b=IN_SERVICE", "2:a=STOPPED", "3:b=IN_SERVICE", "4:b=BOOTING",
                "5:b=BOOTING"), seen.get(0));
        assertEquals(55, app.nodes().get(0).stateSinceS(), 0, "discarded when the group notices");
        assertFalse(app.nodes().get(2).billed());
        assertEquals(List.of("0:a=STOPPED", "1:b=IN_SERVICE", "2:a=STOPPED", "3:b=IN_SERVICE", "4:b=STOPPED",
                "5:b=STOPPED", "6:a=IN_SERVICE", "7:a=IN_SERVICE"), states(app));
        assertEquals(700, app.nodes().get(4).stateSinceS(), 0);
        assertEquals(2, s.measured("app").nodesInService().min(), 0);
        assertEquals(3.775, s.measured("app").nodesInService().average(800), 1e-12);
        assertEquals(4.225, s.measured("app").nodesBilled().average(800), 1e-12);

        assertEquals(List.of("0:a=FAILED", "1:b=IN_SERVICE"), seen.get(1));
        assertEquals(List.of("0:a=IN_SERVICE", "1:b=IN_SERVICE"), states(web), "a fixed tier waits for its zone");
        assertEquals(610, web.nodes().get(0).stateSinceS(), 0);
    }

    /*
     * The same zone failure, seen by the uptime method: app loses 2 nodes, replaced 45 + 90 = 135 s
     * after the strike; one uptime window (60 s, the default) later the requests its survivors
     * queued meanwhile have finished, so the degraded state settles at 195 s (web is detected at
     * 45 s) with app back to 4 nodes; the outage lasts 600 s; the group's rebalancing launches are
     * in service 600 + 90 = 690 s after the strike. web is not autoscaled: 1 node taken, none
     * replaced.
     */
    @Test
    void aZoneFailureSettlesOnceTheReplacementsAreInService() throws ModelException {
        SmallSystem s = new SmallSystem(model("target_tracking"), 1, 10);
        FailureMode zoneA = FailureModes.of(s.model).get(1);

        assertEquals("zone down: a", zoneA.name());
        assertEquals(List.of("app", "web"), zoneA.tiers());
        assertEquals(List.of(2, 1), zoneA.taken());
        assertEquals(List.of(2, 0), zoneA.replaced());
        assertEquals(135, zoneA.impacts().get(0).backS(), 0);
        assertEquals(195, zoneA.onsetS(), 0);
        assertEquals(600, zoneA.outageS(), 0);
        assertEquals(690, zoneA.effectS(), 0);
    }

    /*
     * Node 0 of app (zone a) fails at t = 10 for 100 s. The group notices at 55, discards it and
     * launches node 4 in the up zone with the fewest nodes: a holds 2 only, b holds 1 and 3, so a.
     * The outage ends at 110, before the replacement is in service (145): the node stays discarded
     * (the group terminated it) and app runs on 3 nodes until 145. For the uptime method the
     * failure settles at 135 + 60 = 195 s, after its 100 s outage: it has no steady state, and its
     * effect lasts 195 s.
     */
    @Test
    void aNodeBackBeforeItsReplacementIsInServiceStaysDiscarded() throws ModelException {
        SmallSystem s = new SmallSystem(model("target_tracking"), 1, 300);
        Tier app = s.tier("app");
        Node node0 = app.nodes().get(0);
        FailureMode nodeDown = FailureModes.of(s.model).get(0);
        Impact impact = nodeDown.impacts().get(0);
        int[] active = new int[2];
        s.sim.schedule(10, () -> s.outages.nodeFails(app, node0, impact));
        s.sim.schedule(144, () -> active[0] = app.active().size());
        s.sim.schedule(146, () -> active[1] = app.active().size());
        s.sim.runUntil(300);

        assertEquals(Node.State.STOPPED, node0.state());
        assertEquals(55, node0.stateSinceS(), 0);
        assertEquals(List.of("0:a=STOPPED", "1:b=IN_SERVICE", "2:a=IN_SERVICE", "3:b=IN_SERVICE", "4:a=IN_SERVICE"),
                states(app));
        assertEquals(145, app.nodes().get(4).stateSinceS(), 0);
        assertEquals(List.of(3, 4), List.of(active[0], active[1]));

        assertEquals("node down: app", nodeDown.name());
        assertEquals(List.of(1), nodeDown.replaced());
        assertEquals(195, nodeDown.onsetS(), 0);
        assertEquals(100, nodeDown.outageS(), 0);
        assertEquals(195, nodeDown.effectS(), 0);
    }

    /*
     * Kubernetes: the pods of a failed node are evicted 40 + 300 = 340 s after the failure. A node
     * down 100 s is back first: nothing is replaced, the failure settles at detection (45 s). A zone
     * down 600 s: the pods are recreated at 340 s, in service at 430 s, settled a window later.
     */
    @Test
    void aDeploymentReplacesPodsOnlyOnceTheyAreEvicted() throws ModelException {
        SmallSystem s = new SmallSystem(model("hpa"), 1, 10);
        List<FailureMode> modes = FailureModes.of(s.model);
        FailureMode nodeDown = modes.get(0);
        FailureMode zoneA = modes.get(1);

        assertEquals(340, Replacement.POD_EVICTION_S, 0);
        assertEquals(List.of(0), nodeDown.replaced());
        assertEquals(45, nodeDown.onsetS(), 0);
        assertEquals(100, nodeDown.effectS(), 0);
        assertEquals(List.of(2, 0), zoneA.replaced());
        assertEquals(430, zoneA.impacts().get(0).backS(), 0);
        assertEquals(490, zoneA.onsetS(), 0);
    }

    /* A group whose only zone is down has nowhere to launch: its nodes wait for the zone, as a fixed tier's. */
    @Test
    void aGroupInOneZoneWaitsForIt() throws ModelException {
        String oneZone = model("target_tracking").replace("zones: [a, b]\n    boot_s", "zones: [a]\n    boot_s");
        SmallSystem s = new SmallSystem(oneZone, 1, 200);
        FailureMode zoneA = FailureModes.of(s.model).get(1);
        assertEquals("zone down: a", zoneA.name());
        assertEquals(List.of(4, 1), zoneA.taken());
        assertEquals(List.of(0, 0), zoneA.replaced());
        assertEquals(45, zoneA.onsetS(), 0);

        s.outages.inject(new Strike(zoneA, 10, 0, new RandomStream(1)));
        s.sim.runUntil(200);
        // zone a is back at 610: still down at 200, nothing replaced, nothing discarded
        assertEquals(List.of("0:a=FAILED", "1:a=FAILED", "2:a=FAILED", "3:a=FAILED"), states(s.tier("app")));
    }
}
