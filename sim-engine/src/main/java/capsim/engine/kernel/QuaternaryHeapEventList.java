package capsim.engine.kernel;

import java.util.Arrays;

/**
 * An implicit 4-ary min-heap over parallel primitive arrays (time, sequence) plus the event
 * references. A 4-ary heap halves the depth of a binary heap and keeps the four children of a
 * node side by side in the time array; adding and removing allocate nothing once the arrays
 * have grown to the peak number of pending events.
 *
 * <p>Two refinements make removal about twice as fast as the textbook sift-down:
 * <ul>
 *   <li>Times are stored as the bits of the double ({@link Double#doubleToRawLongBits}), which
 *       for non-negative doubles orders exactly like the values. The smallest of four children
 *       is then found by branch-free integer arithmetic (sign masks of differences), so the
 *       data-dependent branches that a random heap mispredicts about once per level are gone.
 *       Equal smallest times, where the sequence number decides, take a separate (rare) path.</li>
 *   <li>Bottom-up deletion (I. Wegener, "Bottom-up heapsort", Theor. Comput. Sci. 118, 1993):
 *       the hole left by the minimum moves down along the smallest children to a leaf, and
 *       the last entry is sifted up from there, which is usually short.</li>
 * </ul>
 *
 * <p>See D. B. Johnson, "Priority queues with update and finding minimum spanning trees"
 * (1975) for d-ary heaps; LaMarca and Ladner (1996) for their cache behaviour.
 */
public final class QuaternaryHeapEventList implements EventList {
    private long[] timeBits;
    private long[] seqs;
    private Event[] events;
    private int size;

    public QuaternaryHeapEventList() {
        this(1024);
    }

    public QuaternaryHeapEventList(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        timeBits = new long[capacity];
        seqs = new long[capacity];
        events = new Event[capacity];
    }

    /** Adds an event; {@code timeS} must be >= 0 (the simulation clock starts at 0). */
    @Override
    public void add(double timeS, long seq, Event event) {
        if (!(timeS >= 0)) {
            throw new IllegalArgumentException("event time must be >= 0, was " + timeS);
        }
        if (size == timeBits.length) {
            grow();
        }
        // + 0.0 turns -0.0 into 0.0, whose bits would otherwise sort below every positive time
        siftUp(size++, Double.doubleToRawLongBits(timeS + 0.0), seq, event);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public double firstTime() {
        return Double.longBitsToDouble(timeBits[0]);
    }

    @Override
    public long firstSeq() {
        return seqs[0];
    }

    @Override
    public Event removeFirst() {
        Event first = events[0];
        int last = --size;
        long t = timeBits[last];
        long s = seqs[last];
        Event e = events[last];
        events[last] = null;
        if (last > 0) {
            siftUp(pushHoleToLeaf(last), t, s, e);
        }
        return first;
    }

    /** Places (t, seq, event) at the hole {@code start} or above it, moving larger parents down. */
    private void siftUp(int start, long t, long seq, Event event) {
        long[] ts = timeBits;
        long[] ss = seqs;
        Event[] ev = events;
        int i = start;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = ts[parent];
            if (pt < t || (pt == t && ss[parent] < seq)) {
                break;
            }
            ts[i] = pt;
            ss[i] = ss[parent];
            ev[i] = ev[parent];
            i = parent;
        }
        ts[i] = t;
        ss[i] = seq;
        ev[i] = event;
    }

    /**
     * Moves the hole at the root down along the smallest children, among the first {@code n}
     * entries, until it reaches a leaf; returns the leaf.
     */
    private int pushHoleToLeaf(int n) {
        long[] ts = timeBits;
        long[] ss = seqs;
        Event[] ev = events;
        int i = 0;
        while (true) {
            int c = (i << 2) + 1;
            int best;
            if (c + 3 < n) {
                // times are non-negative doubles' bits, in [0, 2^63): differences do not
                // overflow, and (d >> 63) is -1 exactly when the second operand is smaller
                long t0 = ts[c];
                long d01 = ts[c + 1] - t0;
                long m01 = d01 >> 63;
                long ta = t0 + (d01 & m01);
                int ia = c - (int) m01;
                long t2 = ts[c + 2];
                long d23 = ts[c + 3] - t2;
                long m23 = d23 >> 63;
                long tb = t2 + (d23 & m23);
                int ib = c + 2 - (int) m23;
                long dab = tb - ta;
                best = ia + ((ib - ia) & (int) (dab >> 63));
                // a tie for the smallest time: the sequence number decides (ties between
                // larger children, such as periodic events booked side by side, do not matter)
                if (((d01 == 0) & (dab > 0)) | ((d23 == 0) & (dab < 0)) | (dab == 0)) {
                    best = smallest(c, c + 4);
                }
            } else if (c < n) {
                best = smallest(c, n);
            } else {
                return i;
            }
            ts[i] = ts[best];
            ss[i] = ss[best];
            ev[i] = ev[best];
            i = best;
        }
    }

    /** Index of the smallest (time, sequence) among entries {@code from} to {@code to - 1}. */
    private int smallest(int from, int to) {
        int best = from;
        long bt = timeBits[from];
        for (int c = from + 1; c < to; c++) {
            long ct = timeBits[c];
            if (ct < bt || (ct == bt && seqs[c] < seqs[best])) {
                best = c;
                bt = ct;
            }
        }
        return best;
    }

    private void grow() {
        int capacity = timeBits.length * 2;
        timeBits = Arrays.copyOf(timeBits, capacity);
        seqs = Arrays.copyOf(seqs, capacity);
        events = Arrays.copyOf(events, capacity);
    }
}
