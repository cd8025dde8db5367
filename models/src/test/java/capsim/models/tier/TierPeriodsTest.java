package capsim.models.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStreams;
import capsim.engine.station.Outcome;
import capsim.engine.stats.LatencyRecorder;
import capsim.models.spec.OperationsSpec;
import capsim.models.spec.TierSpec;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A tier's measured periods: the figures of one period end with it, and a new one starts afresh. */
class TierPeriodsTest {
    private final Simulation sim = new Simulation();

    /** A tier of {@code count} FCFS nodes of one server each. */
    private Tier tier(int count, Horizon horizon) {
        TierSpec spec = new TierSpec("app", "t3.medium", count, OptionalInt.of(1), TierSpec.Discipline.FCFS,
                TierSpec.Balancer.ROUND_ROBIN, OptionalInt.empty(), OptionalDouble.empty(), OptionalLong.empty(),
                OptionalInt.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OperationsSpec.DEFAULT);
        return new Tier(spec, 1, sim, horizon, new RandomStreams(1, 0).stream("balancer"));
    }

    /*
     * Measured from 0 to 100 s, drain to 120 s; 2 nodes. Node 0 fails at 110 s, in the drain:
     * the period had 2 nodes in service throughout (mean, min and max 2), whatever happens after.
     */
    @Test
    void aChangeInTheDrainLeavesThePeriodsNodeFiguresAlone() {
        Tier tier = tier(2, new Horizon(0, 100, 50, 20));
        tier.startMeasuring();
        sim.schedule(110, () -> tier.fail(tier.nodes().get(0)));
        sim.runUntil(120);

        assertEquals(2, tier.nodesInService().average(100), 0);
        assertEquals(2, tier.nodesInService().min(), 0);
        assertEquals(2, tier.nodesInService().max(), 0);
        assertEquals(0, tier.utilization(), 0);
    }

    /*
     * One node, measured from 0 to 100 s with a 10 s drain to 110 s. A 10 s visit arrives at 80 s
     * (busy 80..90) and a 30 s one at 90 s (busy 90..120). The period sees 20 s of work
     * (80..100): utilisation 20 / 100 = 0.2; two visits, one latency (10 s; the other ends after
     * 110 s). At 110 s a new period starts, in windows of 30 s: its first window [110, 140) holds
     * the rest of the visit booked earlier, 110..120 = 10 s of 30: utilisation 1/3; it has no
     * visits or latencies, and the first period's latency recorder keeps its one value.
     */
    @Test
    void aNewPeriodStartsAfreshAndCountsServiceBookedBeforeIt() {
        Tier tier = tier(1, new Horizon(0, 100, 50, 10));
        tier.startMeasuring();
        visit(tier, 80, 10);
        visit(tier, 90, 30);
        sim.runUntil(110);
        double first = tier.utilization();
        LatencyRecorder firstLatency = tier.latency();
        long firstVisits = tier.visits();

        tier.measure(new Horizon(110, 170, 30, 0));
        tier.startMeasuring();
        sim.runUntil(170);

        assertEquals(0.2, first, 1e-12);
        assertEquals(2, firstVisits);
        assertEquals(1, firstLatency.count());
        assertEquals(10_000, firstLatency.percentileMs(50), 10);
        assertEquals(1.0 / 3, tier.windowUtilization(0), 1e-12);
        assertEquals(0, tier.windowUtilization(1), 0);
        assertEquals(1, tier.windowNodes(0), 0);
        assertEquals(0, tier.visits());
        assertEquals(0, tier.latency().count());
    }

    /** A visit of {@code serviceS} arriving at {@code atS}, recorded as it leaves. */
    private void visit(Tier tier, double atS, double serviceS) {
        sim.schedule(atS, () -> tier.offer(serviceS, (timeS, outcome) -> tier.recordVisit(atS, timeS,
                outcome == Outcome.SERVED)));
    }
}
