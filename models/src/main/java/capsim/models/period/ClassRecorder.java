package capsim.models.period;

import capsim.engine.station.Outcome;
import capsim.engine.stats.LatencyRecorder;
import capsim.models.tier.Horizon;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request class in one period: the requests that arrived in it, those that completed by its
 * stop (their end-to-end latency, overall, per window and by the region they started in), those
 * that failed, and those still unfinished at its stop. A request counts in the window it ARRIVED
 * in, whenever it finishes: its latency if it completes, an error if it fails or is left
 * unfinished ({@link ArrivalWindows}). At the stop ({@link #stop}) the figures freeze, so that
 * arrived = completed + rejected + timed out + unfinished; each unfinished request is then
 * recorded in the latencies (not the windows') at its age, a lower bound on its latency (a
 * right-censored observation). The per-window figures are kept twice when the time-series
 * windows differ from the uptime windows ({@link Horizon#separateSeries()}).
 *
 * <p>Requests are told in the order they arrived, so the list of unfinished ones is oldest first.
 */
public final class ClassRecorder {
    private final Horizon horizon;
    private final List<String> regions;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final ArrivalWindows uptime;
    private final ArrivalWindows series;
    private final LatencyRecorder[] byRegion;
    private long arrived;
    private long completed;
    private long rejected;
    private long timedOut;
    private long unfinished;
    private final InFlightList unfinishedList = new InFlightList();
    private boolean stopped;

    ClassRecorder(Horizon horizon, List<String> regions) {
        this.horizon = horizon;
        this.regions = List.copyOf(regions);
        this.uptime = new ArrivalWindows(horizon.warmupS(), horizon.windowS(), horizon.windows());
        this.series = horizon.separateSeries()
                ? new ArrivalWindows(horizon.warmupS(), horizon.seriesS(), horizon.seriesWindows()) : uptime;
        this.byRegion = new LatencyRecorder[regions.size()];
        Arrays.setAll(byRegion, i -> new LatencyRecorder());
    }

    /** Request {@code r} arrived: it is unfinished until it completes or fails. */
    public void arrival(InFlight r) {
        if (stopped) {
            return;
        }
        arrived++;
        uptime.arrived(r.arrivalS());
        if (series != uptime) {
            series.arrived(r.arrivalS());
        }
        unfinishedList.add(r);
    }

    /** Request {@code r} completed at {@code timeS}; it counts if that is by the period's stop. */
    public void completed(InFlight r, double timeS) {
        if (stopped || !horizon.finishesInRun(timeS)) {
            return; // a station may tell a departure beyond the stop at once; it is not seen to finish
        }
        completed++;
        double latencyS = timeS - r.arrivalS();
        latency.recordSeconds(latencyS);
        uptime.completed(r.arrivalS(), latencyS);
        if (series != uptime) {
            series.completed(r.arrivalS(), latencyS);
        }
        if (r.origin() >= 0) {
            byRegion[r.origin()].recordSeconds(latencyS);
        }
        unlink(r);
    }

    /** Request {@code r} failed with {@code outcome}. */
    public void failed(InFlight r, Outcome outcome) {
        if (stopped) {
            return;
        }
        if (outcome == Outcome.TIMED_OUT) {
            timedOut++;
        } else {
            rejected++;
        }
        error(r.arrivalS());
        unlink(r);
    }

    /** Takes {@code r} off the unfinished list; the first open windows settle if it was their last. */
    private void unlink(InFlight r) {
        if (unfinishedList.remove(r)) {
            uptime.settleFinished(unfinishedList);
            if (series != uptime) {
                series.settleFinished(unfinishedList);
            }
        }
    }

    /** Uptime window {@code i} ended at {@code nowS}. */
    void uptimeWindowEnded(int i, double nowS) {
        uptime.ended(i, nowS, unfinishedList);
    }

    /** Time-series window {@code i} ended at {@code nowS} (kept apart from the uptime windows). */
    void seriesWindowEnded(int i, double nowS) {
        series.ended(i, nowS, unfinishedList);
    }

    private void error(double arrivalS) {
        uptime.failed(arrivalS);
        if (series != uptime) {
            series.failed(arrivalS);
        }
    }

    /**
     * The period stops now ({@code nowS}, after its last window closed): every request still
     * unfinished is counted, as an error of the window it arrived in, and recorded in the
     * latencies at its age; nothing is counted after this.
     */
    void stop(double nowS) {
        for (InFlight r = unfinishedList.oldest(); r != null; r = r.next) {
            unfinished++;
            error(r.arrivalS());
            double ageS = nowS - r.arrivalS();
            latency.recordSeconds(ageS);
            if (r.origin() >= 0) {
                byRegion[r.origin()].recordSeconds(ageS);
            }
        }
        unfinishedList.clear();
        stopped = true;
        uptime.stop();
        series.stop();
    }

    public Horizon horizon() {
        return horizon;
    }

    public LatencyRecorder latency() {
        return latency;
    }

    /** End-to-end latency by the region the requests started in (empty without regions). */
    public Map<String, LatencyRecorder> latencyByRegion() {
        Map<String, LatencyRecorder> map = new LinkedHashMap<>();
        for (int i = 0; i < byRegion.length; i++) {
            map.put(regions.get(i), byRegion[i]);
        }
        return map;
    }

    /** Requests that arrived in uptime window {@code i}. */
    public long windowArrivals(int i) {
        return uptime.arrivals(i);
    }

    /** Failed requests that arrived in uptime window {@code i}, and (once stopped) those left unfinished. */
    public long windowErrors(int i) {
        return uptime.errors(i);
    }

    /** The figures per uptime window. */
    public ArrivalWindows uptimeWindows() {
        return uptime;
    }

    /** The figures per time-series window (the uptime windows' own when the lengths agree). */
    public ArrivalWindows seriesWindows() {
        return series;
    }

    public long arrived() {
        return arrived;
    }

    public long completed() {
        return completed;
    }

    public long rejected() {
        return rejected;
    }

    public long timedOut() {
        return timedOut;
    }

    /** Requests still unfinished when the period stopped (0 before). */
    public long unfinished() {
        return unfinished;
    }
}
