package capsim.models.period;

import capsim.engine.stats.LatencyRecorder;
import capsim.engine.stats.TimeWeighted;
import capsim.engine.stats.WindowedLatency;
import capsim.engine.stats.WindowedSeries;
import capsim.models.tier.Horizon;

/**
 * One tier in one period: the visits of requests that arrived in the period (count, failures,
 * latency when they finish by the period's stop), and, clipped to the period's span, busy
 * server-seconds, work offered and the nodes in service and billed (time-weighted), overall and
 * per window. Node counts are those current at the period's start, then each change up to its end.
 * In a sampled tier (docs/fidelity.md) utilisation is over the simulated nodes' servers, node
 * counts over every node.
 */
public final class TierRecorder {
    private final Horizon horizon;
    private final int workers;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final WindowedLatency latencyWindows;
    private final WindowedSeries windows;
    private double busyServerS;
    private double offeredWorkS;
    private long visits;
    private long rejected;
    private long timedOut;
    /** Node counts at the period's start; the time-weighted ones are created from them once it has begun. */
    private double inServiceBefore;
    private double simulatedBefore;
    private double billedBefore;
    private TimeWeighted nodesInService;
    private TimeWeighted serversInService;
    private TimeWeighted nodesBilled;
    /** Nodes in service per window, kept once the tier is seen to simulate fewer nodes than it has. */
    private final WindowedSeries nodeWindows;
    private boolean sampled;
    /** Booting nodes and the autoscaler's desired capacity per window (levels); work offered per window. */
    private final WindowedSeries bootingWindows;
    private final WindowedSeries desiredWindows;
    private final double[] offeredWindows;

    TierRecorder(Horizon horizon, int workers) {
        this.horizon = horizon;
        this.workers = workers;
        this.latencyWindows = new WindowedLatency(latency, horizon.windows());
        this.windows = new WindowedSeries(horizon.warmupS(), horizon.endS(), horizon.windowS());
        this.nodeWindows = new WindowedSeries(horizon.warmupS(), horizon.endS(), horizon.windowS());
        this.bootingWindows = new WindowedSeries(horizon.warmupS(), horizon.endS(), horizon.windowS());
        this.desiredWindows = new WindowedSeries(horizon.warmupS(), horizon.endS(), horizon.windowS());
        this.offeredWindows = new double[horizon.windows()];
    }

    /** A visit left at {@code departS} (served when {@code ok}); its latency counts if it left by the stop. */
    public void visit(double arrivalS, double departS, boolean ok) {
        visits++;
        if (ok && horizon.finishesInRun(departS)) {
            latency.recordSeconds(departS - arrivalS);
        }
    }

    /** A visit was refused or gave up ({@code timeout}). */
    public void failure(boolean timeout) {
        visits++;
        if (timeout) {
            timedOut++;
        } else {
            rejected++;
        }
    }

    /** {@code servers} were busy from {@code fromS} to {@code toS}; the part inside the period counts. */
    public void busy(double fromS, double toS, double servers) {
        double from = Math.max(fromS, horizon.warmupS());
        double to = Math.min(toS, horizon.endS());
        if (to > from) {
            busyServerS += (to - from) * servers;
            windows.addBusy(from, to, servers);
        }
    }

    /** {@code serviceS} of work (at full speed) was offered at {@code nowS}, inside the period. */
    public void offered(double nowS, double serviceS) {
        offeredWorkS += serviceS;
        int i = (int) Math.floor((nowS - horizon.warmupS()) / horizon.windowS());
        if (i >= 0 && i < offeredWindows.length) {
            offeredWindows[i] += serviceS;
        }
    }

    /** From {@code nowS} the tier has {@code booting} nodes launched and not yet in service. */
    public void booting(double nowS, int booting) {
        if (nowS <= horizon.endS()) {
            bootingWindows.updateLevel(Math.max(nowS, horizon.warmupS()), booting);
        }
    }

    /** From {@code nowS} the tier's autoscaler wants {@code desired} nodes. */
    public void desired(double nowS, int desired) {
        if (nowS <= horizon.endS()) {
            desiredWindows.updateLevel(Math.max(nowS, horizon.warmupS()), desired);
        }
    }

