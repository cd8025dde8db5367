package capsim.engine.station;

import static capsim.engine.station.Departures.left;
import static capsim.engine.station.Outcome.REJECTED;
import static capsim.engine.station.Outcome.SERVED;
import static capsim.engine.station.Outcome.TIMED_OUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.engine.kernel.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FcfsStationTest {
    private static final int NO_LIMIT = Integer.MAX_VALUE;
    private static final double NEVER = Double.POSITIVE_INFINITY;
    private final Simulation sim = new Simulation();
    private final Departures d = new Departures();

    /** Jobs a, b, c arrive at 0, 1, 2 with demands 3, 2, 1. */
    private void threeJobs(Station s) {
        d.arrive(sim, s, "a", 0, 3);
        d.arrive(sim, s, "b", 1, 2);
        d.arrive(sim, s, "c", 2, 1);
        sim.run();
    }

    @Test
    void oneServer() {
        // a: starts 0, leaves 3. b: waits 1..3, leaves 3 + 2 = 5. c: waits 2..5, leaves 5 + 1 = 6.
        FcfsStation s = new FcfsStation(sim, 1, NO_LIMIT, NEVER, d);
        threeJobs(s);
        assertEquals(List.of(left("a", 3, SERVED), left("b", 5, SERVED), left("c", 6, SERVED)), d.left);
        assertEquals(List.of(new Departures.Busy(0, 3, 1), new Departures.Busy(3, 5, 1),
                new Departures.Busy(5, 6, 1)), d.busy);
        assertEquals(3, s.served());
    }

    @Test
    void bookedAheadIsTheServiceReportedButNotYetDone() {
        // one server, jobs a 0..3, b 3..5, c 5..6 all reported by t = 2: 6 s booked. At t = 2.5
        // the server still owes 6 - 2.5 = 3.5 s; at 6, nothing.
        FcfsStation s = new FcfsStation(sim, 1, NO_LIMIT, NEVER, d);
        d.arrive(sim, s, "a", 0, 3);
        d.arrive(sim, s, "b", 1, 2);
        d.arrive(sim, s, "c", 2, 1);
        sim.runUntil(2.5);
        assertEquals(3.5, s.bookedAheadS(), 1e-12);
        sim.runUntil(6);
        assertEquals(0, s.bookedAheadS());
    }

    @Test
    void twoServers() {
        // a: server 1 from 0 to 3. b: server 2 free, 1 to 3. c at 2: both busy until 3,
        // starts 3, leaves 3 + 1 = 4.
        threeJobs(new FcfsStation(sim, 2, NO_LIMIT, NEVER, d));
        assertEquals(List.of(left("a", 3, SERVED), left("b", 3, SERVED), left("c", 4, SERVED)), d.left);
    }

    @Test
    void fullWaitingRoomRejectsOnArrival() {
        // queue limit 1, one server: a served 0..3; b waits (0 waiting before it) and is
        // served 3..5; c at 2 finds b waiting (1 >= limit 1) and is rejected at 2.
        FcfsStation s = new FcfsStation(sim, 1, 1, NEVER, d);
        threeJobs(s);
        assertEquals(List.of(left("a", 3, SERVED), left("b", 5, SERVED), left("c", 2, REJECTED)), d.left);
        assertEquals(1, s.rejected());
    }

    @Test
    void theWaitingRoomCountsOnlyJobsStillWaitingAfterManyHaveGone() {
        // queue limit 3, one server, demand 1: every 4 s five jobs arrive, 0.1 s apart. The
        // first is served at once, the next three wait (0, 1, 2 waiting before them) and the
        // fifth finds 3 waiting and is rejected; all are gone before the next 4 s begin. Over
        // 1,000 rounds the queue of start times sees 3,000 entries, far more than it holds.
        FcfsStation s = new FcfsStation(sim, 1, 3, NEVER, d);
        for (int round = 0; round < 1000; round++) {
            for (int k = 0; k < 5; k++) {
                d.arrive(sim, s, "j", 4.0 * round + 0.1 * k, 1);
            }
        }
        sim.run();
        assertEquals(4000, s.served());
        assertEquals(1000, s.rejected());
        assertEquals(left("j", 4.0 * 999 + 0.1 * 4, REJECTED), d.left.get(d.left.size() - 1));
    }

    @Test
    void noWaitingRoomIsALossSystem() {
        // two servers, queue limit 0, demands 2 each at 0, 0.5, 1 and 2.5:
        // a 0..2, b 0.5..2.5, c at 1 finds both busy -> rejected; d at 2.5 finds a's server
        // free since 2 -> served 2.5..4.5.
        FcfsStation s = new FcfsStation(sim, 2, 0, NEVER, d);
        d.arrive(sim, s, "a", 0, 2);
        d.arrive(sim, s, "b", 0.5, 2);
        d.arrive(sim, s, "c", 1, 2);
        d.arrive(sim, s, "d", 2.5, 2);
        sim.run();
        assertEquals(List.of(left("a", 2, SERVED), left("b", 2.5, SERVED), left("c", 1, REJECTED),
                left("d", 4.5, SERVED)), d.left);
    }

    @Test
    void impatientJobGivesUpWithoutTakingAServer() {
        // timeout 2.5, one server: a 0..3; b would wait 3 - 1 = 2 <= 2.5: served 3..5;
        // c would wait 5 - 2 = 3 > 2.5: gives up at 2 + 2.5 = 4.5; d at 4 would start at 5
        // (c never takes the server): waits 1, served 5..5.5.
        FcfsStation s = new FcfsStation(sim, 1, NO_LIMIT, 2.5, d);
        threeJobs(s);
        d.arrive(sim, s, "d", 4, 0.5);
        sim.run();
        assertEquals(List.of(left("a", 3, SERVED), left("b", 5, SERVED), left("c", 4.5, TIMED_OUT),
                left("d", 5.5, SERVED)), d.left);
        assertEquals(1, s.timedOut());
    }

    @Test
    void waitOfExactlyTheTimeoutIsServed() {
        // a 0..2; b arrives at 0 and would wait exactly 2 = timeout: served 2..3
        FcfsStation s = new FcfsStation(sim, 1, NO_LIMIT, 2, d);
        d.arrive(sim, s, "a", 0, 2);
        d.arrive(sim, s, "b", 0, 1);
        sim.run();
        assertEquals(List.of(left("a", 2, SERVED), left("b", 3, SERVED)), d.left);
    }

    @Test
    void inSystemCountsBusyServersWaitingAndNotYetGoneImpatientJobs() {
        // as impatientJobGivesUpWithoutTakingAServer (a 0..3, b waits 1..3 then 3..5,
        // c impatient 2..4.5), sampled over time:
        // t=0.5: a            -> 1    t=1.5: a, b     -> 2    t=2.5: a, b, c -> 3
        // t=3.5: b, c         -> 2    t=4.7: b        -> 1    t=5.5: none    -> 0
        FcfsStation s = new FcfsStation(sim, 1, NO_LIMIT, 2.5, d);
        List<Integer> counts = new ArrayList<>();
        for (double t : new double[] {0.5, 1.5, 2.5, 3.5, 4.7, 5.5}) {
            sim.schedule(t, () -> counts.add(s.inSystem()));
        }
        threeJobs(s);
        assertEquals(List.of(1, 2, 3, 2, 1, 0), counts);
    }

    @Test
    void inSystemReadManyTimesBetweenEventsAgreesWithTheJobsOwnTimes() {
        // 3 servers, 4 waiting places, patience 0.8 s, offered 1.2 jobs per server-second: a
        // queue that fills, refuses and gives up. Each job's own times (offer, departure or
        // give-up) give the count at any instant; the station is read at random instants, often
        // several times between two offers and twice at the same instant (its count is kept
        // between offers until a server frees or a wait ends).
        FcfsStation s = new FcfsStation(sim, 3, 4, 0.8, d);
        capsim.engine.random.RandomStream rng = new capsim.engine.random.RandomStream(11);
        List<double[]> stays = new ArrayList<>(); // {from, until} of each job admitted or impatient
        double t = offerPoissonJobs(s, rng, stays);
        List<double[]> reads = new ArrayList<>(); // {time, count}
        for (int i = 0; i < 20000; i++) {
            double at = rng.nextDouble() * t;
            sim.schedule(at, () -> {
                reads.add(new double[] {at, s.inSystem()});
                reads.add(new double[] {at, s.inSystem()});
            });
        }
        sim.run();
        for (double[] read : reads) {
            long expected = stays.stream().filter(st -> st[0] <= read[0] && read[0] < st[1]).count();
            assertEquals(expected, (long) read[1], "at " + read[0]);
        }
    }

    @Test
    void heldUntilCountsTheJobsHereNowThatAreStillHereThen() {
        // The queue of the test above, read at random instants for random horizons: the jobs
        // here at the read (admitted or impatient) whose stay ends after the horizon, from each
        // job's own times. So it is a lower bound on the occupancy until then, whatever arrives.
        FcfsStation s = new FcfsStation(sim, 3, 4, 0.8, d);
        capsim.engine.random.RandomStream rng = new capsim.engine.random.RandomStream(12);
        List<double[]> stays = new ArrayList<>();
        double t = offerPoissonJobs(s, rng, stays);
        List<double[]> reads = new ArrayList<>(); // {time, until, held}
        for (int i = 0; i < 20000; i++) {
            double at = rng.nextDouble() * t;
            double until = at + rng.nextExponential(2.0);
            sim.schedule(at, () -> reads.add(new double[] {at, until, s.heldUntil(until)}));
        }
        sim.run();
        long positive = 0;
        for (double[] read : reads) {
            long expected = stays.stream().filter(st -> st[0] <= read[0] && read[1] < st[1]).count();
            assertEquals(expected, (long) read[2], "at " + read[0] + " until " + read[1]);
            positive += expected > 0 ? 1 : 0;
        }
        assertTrue(positive > 5000, "most reads hold some job past their horizon: " + positive);
    }

    /**
     * Schedules 4,000 jobs on {@code s}, Poisson at 3.6 a second with exponential demands of 1 s,
     * adding each admitted or impatient one's stay {from, until} to {@code stays} as it is told;
     * returns the last arrival's time.
     */
    private double offerPoissonJobs(FcfsStation s, capsim.engine.random.RandomStream rng, List<double[]> stays) {
        double t = 0;
        for (int i = 0; i < 4000; i++) {
            t += rng.nextExponential(1 / 3.6);
            double serviceS = rng.nextExponential(1.0);
            double arrivalS = t;
            sim.schedule(arrivalS, () -> s.offer(serviceS, (timeS, outcome) -> {
                if (outcome != REJECTED) {
                    stays.add(new double[] {arrivalS, timeS});
                }
            }));
        }
        return t;
    }

    @Test
    void impatientJobsOccupyTheWaitingRoomUntilTheyGiveUp() {
        // queue limit 1, timeout 1: a 0..10; b at 0 would wait 10 > 1: gives up at 1 and holds
        // the only waiting place until then; c at 0.5 is rejected; e at 1.5 finds the place
        // free again, would wait 8.5 > 1 and gives up at 2.5.
        FcfsStation s = new FcfsStation(sim, 1, 1, 1, d);
        d.arrive(sim, s, "a", 0, 10);
        d.arrive(sim, s, "b", 0, 1);
        d.arrive(sim, s, "c", 0.5, 1);
        d.arrive(sim, s, "e", 1.5, 1);
        sim.run();
        assertEquals(List.of(left("a", 10, SERVED), left("b", 1, TIMED_OUT), left("c", 0.5, REJECTED),
                left("e", 2.5, TIMED_OUT)), d.left);
    }

    @Test
    void speedDividesTheDemandOfLaterJobs() {
        // a at 0, demand 3, speed 1: 0..3. Speed set to 2 at 0.5. b at 1, demand 3: starts 3,
        // takes 3 / 2 = 1.5, leaves 4.5.
        FcfsStation s = new FcfsStation(sim, 1, NO_LIMIT, NEVER, d);
        d.arrive(sim, s, "a", 0, 3);
        sim.schedule(0.5, () -> s.setSpeed(2));
        d.arrive(sim, s, "b", 1, 3);
        sim.run();
        assertEquals(List.of(left("a", 3, SERVED), left("b", 4.5, SERVED)), d.left);
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> new FcfsStation(sim, 0, 1, 1, d));
        assertThrows(IllegalArgumentException.class, () -> new FcfsStation(sim, 1, -1, 1, d));
        assertThrows(IllegalArgumentException.class, () -> new FcfsStation(sim, 1, 1, 0, d));
        FcfsStation s = new FcfsStation(sim, 1, 1, 1, d);
        assertThrows(IllegalArgumentException.class, () -> s.offer(-1, (t, o) -> { }));
        assertThrows(IllegalArgumentException.class, () -> s.setSpeed(0));
    }
}
