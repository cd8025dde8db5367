package capsim.engine.kernel;

import java.util.Arrays;

/**
 * An implicit 4-ary min-heap over parallel primitive arrays (time, sequence) plus the event
 * references. A 4-ary heap halves the depth of a binary heap and keeps the four children of a
 * node on one cache line of the time array; adding and removing allocate nothing once the
 * arrays have grown to the peak number of pending events.
 *
 * <p>See D. B. Johnson, "Priority queues with update and finding minimum spanning trees"
 * (1975) for d-ary heaps; LaMarca and Ladner (1996) for their cache behaviour.
 */
public final class QuaternaryHeapEventList implements EventList {
    private double[] times;
    private long[] seqs;
    private Event[] events;
    private int size;

    public QuaternaryHeapEventList() {
        this(1024);
    }

    public QuaternaryHeapEventList(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        times = new double[capacity];
        seqs = new long[capacity];
        events = new Event[capacity];
    }

    @Override
    public void add(double timeS, long seq, Event event) {
        if (size == times.length) {
            grow();
        }
        int i = size++;
        // sift up
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            double pt = times[parent];
            if (pt < timeS || (pt == timeS && seqs[parent] < seq)) {
                break;
            }
            times[i] = pt;
            seqs[i] = seqs[parent];
            events[i] = events[parent];
            i = parent;
        }
        times[i] = timeS;
        seqs[i] = seq;
        events[i] = event;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public double firstTime() {
        return times[0];
    }

    @Override
    public long firstSeq() {
        return seqs[0];
    }

    @Override
    public Event removeFirst() {
        Event first = events[0];
        int last = --size;
        double t = times[last];
        long s = seqs[last];
        Event e = events[last];
        events[last] = null;
        if (last > 0) {
            siftDown(t, s, e, last);
        }
        return first;
    }

    private void siftDown(double t, long s, Event e, int n) {
        int i = 0;
        while (true) {
            int child = (i << 2) + 1;
            if (child >= n) {
                break;
            }
            // find the smallest of up to four children
            int best = child;
            double bt = times[child];
            long bs = seqs[child];
            int end = Math.min(child + 4, n);
            for (int c = child + 1; c < end; c++) {
                double ct = times[c];
                if (ct < bt || (ct == bt && seqs[c] < bs)) {
                    best = c;
                    bt = ct;
                    bs = seqs[c];
                }
            }
            if (t < bt || (t == bt && s < bs)) {
                break;
            }
            times[i] = bt;
            seqs[i] = bs;
            events[i] = events[best];
            i = best;
        }
        times[i] = t;
        seqs[i] = s;
        events[i] = e;
    }

    private void grow() {
        int capacity = times.length * 2;
        times = Arrays.copyOf(times, capacity);
        seqs = Arrays.copyOf(seqs, capacity);
        events = Arrays.copyOf(events, capacity);
    }
}
