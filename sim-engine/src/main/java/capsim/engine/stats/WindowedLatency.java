package capsim.engine.stats;

import org.HdrHistogram.Histogram;

/**
 * Per-window count, mean, p50, p95 and p99 of the values recorded into a cumulative
 * {@link LatencyRecorder}, attributed by the simulated time at which they were recorded:
 * {@link #close(int)} at a window's end takes the difference between the cumulative histogram
 * and its copy from the previous close. Each value is recorded once (into the cumulative
 * histogram), which halves the recording cost against a histogram per window, and memory does
 * not grow with the number of windows.
 */
public final class WindowedLatency {
    private final LatencyRecorder cumulative;
    private final long[] counts;
    private final double[] meansMs;
    private final double[] p50sMs;
    private final double[] p95sMs;
    private final double[] p99sMs;
    private Histogram previous;
    private Histogram delta;
    private long previousSumUs;

    public WindowedLatency(LatencyRecorder cumulative, int windows) {
        this.cumulative = cumulative;
        this.counts = new long[windows];
        this.meansMs = new double[windows];
        this.p50sMs = new double[windows];
        this.p95sMs = new double[windows];
        this.p99sMs = new double[windows];
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
        long n = delta.getTotalCount();
        counts[i] = n;
        meansMs[i] = n == 0 ? 0 : (cumulative.sumMicros() - previousSumUs) / 1000.0 / n;
        p50sMs[i] = n == 0 ? 0 : delta.getValueAtPercentile(50) / 1000.0;
        p95sMs[i] = n == 0 ? 0 : delta.getValueAtPercentile(95) / 1000.0;
        p99sMs[i] = n == 0 ? 0 : delta.getValueAtPercentile(99) / 1000.0;
        if (previous == null) {
            previous = now.copy();
        } else {
            now.copyInto(previous);
        }
        previousSumUs = cumulative.sumMicros();
    }

    public int windows() {
        return counts.length;
    }

    /** Values recorded in window {@code i}. */
    public long count(int i) {
        return counts[i];
    }

    /** Exact mean of window {@code i}, ms (0 without values). */
    public double meanMs(int i) {
        return meansMs[i];
    }

    /** The median of window {@code i}, ms (0 without values), to 3 significant digits. */
    public double p50Ms(int i) {
        return p50sMs[i];
    }

    /** The 95th percentile of window {@code i}, ms (0 without values), to 3 significant digits. */
    public double p95Ms(int i) {
        return p95sMs[i];
    }

    /** The 99th percentile of window {@code i}, ms (0 without values), to 3 significant digits. */
    public double p99Ms(int i) {
        return p99sMs[i];
    }
}
