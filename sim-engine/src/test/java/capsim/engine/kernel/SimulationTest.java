package capsim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private final Simulation sim = new Simulation();
    private final List<String> log = new ArrayList<>();

    private Event note(String name) {
        return () -> log.add(name + "@" + sim.now());
    }

    @Test
    void eventsFireInTimeOrderWithTheClockAtTheirTime() {
        sim.schedule(3, note("c"));
        sim.schedule(1, note("a"));
        sim.schedule(2, note("b"));
        sim.run();
        assertEquals(List.of("a@1.0", "b@2.0", "c@3.0"), log);
        assertEquals(3.0, sim.now());
        assertEquals(3, sim.eventsFired());
    }

    @Test
    void tiesFireInSchedulingOrder() {
        // x, y, z are scheduled for t = 5 in that order; y, when it fires, schedules w for
        // t = 5 too, which therefore comes after z (scheduled earlier).
        sim.schedule(5, note("x"));
        sim.schedule(5, () -> {
            log.add("y@" + sim.now());
            sim.schedule(5, note("w"));
        });
        sim.schedule(5, note("z"));
        sim.schedule(4, note("v"));
        sim.run();
        assertEquals(List.of("v@4.0", "x@5.0", "y@5.0", "z@5.0", "w@5.0"), log);
    }

    @Test
    void manyTiesKeepSchedulingOrder() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int k = i;
            sim.schedule(i % 3, () -> order.add(k)); // three time values, interleaved
        }
        sim.run();
        // expected: all i with i%3==0 ascending, then i%3==1, then i%3==2
        List<Integer> expected = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (int i = r; i < 1000; i += 3) {
                expected.add(i);
            }
        }
        assertEquals(expected, order);
    }

    @Test
    void scheduleAfterIsRelativeToNow() {
        sim.schedule(2, () -> sim.scheduleAfter(1.5, note("later")));
        sim.run();
        assertEquals(List.of("later@3.5"), log);
    }

    @Test
    void schedulingInThePastIsRejected() {
        sim.schedule(2, () -> {
            assertThrows(IllegalArgumentException.class, () -> sim.schedule(1.999, note("past")));
            assertThrows(IllegalArgumentException.class, () -> sim.scheduleAfter(-0.001, note("past")));
            assertThrows(IllegalArgumentException.class, () -> sim.schedule(Double.NaN, note("nan")));
            sim.schedule(2, note("now")); // the present is allowed
        });
        sim.run();
        assertEquals(List.of("now@2.0"), log);
    }

    @Test
    void cancelledEventDoesNotFireAndIsNotCounted() {
        long a = sim.schedule(1, note("a"));
        sim.schedule(2, note("b"));
        sim.cancel(a);
        sim.run();
        assertEquals(List.of("b@2.0"), log);
        assertEquals(1, sim.eventsFired());
    }

    @Test
    void cancellingManyEventsLeavesExactlyTheOthers() {
        // 10,000 events at times i / 7 (many ties in the cancelled set's hash table), every
        // event whose index is not a multiple of 3 cancelled: 3,334 must fire, in order.
        int total = 10_000;
        long[] handles = new long[total];
        List<Integer> fired = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            int k = i;
            handles[i] = sim.schedule(i / 7.0, () -> fired.add(k));
        }
        for (int i = 0; i < total; i++) {
            if (i % 3 != 0) {
                sim.cancel(handles[i]);
            }
        }
        sim.run();
        assertEquals(3334, fired.size());
        for (int j = 0; j < fired.size(); j++) {
            assertEquals(3 * j, fired.get(j));
        }
        assertEquals(3334, sim.eventsFired());
    }

    @Test
    void runUntilFiresEventsAtTheEndTimeAndStopsTheClockThere() {
        sim.schedule(1, note("a"));
        sim.schedule(10, note("end"));
        sim.schedule(10.5, note("after"));
        sim.runUntil(10);
        assertEquals(List.of("a@1.0", "end@10.0"), log);
        assertEquals(10.0, sim.now());
        assertEquals(1, sim.pending());
        sim.runUntil(20);
        assertEquals(List.of("a@1.0", "end@10.0", "after@10.5"), log);
        assertEquals(20.0, sim.now(), "the clock ends at the end time, not at the last event");
    }

    @Test
    void runUntilWithNothingDueStillAdvancesTheClock() {
        sim.schedule(7, note("a"));
        sim.runUntil(5);
        assertEquals(5.0, sim.now());
        assertTrue(log.isEmpty());
    }

    @Test
    void runUntilSkipsCancelledEventsBeforeTheEnd() {
        long h = sim.schedule(1, note("cancelled"));
        sim.schedule(2, note("kept"));
        sim.cancel(h);
        sim.runUntil(3);
        assertEquals(List.of("kept@2.0"), log);
        assertEquals(0, sim.pending());
    }

    @Test
    void runEndsWhenNoEventIsPendingWithTheClockAtTheLastEvent() {
        // a chain: each event schedules the next one 0.25 s later, 8 events in all
        int[] count = {0};
        Event[] chain = new Event[1];
        chain[0] = () -> {
            if (++count[0] < 8) {
                sim.scheduleAfter(0.25, chain[0]);
            }
        };
        sim.schedule(0, chain[0]);
        sim.run();
        assertEquals(8, count[0]);
        assertEquals(1.75, sim.now());
        assertEquals(0, sim.pending());
    }

    @Test
    void stopReturnsAfterTheCurrentEventAndRunResumes() {
        sim.schedule(1, note("a"));
        sim.schedule(2, () -> {
            log.add("stop@" + sim.now());
            sim.stop();
        });
        sim.schedule(3, note("c"));
        sim.runUntil(100);
        assertEquals(List.of("a@1.0", "stop@2.0"), log);
        assertEquals(2.0, sim.now(), "a stopped run leaves the clock at the stopping event");
        sim.run();
        assertEquals(List.of("a@1.0", "stop@2.0", "c@3.0"), log);
    }

    @Test
    void aRunLongerThanOneBatchFiresEveryEventInOrderAndStopsWhereAsked() {
        // 2.5 batches of events, one a millisecond, each checking that time never goes back; the
        // one just past the second batch's end stops the run, which resumes to the end time.
        int n = Simulation.BATCH * 5 / 2;
        long[] fired = {0};
        double[] last = {-1};
        for (int i = 0; i < n; i++) {
            double t = i / 1000.0;
            boolean stops = i == 2 * Simulation.BATCH;
            sim.schedule(t, () -> {
                assertTrue(sim.now() >= last[0]);
                last[0] = sim.now();
                fired[0]++;
                if (stops) {
                    sim.stop();
                }
            });
        }
        sim.runUntil(1e9);
        assertEquals(2L * Simulation.BATCH + 1, fired[0]);
        assertEquals(2 * Simulation.BATCH / 1000.0, sim.now(), "a stopped run leaves the clock at the stopping event");
        sim.runUntil(1e9);
        assertEquals(n, fired[0]);
        assertEquals(n, sim.eventsFired());
        assertEquals(1e9, sim.now());
    }

    @Test
    void runWhileChecksTheConditionBeforeEachEvent() {
        for (int i = 1; i <= 10; i++) {
            sim.schedule(i, note("e" + i));
        }
        sim.runWhile(() -> sim.now() < 4);
        // the condition holds before e1..e4 (now = 0, 1, 2, 3) and fails after e4
        assertEquals(4, log.size());
        assertEquals(4.0, sim.now());
        sim.schedule(6, sim::stop);
        sim.runWhile(() -> true);
        // e5, then the stopping event at t = 6 (scheduled after e6, so e6 fires first)
        assertEquals(List.of("e5@5.0", "e6@6.0"), log.subList(4, log.size()));
        assertEquals(6.0, sim.now());
    }

    @Test
    void laneEventsFireAsIfScheduledPlainlyAndCanBeCancelled() {
        // worked by hand: lane events at 1, 2, 2 and (out of order) 1.5, plain ones at 2 and 1;
        // b2 was scheduled before p2, so it fires first at t = 2; c is cancelled
        Lane lane = sim.lane();
        lane.schedule(1, note("b1"));
        lane.schedule(2, note("b2"));
        sim.schedule(2, note("p2"));
        long c = lane.schedule(2, note("c"));
        lane.schedule(1.5, note("b15"));
        sim.schedule(1, note("p1"));
        sim.cancel(c);
        sim.run();
        assertEquals(List.of("b1@1.0", "p1@1.0", "b15@1.5", "b2@2.0", "p2@2.0"), log);
        assertEquals(5, sim.eventsFired());
    }

    @Test
    void aSourceOnALaneBooksItsNextArrivalLikeOneOnTheHeap() {
        // the same model twice, a source booking its next arrival and each arrival a departure a
        // drawn time later, once through a lane and once through schedule(): same firing order
        assertEquals(sourceRun(true), sourceRun(false));
    }

    private static List<String> sourceRun(boolean onLane) {
        Simulation s = new Simulation();
        Lane lane = s.lane();
        List<String> fired = new ArrayList<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        Event[] source = new Event[1];
        source[0] = () -> {
            fired.add("arrival@" + s.now());
            int k = fired.size();
            s.schedule(s.now() + rnd.nextInt(4) * 0.5, () -> fired.add("departure" + k + "@" + s.now()));
            double next = s.now() + rnd.nextInt(3) * 0.5; // ties with departures on the half-second grid
            if (onLane) {
                lane.schedule(next, source[0]);
            } else {
                s.schedule(next, source[0]);
            }
        };
        s.schedule(0, source[0]);
        s.runUntil(200);
        return fired;
    }
}
