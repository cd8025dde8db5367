package capsim.models.period;

import capsim.engine.stats.LatencyRecorder;
import capsim.engine.stats.TimeWeighted;
import capsim.engine.stats.WindowedLatency;
import capsim.engine.stats.WindowedSeries;
import capsim.models.tier.Horizon;
import java.util.function.Function;

/**
 * One tier in one period: the visits of requests that arrived in the period (count, failures,
 * latency when they finish by the period's stop), and, clipped to the period's span, busy
 * server-seconds, work offered and the nodes in service and billed (time-weighted), overall and
 * per window. Node counts are those current at the period's start, then each change up to its end.
 * In a sampled tier (docs/fidelity.md) utilisation is over the simulated nodes' servers, node
 * counts over every node. The per-window figures are kept twice when the time-series windows
 * differ from the uptime windows ({@link Horizon#separateSeries()}).
 */
public final class TierRecorder {
    private final Horizon horizon;
    private final int workers;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final Windows uptime;
    private final Windows series;
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
    /** True once the tier is seen to simulate fewer nodes than it has. */
    private boolean sampled;
    /** True once a credit balance was recorded: the tier's nodes are burstable. */
    private boolean credited;

    TierRecorder(Horizon horizon, int workers) {
        this.horizon = horizon;
        this.workers = workers;
        this.uptime = new Windows(horizon.windowS(), horizon.windows());
        this.series = horizon.separateSeries() ? new Windows(horizon.seriesS(), horizon.seriesWindows()) : uptime;
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
            uptime.servers.addBusy(from, to, servers);
            if (series != uptime) {
                series.servers.addBusy(from, to, servers);
            }
        }
    }

    /** {@code serviceS} of work (at full speed) was offered at {@code nowS}, inside the period. */
    public void offered(double nowS, double serviceS) {
        offeredWorkS += serviceS;
        uptime.offered(nowS, serviceS);
        if (series != uptime) {
            series.offered(nowS, serviceS);
        }
    }

    /** From {@code nowS} the tier has {@code booting} nodes launched and not yet in service. */
    public void booting(double nowS, int booting) {
        if (nowS <= horizon.endS()) {
            level(w -> w.booting, nowS, booting);
        }
    }

    /** From {@code nowS} the tier's autoscaler wants {@code desired} nodes. */
    public void desired(double nowS, int desired) {
        if (nowS <= horizon.endS()) {
            level(w -> w.desired, nowS, desired);
        }
    }

    /** From {@code nowS} the tier's burstable nodes hold {@code balance} CPU credits each, on average. */
    public void credits(double nowS, double balance) {
        credited = true;
        if (nowS <= horizon.endS()) {
            level(w -> w.credits, nowS, balance);
        }
    }

    /** Sets the level picked by {@code which} from {@code nowS} (the period's start if earlier), in both grains. */
    private void level(Function<Windows, WindowedSeries> which, double nowS, double value) {
        double from = Math.max(nowS, horizon.warmupS());
        which.apply(uptime).updateLevel(from, value);
        if (series != uptime) {
            which.apply(series).updateLevel(from, value);
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
        level(w -> w.servers, nowS, (double) simulated * workers);
        level(w -> w.nodes, nowS, inService);
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

    /** Visit latency per uptime window, by the time the visit was recorded. */
    public WindowedLatency latencyWindows() {
        return uptime.latency;
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

    /** True when the tier's nodes hold CPU credits (a balance was recorded). */
    public boolean hasCredits() {
        return credited;
    }

    /** The figures per uptime window. */
    public Windows uptimeWindows() {
        return uptime;
    }

    /** The figures per time-series window (the uptime windows' own when the lengths agree). */
    public Windows seriesWindows() {
        return series;
    }

    /** Simulated nodes in service, time-averaged over the period (the nodes in service unless sampled). */
    public double simulatedNodesMean() {
        started();
        return serversInService.average(horizon.endS()) / workers;
    }

    /**
     * The tier's figures per window of one length over the period: visit latency, busy and
     * in-service servers, nodes in service, booting, desired, the credit balance and work offered.
     */
    public final class Windows {
        private final WindowedLatency latency;
        private final WindowedSeries servers;
        private final WindowedSeries nodes;
        private final WindowedSeries booting;
        private final WindowedSeries desired;
        private final WindowedSeries credits;
        private final double lengthS;
        private final double[] offered;
        /** Two times seen in window {@code hit} by {@link #offered}: so is every time between them. */
        private double hitFromS = Double.NaN;
        private double hitToS = Double.NaN;
        private int hit;

        private Windows(double lengthS, int count) {
            this.lengthS = lengthS;
            this.latency = new WindowedLatency(TierRecorder.this.latency, count);
            this.servers = series();
            this.nodes = series();
            this.booting = series();
            this.desired = series();
            this.credits = series();
            this.offered = new double[count];
        }

        private WindowedSeries series() {
            return new WindowedSeries(horizon.warmupS(), horizon.endS(), lengthS);
        }

        private void offered(double nowS, double serviceS) {
            int i;
            if (nowS >= hitFromS && nowS <= hitToS) {
                i = hit; // most offers fall between two times already seen in the same window
            } else {
                i = window(nowS);
                hit = i;
                hitFromS = nowS;
                hitToS = lastTimeIn(i, nowS);
            }
            if (i >= 0 && i < offered.length) {
                offered[i] += serviceS;
            }
        }

        private int window(double timeS) {
            return (int) Math.floor((timeS - horizon.warmupS()) / lengthS);
        }

        /**
         * A time at or after {@code fromS}, in window {@code i} as {@code fromS} is, as late as a few
         * steps down from the window's end find (the window of a time only grows with the time, so
         * every time between the two is in window {@code i} too).
         */
        private double lastTimeIn(int i, double fromS) {
            double t = Math.nextDown(horizon.warmupS() + (i + 1.0) * lengthS);
            for (int step = 0; step < 8 && t > fromS; step++) {
                if (window(t) == i) {
                    return t;
                }
                t = Math.nextDown(t);
            }
            return fromS;
        }

        /** Visit latency per window, by the time the visit was recorded. */
        public WindowedLatency latency() {
            return latency;
        }

        /** Time-averaged utilisation in window {@code i}. */
        public double utilization(int i) {
            double level = servers.levelAverage(i);
            return level > 0 ? servers.busyAverage(i) / level : 0;
        }

        /** Time-averaged nodes in service in window {@code i}. */
        public double nodes(int i) {
            return sampled ? nodes.levelAverage(i) : servers.levelAverage(i) / workers;
        }

        /** Booting nodes, time-averaged over window {@code i}. */
        public double booting(int i) {
            return booting.levelAverage(i);
        }

        /** The autoscaler's desired capacity, time-averaged over window {@code i}. */
        public double desired(int i) {
            return desired.levelAverage(i);
        }

        /** CPU credits per burstable node, time-averaged over window {@code i} (as of each credit check). */
        public double credits(int i) {
            return credits.levelAverage(i);
        }

        /**
         * Offered load of window {@code i}: work (server-seconds at full speed) that arrived in the
         * window / server-seconds in service in it; 0 with no server in service.
         */
        public double offered(int i) {
            double serverS = servers.levelAverage(i) * servers.windowLengthS(i);
            return serverS > 0 ? offered[i] / serverS : 0;
        }
    }
}
