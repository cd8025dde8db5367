package capsim.models.period;

import capsim.engine.station.Outcome;
import capsim.engine.stats.LatencyRecorder;
import capsim.engine.stats.WindowedLatency;
import capsim.models.tier.Horizon;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request class in one period: the requests that arrived in it, those that completed by its
 * stop (their end-to-end latency, overall, per window by completion time and by the region they
 * started in), those that failed, and those still unfinished at its stop. Failed and unfinished
 * requests count as errors of the window they arrived in. At the stop ({@link #stop}) the
 * figures freeze, so that arrived = completed + rejected + timed out + unfinished; each
 * unfinished request is then recorded in the latencies (not the windows') at its age, a lower
 * bound on its latency (a right-censored observation).
 */
public final class ClassRecorder {
    private final Horizon horizon;
    private final List<String> regions;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final WindowedLatency windows;
    private final long[] windowErrors;
    private final long[] windowArrivals;
    private final LatencyRecorder[] byRegion;
    private long arrived;
    private long completed;
    private long rejected;
    private long timedOut;
    private long unfinished;
    /** The oldest and newest unfinished request; null when none is. */
    private InFlight head;
    private InFlight tail;
    private boolean stopped;

    ClassRecorder(Horizon horizon, List<String> regions) {
        this.horizon = horizon;
        this.regions = List.copyOf(regions);
        this.windows = new WindowedLatency(latency, horizon.windows());
        this.windowErrors = new long[horizon.windows()];
        this.windowArrivals = new long[horizon.windows()];
        this.byRegion = new LatencyRecorder[regions.size()];
        Arrays.setAll(byRegion, i -> new LatencyRecorder());
    }

    /** Request {@code r} arrived: it is unfinished until it completes or fails. */
    public void arrival(InFlight r) {
        if (stopped) {
            return;
        }
        arrived++;
        windowArrivals[window(r.arrivalS())]++;
        r.previous = tail;
        if (tail == null) {
            head = r;
        } else {
            tail.next = r;
        }
        tail = r;
    }

    /** Request {@code r} completed at {@code timeS}; it counts if that is by the period's stop. */
    public void completed(InFlight r, double timeS) {
        if (stopped || !horizon.finishesInRun(timeS)) {
            return; // a station may tell a departure beyond the stop at once; it is not seen to finish
        }
        completed++;
        double latencyS = timeS - r.arrivalS();
        latency.recordSeconds(latencyS);
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
        windowErrors[window(r.arrivalS())]++;
        unlink(r);
    }

    private void unlink(InFlight r) {
        if (r.previous == null) {
            head = r.next;
        } else {
            r.previous.next = r.next;
        }
        if (r.next == null) {
            tail = r.previous;
        } else {
            r.next.previous = r.previous;
        }
        r.previous = null;
        r.next = null;
    }

    private int window(double arrivalS) {
        int w = (int) ((arrivalS - horizon.warmupS()) / horizon.windowS());
        return Math.min(w, windowErrors.length - 1);
    }

    /**
     * The period stops now ({@code nowS}, after its last window closed): every request still
     * unfinished is counted, as an error of the window it arrived in, and recorded in the
     * latencies at its age; nothing is counted after this.
     */
    void stop(double nowS) {
        for (InFlight r = head; r != null; r = r.next) {
            unfinished++;
            windowErrors[window(r.arrivalS())]++;
            double ageS = nowS - r.arrivalS();
            latency.recordSeconds(ageS);
            if (r.origin() >= 0) {
                byRegion[r.origin()].recordSeconds(ageS);
            }
        }
        head = null;
        tail = null;
        stopped = true;
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

    /** End-to-end latency per window, by the time the completion was recorded. */
    public WindowedLatency windows() {
        return windows;
    }

    /** Requests that arrived in window {@code i}. */
    public long windowArrivals(int i) {
        return windowArrivals[i];
    }

    /** Failed requests that arrived in window {@code i}, and (once stopped) those left unfinished. */
    public long windowErrors(int i) {
        return windowErrors[i];
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
