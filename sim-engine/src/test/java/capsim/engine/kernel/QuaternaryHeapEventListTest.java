package capsim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class QuaternaryHeapEventListTest {
    private record Entry(double time, long seq, Event event) {
    }

    @Test
    void matchesPriorityQueueWithManyTies() {
        // times from 50 values: ties everywhere, decided by the sequence number
        SplittableRandom rnd = new SplittableRandom(11);
        assertSameOrderAsPriorityQueue(rnd, () -> rnd.nextInt(50) * 0.5);
    }

    @Test
    void matchesPriorityQueueWithContinuousTimes() {
        // times spread over 20 orders of magnitude, with zeros, -0.0 and +infinity mixed in:
        // exercises the branch-free comparison of the times' bits
        SplittableRandom rnd = new SplittableRandom(12);
        assertSameOrderAsPriorityQueue(rnd, () -> switch (rnd.nextInt(20)) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> Double.POSITIVE_INFINITY;
            default -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(20) - 10);
        });
    }

    @Test
    void rejectsNegativeAndNaNTimes() {
        QuaternaryHeapEventList heap = new QuaternaryHeapEventList();
        assertThrows(IllegalArgumentException.class, () -> heap.add(-1e-300, 0, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> heap.add(Double.NaN, 0, () -> { }));
    }

    /**
     * 100,000 random operations, 60% adds and 40% removals, starting from a small capacity so
     * the heap grows; then a full drain. Every removal must match java.util.PriorityQueue
     * ordered by (time, sequence); -0.0 counts as 0.0.
     */
    private static void assertSameOrderAsPriorityQueue(SplittableRandom rnd, DoubleSupplier times) {
        QuaternaryHeapEventList heap = new QuaternaryHeapEventList(4);
        PriorityQueue<Entry> reference = new PriorityQueue<>(
                Comparator.comparingDouble(Entry::time).thenComparingLong(Entry::seq));
        long seq = 0;
        for (int op = 0; op < 100_000; op++) {
            if (reference.isEmpty() || rnd.nextInt(10) < 6) {
                double t = times.getAsDouble();
                Event e = () -> { };
                heap.add(t, seq, e);
                reference.add(new Entry(t + 0.0, seq, e));
                seq++;
            } else {
                assertRemovesSame(reference.poll(), heap);
            }
            assertEquals(reference.size(), heap.size());
        }
        while (!reference.isEmpty()) {
            assertRemovesSame(reference.poll(), heap);
        }
        assertEquals(0, heap.size());
    }

    private static void assertRemovesSame(Entry expected, QuaternaryHeapEventList heap) {
        assertEquals(expected.time(), heap.firstTime());
        assertEquals(expected.seq(), heap.firstSeq());
        assertSame(expected.event(), heap.removeFirst());
    }
}
