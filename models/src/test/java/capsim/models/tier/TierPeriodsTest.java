package capsim.models.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStreams;
import capsim.engine.station.Outcome;
import capsim.models.period.Period;
import capsim.models.period.Periods;
import capsim.models.period.TierRecorder;
import capsim.models.spec.OperationsSpec;
import capsim.models.spec.TierSpec;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A tier's measured periods: each period's recorders hold its own figures, clipped to its span. */
class TierPeriodsTest {
    private final Simulation sim = new Simulation();

    /** A tier of {@code count} FCFS nodes of one server each, measured in {@code periods}. */
    private Tier tier(int count, Periods periods) {
        TierSpec spec = new TierSpec("app", "t3.medium", count, OptionalInt.of(1), TierSpec.Discipline.FCFS,
                TierSpec.Balancer.ROUND_ROBIN, OptionalInt.empty(), OptionalDouble.empty(), OptionalLong.empty(),
                OptionalInt.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OperationsSpec.DEFAULT);
        return new Tier(spec, 1, sim, periods, new RandomStreams(1, 0).stream("balancer"));
    }

    /*
     * Measured from 0 to 100 s, drain to 120 s; 2 nodes. Node 0 fails at 110 s, in the drain:
     * the period had 2 nodes in service throughout (mean, min and max 2), whatever happens after.
     */
    @Test
    void aChangeInTheDrainLeavesThePeriodsNodeFiguresAlone() {
        Periods periods = Periods.of(new Horizon(0, 100, 50, 20));
        Tier tier = tier(2, periods);
        sim.schedule(110, () -> tier.fail(tier.nodes().get(0)));
        sim.runUntil(120);

        TierRecorder app = periods.get(0).tier("app");
        assertEquals(2, app.nodesInService().average(100), 0);
        assertEquals(2, app.nodesInService().min(), 0);
        assertEquals(2, app.nodesInService().max(), 0);
        assertEquals(0, app.utilization(), 0);
    }

    /*
     * One node. The main period measures 0..100 s with a 10 s drain to 110 s; the next measures
     * 110..170 s in windows of 30 s. A 10 s visit arrives at 80 s (busy 80..90), a 30 s one at
     * 90 s (busy 90..120), a 5 s one at 150 s (busy 150..155). The main period sees 20 s of work
     * (80..100): utilisation 20 / 100 = 0.2; two visits, one latency (10 s; the other ends after
     * 110 s). The next period's first window [110, 140) holds the rest of the visit booked in the
     * main period, 110..120 = 10 s of 30: utilisation 1/3; its second [140, 170) 5 s of 30; it has
     * one visit and one latency (5 s), the main period's recorders keep theirs.
     */
    @Test
    void eachPeriodKeepsItsOwnFiguresAndCountsServiceBookedBeforeIt() {
        Periods periods = new Periods(List.of(new Period(Period.MAIN, new Horizon(0, 100, 50, 10)),
                new Period(Period.SCENARIOS, new Horizon(110, 170, 30, 0))));
        Tier tier = tier(1, periods);
        periods.scheduleWindows(sim);
        visit(tier, periods, 80, 10);
        visit(tier, periods, 90, 30);
        visit(tier, periods, 150, 5);
        sim.runUntil(170);

        TierRecorder main = periods.get(0).tier("app");
        TierRecorder next = periods.get(1).tier("app");
        assertEquals(0.2, main.utilization(), 1e-12);
        assertEquals(2, main.visits());
        assertEquals(1, main.latency().count());
        assertEquals(10_000, main.latency().percentileMs(50), 10);
        assertEquals(1.0 / 3, next.uptimeWindows().utilization(0), 1e-12);
        assertEquals(1.0 / 6, next.uptimeWindows().utilization(1), 1e-12);
        assertEquals(1, next.uptimeWindows().nodes(0), 0);
        assertEquals(1, next.visits());
        assertEquals(1, next.latency().count());
        assertEquals(5_000, next.latency().percentileMs(50), 5);
        assertEquals(1, next.latencyWindows().count(1));
    }

    /** A visit of {@code serviceS} arriving at {@code atS}, recorded in its period as it leaves. */
    private void visit(Tier tier, Periods periods, double atS, double serviceS) {
        sim.schedule(atS, () -> tier.offer(serviceS, (timeS, outcome) -> tier.recordVisit(periods.indexAt(atS), atS,
                timeS, outcome == Outcome.SERVED)));
    }
}
