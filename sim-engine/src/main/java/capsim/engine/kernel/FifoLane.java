package capsim.engine.kernel;

/**
 * A ring buffer of (time, sequence, event) entries appended in (time, sequence) order: a
 * {@link TwoLevelEventList} lane. Appending and removing the first entry cost a few array
 * accesses, where a heap pays a sift; the owner appends only entries due at or after the last
 * one (sequence numbers only grow), so the first entry is always the lane's smallest.
 */
final class FifoLane {
    /** The first entry's time bits when the lane is empty: above every time, as in {@link SlotHeap}. */
    static final long EMPTY = Long.MAX_VALUE;

    private long[] timeBits;
    private long[] seqs;
    private Event[] events;
    private int head;
    private int size;
    /** Time bits of the last entry appended; meaningful while the lane is not empty. */
    private long lastTimeBits;

    FifoLane(int initialCapacity) {
        int capacity = Integer.highestOneBit(Math.max(16, initialCapacity) - 1) << 1;
        timeBits = new long[capacity];
        seqs = new long[capacity];
        events = new Event[capacity];
    }

    int size() {
        return size;
    }

    /** True if an entry due at {@code t} (time bits) may be appended: the lane is empty or it is not due sooner than the last. */
    boolean takes(long t) {
        return size == 0 || t >= lastTimeBits;
    }

    /** Appends an entry; the caller made sure that {@link #takes} it and that its sequence number is the largest. */
    void addLast(long t, long seq, Event event) {
        if (size == timeBits.length) {
            grow();
        }
        int i = (head + size) & (timeBits.length - 1);
        timeBits[i] = t;
        seqs[i] = seq;
        events[i] = event;
        size++;
        lastTimeBits = t;
    }

    /** Time bits of the first entry; {@link #EMPTY} when there is none. */
    long firstTimeBits() {
        return size == 0 ? EMPTY : timeBits[head];
    }

    /** Sequence number of the first entry; undefined when empty. */
    long firstSeq() {
        return seqs[head];
    }

    /** Removes the first entry and returns its event; the lane must not be empty. */
    Event removeFirst() {
        Event event = events[head];
        events[head] = null;
        head = (head + 1) & (timeBits.length - 1);
        size--;
        return event;
    }

    /** Doubles the ring, its entries moved to the front in order. */
    private void grow() {
        int capacity = timeBits.length * 2;
        timeBits = unrolled(timeBits, new long[capacity]);
        seqs = unrolled(seqs, new long[capacity]);
        events = unrolled(events, new Event[capacity]);
        head = 0;
    }

    /** Copies the full ring {@code ring} into {@code moved} from its first entry on; returns {@code moved}. */
    private <A> A unrolled(A ring, A moved) {
        int tail = size - head;
        System.arraycopy(ring, head, moved, 0, tail);
        System.arraycopy(ring, 0, moved, tail, head);
        return moved;
    }
}
