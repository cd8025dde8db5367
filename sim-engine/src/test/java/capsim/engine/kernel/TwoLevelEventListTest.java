package capsim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The two-level list must remove exactly in (time, sequence) order, as java.util.PriorityQueue
 * does, whichever of its heaps the entries sit in and however often it splits, refills and merges.
 */
class TwoLevelEventListTest {
    private record Entry(double time, long seq, Event event) {
    }

    @Test
    void matchesPriorityQueueWithManyTiesAcrossSplitsAndMerges() {
        // times from 50 values: ties at the bound are decided by the sequence number
        SplittableRandom rnd = new SplittableRandom(21);
        assertSameOrder(new TwoLevelEventList(16, 4, 3), rnd, 0.6, now -> rnd.nextInt(50) * 0.5);
    }

    @Test
    void matchesPriorityQueueWithContinuousAndInfiniteTimes() {
        SplittableRandom rnd = new SplittableRandom(22);
        assertSameOrder(new TwoLevelEventList(16, 4, 5), rnd, 0.6, now -> switch (rnd.nextInt(20)) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> Double.POSITIVE_INFINITY;
            default -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(20) - 10);
        });
    }

    @Test
    void matchesPriorityQueueInADiscreteEventRunWithABacklog() {
        // as a simulation uses it: nothing earlier than the last removal; most events a short
        // delay ahead, some far (a backlog), with adds outweighing removals for a while so the
        // set grows past the default split size and drains back below the merge size
        SplittableRandom rnd = new SplittableRandom(23);
        double[] lastRemoved = {0};
        TwoLevelEventList list = new TwoLevelEventList();
        PriorityQueue<Entry> reference = reference();
        long seq = 0;
        for (int phase = 0; phase < 6; phase++) {
            double addShare = phase % 2 == 0 ? 0.7 : 0.3;
            for (int op = 0; op < 40_000; op++) {
                if (reference.isEmpty() || rnd.nextDouble() < addShare) {
                    double delay = rnd.nextInt(10) < 7 ? rnd.nextDouble() * 0.001 : rnd.nextDouble() * 30;
                    seq = add(list, reference, lastRemoved[0] + delay, seq);
                } else {
                    lastRemoved[0] = reference.peek().time();
                    assertRemovesSame(reference.poll(), list);
                }
                assertEquals(reference.size(), list.size());
            }
        }
        while (!reference.isEmpty()) {
            assertRemovesSame(reference.poll(), list);
        }
    }

    @Test
    void anEventDueFirstIsRemovedFirstAndAnEqualTimeKeepsSchedulingOrder() {
        // worked by hand: pending (2.0, #0); (1.0, #1) is due first and waits in front;
        // (1.0, #2) ties with it and goes behind; (0.5, #3) displaces it; (0.5, #4) ties again
        TwoLevelEventList list = new TwoLevelEventList();
        PriorityQueue<Entry> reference = reference();
        long seq = 0;
        for (double t : new double[] {2.0, 1.0, 1.0, 0.5, 0.5}) {
            seq = add(list, reference, t, seq);
        }
        long[] expectedSeqs = {3, 4, 1, 2, 0};
        for (long expected : expectedSeqs) {
            assertEquals(expected, reference.peek().seq());
            assertRemovesSame(reference.poll(), list);
        }
        assertEquals(0, list.size());
    }

    @Test
    void matchesPriorityQueueWhenManyNewEventsAreDueFirst() {
        // a simulation's hop: half the adds are due a hair after the last removal, so they are
        // usually due before everything pending (the front entry) and now and then tie with it
        SplittableRandom rnd = new SplittableRandom(24);
        assertSameOrder(new TwoLevelEventList(16, 4, 3), rnd, 0.55,
                now -> rnd.nextBoolean() ? now + rnd.nextInt(3) * 1e-3 : now + rnd.nextDouble() * 10);
        assertSameOrder(new TwoLevelEventList(), new SplittableRandom(25), 0.5, now -> now + 1e-3);
    }

    @Test
    void matchesPriorityQueueWithLanesInAndOutOfOrder() {
        // lanes as a simulation uses them: lane 0 a constant hop after a FIFO server's departures
        // (in order, many ties), lane 1 a source booking its next arrival (one pending at a
        // time), lane 2 mostly in order but now and then due before its last entry (it goes to
        // the heaps); among them plain adds, short and long, so the heaps split and merge
        SplittableRandom rnd = new SplittableRandom(26);
        TwoLevelEventList list = new TwoLevelEventList(16, 4, 3);
        int[] lanes = {list.openLane(), list.openLane(), list.openLane()};
        PriorityQueue<Entry> reference = reference();
        double now = 0;
        double departS = 0;
        double[] lastInLane2 = {0};
        long sourcePending = -1; // the sequence number of the source's pending event
        long seq = 0;
        for (int op = 0; op < 200_000; op++) {
            int kind = rnd.nextInt(20); // half adds, half removals: the list stays small and ties are common
            if (reference.isEmpty() || kind >= 10) {
                double t;
                int lane;
                if (kind < 13) {
                    departS = Math.max(departS, Math.ceil(now * 4) / 4) + rnd.nextInt(2) * 0.25;
                    t = departS + 0.5;
                    lane = lanes[0];
                } else if (kind < 14 && sourcePending < 0) {
                    t = now + rnd.nextDouble();
                    lane = lanes[1];
                    sourcePending = seq;
                } else if (kind < 16) {
                    t = rnd.nextInt(8) == 0 ? now + rnd.nextDouble() : Math.max(now, lastInLane2[0]) + rnd.nextDouble();
                    lastInLane2[0] = Math.max(lastInLane2[0], t);
                    lane = lanes[2];
                } else {
                    // on the lane's grid of quarters (ties with it), or further out
                    t = rnd.nextBoolean() ? Math.ceil(now * 4) / 4 + rnd.nextInt(4) * 0.25 : now + rnd.nextDouble() * 40;
                    lane = -1;
                }
                seq = addToLane(list, reference, lane, t, seq);
            } else {
                now = reference.peek().time();
                if (reference.peek().seq() == sourcePending) {
                    sourcePending = -1;
                }
                assertRemovesSame(reference.poll(), list);
            }
            assertEquals(reference.size(), list.size());
        }
        while (!reference.isEmpty()) {
            assertRemovesSame(reference.poll(), list);
        }
        assertEquals(0, list.size());
    }

    @Test
    void laneEntriesMergeWithTheHeapsAndTheFrontByTimeThenSequence() {
        // worked by hand: plain (1.0, #0) waits in front; lane (1.0, #1), (2.0, #2); plain
        // (0.5, #3) is due first, takes the front and sends #0 to the heap; lane (2.0, #4) ties
        // #2 and goes behind it; lane (1.5, #5) is due before the lane's last entry (2.0), so it
        // takes the heap; plain (2.0, #6) comes after #4, scheduled earlier
        TwoLevelEventList list = new TwoLevelEventList();
        int lane = list.openLane();
        PriorityQueue<Entry> reference = reference();
        long seq = add(list, reference, 1.0, 0);
        seq = addToLane(list, reference, lane, 1.0, seq);
        seq = addToLane(list, reference, lane, 2.0, seq);
        seq = add(list, reference, 0.5, seq);
        seq = addToLane(list, reference, lane, 2.0, seq);
        seq = addToLane(list, reference, lane, 1.5, seq);
        add(list, reference, 2.0, seq);
        for (long expected : new long[] {3, 0, 1, 5, 2, 4, 6}) {
            assertEquals(expected, reference.peek().seq());
            assertRemovesSame(reference.poll(), list);
        }
        assertEquals(0, list.size());
    }

    @Test
    void opensAtMostItsLanesAndTakesLaneMinusOneAsNone() {
        TwoLevelEventList list = new TwoLevelEventList();
        for (int i = 0; i < TwoLevelEventList.MAX_LANES; i++) {
            assertEquals(i, list.openLane());
        }
        assertEquals(-1, list.openLane());
        PriorityQueue<Entry> reference = reference();
        long seq = addToLane(list, reference, -1, 2.0, 0);
        addToLane(list, reference, -1, 1.0, seq);
        assertRemovesSame(reference.poll(), list);
        assertRemovesSame(reference.poll(), list);
    }

    @Test
    void rejectsNegativeAndNaNTimes() {
        TwoLevelEventList list = new TwoLevelEventList();
        assertThrows(IllegalArgumentException.class, () -> list.add(-1e-300, 0, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> list.add(Double.NaN, 0, () -> { }));
    }

    @Test
    void rejectsThresholdsThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new TwoLevelEventList(4, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> new TwoLevelEventList(8, 4, 0));
    }

    /** 100,000 random operations (a share {@code adds} of them adds), then a full drain. */
    private static void assertSameOrder(TwoLevelEventList list, SplittableRandom rnd, double adds,
                                        DoubleUnaryOperator times) {
        PriorityQueue<Entry> reference = reference();
        long seq = 0;
        double now = 0;
        for (int op = 0; op < 100_000; op++) {
            if (reference.isEmpty() || rnd.nextDouble() < adds) {
                seq = add(list, reference, times.applyAsDouble(now), seq);
            } else {
                now = reference.peek().time();
                assertRemovesSame(reference.poll(), list);
            }
            assertEquals(reference.size(), list.size());
        }
        while (!reference.isEmpty()) {
            assertRemovesSame(reference.poll(), list);
        }
        assertEquals(0, list.size());
    }

    private static PriorityQueue<Entry> reference() {
        return new PriorityQueue<>(Comparator.comparingDouble(Entry::time).thenComparingLong(Entry::seq));
    }

    private static long add(TwoLevelEventList list, PriorityQueue<Entry> reference, double t, long seq) {
        Event e = () -> { };
        list.add(t, seq, e);
        reference.add(new Entry(t + 0.0, seq, e));
        return seq + 1;
    }

    private static long addToLane(TwoLevelEventList list, PriorityQueue<Entry> reference, int lane, double t,
                                  long seq) {
        Event e = () -> { };
        list.addToLane(lane, t, seq, e);
        reference.add(new Entry(t + 0.0, seq, e));
        return seq + 1;
    }

    private static void assertRemovesSame(Entry expected, TwoLevelEventList list) {
        assertEquals(expected.time(), list.firstTime());
        assertEquals(expected.seq(), list.firstSeq());
        assertSame(expected.event(), list.removeFirst());
    }
}
