package capsim.engine.stats;

import org.HdrHistogram.Histogram;

/**
 * Per-window count, mean, p50, p95 and p99 of the values recorded into a cumulative
 * {@link LatencyRecorder}, attributed by the simulated time at which they were recorded:
 * {@link #close(int)} at a window's end takes the difference between the cumulative histogram
 * and its copy from the previous close. Each value is recorded once (into the cumulative
 * histogram), which halves the recording cost against a histogram per window, and memory does
 * not grow with the number of windows. The figures are those of {@link WindowFigures}.
 */
public final class WindowedLatency {
    private final LatencyRecorder cumulative;
    private final WindowFigures figures;
    private Histogram previous;
    private Histogram delta;
    private long previousSumUs;

    public WindowedLatency(LatencyRecorder cumulative, int windows) {
        this.cumulative = cumulative;
        this.figures = new WindowFigures(windows);
    }

    /** Closes window {@code i}: what was recorded since the previous close belongs to it. */
    public void close(int i) {
        Histogram now = cumulative.histogram();
        // two histograms kept and refilled in place: a close allocates nothing after the first
        if (delta == null) {
            delta = now.copy();
        } else {
            now.copyInto(delta);
        }
        if (previous != null) {
            delta.subtract(previous);
        }
        figures.put(i, delta, cumulative.sumMicros() - previousSumUs);
        if (previous == null) {
            previous = now.copy();
        } else {
            now.copyInto(previous);
        }
        previousSumUs = cumulative.sumMicros();
    }

    public int windows() {
        return figures.windows();
    }

    /** Values recorded in window {@code i}. */
    public long count(int i) {
        return figures.count(i);
    }

    public double meanMs(int i) {
        return figures.meanMs(i);
    }

    public double p50Ms(int i) {
        return figures.p50Ms(i);
    }

    public double p95Ms(int i) {
        return figures.p95Ms(i);
    }

    public double p99Ms(int i) {
        return figures.p99Ms(i);
    }
}
