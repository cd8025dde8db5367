package capsim.engine.stats;

import org.HdrHistogram.Histogram;

/**
 * Records latencies given in seconds into an HdrHistogram with microsecond resolution and 3
 * significant digits (so any reported percentile is within 0.1% of the recorded value, plus
 * half a microsecond of rounding). Values beyond the trackable range (one hour) are clamped to
 * it and counted in {@link #clamped()}.
 */
public final class LatencyRecorder {
    /** Highest trackable latency: one hour, in microseconds. */
    public static final long HIGHEST_TRACKABLE_US = 3_600_000_000L;
    private final Histogram histogram;
    private long clamped;
    private double sumMs;

    public LatencyRecorder() {
        histogram = new Histogram(1, HIGHEST_TRACKABLE_US, 3);
    }

    /** Records one latency, in seconds. */
    public void recordSeconds(double latencyS) {
        recordMicros(Math.round(latencyS * 1e6));
    }

    /** Records one latency, in microseconds. */
    public void recordMicros(long us) {
        long v = us;
        if (v < 1) {
            v = 1; // below the resolution: count it as the lowest discernible value
        } else if (v > HIGHEST_TRACKABLE_US) {
            v = HIGHEST_TRACKABLE_US;
            clamped++;
        }
        histogram.recordValue(v);
        sumMs += us / 1000.0;
    }

    /** Adds every value recorded by {@code other}. */
    public void add(LatencyRecorder other) {
        histogram.add(other.histogram);
        clamped += other.clamped;
        sumMs += other.sumMs;
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public long clamped() {
        return clamped;
    }

    /** Exact mean of the recorded values, ms (not the histogram's bucketed mean). */
    public double meanMs() {
        long n = count();
        return n == 0 ? 0 : sumMs / n;
    }

    /** The value at {@code percentile} (0..100), ms. */
    public double percentileMs(double percentile) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMs() {
        return count() == 0 ? 0 : histogram.getMaxValue() / 1000.0;
    }

    /** The underlying histogram (read-only use). */
    public Histogram histogram() {
        return histogram;
    }
}
