package capsim.engine.kernel;

import java.util.function.BooleanSupplier;

/**
 * One discrete-event simulation: a clock and a pending-event list, event-scheduling world
 * view. Everything lives in the instance (no static state), so simulations run side by side in
 * parallel threads without sharing anything. Events due at the same time fire in the order in
 * which they were scheduled, which makes a run reproducible.
 *
 * <p>Time is in seconds of simulated time. {@link #schedule} returns a handle that
 * {@link #cancel} accepts; cancellation is lazy (the entry stays in the list and is skipped
 * when it comes due), which keeps the common path of schedule-then-fire free of bookkeeping.
 */
public final class Simulation {
    private final EventList events;
    private final LongSet cancelled = new LongSet();
    private double now;
    private long nextSeq;
    private long fired;
    private boolean stopRequested;

    public Simulation() {
        this(new TwoLevelEventList());
    }

    public Simulation(EventList events) {
        this.events = events;
    }

    /** The current simulated time, seconds. */
    public double now() {
        return now;
    }

    /** Number of events fired so far (cancelled events are not counted). */
    public long eventsFired() {
        return fired;
    }

    /** Number of pending entries, including cancelled ones not yet reached. */
    public int pending() {
        return events.size();
    }

    /** Schedules {@code event} at absolute time {@code timeS}; returns a handle for {@link #cancel}. */
    public long schedule(double timeS, Event event) {
        long seq = nextSeq(timeS);
        events.add(timeS, seq, event);
        return seq;
    }

    /**
     * A lane for a stream of events scheduled at (usually) non-decreasing times: they fire as if
     * scheduled here, but cost the event list less ({@link Lane}).
     */
    public Lane lane() {
        return new Lane(this, events.openLane());
    }

    /** Schedules {@code event} at {@code timeS} in lane {@code lane} of the event list (-1: none). */
    long schedule(int lane, double timeS, Event event) {
        long seq = nextSeq(timeS);
        events.addToLane(lane, timeS, seq, event);
        return seq;
    }

    /** The sequence number of an event scheduled now at {@code timeS}, which must not be in the past. */
    private long nextSeq(double timeS) {
        if (!(timeS >= now)) { // also rejects NaN
            throw new IllegalArgumentException("cannot schedule at " + timeS + " s: now is " + now + " s");
        }
        return nextSeq++;
    }

    /** Schedules {@code event} after {@code delayS} seconds from now; returns a handle. */
    public long scheduleAfter(double delayS, Event event) {
        return schedule(now + delayS, event);
    }

    /**
     * Cancels a pending event by its handle. Cancelling an event that already fired or was
     * already cancelled is a programming error the kernel cannot always detect; don't.
     */
    public void cancel(long handle) {
        if (handle >= 0 && handle < nextSeq) {
            cancelled.add(handle);
        }
    }

    /** Asks the running loop to return after the current event. */
    public void stop() {
        stopRequested = true;
    }

    /** Runs until no events are pending (or {@link #stop()} is called). */
    public void run() {
        runUntil(Double.POSITIVE_INFINITY);
    }

    /**
     * Fires every event due at or before {@code endS}, then sets the clock to {@code endS}
     * (unless stopped early or {@code endS} is infinite).
     */
    public void runUntil(double endS) {
        stopRequested = false;
        while (!events.isEmpty() && events.firstTime() <= endS) {
            if (!step()) {
                continue;
            }
            if (stopRequested) {
                return;
            }
        }
        if (endS != Double.POSITIVE_INFINITY && endS > now) {
            now = endS;
        }
    }

    /** Runs while {@code condition} holds before each event, or until no events are pending. */
    public void runWhile(BooleanSupplier condition) {
        stopRequested = false;
        while (!events.isEmpty() && condition.getAsBoolean()) {
            step();
            if (stopRequested) {
                return;
            }
        }
    }

    /** Fires the first pending event; returns false if it had been cancelled (and skips it). */
    private boolean step() {
        double t = events.firstTime();
        long seq = events.firstSeq();
        Event e = events.removeFirst();
        if (cancelled.size() > 0 && cancelled.remove(seq)) {
            return false;
        }
        now = t;
        fired++;
        e.fire();
        return true;
    }
}
