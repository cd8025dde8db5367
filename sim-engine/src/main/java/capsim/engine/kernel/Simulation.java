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
    /**
     * Events fired per call of the event loop's inner method. A run of hundreds of millions of
     * events is a sequence of calls of a million each rather than one loop that lasts the whole
     * run, so no activation of compiled loop code outlives the code it runs: when HotSpot
     * replaces a method that the loop calls directly (a recompilation, a deoptimisation in
     * another thread sharing the code), a loop activation whose own code was meanwhile retired
     * can no longer have its call sites patched, and for the rest of its life calls the
     * replaced method through the interpreter. On a two-thread run of {@code stars-100k} one
     * loop that lasted a whole measured hour spent 7 of its 34 s there (README, Performance).
     * The outer loop runs a few hundred times a run, too few for the JIT to compile it with the
     * inner one inlined.
     */
    static final int BATCH = 1 << 20;
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
        while (fireBatch(endS)) {
            // each batch is a call of its own: see BATCH
        }
        if (!stopRequested && endS != Double.POSITIVE_INFINITY && endS > now) {
            now = endS;
        }
    }

    /**
     * Fires at most {@link #BATCH} events due at or before {@code endS}; true when the batch ran
     * out before the events did (none left due, or a stop asked for: false).
     */
    private boolean fireBatch(double endS) {
        for (int i = 0; i < BATCH; i++) {
            if (events.isEmpty()) {
                return false;
            }
            double t = events.firstTime();
            if (t > endS) {
                return false;
            }
            if (step(t) && stopRequested) {
                return false;
            }
        }
        return true;
    }

    /** Runs while {@code condition} holds before each event, or until no events are pending. */
    public void runWhile(BooleanSupplier condition) {
        stopRequested = false;
        while (!events.isEmpty() && condition.getAsBoolean()) {
            step(events.firstTime());
            if (stopRequested) {
                return;
            }
        }
    }

    /**
     * Fires the first pending event, due at {@code t}; returns false if it had been cancelled (and
     * skips it). Its sequence number is read only while some event is cancelled.
     */
    private boolean step(double t) {
        boolean skip = cancelled.size() > 0 && cancelled.remove(events.firstSeq());
        Event e = events.removeFirst();
        if (skip) {
            return false;
        }
        now = t;
        fired++;
        e.fire();
        return true;
    }
}
