package capsim.engine.kernel;

/**
 * A pending-event set that keeps its far future apart when it grows large: a small "near" heap
 * holds every event due before a bound, a second heap ("far") every other one, and when the near
 * heap runs empty the next batch of far events moves into it. Both are
 * {@link QuaternaryHeapEventList}s.
 *
 * <p>Why: in a discrete-event simulation most new events are due soon (a network hop, a short
 * service), while a backlog (requests queued behind a failed or overloaded node, each with its
 * departure already booked) sits further out. In one heap of tens of thousands of entries each
 * new near event sifts up through every level, and each removal sifts down through every level.
 * Here the near events meet a heap of a few dozen entries; a far event pays one deep removal
 * when its batch moves, and is usually appended at the far heap's end when added (a backlog is
 * booked in time order). This is the two-tier idea of Brown's calendar queue and of the ladder
 * queue (R. Brown, "Calendar queues", CACM 31(10), 1988; W. T. Tang, R. S. M. Goh and I. L.-J.
 * Thng, "Ladder queue", ACM TOMACS 15(3), 2005) with heaps in place of bucket lists.
 *
 * <p>Small sets stay in the near heap alone (the bound is +infinity); the far heap is used only
 * once the near heap holds more than {@code splitAbove} entries, and is merged back when fewer
 * than {@code mergeBelow} are pending. The order of removal is exactly (time, sequence), as for
 * a single heap: every near entry precedes every far entry. An entry due exactly at the bound
 * goes to the far heap; entries moved from it at that time were scheduled earlier (a smaller
 * sequence number) than any added later.
 */
public final class TwoLevelEventList implements EventList {
    /** Near entries beyond which the far future is kept apart. */
    static final int SPLIT_ABOVE = 2048;
    /** Pending entries below which the far heap is merged back. */
    static final int MERGE_BELOW = 512;
    /** Far entries moved into the near heap when it runs empty. */
    static final int BATCH = 64;

    private final QuaternaryHeapEventList near = new QuaternaryHeapEventList();
    private final QuaternaryHeapEventList far = new QuaternaryHeapEventList();
    private final int splitAbove;
    private final int mergeBelow;
    private final int batch;
    /** Every near entry is due before (or, if moved from far, at) this time; every far entry at or after it. */
    private double boundS = Double.POSITIVE_INFINITY;

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
    }

    @Override
    public void add(double timeS, long seq, Event event) {
        if (timeS < boundS) {
            near.add(timeS, seq, event);
            if (near.size() > splitAbove) {
                spill();
            }
        } else {
            far.add(timeS, seq, event); // rejects NaN
            if (near.size() == 0) {
                refill();
            }
        }
    }

    @Override
    public int size() {
        return near.size() + far.size();
    }

    @Override
    public double firstTime() {
        return near.firstTime();
    }

    @Override
    public long firstSeq() {
        return near.firstSeq();
    }

    @Override
    public Event removeFirst() {
        Event first = near.removeFirst();
        if (near.size() == 0) {
            if (far.size() > 0) {
                refill();
            } else {
                boundS = Double.POSITIVE_INFINITY;
            }
        } else if (far.size() > 0 && near.size() + far.size() < mergeBelow) {
            merge();
        }
        return first;
    }

    /**
     * The near heap is empty: moves the next {@link #batch} far entries into it and bounds it
     * at the next far entry, or sooner, one batch's time span past the last entry moved.
     */
    private void refill() {
        double firstS = far.firstTime();
        double lastS = firstS;
        for (int i = 0; i < batch && far.size() > 0; i++) {
            lastS = far.firstTime();
            long seq = far.firstSeq();
            near.add(lastS, seq, far.removeFirst());
        }
        if (far.size() == 0) {
            boundS = Double.POSITIVE_INFINITY;
            return;
        }
        double spanS = lastS - firstS;
        double aheadS = lastS + spanS;
        boundS = aheadS >= lastS ? Math.min(far.firstTime(), aheadS) : far.firstTime(); // infinite times: no span
    }

    /** The near heap outgrew its size: every entry goes far, and the first batch comes back. */
    private void spill() {
        while (near.size() > 0) {
            double t = near.firstTime();
            long seq = near.firstSeq();
            far.add(t, seq, near.removeFirst());
        }
        refill();
    }

    /** Few entries are left: they all go back to the near heap, unbounded. */
    private void merge() {
        while (far.size() > 0) {
            double t = far.firstTime();
            long seq = far.firstSeq();
            near.add(t, seq, far.removeFirst());
        }
        boundS = Double.POSITIVE_INFINITY;
    }
}
