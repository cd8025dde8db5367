package capsim.models.workload;

/** An arrival stream: given the time of the previous arrival, the time of the next one. */
public interface ArrivalProcess {
    /** The next arrival after {@code nowS}; {@code Double.POSITIVE_INFINITY} if there is none. */
    double next(double nowS);
}
