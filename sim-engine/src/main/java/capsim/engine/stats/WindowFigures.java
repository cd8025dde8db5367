package capsim.engine.stats;

import org.HdrHistogram.Histogram;

/**
 * The latency figures of each window, once it is done: count, exact mean, and p50, p95 and p99
 * (to the histogram's 3 significant digits), all 0 for a window without values.
 */
public final class WindowFigures {
    private final long[] counts;
    private final double[] meansMs;
    private final double[] p50sMs;
    private final double[] p95sMs;
    private final double[] p99sMs;

    public WindowFigures(int windows) {
        counts = new long[windows];
        meansMs = new double[windows];
        p50sMs = new double[windows];
        p95sMs = new double[windows];
        p99sMs = new double[windows];
    }

    /** Window {@code i} holds the values of {@code histogram} (microseconds), which sum to {@code sumUs}. */
    public void put(int i, Histogram histogram, long sumUs) {
        long n = histogram.getTotalCount();
        counts[i] = n;
        meansMs[i] = n == 0 ? 0 : sumUs / 1000.0 / n;
        p50sMs[i] = n == 0 ? 0 : histogram.getValueAtPercentile(50) / 1000.0;
        p95sMs[i] = n == 0 ? 0 : histogram.getValueAtPercentile(95) / 1000.0;
        p99sMs[i] = n == 0 ? 0 : histogram.getValueAtPercentile(99) / 1000.0;
    }

    public int windows() {
        return counts.length;
    }

    /** Values in window {@code i}. */
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
