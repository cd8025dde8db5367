package capsim.engine.kernel;

import java.util.Arrays;
import java.util.Objects;

/**
 * The simulation's pending-event set: one entry kept apart in front, and behind it two 4-ary
 * heaps ({@link SlotHeap}) that keep the far future apart when the set grows large. The
 * events sit in {@link EventSlots}; the heaps move primitives only.
 *
 * <p><b>Front entry.</b> An event added while it is due before every pending one (strictly:
 * at an equal time the earlier-scheduled one goes first) is the next to fire, so it waits in
 * one field instead of the heap; if a still earlier event comes, the front one goes into the
 * heap. In a discrete-event model this is common (an event booking its successor a short
 * hop ahead while nothing else is due sooner: a sixth of all events on the STARS plans), and
 * it saves a heap insertion and a removal each time.
 *
 * <p><b>Near and far.</b> In a discrete-event simulation most new events are due soon (a
 * network hop, a short service), while a backlog (requests queued behind a failed or
 * overloaded node, each with its departure already booked) sits further out. In one heap of
 * tens of thousands of entries each new near event sifts up through every level, and each
 * removal sifts down through every level. So a small "near" heap holds every event due before
 * a bound, a second heap ("far") every other one, and when the near heap runs empty the next
 * batch of far events moves out, in order, to a sorted run taken from its front (the batch;
 * each removal takes the earlier of its first entry and the near heap's). The near events meet a
 * heap of a few dozen entries; a far event pays one deep removal when its batch moves, and
 * nothing more until it is removed; it is usually appended at the far heap's end when added
 * (a backlog is booked in time order). This is the two-tier idea of Brown's
 * calendar queue and of the ladder queue (R. Brown, "Calendar queues", CACM 31(10), 1988;
 * W. T. Tang, R. S. M. Goh and I. L.-J. Thng, "Ladder queue", ACM TOMACS 15(3), 2005) with
 * heaps in place of bucket lists.
 *
 * <p><b>Lanes.</b> A stream of events added at non-decreasing times (a source booking its next
 * arrival; a hop a constant delay after the departures of a single FIFO server, such as the
 * pub/sub server's fan-out to the WebSocket tier) can be given a lane ({@link #openLane}): a
 * FIFO ring ({@link FifoLane}) that an in-order event is appended to and removed from without
 * a heap's sifts. An event due before its lane's last one (out of order) goes to the heaps
 * instead. Each removal takes the smaller in (time, sequence) of the heaps' first entry and the
 * lanes' first entries (kept apart as {@link #laneFirst}, found among at most
 * {@value #MAX_LANES} lanes when a lane's first entry changes). This is the k-way merge of
 * sorted runs; a lane's entries are sorted since its times do not decrease and sequence numbers
 * only grow.
 *
 * <p>Small sets stay in the near heap alone (the bound is +infinity); the far heap is used only
 * once the near heap holds more than {@code splitAbove} entries, and is merged back when fewer
 * than {@code mergeBelow} are in the heaps. The order of removal is exactly (time, sequence),
 * as for a single heap: the front entry precedes every heap and lane entry, and every near entry
 * precedes every far entry. An entry due exactly at the bound goes to the far heap; entries
 * moved from it at that time were scheduled earlier (a smaller sequence number) than any added
 * later. The near heap and the batch are both empty only when the far heap is.
 */
public final class TwoLevelEventList implements EventList {
    /** Near entries beyond which the far future is kept apart. */
    static final int SPLIT_ABOVE = 2048;
    /** Heap entries below which the far heap is merged back. */
    static final int MERGE_BELOW = 512;
    /** Far entries moved into the near heap when it runs empty. */
    static final int BATCH = 64;
    /** Lanes at most; {@link #openLane} returns -1 beyond (each open lane adds to the work of a lane's removal). */
    static final int MAX_LANES = 4;

    private final SlotHeap near = new SlotHeap(1024);
    private final SlotHeap far = new SlotHeap(1024);
    /**
     * The batch last moved from the far heap, in order: entries {@code batchHead} to
     * {@code batchEnd - 1}, taken from the front. They need no heap of their own, being sorted;
     * the near heap holds the events added before the bound since.
     */
    private final long[] batchTimeBits;
    private final long[] batchSeqs;
    private final int[] batchSlots;
    private int batchHead;
    private int batchEnd;
    private final EventSlots events = new EventSlots(1024);
    private final int splitAbove;
    private final int mergeBelow;
    private final int batch;
    /** Every near entry is due before (or, if moved from far, at) this time; every far entry at or after it. */
    private double boundS = Double.POSITIVE_INFINITY;
    /** The front entry, due before every heap entry; {@link #frontEvent} null when there is none. */
    private Event frontEvent;
    private long frontTimeBits;
    private long frontSeq;
    private FifoLane[] lanes = new FifoLane[0];
    private int laneEntries;
    /** The lane whose first entry is the lanes' smallest, and that entry's time bits and sequence; null, {@link FifoLane#EMPTY} when the lanes are empty. */
    private FifoLane laneFirst;
    private long laneFirstTimeBits = FifoLane.EMPTY;
    private long laneFirstSeq;

