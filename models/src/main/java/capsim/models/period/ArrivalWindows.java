package capsim.models.period;

import capsim.engine.stats.LatencyRecorder;
import capsim.engine.stats.WindowFigures;

/**
 * Per-window count, mean, p50, p95 and p99 of latencies, each attributed to the window its
 * request ARRIVED in, whenever it finishes. A window is open from its start until it is settled
 * (its figures freeze): once it has ended and none of its requests is still under way, or, at
 * the latest, when {@link #MOST_OPEN} - 1 later windows have ended too; then the requests of it
 * still under way enter its percentiles and mean at their age, a lower bound on their latency
 * (right-censored), and when they finish they add to its {@link #count} only. Counts are exact
 * for every window; percentiles and means are exact for a window settled without censoring.
 *
 * <p>Each latency is recorded into the cumulative recorder (so that it is complete at any time)
 * and, while its window is open, into that window's histogram. A window's histogram is reused
 * once it settles, so memory is {@link #MOST_OPEN} histograms at most, whatever the number of
 * windows, and settling costs one pass over a histogram (no copies).
 */
final class ArrivalWindows {
    /** The most windows open at once (the current one and those ended but not yet settled). */
    static final int MOST_OPEN = 8;
    private final LatencyRecorder cumulative;
    private final LatencyRecorder[] open = new LatencyRecorder[MOST_OPEN];
    /** Requests of each window that completed, whenever they did. */
    private final long[] counts;
    private final WindowFigures figures;
    /** Windows below this one are settled. */
    private int firstOpen;
    /** The last window that has ended (-1: none). */
    private int lastEnded = -1;

    ArrivalWindows(LatencyRecorder cumulative, int windows) {
        this.cumulative = cumulative;
        this.counts = new long[windows];
        this.figures = new WindowFigures(windows);
    }

    /** A request that arrived in window {@code w} finished after {@code latencyS} seconds. */
    void record(int w, double latencyS) {
        counts[w]++;
        cumulative.recordSeconds(latencyS);
        if (w >= firstOpen) {
            slot(w).recordSeconds(latencyS);
        }
    }

    private LatencyRecorder slot(int w) {
        int i = w % MOST_OPEN;
        if (open[i] == null) {
            open[i] = new LatencyRecorder();
        }
        return open[i];
    }

    /** Window {@code w} has ended: no request arrives in it any more. */
    void ended(int w) {
        lastEnded = w;
    }

    /** The first window not yet settled; {@link #windows()} when all are. */
    int firstOpen() {
        return firstOpen;
    }

    /** True when the first open window has ended and may settle (if nothing of it is under way). */
    boolean mayAdvance() {
        return firstOpen <= lastEnded;
    }

    /** True when the first open window must settle now, whatever of it is still under way. */
    boolean mustAdvance() {
        return lastEnded - firstOpen >= MOST_OPEN - 1;
    }

    /**
     * Settles the first open window, its requests under way recorded in its percentiles and mean
     * at {@code censoredS} (their ages; empty when none is under way).
     */
    void settle(double... censoredS) {
        int w = firstOpen;
        LatencyRecorder values = slot(w);
        for (double ageS : censoredS) {
            values.recordSeconds(ageS);
        }
        figures.put(w, values.histogram(), values.sumMicros());
        values.reset();
        firstOpen++;
    }

    int windows() {
        return counts.length;
    }

    /** Requests of window {@code i} that finished (completed). */
    long count(int i) {
        return counts[i];
    }

    /** Latency figures of each window (their counts include requests censored at settling); read once settled. */
    WindowFigures figures() {
        return figures;
    }
}
