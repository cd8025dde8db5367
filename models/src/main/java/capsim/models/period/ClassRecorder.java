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
 * bound on its latency (a right-censored observation). The per-window figures are kept twice when
 * the time-series windows differ from the uptime windows ({@link Horizon#separateSeries()}): the
 * latencies of both come from the one cumulative histogram, so a value is still recorded once.
 */
public final class ClassRecorder {
    private final Horizon horizon;
    private final List<String> regions;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final Windows uptime;
    private final Windows series;
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
        this.uptime = new Windows(latency, horizon.warmupS(), horizon.windowS(), horizon.windows());
        this.series = horizon.separateSeries()
                ? new Windows(latency, horizon.warmupS(), horizon.seriesS(), horizon.seriesWindows()) : uptime;
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
        error(r.arrivalS());
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
        for (InFlight r = head; r != null; r = r.next) {
            unfinished++;
            error(r.arrivalS());
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

    /** End-to-end latency per uptime window, by the time the completion was recorded. */
    public WindowedLatency windows() {
        return uptime.latency();
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
    public Windows uptimeWindows() {
        return uptime;
    }

    /** The figures per time-series window (the uptime windows' own when the lengths agree). */
    public Windows seriesWindows() {
        return series;
    }

    /**
     * One class's figures per window of one length from {@code startS}: requests arrived, failed
     * requests by the window they arrived in, and the latency of completions by the time recorded.
     */
    public static final class Windows {
        private final double startS;
        private final double lengthS;
        private final WindowedLatency latency;
        private final long[] arrivals;
        private final long[] errors;

        Windows(LatencyRecorder cumulative, double startS, double lengthS, int count) {
            this.startS = startS;
            this.lengthS = lengthS;
            this.latency = new WindowedLatency(cumulative, count);
            this.arrivals = new long[count];
            this.errors = new long[count];
        }

        private int index(double arrivalS) {
            return Math.min((int) ((arrivalS - startS) / lengthS), arrivals.length - 1);
        }

        void arrived(double arrivalS) {
            arrivals[index(arrivalS)]++;
        }

        void failed(double arrivalS) {
            errors[index(arrivalS)]++;
        }

        /** Latency of the completions recorded in each window. */
        public WindowedLatency latency() {
            return latency;
        }

        /** Requests that arrived in window {@code i}. */
        public long arrivals(int i) {
            return arrivals[i];
        }

        /** Failed requests that arrived in window {@code i}, and (once stopped) those left unfinished. */
        public long errors(int i) {
            return errors[i];
        }
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