    public TwoLevelEventList() {
        this(SPLIT_ABOVE, MERGE_BELOW, BATCH);
    }

    /** With its thresholds given (tests use small ones); {@code mergeBelow < splitAbove}, batch >= 1. */
    TwoLevelEventList(int splitAbove, int mergeBelow, int batch) {
        if (mergeBelow >= splitAbove || batch < 1) {
            throw new IllegalArgumentException("need mergeBelow < splitAbove and batch >= 1, were " + mergeBelow
                    + ", " + splitAbove + ", " + batch);
        }
        this.splitAbove = splitAbove;
        this.mergeBelow = mergeBelow;
        this.batch = batch;
        this.batchTimeBits = new long[batch];
        this.batchSeqs = new long[batch];
        this.batchSlots = new int[batch];
    }

    @Override
    public void add(double timeS, long seq, Event event) {
        add(SlotHeap.timeBits(timeS), seq, event);
    }

    @Override
    public int openLane() {
        if (lanes.length == MAX_LANES) {
            return -1;
        }
        lanes = Arrays.copyOf(lanes, lanes.length + 1);
        lanes[lanes.length - 1] = new FifoLane(64);
        return lanes.length - 1;
    }

    @Override
    public void addToLane(int lane, double timeS, long seq, Event event) {
        long t = SlotHeap.timeBits(timeS);
        if (lane < 0 || !lanes[lane].takes(t) || frontEvent != null && precedes(t, seq, frontTimeBits, frontSeq)) {
            add(t, seq, event); // also an event due before the front one, which stays first of all
            return;
        }
        FifoLane l = lanes[lane];
        l.addLast(t, seq, Objects.requireNonNull(event, "event"));
        laneEntries++;
        if (l.size() == 1 && precedes(t, seq, laneFirstTimeBits, laneFirstSeq)) {
            laneFirst = l;
            laneFirstTimeBits = t;
            laneFirstSeq = seq;
        }
    }

    private void add(long t, long seq, Event event) {
        if (frontEvent == null) {
            if (precedesHeaps(t, seq) && precedes(t, seq, laneFirstTimeBits, laneFirstSeq)) {
                setFront(t, seq, event);
                return;
            }
        } else if (precedes(t, seq, frontTimeBits, frontSeq)) {
            Event before = frontEvent;
            long beforeTime = frontTimeBits;
            long beforeSeq = frontSeq;
            setFront(t, seq, event);
            addToHeaps(beforeTime, beforeSeq, before);
            return;
        }
        addToHeaps(t, seq, event);
    }

    private static boolean precedes(long t, long seq, long otherT, long otherSeq) {
        return t < otherT || (t == otherT && seq < otherSeq);
    }

    private void setFront(long t, long seq, Event event) {
        frontEvent = Objects.requireNonNull(event, "event");
        frontTimeBits = t;
        frontSeq = seq;
    }

    private void addToHeaps(long t, long seq, Event event) {
        int slot = events.put(event);
        if (Double.longBitsToDouble(t) < boundS) {
            near.add(t, seq, slot);
            if (near.size() > splitAbove) {
                spill();
            }
        } else {
            far.add(t, seq, slot);
            if (near.size() == 0 && batchHead == batchEnd) {
                refill();
            }
        }
    }

    /** True if the batch's first entry precedes the near heap's first (false when the batch is empty). */
    private boolean batchFirst() {
        return batchHead < batchEnd
                && precedes(batchTimeBits[batchHead], batchSeqs[batchHead], near.firstTimeBits(), near.firstSeq());
    }

    /** True if an entry (t, seq) precedes every heap entry (the near heap's and the batch's; far ones come after both). */
    private boolean precedesHeaps(long t, long seq) {
        return precedes(t, seq, near.firstTimeBits(), near.firstSeq())
                && (batchHead == batchEnd || precedes(t, seq, batchTimeBits[batchHead], batchSeqs[batchHead]));
    }

