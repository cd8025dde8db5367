package capsim.engine.station;

/** How a job left a station. */
public enum Outcome {
    /** Served to completion. */
    SERVED,
    /** Refused on arrival: the waiting room was full. */
    REJECTED,
    /** Gave up: not served (FCFS: not started; PS: not finished) within the timeout. */
    TIMED_OUT
}
