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

    private static void assertRemovesSame(Entry expected, TwoLevelEventList list) {
        assertEquals(expected.time(), list.firstTime());
        assertEquals(expected.seq(), list.firstSeq());
        assertSame(expected.event(), list.removeFirst());
    }
}
