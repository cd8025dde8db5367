package capsim.models.spec;

/**
 * {@code uptime:} a window of {@code window_s} is up when every latency SLO held in it and its
 * error ratio stayed at most {@code max_error_ratio}; the month has {@code days} days. Each
 * failure mode strikes in {@code strikes} replications (all of them when there are fewer).
 */
public record UptimeSpec(double windowS, double maxErrorRatio, double days, int strikes) {
    /** Replications in which each failure mode strikes, by default: one (the interval says how precise that is). */
    public static final int DEFAULT_STRIKES = 1;
    public static final UptimeSpec DEFAULT = new UptimeSpec(60, 0.01, 30, DEFAULT_STRIKES);
}
