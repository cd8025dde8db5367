package capsim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuaternaryHeapEventListTest {
    private record Entry(double time, long seq, Event event) {
    }

    @Test
    void removesInTheSameOrderAsPriorityQueueOnRandomOperations() {
        // 100,000 random operations, 60% adds and 40% removals, times drawn from 50 values
        // (many ties, broken by sequence number), starting from a small capacity so the heap
        // grows; then a full drain. Every removal must match java.util.PriorityQueue.
        SplittableRandom rnd = new SplittableRandom(11);
        QuaternaryHeapEventList heap = new QuaternaryHeapEventList(4);
        PriorityQueue<Entry> reference = new PriorityQueue<>(
                Comparator.comparingDouble(Entry::time).thenComparingLong(Entry::seq));
        long seq = 0;
        for (int op = 0; op < 100_000; op++) {
            if (reference.isEmpty() || rnd.nextInt(10) < 6) {
                double t = rnd.nextInt(50) * 0.5;
                Event e = () -> { };
                heap.add(t, seq, e);
                reference.add(new Entry(t, seq, e));
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
