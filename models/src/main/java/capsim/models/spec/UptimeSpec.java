package capsim.models.spec;

/**
 * {@code uptime:} a window of {@code window_s} is up when every latency SLO held in it and its
 * error ratio stayed at most {@code max_error_ratio}; the month has {@code days} days.
 */
public record UptimeSpec(double windowS, double maxErrorRatio, double days) {
    public static final UptimeSpec DEFAULT = new UptimeSpec(60, 0.01, 30);
}
