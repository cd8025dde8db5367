package capsim.models.tier;

import capsim.engine.station.Station;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of a tier: its station (workers x servers), its zone, its life cycle and the
 * WebSocket connections it holds. A node takes new work only while {@link State#IN_SERVICE};
 * it is billed from launch until it stops.
 *
 * <p>In a sampled tier (docs/fidelity.md) only some nodes are {@link #simulated()}: the others
 * live, fail and are billed like any node but take no simulated work. A simulated node may then
 * stand for several nodes; a failure that takes only some of them down has a share below 1
 * ({@link #downShare}): a request reaching the node is lost with that probability.
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
    private final boolean simulated;
    private final List<double[]> downIntervals = new ArrayList<>();
    private State state;
    private double stateSinceS;
    private long connections;
    private double busyServerS;
    private double workS;
    private double coldSinceS = Double.NEGATIVE_INFINITY;
    private double coldShare = 1;
    private double failedShare = 1;

    public Node(int id, String zone, Station station, State state, double nowS) {
        this(id, zone, station, state, nowS, true);
    }

    /** A node that takes simulated work ({@code simulated}) or only stands in the tier's counts. */
    public Node(int id, String zone, Station station, State state, double nowS, boolean simulated) {
        this.simulated = simulated;
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

    /** True when the node takes simulated work (every node of a tier simulated in full). */
    public boolean simulated() {
        return simulated;
    }

    void setState(State newState, double nowS) {
        setState(newState, nowS, 1);
    }

    /** As {@link #setState(State, double)}; a failure takes down {@code share} of the nodes this one stands for. */
    void setState(State newState, double nowS, double share) {
        if (newState == State.FAILED && state != State.FAILED) {
            failedShare = share;
            downIntervals.add(new double[] {nowS, Double.POSITIVE_INFINITY, share});
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

    /**
     * The largest share of the nodes this one stands for that was down at some instant of
     * [fromS, toS]; 0 when it was up throughout (1 for a failure of this very node).
     */
    public double downShare(double fromS, double toS) {
        double share = 0;
        for (int i = downIntervals.size() - 1; i >= 0; i--) {
            double[] d = downIntervals.get(i);
            if (d[0] <= toS && d[1] >= fromS) {
                share = Math.max(share, d[2]);
            }
            if (d[1] < fromS) {
                break;
            }
        }
        return share;
    }

    /** The share of the nodes this one stands for taken down by its current failure (1 in full). */
    public double failedShare() {
        return failedShare;
    }

    /** When the node last came back empty (a cache that lost its content), seconds; -infinity: never. */
    public double coldSinceS() {
        return coldSinceS;
    }

    /** The node is back now with an empty cache, which refills from here. */
    public void restartCold(double nowS) {
        restartCold(nowS, 1);
    }

    /** As {@link #restartCold(double)}, for {@code share} of the nodes this one stands for. */
    public void restartCold(double nowS, double share) {
        coldSinceS = nowS;
        coldShare = share;
    }

    /** The share of the nodes this one stands for that came back empty at {@link #coldSinceS()}. */
    public double coldShare() {
        return coldShare;
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
