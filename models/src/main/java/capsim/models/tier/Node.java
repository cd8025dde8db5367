package capsim.models.tier;

import capsim.engine.station.Station;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>Its speed is the product of its {@link SpeedFactor}s, composed here and nowhere else; the
 * station runs at that product. The CPU time it is charged ({@link #cpuS()}) counts busy time at
 * the factors that are shares of the CPU only.
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
    private final double[] speedFactors = new double[SpeedFactor.values().length];
    private double busyServerS;
    private double cpuS;
    /** {@link #shareOfCpu()} of the factors in force, kept as they change (every busy report reads it). */
    private double cpuShare = 1;
    private double coldSinceS = Double.NEGATIVE_INFINITY;
    private double coldShare = 1;
    private double failedShare = 1;
    /** The node's recent utilisation under a load-dependent demand; null without one. */
    private RecentUtilisation recent;

    /** A node whose CPU runs at {@code cpuSpeed} x the reference type's; its other factors start at 1. */
    public Node(int id, String zone, Station station, State state, double nowS, double cpuSpeed) {
        this(id, zone, station, state, nowS, cpuSpeed, true);
    }

    /** As above, taking simulated work ({@code simulated}) or only standing in the tier's counts. */
    public Node(int id, String zone, Station station, State state, double nowS, double cpuSpeed, boolean simulated) {
        this.simulated = simulated;
        this.id = id;
        this.zone = zone;
        this.station = station;
        this.state = state;
        this.stateSinceS = nowS;
        this.launchedS = nowS;
        Arrays.fill(speedFactors, 1.0);
        setSpeedFactor(SpeedFactor.CPU, cpuSpeed);
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

    /** The node's speed: the product of its factors (service time = demand / speed). */
    public double speed() {
        return product(null, 0);
    }

    /** The value of one factor of the node's speed. */
    public double speedFactor(SpeedFactor factor) {
        return speedFactors[factor.ordinal()];
    }

    /**
     * Sets one factor (> 0) of the node's speed and runs the station at the new product. The
     * station is told first, so that busy time it reports up to now (a processor-sharing station
     * does) is charged at the factors in force until now.
     */
    public void setSpeedFactor(SpeedFactor factor, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(factor + " speed factor must be > 0, was " + value);
        }
        if (speedFactors[factor.ordinal()] == value) {
            return;
        }
        station.setSpeed(product(factor, value));
        speedFactors[factor.ordinal()] = value;
        cpuShare = shareOfCpu();
    }

    /** The product of the factors, with {@code replaced} (if not null) taken as {@code value}. */
    private double product(SpeedFactor replaced, double value) {
        double p = 1;
        for (SpeedFactor f : SpeedFactor.values()) {
            p *= f == replaced ? value : speedFactors[f.ordinal()];
        }
        return p;
    }

    /** The share of wall-clock time the node has its CPU: the product of the share factors. */
    private double shareOfCpu() {
        double p = 1;
        for (SpeedFactor f : SpeedFactor.values()) {
            if (f.cpuShare()) {
                p *= speedFactors[f.ordinal()];
            }
        }
        return p;
    }

    /**
     * CPU-seconds used so far, as booked: busy server-seconds x the node's share of its CPU when
     * they were reported (what burst credits count). A faster CPU is busy for less time with the
     * same demand, so it uses fewer CPU-seconds; a node held at baseline is busy longer for the
     * same CPU-seconds.
     */
    public double cpuS() {
        return cpuS;
    }

    /** {@code serverS} busy server-seconds reported by the station at {@code nowS}. */
    void addBusy(double serverS, double nowS) {
        busyServerS += serverS;
        cpuS += serverS * cpuShare;
        if (recent != null) {
            recent.busy(nowS, serverS);
        }
    }

    /** From now on the node's demand depends on its recent utilisation as {@code utilisation} says. */
    void loadDependent(RecentUtilisation utilisation) {
        recent = utilisation;
    }

    /**
     * Sets the {@link SpeedFactor#LOAD} factor for a visit arriving at {@code nowS} from the
     * node's recent utilisation; nothing without a load-dependent demand.
     */
    void followLoad(double nowS) {
        if (recent != null) {
            setSpeedFactor(SpeedFactor.LOAD, 1 / recent.demandFactor(nowS));
        }
    }
}
