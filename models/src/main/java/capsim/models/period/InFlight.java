package capsim.models.period;

/**
 * Something a period counts from its arrival until it finishes (a request): while neither
 * completed nor failed it is linked into its period's list of unfinished work, so that at the
 * period's stop it can be counted, and its age taken as a lower bound on its latency.
 */
public abstract class InFlight {
    InFlight previous;
    InFlight next;

    /** When it arrived, simulated seconds. */
    public abstract double arrivalS();

    /** The region it started in; -1 without regions. */
    public abstract int origin();
}
