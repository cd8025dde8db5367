package capsim.engine.stats;

/**
 * The latency block of summary.json, in milliseconds: count, mean, percentiles, max, and the
 * 95% confidence interval of the p99 across replications ({@code p99Ci95Lo}..{@code p99Ci95Hi};
 * both equal p99 when there is one replication or no spread).
 */
public record LatencySummary(long count, double mean, double p50, double p90, double p95, double p99,
                             double p999, double max, double p99Ci95Lo, double p99Ci95Hi) {
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
