package capsim.engine.kernel;

/**
 * The pending-event set of one simulation, ordered by (time, sequence number). The sequence
 * number is unique and increasing in scheduling order, so ties in time keep scheduling order.
 */
public interface EventList {
    /** Adds an event due at {@code timeS} with tie-breaking sequence number {@code seq}. */
    void add(double timeS, long seq, Event event);

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
