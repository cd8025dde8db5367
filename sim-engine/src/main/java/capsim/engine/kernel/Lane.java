package capsim.engine.kernel;

/**
 * A simulation's way to schedule a stream of events whose times usually do not decrease, such
 * as a source's next arrival or a hop a constant delay after a FIFO server's departures. The
 * events fire exactly when and in the order they would through {@link Simulation#schedule}
 * (time, then scheduling order); the event list keeps in-order ones in a FIFO ring instead of
 * its heap, which is cheaper. Out-of-order events are allowed and simply take the heap.
 */
public final class Lane {
    private final Simulation sim;
    private final int lane;

    Lane(Simulation sim, int lane) {
        this.sim = sim;
        this.lane = lane;
    }

    /** Schedules {@code event} at absolute time {@code timeS}, as {@link Simulation#schedule} does; returns its handle. */
    public long schedule(double timeS, Event event) {
        return sim.schedule(lane, timeS, event);
    }
}
