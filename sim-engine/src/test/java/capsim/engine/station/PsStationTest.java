package capsim.engine.station;

import static capsim.engine.station.Departures.left;
import static capsim.engine.station.Outcome.REJECTED;
import static capsim.engine.station.Outcome.SERVED;
import static capsim.engine.station.Outcome.TIMED_OUT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.engine.kernel.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PsStationTest {
    private static final int NO_LIMIT = Integer.MAX_VALUE;
    private static final double NEVER = Double.POSITIVE_INFINITY;
    private static final double EPS = 1e-12;
    private final Simulation sim = new Simulation();
    private final Departures d = new Departures();

    private static void assertLeft(List<Departures.Left> expected, List<Departures.Left> actual) {
        assertEquals(expected.size(), actual.size(), () -> "departures " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).job(), actual.get(i).job(), () -> "order " + actual);
            assertEquals(expected.get(i).outcome(), actual.get(i).outcome(), () -> "outcomes " + actual);
            assertEquals(expected.get(i).timeS(), actual.get(i).timeS(), EPS, () -> "times " + actual);
        }
    }

    private static void assertBusy(List<Departures.Busy> expected, List<Departures.Busy> actual) {
        assertEquals(expected.size(), actual.size(), () -> "busy " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).fromS(), actual.get(i).fromS(), EPS);
            assertEquals(expected.get(i).toS(), actual.get(i).toS(), EPS);
            assertEquals(expected.get(i).servers(), actual.get(i).servers());
        }
    }

    @Test
    void oneServerTwoJobs() {
        // a (demand 2) at 0 alone until 1: 1 s of work left. From 1 a and b (demand 2) share
        // the server at rate 1/2: a's last second takes 2 s -> a leaves at 3; b has done 1 by
        // then, its last second alone -> b leaves at 4. Busy: [0,1) 1, [1,3) 1, [3,4) 1.
        PsStation s = new PsStation(sim, 1, NO_LIMIT, NEVER, d);
        d.arrive(sim, s, "a", 0, 2);
        d.arrive(sim, s, "b", 1, 2);
        sim.run();
        assertLeft(List.of(left("a", 3, SERVED), left("b", 4, SERVED)), d.left);
        assertBusy(List.of(new Departures.Busy(0, 1, 1), new Departures.Busy(1, 3, 1),
                new Departures.Busy(3, 4, 1)), d.busy);
        assertEquals(4, sim.eventsFired(), "2 arrivals + 2 departures; the cancelled departure does not fire");
    }

    @Test
    void twoServersThreeJobs() {
        // a, b (demand 3 each) at 0 on two servers, rate 1 each: 2 left each at t = 1.
        // c (demand 1) at 1: three jobs on two servers, rate 2/3 each: c done after
        // 1 / (2/3) = 1.5 s -> leaves at 2.5; a and b have done 1 more, 1 left each, rate 1
        // again -> both leave at 3.5 (a first: same finish, earlier arrival).
        PsStation s = new PsStation(sim, 2, NO_LIMIT, NEVER, d);
        d.arrive(sim, s, "a", 0, 3);
        d.arrive(sim, s, "b", 0, 3);
        d.arrive(sim, s, "c", 1, 1);
        sim.run();
        assertLeft(List.of(left("c", 2.5, SERVED), left("a", 3.5, SERVED), left("b", 3.5, SERVED)), d.left);
        assertBusy(List.of(new Departures.Busy(0, 1, 2), new Departures.Busy(1, 2.5, 2),
                new Departures.Busy(2.5, 3.5, 2)), d.busy);
    }

    @Test
    void fewerJobsThanServersRunAtFullSpeed() {
        // four servers, a (demand 2) at 0 and b (demand 1) at 0.5: never shared -> 2 and 1.5;
        // busy: [0,0.5) 1, [0.5,1.5) 2, [1.5,2) 1.
        PsStation s = new PsStation(sim, 4, NO_LIMIT, NEVER, d);
        d.arrive(sim, s, "a", 0, 2);
        d.arrive(sim, s, "b", 0.5, 1);
        sim.run();
        assertLeft(List.of(left("b", 1.5, SERVED), left("a", 2, SERVED)), d.left);
        assertBusy(List.of(new Departures.Busy(0, 0.5, 1), new Departures.Busy(0.5, 1.5, 2),
                new Departures.Busy(1.5, 2, 1)), d.busy);
    }

    @Test
    void capacityIsServersPlusQueueLimit() {
        // one server, queue limit 1 -> at most 2 jobs. a (2) at 0, b (2) at 0.5, c at 1 finds
        // 2 jobs -> rejected at 1. a: 1.5 left at 0.5, then rate 1/2 -> leaves 0.5 + 3 = 3.5;
        // b has done 1.5 by then, 0.5 alone -> leaves 4.
        PsStation s = new PsStation(sim, 1, 1, NEVER, d);
        d.arrive(sim, s, "a", 0, 2);
        d.arrive(sim, s, "b", 0.5, 2);
        d.arrive(sim, s, "c", 1, 1);
        sim.run();
        assertLeft(List.of(left("c", 1, REJECTED), left("a", 3.5, SERVED), left("b", 4, SERVED)), d.left);
        assertEquals(1, s.rejected());
    }

    @Test
    void unfinishedJobTimesOut() {
        // one server, timeout 2.5. a (2) at 0: 1 left at 1. b (1) at 1: rate 1/2 each; at 2.5
        // a has 0.25 left and gives up; b has done 0.75, its 0.25 alone -> leaves 2.75.
        PsStation s = new PsStation(sim, 1, NO_LIMIT, 2.5, d);
        d.arrive(sim, s, "a", 0, 2);
        d.arrive(sim, s, "b", 1, 1);
        sim.run();
        assertLeft(List.of(left("a", 2.5, TIMED_OUT), left("b", 2.75, SERVED)), d.left);
        assertEquals(1, s.timedOut());
        assertEquals(1, s.served());
    }

    @Test
    void inSystemFollowsArrivalsAndDepartures() {
        // as oneServerTwoJobs: a 0..3, b 1..4
        PsStation s = new PsStation(sim, 1, NO_LIMIT, NEVER, d);
        List<Integer> counts = new ArrayList<>();
        for (double t : new double[] {0.5, 2, 3.5, 5}) {
            sim.schedule(t, () -> counts.add(s.inSystem()));
        }
        d.arrive(sim, s, "a", 0, 2);
        d.arrive(sim, s, "b", 1, 2);
        sim.run();
        assertEquals(List.of(1, 2, 1, 0), counts);
    }

    @Test
    void speedChangesTheRateOfJobsInService() {
        // a (2) at 0; at 0.5 (1.5 left) the speed doubles -> 0.75 s more -> leaves 1.25
        PsStation s = new PsStation(sim, 1, NO_LIMIT, NEVER, d);
        d.arrive(sim, s, "a", 0, 2);
        sim.schedule(0.5, () -> s.setSpeed(2));
        sim.run();
        assertLeft(List.of(left("a", 1.25, SERVED)), d.left);
    }

    @Test
    void zeroDemandLeavesAtOnce() {
        PsStation s = new PsStation(sim, 1, NO_LIMIT, NEVER, d);
        d.arrive(sim, s, "a", 1, 0);
        sim.run();
        assertLeft(List.of(left("a", 1, SERVED)), d.left);
    }

    @Test
    void aVisitMayOfferTheNextJobFromItsCallback() {
        // one job of demand 1 visits three times in sequence, each offered on the previous
        // departure: leaves at 1, 2, 3. Meanwhile b (demand 0.5) arrives at 2.25 and shares
        // the third visit: the third visit has done 0.25 at 2.25, the remaining 0.75 at rate
        // 1/2 would take 1.5 s but b finishes first: b's 0.5 at rate 1/2 -> leaves 3.25, the
        // third visit has 0.25 left then -> leaves 3.5.
        PsStation s = new PsStation(sim, 1, NO_LIMIT, NEVER, d);
        int[] visits = {0};
        Visit[] repeat = new Visit[1];
        repeat[0] = (t, o) -> {
            d.left.add(left("r" + visits[0], t, o));
            if (++visits[0] < 3) {
                s.offer(1, repeat[0]);
            }
        };
        sim.schedule(0, () -> s.offer(1, repeat[0]));
        d.arrive(sim, s, "b", 2.25, 0.5);
        sim.run();
        assertLeft(List.of(left("r0", 1, SERVED), left("r1", 2, SERVED), left("b", 3.25, SERVED),
                left("r2", 3.5, SERVED)), d.left);
    }
}