    /** From {@code nowS} the tier has {@code inService} nodes taking work and {@code billed} billed. */
    public void nodes(double nowS, int inService, int billed) {
        nodes(nowS, inService, inService, billed);
    }

    /** As above, of which {@code simulated} nodes in service are simulated (all but in a sampled tier). */
    public void nodes(double nowS, int inService, int simulated, int billed) {
        if (nowS > horizon.endS()) {
            return;
        }
        sampled |= simulated != inService;
        windows.updateLevel(Math.max(nowS, horizon.warmupS()), (double) simulated * workers);
        nodeWindows.updateLevel(Math.max(nowS, horizon.warmupS()), inService);
        if (nowS <= horizon.warmupS()) {
            inServiceBefore = inService;
            simulatedBefore = simulated;
            billedBefore = billed;
            return;
        }
        started();
        nodesInService.update(nowS, inService);
        serversInService.update(nowS, (double) simulated * workers);
        nodesBilled.update(nowS, billed);
    }

    /** Creates the time-weighted counts at the period's start, from the counts current then. */
    private void started() {
        if (nodesInService == null) {
            nodesInService = new TimeWeighted(horizon.warmupS(), inServiceBefore);
            serversInService = new TimeWeighted(horizon.warmupS(), simulatedBefore * workers);
            nodesBilled = new TimeWeighted(horizon.warmupS(), billedBefore);
        }
    }

    public Horizon horizon() {
        return horizon;
    }

    public LatencyRecorder latency() {
        return latency;
    }

    /** Visit latency per window, by the time the visit was recorded. */
    public WindowedLatency latencyWindows() {
        return latencyWindows;
    }

    public long visits() {
        return visits;
    }

    public long rejected() {
        return rejected;
    }

    public long timedOut() {
        return timedOut;
    }

    /** Nodes in service over the period (min, mean, max); read after the period's end. */
    public TimeWeighted nodesInService() {
        started();
        return nodesInService;
    }

    /** Billed nodes (launched, not stopped) over the period: node-seconds for the bill. */
    public TimeWeighted nodesBilled() {
        started();
        return nodesBilled;
    }

    /** Busy server-seconds / server-seconds in service over the period. */
    public double utilization() {
        started();
        double capacity = serversInService.average(horizon.endS()) * horizon.measuredS();
        return capacity > 0 ? busyServerS / capacity : 0;
    }

    /** Work offered (server-seconds at full speed) / server-seconds in service over the period. */
    public double offeredUtilization() {
        started();
        double capacity = serversInService.average(horizon.endS()) * horizon.measuredS();
        return capacity > 0 ? offeredWorkS / capacity : 0;
    }

    /** Time-averaged utilisation in window {@code i}. */
    public double windowUtilization(int i) {
        double servers = windows.levelAverage(i);
        return servers > 0 ? windows.busyAverage(i) / servers : 0;
    }

    /** Time-averaged nodes in service in window {@code i}. */
    public double windowNodes(int i) {
        return sampled ? nodeWindows.levelAverage(i) : windows.levelAverage(i) / workers;
    }

    /** Booting nodes, time-averaged over window {@code i}. */
    public double windowBooting(int i) {
        return bootingWindows.levelAverage(i);
    }

    /** The autoscaler's desired capacity, time-averaged over window {@code i}. */
    public double windowDesired(int i) {
        return desiredWindows.levelAverage(i);
    }

    /**
     * Offered load of window {@code i}: work (server-seconds at full speed) that arrived in the
     * window / server-seconds in service in it; 0 with no server in service.
     */
    public double windowOffered(int i) {
        double serverS = windows.levelAverage(i) * windows.windowLengthS(i);
        return serverS > 0 ? offeredWindows[i] / serverS : 0;
    }

    /** Simulated nodes in service, time-averaged over the period (the nodes in service unless sampled). */
    public double simulatedNodesMean() {
        started();
        return serversInService.average(horizon.endS()) / workers;
    }
}
