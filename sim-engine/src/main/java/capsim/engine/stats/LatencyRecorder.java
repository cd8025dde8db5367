package capsim.engine.stats;

import org.HdrHistogram.Histogram;

/**
 * Records latencies given in seconds into an HdrHistogram with microsecond resolution and 3
 * significant digits (so any reported percentile is within 0.1% of the recorded value, plus
 * half a microsecond of rounding). Values beyond the trackable range (one hour) are clamped to
 * it and counted in {@link #clamped()}; values below one microsecond count as one in the
 * histogram. The mean is exact: a sum of the recorded microseconds, not the histogram's buckets.
 */
public final class LatencyRecorder {
    /** Highest trackable latency: one hour, in microseconds. */
    public static final long HIGHEST_TRACKABLE_US = 3_600_000_000L;
    /** Significant decimal digits kept by a default recorder. */
    public static final int SIGNIFICANT_DIGITS = 3;
    private final Histogram histogram;
    private long clamped;
    private long sumUs;

    /** A recorder with {@link #SIGNIFICANT_DIGITS} significant digits. */
    public LatencyRecorder() {
        this(SIGNIFICANT_DIGITS);
    }

    /** A recorder keeping {@code significantDigits} (0..5) significant decimal digits. */
    LatencyRecorder(int significantDigits) {
        histogram = new Histogram(1, HIGHEST_TRACKABLE_US, significantDigits);
    }

    private LatencyRecorder(Histogram histogram, long clamped, long sumUs) {
        this.histogram = histogram;
        this.clamped = clamped;
        this.sumUs = sumUs;
    }

    /**
     * A recorder read back from storage: it takes {@code histogram} as it is (its values in
     * microseconds), {@link #clamped()} and {@link #sumMicros()} as they were when it was stored.
     */
    public static LatencyRecorder restore(Histogram histogram, long clamped, long sumMicros) {
        if (clamped < 0 || sumMicros < 0) {
            throw new IllegalArgumentException("clamped and sum must be >= 0, were " + clamped + ", " + sumMicros);
        }
        return new LatencyRecorder(histogram, clamped, sumMicros);
    }

    /** Records one latency, in seconds. */
    public void recordSeconds(double latencyS) {
        recordMicros(Math.round(latencyS * 1e6));
    }

    /** Records one latency, in microseconds (negative values count as 0). */
    public void recordMicros(long us) {
        long v = Math.max(us, 0);
        if (v > HIGHEST_TRACKABLE_US) {
            v = HIGHEST_TRACKABLE_US;
            clamped++;
        }
        histogram.recordValue(Math.max(v, 1)); // below the resolution: the lowest discernible value
        sumUs += v;
    }

    /** Adds every value recorded by {@code other}. */
    public void add(LatencyRecorder other) {
        histogram.add(other.histogram);
        clamped += other.clamped;
        sumUs += other.sumUs;
    }

    /** Forgets every value recorded so far (e.g. at the end of warm-up). */
    public void reset() {
        histogram.reset();
        clamped = 0;
        sumUs = 0;
    }

    /** Sum of the recorded values, microseconds. */
    public long sumMicros() {
        return sumUs;
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** How many values exceeded {@link #HIGHEST_TRACKABLE_US} and were clamped to it. */
    public long clamped() {
        return clamped;
    }

    /** Exact mean of the recorded values, ms (not the histogram's bucketed mean). */
    public double meanMs() {
        long n = count();
        return n == 0 ? 0 : sumUs / 1000.0 / n;
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
