package capsim.engine.station;

/**
 * A service centre of {@code servers} identical servers with a waiting room. A job is offered
 * with its service demand in seconds at full speed; the station tells the job's {@link Visit}
 * when and how it left. Built on one {@link capsim.engine.kernel.Simulation}.
 */
public interface Station {
    /** Offers a job arriving now with service demand {@code serviceS} seconds. */
    void offer(double serviceS, Visit visit);

    /** Number of servers. */
    int servers();

    /** Jobs in the station now (waiting or in service). */
    int inSystem();

    /**
     * A lower bound on {@link #inSystem()} at every instant from now to {@code untilS}, whatever
     * arrives meanwhile (arrivals only add jobs): the jobs already here that will still be here
     * at {@code untilS}. 0 by default, which always holds; a station that knows its jobs'
     * departures in advance (FCFS) counts them.
     */
    default int heldUntil(double untilS) {
        return 0;
    }

    /**
     * Sets the speed factor (service time = demand / factor), e.g. a burstable CPU throttled to
     * its baseline; default 1. An FCFS station applies it to jobs offered from now on, a
     * processor-sharing station at once.
     */
    void setSpeed(double factor);

    /** The speed factor in force. */
    double speed();

    /**
     * Server-seconds of service already reported to the busy listener that lie after now (an
     * FCFS station reports a job's whole service when the job arrives); 0 by default.
     */
    default double bookedAheadS() {
        return 0;
    }

    /** Jobs rejected because the waiting room was full, so far. */
    long rejected();

    /** Jobs that timed out, so far. */
    long timedOut();
}
