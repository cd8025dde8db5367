package capsim.models.period;

import capsim.engine.station.Outcome;
import capsim.engine.stats.LatencyRecorder;
import capsim.engine.stats.WindowFigures;
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
 * unfinished ({@link ArrivalWindows}; a window still waiting for its requests
 * {@link ArrivalWindows#MOST_OPEN} windows after it ended takes those under way at their age
 * then). At the stop ({@link #stop}) the figures freeze, so that arrived = completed + rejected +
 * timed out + unfinished; each unfinished request is then recorded in the latencies (not the
 * windows') at its age, a lower bound on its latency (a right-censored observation).
 *
 * <p>Requests are told in the order they arrived, so the list of unfinished ones is oldest first.
 */
public final class ClassRecorder {
    private final Horizon horizon;
    private final List<String> regions;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final ArrivalWindows windows;
    private final long[] windowErrors;
    private final long[] windowArrivals;
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
        this.windows = new ArrivalWindows(latency, horizon.windows());
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
        unfinishedList.add(r);
    }

    /** Request {@code r} completed at {@code timeS}; it counts if that is by the period's stop. */
    public void completed(InFlight r, double timeS) {
        if (stopped || !horizon.finishesInRun(timeS)) {
            return; // a station may tell a departure beyond the stop at once; it is not seen to finish
        }
        completed++;
        double latencyS = timeS - r.arrivalS();
        windows.record(window(r.arrivalS()), latencyS); // into the latencies and its arrival window's
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

    /** Takes {@code r} off the unfinished list; the first open window settles if that was its last. */
    private void unlink(InFlight r) {
        if (unfinishedList.remove(r)) {
            settleFinished();
        }
    }

    /** Settles every ended window none of whose requests is under way, oldest first. */
    private void settleFinished() {
        while (windows.mayAdvance() && (unfinishedList.oldest() == null
                || window(unfinishedList.oldest().arrivalS()) > windows.firstOpen())) {
            windows.settle();
        }
    }

    /**
     * Window {@code i} ended at {@code nowS}: ended windows settle once their requests are done,
     * and a window that has waited too long settles now, its requests under way at their age.
     */
    void windowEnded(int i, double nowS) {
        windows.ended(i);
        settleFinished();
        while (windows.mustAdvance()) {
            int w = windows.firstOpen();
            InFlight first = unfinishedList.oldest(); // past those of windows settled before
            while (first != null && window(first.arrivalS()) < w) {
                first = first.next;
            }
            int n = 0;
            for (InFlight r = first; r != null && window(r.arrivalS()) == w; r = r.next) {
                n++;
            }
            double[] agesS = new double[n];
            InFlight r = first;
            for (int k = 0; k < n; k++, r = r.next) {
                agesS[k] = nowS - r.arrivalS();
            }
            windows.settle(agesS);
            settleFinished();
        }
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
        for (InFlight r = unfinishedList.oldest(); r != null; r = r.next) {
            unfinished++;
            windowErrors[window(r.arrivalS())]++;
            double ageS = nowS - r.arrivalS();
            latency.recordSeconds(ageS);
            if (r.origin() >= 0) {
                byRegion[r.origin()].recordSeconds(ageS);
            }
        }
        unfinishedList.clear();
        stopped = true;
        while (windows.firstOpen() < windows.windows()) {
            windows.settle();
        }
    }

    public Horizon horizon() {
        return horizon;
    }

    /** End-to-end latencies of the completed and (once stopped, at their age) unfinished requests. */
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

    /** Requests that arrived in window {@code i} and completed (by the stop). */
    public long windowCompleted(int i) {
        return windows.count(i);
    }

    /**
     * End-to-end latency of the requests that arrived in each window (with those still under way
     * when a window settled, at their age then); read after the stop.
     */
    public WindowFigures windowLatency() {
        return windows.figures();
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
