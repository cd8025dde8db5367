package capsim.models.period;

import capsim.engine.stats.LatencyRecorder;
import capsim.engine.stats.WindowFigures;

/**
 * One request class's figures per window of one length from {@code startS}, each request
 * counted in the window it ARRIVED in, whenever it finishes: requests arrived, completed (with
 * their latency) and failed or left unfinished (errors).
 *
 * <p>A window's latency figures freeze when it settles: once it has ended and none of its
 * requests is still under way, or at the latest when {@link #MOST_OPEN} - 1 later windows have
 * ended too; then its requests still under way enter its percentiles and mean at their age, a
 * lower bound on their latency (right-censored), and when they finish they add to its counts
 * only. Counts are exact for every window; percentiles and means are exact for a window settled
 * without censoring. A latency is recorded into its window's histogram while the window is open;
 * a window's histogram is reused once it settles, so memory is {@link #MOST_OPEN} histograms at
 * most, whatever the number of windows, and settling is one pass over a histogram (no copy).
 */
public final class ArrivalWindows {
    /** The most windows open at once (the current one and those ended but not yet settled). */
    static final int MOST_OPEN = 8;
    /** No request under way: a window settled without censored ones. */
    private static final double[] NONE = {};
    private final double startS;
    private final double lengthS;
    private final long[] arrivals;
    private final long[] completed;
    private final long[] errors;
    private final WindowFigures figures;
    private final LatencyRecorder[] open = new LatencyRecorder[MOST_OPEN];
    /** Windows below this one are settled. */
    private int firstOpen;
    /** The last window that has ended (-1: none). */
    private int lastEnded = -1;

    ArrivalWindows(double startS, double lengthS, int windows) {
        this.startS = startS;
        this.lengthS = lengthS;
        this.arrivals = new long[windows];
        this.completed = new long[windows];
        this.errors = new long[windows];
        this.figures = new WindowFigures(windows);
    }

    /** The window of an arrival at {@code arrivalS}. */
    int index(double arrivalS) {
        return Math.min((int) ((arrivalS - startS) / lengthS), arrivals.length - 1);
    }

    void arrived(double arrivalS) {
        arrivals[index(arrivalS)]++;
    }

    /** A request that arrived at {@code arrivalS} failed or was left unfinished. */
    void failed(double arrivalS) {
        errors[index(arrivalS)]++;
    }

    /** A request that arrived at {@code arrivalS} completed after {@code latencyS} seconds. */
    void completed(double arrivalS, double latencyS) {
        int w = index(arrivalS);
        completed[w]++;
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

    /** Settles every ended window none of whose requests is among {@code underWay}, oldest first. */
    void settleFinished(InFlightList underWay) {
        while (firstOpen <= lastEnded && (underWay.oldest() == null
                || index(underWay.oldest().arrivalS()) > firstOpen)) {
            settle(NONE);
        }
    }

    /**
     * Window {@code i} ended at {@code nowS}: ended windows settle once their requests are done, and
     * one that has waited too long settles now, its requests among {@code underWay} at their age.
     */
    void ended(int i, double nowS, InFlightList underWay) {
        lastEnded = i;
        settleFinished(underWay);
        while (lastEnded - firstOpen >= MOST_OPEN - 1) {
            int w = firstOpen;
            InFlight first = underWay.oldest(); // past those of windows settled before
            while (first != null && index(first.arrivalS()) < w) {
                first = first.next;
            }
            int n = 0;
            for (InFlight r = first; r != null && index(r.arrivalS()) == w; r = r.next) {
                n++;
            }
            double[] agesS = new double[n];
            InFlight r = first;
            for (int k = 0; k < n; k++, r = r.next) {
                agesS[k] = nowS - r.arrivalS();
            }
            settle(agesS);
            settleFinished(underWay);
        }
    }

    /** Settles every window still open (the period stopped: what is under way counts as errors). */
    void stop() {
        while (firstOpen < arrivals.length) {
            settle(NONE);
        }
    }

    /** Settles the first open window, with its requests under way at {@code censoredS} (their ages). */
    private void settle(double[] censoredS) {
        LatencyRecorder values = slot(firstOpen);
        for (double ageS : censoredS) {
            values.recordSeconds(ageS);
        }
        figures.put(firstOpen, values.histogram(), values.sumMicros());
        values.reset();
        firstOpen++;
    }

    public int windows() {
        return arrivals.length;
    }

    /** Requests that arrived in window {@code i}. */
    public long arrivals(int i) {
        return arrivals[i];
    }

    /** Requests that arrived in window {@code i} and completed (by the stop). */
    public long completed(int i) {
        return completed[i];
    }

    /** Failed requests that arrived in window {@code i}, and (once stopped) those left unfinished. */
    public long errors(int i) {
        return errors[i];
    }

    /**
     * End-to-end latency of the requests that arrived in each window (with those still under way
     * when a window settled, at their age then; its count includes them); read after the stop.
     */
    public WindowFigures latency() {
        return figures;
    }
}
