package capsim.models.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStreams;
import capsim.models.catalog.Catalog;
import capsim.models.credits.TierCredits;
import capsim.models.period.Periods;
import capsim.models.spec.OperationsSpec;
import capsim.models.spec.TierSpec;
import capsim.models.tier.Horizon;
import capsim.models.tier.Node;
import capsim.models.tier.Tier;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/*
 * A tier of 2 t3.medium nodes measured from 600 s to 4200 s (one hour):
 *   at 600 s a third node is launched with a 1800 s boot: billed from 600 s, in service from 2400 s;
 *   at 1800 s node 0 fails: still billed; at 3000 s it is discarded: no longer billed.
 * Billed nodes: 3 over [600, 3000) = 2400 s, 2 over [3000, 4200) = 1200 s: (7200 + 2400) / 3600 = 8/3.
 * In service (for contrast): 2 until 1800, 1 until 2400, 2 after: (2400 + 600 + 3600) / 3600 = 11/6.
 */
class UsageMeterTest {
    @Test
    void bootingAndFailedNodesAreBilledUntilTheyStop() {
        Simulation sim = new Simulation();
        Horizon horizon = new Horizon(600, 4200, 60);
        TierSpec spec = new TierSpec("app", "t3.medium", 2, OptionalInt.empty(), TierSpec.Discipline.FCFS,
                TierSpec.Balancer.ROUND_ROBIN, OptionalInt.empty(), OptionalDouble.empty(), OptionalLong.empty(),
                OptionalInt.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OperationsSpec.DEFAULT);
        Periods periods = Periods.of(horizon);
        Tier tier = new Tier(spec, 2, sim, periods, new RandomStreams(1, 0).stream("balancer"));
        Map<String, Tier> tiers = Map.of("app", tier);
        UsageMeter meter = new UsageMeter(tiers, TierCredits.start(tiers, Catalog.builtIn(), sim, horizon),
                periods.get(0));
        sim.schedule(600, () -> tier.launch(1800));
        Node first = tier.nodes().get(0);
        sim.schedule(1800, () -> {
            tier.fail(first);
            tier.detected(first);
        });
        sim.schedule(3000, () -> tier.discard(first));
        sim.runUntil(4300);

        TierUsage usage = meter.usage().get("app");
        assertEquals(8.0 / 3, usage.billedNodesMean(), 1e-12);
        assertEquals(11.0 / 6, periods.get(0).tier("app").nodesInService().average(4200), 1e-12);
        // idle t3 nodes earn credits: 3 nodes x 24/h for 2400 s + 2 x 24/h for 1200 s = 48 + 16 = 64
        assertEquals(64, usage.credits().orElseThrow().earnedCredits(), 1e-9);
        assertEquals(0, usage.credits().orElseThrow().spentCredits(), 0);
    }
}
