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
 * started in), and those that failed (per window by arrival time).
 */
public final class ClassRecorder {
    private final Horizon horizon;
    private final List<String> regions;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final WindowedLatency windows;
    private final long[] windowErrors;
    private final LatencyRecorder[] byRegion;
    private long arrived;
    private long completed;
    private long rejected;
    private long timedOut;

    ClassRecorder(Horizon horizon, List<String> regions) {
        this.horizon = horizon;
        this.regions = List.copyOf(regions);
        this.windows = new WindowedLatency(latency, horizon.windows());
        this.windowErrors = new long[horizon.windows()];
        this.byRegion = new LatencyRecorder[regions.size()];
        Arrays.setAll(byRegion, i -> new LatencyRecorder());
    }

    /** A request arrived. */
    public void arrival() {
        arrived++;
    }

    /**
     * A request that arrived at {@code arrivalS} in region {@code origin} (-1: none) completed at
     * {@code timeS}; it counts if that is by the period's stop.
     */
    public void completed(double arrivalS, double timeS, int origin) {
        if (!horizon.finishesInRun(timeS)) {
            return; // a station may tell a departure beyond the stop at once; it is not seen to finish
        }
        completed++;
        latency.recordSeconds(timeS - arrivalS);
        if (origin >= 0) {
            byRegion[origin].recordSeconds(timeS - arrivalS);
        }
    }

    /** A request that arrived at {@code arrivalS} failed with {@code outcome}. */
    public void failed(double arrivalS, Outcome outcome) {
        if (outcome == Outcome.TIMED_OUT) {
            timedOut++;
        } else {
            rejected++;
        }
        int w = (int) ((arrivalS - horizon.warmupS()) / horizon.windowS());
        windowErrors[Math.min(w, windowErrors.length - 1)]++;
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

    /** Failed requests that arrived in window {@code i}. */
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
}
