package capsim.engine.station;

/**
 * The caller's side of one job at a {@link Station}: told once how and when the job left.
 * A station may call it at once with a future time (an FCFS station knows the departure time
 * on arrival) or later, from an event (processor sharing).
 */
@FunctionalInterface
public interface Visit {
    /**
     * The job left the station at {@code timeS} (>= the time it was offered).
     *
     * @param timeS   departure time: completion (SERVED), the arrival time (REJECTED) or
     *                arrival + timeout (TIMED_OUT)
     * @param outcome how it left
     */
    void departed(double timeS, Outcome outcome);
}
