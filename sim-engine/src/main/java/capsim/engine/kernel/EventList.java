package capsim.engine.kernel;

/**
 * The pending-event set of one simulation, ordered by (time, sequence number). The sequence
 * number is unique and increasing in scheduling order, so ties in time keep scheduling order.
 */
public interface EventList {
    /** Adds an event due at {@code timeS} with tie-breaking sequence number {@code seq}. */
    void add(double timeS, long seq, Event event);

    /**
     * Opens a lane for a stream of events that are usually added in (time) order, such as a
     * source's next arrival or a hop a constant delay after a FIFO server's departures; returns
     * its number for {@link #addToLane}, or -1 when this list keeps no (more) lanes.
     */
    default int openLane() {
        return -1;
    }

    /**
     * Adds an event of lane {@code lane} (from {@link #openLane}; -1: none). The order of removal
     * is (time, sequence) as for {@link #add}; a lane only makes in-order adds cheaper.
     */
    default void addToLane(int lane, double timeS, long seq, Event event) {
        add(timeS, seq, event);
    }

    /** Number of pending entries. */
    int size();

    default boolean isEmpty() {
        return size() == 0;
    }

    /** Time of the first entry; undefined when empty. */
    double firstTime();

    /** Sequence number of the first entry; undefined when empty. */
    long firstSeq();

    /** Removes the first entry and returns its event. */
    Event removeFirst();
}
