package capsim.engine.kernel;

/**
 * A pending-event set in one implicit 4-ary min-heap ({@link SlotHeap}: primitive arrays,
 * branch-free choice of the smallest child, bottom-up deletion), with the events themselves in
 * {@link EventSlots}. The simulation uses {@link TwoLevelEventList}, which is built of the same
 * parts; this single heap is the reference it is measured and tested against.
 */
public final class QuaternaryHeapEventList implements EventList {
    private final SlotHeap heap;
    private final EventSlots events;

    public QuaternaryHeapEventList() {
        this(1024);
    }

    public QuaternaryHeapEventList(int initialCapacity) {
        heap = new SlotHeap(initialCapacity);
        events = new EventSlots(initialCapacity);
    }

    /** Adds an event; {@code timeS} must be >= 0 (the simulation clock starts at 0). */
    @Override
    public void add(double timeS, long seq, Event event) {
        heap.add(SlotHeap.timeBits(timeS), seq, events.put(event));
    }

    @Override
    public int size() {
        return heap.size();
    }

    @Override
    public double firstTime() {
        return Double.longBitsToDouble(heap.firstTimeBits());
    }

    @Override
    public long firstSeq() {
        return heap.firstSeq();
    }

    @Override
    public Event removeFirst() {
        int slot = heap.firstSlot();
        heap.removeFirst();
        return events.take(slot);
    }
}
