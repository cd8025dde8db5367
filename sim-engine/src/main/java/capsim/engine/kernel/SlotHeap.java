package capsim.engine.kernel;

import java.util.Arrays;

/**
 * An implicit 4-ary min-heap of (time, sequence, slot) entries over parallel primitive arrays,
 * ordered by (time, sequence). The slot is an int that the owner maps to its event
 * ({@link EventSlots}), so moving an entry moves primitives only: no reference is stored into
 * an array while sifting (with G1 each such store runs a write barrier), and adding and
 * removing allocate nothing once the arrays have grown to the peak number of entries.
 *
 * <p>Two refinements make removal about twice as fast as the textbook sift-down:
 * <ul>
 *   <li>Times are kept as the bits of the double ({@link Double#doubleToRawLongBits}), which
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
final class SlotHeap {
    /**
     * The time bits of every position past the last entry: above every time (+infinity's bits
     * are 0x7ff0...), so a node whose children run past the end compares four of them like any
     * other, and a padded child is never the smallest.
     */
    private static final long EMPTY = Long.MAX_VALUE;

    private long[] timeBits;
    private long[] seqs;
    private int[] slots;
    private int size;

    SlotHeap(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        timeBits = new long[capacity];
        Arrays.fill(timeBits, EMPTY);
        seqs = new long[capacity];
        slots = new int[capacity];
    }

    /** The bits of an event time, which must be >= 0 (-0.0 counts as 0.0). */
    static long timeBits(double timeS) {
        if (!(timeS >= 0)) {
            throw new IllegalArgumentException("event time must be >= 0, was " + timeS);
        }
        // + 0.0 turns -0.0 into 0.0, whose bits would otherwise sort below every positive time
        return Double.doubleToRawLongBits(timeS + 0.0);
    }

    int size() {
        return size;
    }

    /** Bits of the first entry's time (a non-negative double's); undefined when empty. */
    long firstTimeBits() {
        return timeBits[0];
    }

    /** Sequence number of the first entry; undefined when empty. */
    long firstSeq() {
        return seqs[0];
    }

    /** Slot of the first entry; undefined when empty. */
    int firstSlot() {
        return slots[0];
    }

    /** Adds an entry; {@code timeBits} are those of a non-negative double other than -0.0. */
    void add(long timeBits, long seq, int slot) {
        if (size + 4 > this.timeBits.length) {
            grow(); // the children of every entry stay inside the arrays
        }
        siftUp(size++, timeBits, seq, slot);
    }

    /** Removes the first entry (read it first with the {@code first...} methods). */
    void removeFirst() {
        int last = --size;
        long t = timeBits[last];
        timeBits[last] = EMPTY;
        if (last > 0) {
            siftUp(pushHoleToLeaf(last), t, seqs[last], slots[last]);
        }
    }

    /** Places (t, seq, slot) at the hole {@code start} or above it, moving larger parents down. */
    private void siftUp(int start, long t, long seq, int slot) {
        long[] ts = timeBits;
        long[] ss = seqs;
        int[] sl = slots;
        int i = start;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = ts[parent];
            if (pt < t || (pt == t && ss[parent] < seq)) {
                break;
            }
            ts[i] = pt;
            ss[i] = ss[parent];
            sl[i] = sl[parent];
            i = parent;
        }
        ts[i] = t;
        ss[i] = seq;
        sl[i] = slot;
    }

    /**
     * Moves the hole at the root down along the smallest children, among the first {@code n}
     * entries, until it reaches a leaf; returns the leaf. Positions from {@code n} on hold
     * {@link #EMPTY}.
     */
    private int pushHoleToLeaf(int n) {
        long[] ts = timeBits;
        long[] ss = seqs;
        int[] sl = slots;
        int i = 0;
        while (true) {
            int c = (i << 2) + 1;
            if (c >= n) {
                return i;
            }
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
            int best = ia + ((ib - ia) & (int) (dab >> 63));
            // a tie for the smallest time: the sequence number decides (ties between
            // larger children, such as periodic events booked side by side, do not matter)
            if (((d01 == 0) & (dab > 0)) | ((d23 == 0) & (dab < 0)) | (dab == 0)) {
                best = smallest(c, c + 4);
            }
            ts[i] = ts[best];
            ss[i] = ss[best];
            sl[i] = sl[best];
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
        int before = timeBits.length;
        timeBits = Arrays.copyOf(timeBits, capacity);
        Arrays.fill(timeBits, before, capacity, EMPTY);
        seqs = Arrays.copyOf(seqs, capacity);
        slots = Arrays.copyOf(slots, capacity);
    }
}
