package capsim.models.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.failure.FailureMode;
import capsim.models.failure.FailureModes;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.spec.ModelSpec;
import capsim.models.system.ReplicationResult.ScenarioResult;
import capsim.models.system.ReplicationResult.WindowRow;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The uptime method on an autoscaled tier: a zone failure settles once the group has replaced its nodes. */
class ReplacedScenarioTest {
    private static final String MODEL = """
            name: replaced
            run: {duration_s: 600, warmup_s: 60, replications: 1, seed: 5}
            workload:
              classes:
                - name: api
                  rate_per_s: 100
                  steps:
                    - tier: app
                      service_ms: {dist: exponential, mean: 50}
            tiers:
              - name: app
                node: t3.medium
                count: 4
                zones: [a, b]
                autoscale: {policy: target_tracking, metric: cpu, target: 90, min: 4, max: 8}
            failures:
              zone: {mtbf_h: 8760, mttr_s: 3600}
            network: {hop_ms: 0}
            """;

    private static ModelSpec model(String yaml) throws ModelException {
        return new ModelLoader(Catalog.builtIn()).parse(yaml, "replaced.yaml");
    }

    /*
     * Offered load (utilisation law): 100/s x 50 ms = 5 server-s/s on 4 nodes x 2 vCPU = 0.625. A
     * zone takes 2 of the 4 nodes. Without autoscale the survivors are offered 0.625 x 4 / 2 = 1.25:
     * overloaded, 3 steady windows kept. With it, the group has 2 replacements in service after
     * 45 s detection + 90 s boot = 135 s, settled one 60 s window later (the onset, 195 s):
     * 4 - 2 + 2 = 4 nodes at 0.625, stable, 1 window kept.
     */
    @Test
    void aZoneFailureOfAnAutoscaledTierIsStableOnceReplaced() throws ModelException {
        ModelSpec autoscaled = model(MODEL);
        ModelSpec fixed = model(MODEL.replace("    autoscale: {policy: target_tracking, metric: cpu, target: 90, "
                + "min: 4, max: 8}\n", ""));
        FailureMode zoneA = FailureModes.of(autoscaled).get(0);
        FailureMode fixedZoneA = FailureModes.of(fixed).get(0);

        assertEquals(List.of(2), zoneA.taken());
        assertEquals(List.of(2), zoneA.replaced());
        assertEquals(195, zoneA.onsetS(), 0);
        assertEquals(List.of(0), fixedZoneA.replaced());
        assertEquals(45, fixedZoneA.onsetS(), 0);
        Function<FailureMode, FailureScenarios.Shape> kept = FailureScenarios.shapes(autoscaled, Catalog.builtIn());
        Function<FailureMode, FailureScenarios.Shape> fixedKept = FailureScenarios.shapes(fixed, Catalog.builtIn());
        assertEquals(List.of(1, 1), FailureModes.of(autoscaled).stream().map(m -> kept.apply(m).kept()).toList());
        assertEquals(List.of(3, 3), FailureModes.of(fixed).stream().map(m -> fixedKept.apply(m).kept()).toList());
    }

    /*
     * The scenarios run zone a, then zone b, in one run. In each block app has 4 nodes in service,
     * 2 from 45 s after the strike (detection) until 135 s (the replacements, in the other zone, in
     * service), then 4 again: every window averages at least 2 nodes, and the one steady window
     * (weight > 1, after the onset) exactly 4. Zone b's block is struck after zone a came back and
     * its group rebalanced (2 nodes in each zone again): were the 4 nodes all left in zone b, its
     * failure would take them all, leaving 0 nodes for 90 s, and some window (which holds at least
     * 45 s of those 90) would average at most 4 x 15 / 60 = 1 node.
     * The steady window stands for the hour: it must be clear of the backlog the 2 survivors built
     * at 125% for 90 s (requests then wait up to about 25 s, and the window where they finish has a
     * p99 of seconds). Its p99 is within 50% of the block's last window (the normal state again):
     * the p99 of a window's ~6,000 requests varies by about 5% from window to window (270-290 ms).
     */
    @Test
    void eachZoneBlockLosesHalfTheNodesUntilTheReplacementsServe() throws ModelException {
        List<ScenarioResult> scenarios = Accounting.checked(new ModelRunner(model(MODEL)).run(0)).scenarios();

        assertEquals(List.of("zone down: a", "zone down: b"), scenarios.stream().map(ScenarioResult::name).toList());
        for (ScenarioResult s : scenarios) {
            List<Double> nodes = s.windows().stream().map(WindowRow::tierNodes).map(n -> n.get("app")).toList();
            assertTrue(nodes.stream().allMatch(n -> n >= 2 - 1e-9), () -> s.name() + ": " + nodes);
            assertTrue(nodes.stream().anyMatch(n -> n < 4 - 1e-9), () -> s.name() + ": " + nodes);
            List<Integer> steady = IntStream.range(0, s.weights().size())
                    .filter(i -> s.weights().get(i) > 1).boxed().toList();
            assertEquals(1, steady.size(), () -> s.name() + ": " + s.weights());
            assertEquals(4, nodes.get(steady.get(0)), 1e-9, () -> s.name() + ": " + nodes);
            List<Double> p99 = s.windows().stream().map(w -> w.classes().get("api").p99Ms()).toList();
            assertEquals(p99.get(p99.size() - 1), p99.get(steady.get(0)), 0.5 * p99.get(p99.size() - 1),
                    () -> s.name() + ": " + p99);
        }
    }

    /*
     * A node of the autoscaled tier failing for 300 s (mttr_s) is noticed at 45 s, given up and
     * replaced: the replacement serves at 45 + 90 = 135 s and the tier is settled one 60 s window
     * later, at 195 s. The node never comes back, so the failure's effect ends there, not at 300 s:
     * no steady window, and at 0.625 x 4 / 3 = 0.83 for the 3 survivors no backlog window. Struck at
     * phase u in (0, 60), the block is ceil((u + 195) / 60) = 4 or 5 windows, none cut or certain.
     */
    @Test
    void aReplacedNodesFailureEndsWhenItsTierHasSettled() throws ModelException {
        ModelSpec nodes = model(MODEL.replace("failures:\n  zone: {mtbf_h: 8760, mttr_s: 3600}\n", "")
                .replace("    zones: [a, b]\n", "    zones: [a, b]\n    failures: {mtbf_h: 720, mttr_s: 300}\n"));
        FailureMode node = FailureModes.of(nodes).get(0);
        assertEquals("node down: app", node.name());
        assertEquals(195, node.effectS(), 0);

        ScenarioResult s = Accounting.checked(new ModelRunner(nodes).run(0)).scenarios().get(0);
        assertTrue(s.windows().size() == 4 || s.windows().size() == 5, () -> s.weights().toString());
        assertTrue(s.weights().stream().allMatch(w -> w == 1.0), () -> s.weights().toString());
        assertEquals(0, s.downWindows(), 0);
    }
}
