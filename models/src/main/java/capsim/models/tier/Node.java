package capsim.models.tier;

import capsim.engine.station.Station;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of a tier: its station (workers x servers), its zone, its life cycle and the
 * WebSocket connections it holds. A node takes new work only while {@link State#IN_SERVICE};
 * it is billed from launch until it stops.
 */
public final class Node {
    /** Life cycle: launched nodes boot, serve, may drain (scale-in) and stop, or fail. */
    public enum State {
        /** Launched, not yet in service (billed). */
        BOOTING,
        /** Taking work. */
        IN_SERVICE,
        /** Scaled in: finishes its work, takes no new work (billed). */
        DRAINING,
        /** Down: work sent to it fails (billed while its replacement boots, if any). */
        FAILED,
        /** Gone: neither serving nor billed. */
        STOPPED
    }

    private final int id;
    private final String zone;
    private final Station station;
    private final double launchedS;
    private final List<double[]> downIntervals = new ArrayList<>();
    private State state;
    private double stateSinceS;
    private long connections;
    private double busyServerS;
    private double workS;
    private double coldSinceS = Double.NEGATIVE_INFINITY;

    public Node(int id, String zone, Station station, State state, double nowS) {
        this.id = id;
        this.zone = zone;
        this.station = station;
        this.state = state;
        this.stateSinceS = nowS;
        this.launchedS = nowS;
    }

    public int id() {
        return id;
    }

    public String zone() {
        return zone;
    }

    public Station station() {
        return station;
    }

    public State state() {
        return state;
    }

    /** When the node was launched (created), seconds. */
    public double launchedS() {
        return launchedS;
    }

    /** When the node entered its current state, seconds. */
    public double stateSinceS() {
        return stateSinceS;
    }

    void setState(State newState, double nowS) {
        if (newState == State.FAILED && state != State.FAILED) {
            downIntervals.add(new double[] {nowS, Double.POSITIVE_INFINITY});
        } else if (state == State.FAILED && newState != State.FAILED) {
            downIntervals.get(downIntervals.size() - 1)[1] = nowS;
        }
        state = newState;
        stateSinceS = nowS;
    }

    /** True while the node takes new work. */
    public boolean inService() {
        return state == State.IN_SERVICE;
    }

    /** True while the node costs money (launched and not stopped). */
    public boolean billed() {
        return state != State.STOPPED;
    }

    /** True if the node was down at some instant of [fromS, toS]: work it held then was lost. */
    public boolean downDuring(double fromS, double toS) {
        for (int i = downIntervals.size() - 1; i >= 0; i--) {
            double[] d = downIntervals.get(i);
            if (d[0] <= toS && d[1] >= fromS) {
                return true;
            }
            if (d[1] < fromS) {
                return false;
            }
        }
        return false;
    }

    /** When the node last came back empty (a cache that lost its content), seconds; -infinity: never. */
    public double coldSinceS() {
        return coldSinceS;
    }

    /** The node is back now with an empty cache, which refills from here. */
    public void restartCold(double nowS) {
        coldSinceS = nowS;
    }

    public long connections() {
        return connections;
    }

    public void addConnections(long n) {
        connections += n;
    }

    /** Busy server-seconds reported by this node's station so far (service already booked). */
    public double busyServerS() {
        return busyServerS;
    }

    /**
     * Work booked so far in server-seconds at full speed: busy server-seconds x the station's
     * speed when they were reported (CPU actually used, e.g. for burst credits).
     */
    public double workS() {
        return workS;
    }

    void addBusy(double serverS) {
        busyServerS += serverS;
        workS += serverS * station.speed();
    }
}
