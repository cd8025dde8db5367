package capsim.models.period;

/**
 * The unfinished work of one recorder, in the order it arrived (oldest first), linked through
 * the items themselves, so that adding and removing allocate nothing and take constant time.
 */
final class InFlightList {
    private InFlight head;
    private InFlight tail;

    /** Adds {@code r}, the newest. */
    void add(InFlight r) {
        r.previous = tail;
        if (tail == null) {
            head = r;
        } else {
            tail.next = r;
        }
        tail = r;
    }

    /** Removes {@code r}; true when it was the oldest. */
    boolean remove(InFlight r) {
        boolean oldest = r == head;
        if (r.previous == null) {
            head = r.next;
        } else {
            r.previous.next = r.next;
        }
        if (r.next == null) {
            tail = r.previous;
        } else {
            r.next.previous = r.previous;
        }
        r.previous = null;
        r.next = null;
        return oldest;
    }

    /** The oldest unfinished item; null when none is. */
    InFlight oldest() {
        return head;
    }

    /** Forgets every item. */
    void clear() {
        head = null;
        tail = null;
    }
}
