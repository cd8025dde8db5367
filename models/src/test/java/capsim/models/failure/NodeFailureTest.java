package capsim.models.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.models.load.ModelException;
import capsim.models.spec.FailureSpec;
import capsim.models.tier.Node;
import capsim.models.tier.Tier;
import org.junit.jupiter.api.Test;

/** A node failure loses the work in flight on the node and the requests sent to it before detection. */
class NodeFailureTest {
    static final String MODEL = """
            name: node-failure
            workload:
              classes:
                - name: api
                  rate_per_s: 1
                  steps:
                    - tier: app
                      service_ms: {dist: deterministic, mean: 1500}
            tiers:
              - name: app
                node: t3.medium
                count: 2
                workers: 2
                balancer: round_robin
                failures: {mtbf_h: 1000, mttr_s: 30, detect_s: 10}
            network: {hop_ms: 0}
            """;

    /*
     * Requests arrive at t = 1, 2, 3, ... and round robin sends odd ones to node 0, even ones to
     * node 1; each takes 1.5 s, so a node holds at most one request and nothing queues.
     * Node 0 fails at t = 100.2, is detected at 110.2 and back at 130.2.
     *   in flight on node 0: request 99 (in service 99 .. 100.5)               1 lost
     *   sent to node 0 before detection: 101, 103, 105, 107, 109              5 refused
     *   after detection node 1 takes every request (2 workers, 1 s apart, 1.5 s each: no wait)
     * Of the 199 requests arriving in [0, 200), 6 fail and 193 complete.
     */
    @Test
    void workInFlightAndRequestsSentBeforeDetectionFail() throws ModelException {
        SmallSystem s = new SmallSystem(MODEL, 1, 200);
        Tier app = s.tier("app");
        Node node0 = app.nodes().get(0);
        FailureSpec spec = app.spec().operations().failures().orElseThrow();
        app.markFallible();
        Impact impact = Impact.ofNode(app.spec(), spec, s.model.uptime().windowS());
        s.sim.schedule(100.2, () -> s.outages.nodeFails(app, node0, impact));
        int[] activeAt = new int[3];
        s.sim.schedule(110.1, () -> activeAt[0] = app.active().size());
        s.sim.schedule(110.3, () -> activeAt[1] = app.active().size());
        s.sim.schedule(130.3, () -> activeAt[2] = app.active().size());
        s.sim.runUntil(300);

        assertEquals(199, s.measured().arrived());
        assertEquals(6, s.failed());
        assertEquals(193, s.measured().completed());
        assertEquals(6, s.measured("app").rejected());
        assertEquals(2, activeAt[0], "the balancer still sends to the dead node before detection");
        assertEquals(1, activeAt[1], "detected after detect_s");
        assertEquals(2, activeAt[2], "back after mttr_s");
        assertEquals(Node.State.IN_SERVICE, node0.state());
    }

    /* The same run without the failure: nothing fails (the 6 above are the failure's). */
    @Test
    void withoutTheFailureNothingFails() throws ModelException {
        SmallSystem s = new SmallSystem(MODEL, 1, 200);
        s.sim.runUntil(300);

        assertEquals(199, s.measured().completed());
        assertEquals(0, s.failed());
    }
}
