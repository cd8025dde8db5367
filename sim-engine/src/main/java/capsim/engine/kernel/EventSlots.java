package capsim.engine.kernel;

import java.util.Arrays;

/**
 * The events of an event list by slot number: a slot is taken when an event is added and
 * given back when it is removed, and freed slots are reused last-in first-out, so the array
 * stays as long as the peak number of pending events and its hot end stays in cache.
 */
final class EventSlots {
    private Event[] events;
    private int[] free;
    private int freeCount;
    private int used;

    EventSlots(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        events = new Event[capacity];
        free = new int[capacity];
    }

    /** Stores {@code event} in a free slot and returns the slot. */
    int put(Event event) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == events.length) {
                events = Arrays.copyOf(events, used * 2);
                free = Arrays.copyOf(free, used * 2);
            }
            slot = used++;
        }
        events[slot] = event;
        return slot;
    }

    /** Returns the event in {@code slot} and frees the slot. */
    Event take(int slot) {
        Event event = events[slot];
        events[slot] = null;
        free[freeCount++] = slot;
        return event;
    }
}