    @Override
    public int size() {
        return (frontEvent == null ? 0 : 1) + near.size() + (batchEnd - batchHead) + far.size() + laneEntries;
    }

    @Override
    public double firstTime() {
        return Double.longBitsToDouble(frontEvent != null ? frontTimeBits
                : lanesFirst() ? laneFirstTimeBits : batchFirst() ? batchTimeBits[batchHead] : near.firstTimeBits());
    }

    @Override
    public long firstSeq() {
        return frontEvent != null ? frontSeq : lanesFirst() ? laneFirstSeq
                : batchFirst() ? batchSeqs[batchHead] : near.firstSeq();
    }

    /**
     * True if a lane's first entry precedes the heaps' (the near heap's or the batch's: both are
     * empty only when the far heap is).
     */
    private boolean lanesFirst() {
        // an empty near heap's first time bits are EMPTY, above every lane entry's
        return laneFirstTimeBits != FifoLane.EMPTY && precedesHeaps(laneFirstTimeBits, laneFirstSeq);
    }

    @Override
    public Event removeFirst() {
        Event first = frontEvent;
        if (first != null) {
            frontEvent = null;
            return first;
        }
        if (lanesFirst()) {
            return removeFromLane();
        }
        int slot;
        if (batchFirst()) {
            slot = batchSlots[batchHead++];
        } else {
            slot = near.firstSlot();
            near.removeFirst();
        }
        int heaps = near.size() + (batchEnd - batchHead);
        if (heaps == 0) {
            if (far.size() > 0) {
                refill();
            } else {
                boundS = Double.POSITIVE_INFINITY;
            }
        } else if (far.size() > 0 && heaps + far.size() < mergeBelow) {
            merge();
        }
        return events.take(slot);
    }

    /** Removes the first entry of lane {@link #laneFirst} and finds the lanes' new smallest. */
    private Event removeFromLane() {
        Event first = laneFirst.removeFirst();
        laneEntries--;
        laneFirst = null;
        laneFirstTimeBits = FifoLane.EMPTY;
        if (laneEntries > 0) {
            for (FifoLane l : lanes) {
                long t = l.firstTimeBits(); // EMPTY when the lane is
                if (t != FifoLane.EMPTY && precedes(t, l.firstSeq(), laneFirstTimeBits, laneFirstSeq)) {
                    laneFirst = l;
                    laneFirstTimeBits = t;
                    laneFirstSeq = l.firstSeq();
                }
            }
        }
        return first;
    }

    /**
     * The near heap and the batch are empty: moves the next {@link #batch} far entries into the
     * batch, in order, and bounds the near heap at the next far entry, or sooner, one batch's
     * time span past the last entry moved.
     */
    private void refill() {
        double firstS = Double.longBitsToDouble(far.firstTimeBits());
        long lastBits = far.firstTimeBits();
        batchHead = 0;
        batchEnd = 0;
        for (int i = 0; i < batch && far.size() > 0; i++) {
            lastBits = far.firstTimeBits();
            batchTimeBits[batchEnd] = lastBits;
            batchSeqs[batchEnd] = far.firstSeq();
            batchSlots[batchEnd++] = far.firstSlot();
            far.removeFirst();
        }
        if (far.size() == 0) {
            boundS = Double.POSITIVE_INFINITY;
            return;
        }
        double lastS = Double.longBitsToDouble(lastBits);
        double nextS = Double.longBitsToDouble(far.firstTimeBits());
        double spanS = lastS - firstS;
        double aheadS = lastS + spanS;
        boundS = aheadS >= lastS ? Math.min(nextS, aheadS) : nextS; // infinite times: no span
    }

    /** The near heap outgrew its size: every entry goes far, the batch's too, and the first batch comes back. */
    private void spill() {
        while (near.size() > 0) {
            moveFirst(near, far);
        }
        while (batchHead < batchEnd) {
            far.add(batchTimeBits[batchHead], batchSeqs[batchHead], batchSlots[batchHead]);
            batchHead++;
        }
        refill();
    }

    /** Few entries are left: they all go back to the near heap, unbounded (the batch stays, ahead of them). */
    private void merge() {
        while (far.size() > 0) {
            moveFirst(far, near);
        }
        boundS = Double.POSITIVE_INFINITY;
    }

    private static void moveFirst(SlotHeap from, SlotHeap to) {
        long t = from.firstTimeBits();
        long seq = from.firstSeq();
        int slot = from.firstSlot();
        from.removeFirst();
        to.add(t, seq, slot);
    }
}
