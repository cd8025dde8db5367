package capsim.models.autoscale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.system.Accounting;
import capsim.models.system.ModelRunner;
import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.WindowRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model file with a load step and a target-tracking tier, run end to end. */
class AutoscaleRunTest {
    /**
     * 80 requests/s of 10 ms (exponential) on 2 one-worker nodes: 40% busy. From 00:30 (t = 1800 s)
     * the peak profile triples the rate: 2.4 busy servers on 2, overloaded.
     */
    static final String MODEL = """
            name: autoscale-step
            run: {duration_s: 2700, warmup_s: 900, replications: 1, seed: 11}
            workload:
              profile: {kind: peak, from: "00:30", to: 24, factor: 3}
              classes:
                - name: api
                  rate_per_s: 80
                  steps:
                    - tier: app
                      service_ms: {dist: exponential, mean: 10}
            tiers:
              - name: app
                node: custom
                vcpu: 1
                memory_gb: 2
                hourly_usd: 0.05
                count: 2
                workers: 1
                boot_s: 90
                autoscale: {policy: target_tracking, metric: cpu, target: 65, min: 2, max: 8}
            """;

    @Test
    void targetTrackingAddsTwoNodesAfterItsLagAndLatencyRecovers() throws ModelException {
        ReplicationResult r = Accounting.checked(new ModelRunner(new ModelLoader(Catalog.builtIn()).parse(MODEL, "step.yaml")).run(0));
        // By hand: 60 s periods above 65% from [1800, 1860): the third, [1920, 1980), alarms at
        // 1980 s. The two nodes are 100% busy: ceil(2 x 100 / 65) = ceil(3.08) = 4 nodes, in service
        // at 1980 + 90 = 2070 s. Then 2.4 / 4 = 60% < 65%: no more scale-out, and scale-in would
        // keep ceil(4 x 60 / 65) = ceil(3.69) = 4 nodes.
        List<WindowRow> rows = r.windows();
        for (WindowRow w : rows) {
            double endS = w.startS() + r.windowS();
            double expected = endS <= 2040 ? 2 : w.startS() >= 2100 ? 4 : 3; // [2040, 2100): 2, then 4 from 2070
            assertEquals(expected, w.tierNodes().get("app"), 1e-9, "nodes in window from " + w.startS());
        }
        assertEquals(2, r.tiers().get("app").nodesMin());
        assertEquals(4, r.tiers().get("app").nodesMax());

        // Latency: per-node M/M/1-like at 40%, p99 about ln(100) x 10 / 0.6 = 77 ms (a little less:
        // round robin smooths arrivals). During the overload the queue grows by 0.2 s of work per
        // second per node: tens of seconds of waiting. The backlog at 2070 s, 270 s x 0.2 = 54 s
        // of work per old node, drains at 1 - 0.6 = 0.4 s/s: 135 s, until about 2205 s. Then 60%
        // busy: p99 about ln(100) x 10 / 0.4 = 115 ms or less.
        assertTrue(p99(rows, 900, 1800) < 100, "p99 before the step");
        assertTrue(p99(rows, 2040, 2100) > 10_000, "p99 while overloaded");
        assertTrue(p99(rows, 2160, 2220) > 1_000, "p99 while the backlog drains");
        assertTrue(p99(rows, 2220, 3600) < 120, "p99 once the backlog is gone");
    }

    @Test
    void windowsCarryTheDesiredCapacityTheBootingNodesAndTheOfferedLoad() throws ModelException {
        ReplicationResult r = Accounting.checked(new ModelRunner(new ModelLoader(Catalog.builtIn()).parse(MODEL, "step.yaml")).run(0));
        assertEquals(60, r.windowS());
        // By hand (as above): the decision at 1980 s wants 4 nodes; the 2 launched then boot until
        // 2070 s. Desired: 2 in every window ending by 1980 s, 4 from then. Booting: 2 over
        // [1980, 2040), 2 for 30 s of [2040, 2100): mean 1, none otherwise.
        for (WindowRow w : r.windows()) {
            double s = w.startS();
            assertEquals(s < 1980 ? 2 : 4, w.tierDesired().get("app"), 1e-9, "desired in window from " + s);
            double booting = s == 1980 ? 2 : s == 2040 ? 1 : 0;
            assertEquals(booting, w.tierBooting().get("app"), 1e-9, "booting in window from " + s);
            // Offered load: 80/s x 10 ms = 0.8 server-s/s on 2 servers = 0.4 before the step; 2.4
            // on 2 = 1.2 until the new nodes are in service; 2.4 on 4 = 0.6 from 2100 s. A 60 s
            // window of N Poisson arrivals with exponential service holds work with sd sqrt(2 / N)
            // of its mean (2% at N = 4800, 1.2% at 14400): the tolerance is 5 sd.
            if (s != 2040) {
                double offered = s < 1800 ? 0.4 : s >= 2100 ? 0.6 : 1.2;
                double arrivals = (s < 1800 ? 80 : 240) * r.windowS();
                assertEquals(offered, w.tierOffered().get("app"), 5 * offered * Math.sqrt(2 / arrivals),
                        "offered load in window from " + s);
            }
        }
    }

    /** The largest per-window p99 of class api in windows starting within [fromS, toS). */
    private static double p99(List<WindowRow> rows, double fromS, double toS) {
        return rows.stream().filter(w -> w.startS() >= fromS && w.startS() < toS)
                .mapToDouble(w -> w.classes().get("api").p99Ms()).max().orElseThrow();
    }
}
