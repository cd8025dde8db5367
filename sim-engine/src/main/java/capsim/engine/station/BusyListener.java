package capsim.engine.station;

/**
 * Receives a station's busy periods so that utilisation can be integrated exactly, per
 * measurement window if the caller wishes: {@code servers} servers were busy from
 * {@code fromS} to {@code toS}. An FCFS station reports each job's service interval (possibly
 * in the future) at once; a processor-sharing station reports piecewise-constant intervals as
 * its state changes.
 */
@FunctionalInterface
public interface BusyListener {
    BusyListener NONE = (fromS, toS, servers) -> { };

    void busy(double fromS, double toS, double servers);
}
