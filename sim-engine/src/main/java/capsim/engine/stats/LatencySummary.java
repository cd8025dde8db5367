package capsim.engine.stats;

import java.util.List;

/**
 * The latency block of summary.json, in milliseconds: count, mean, percentiles, max, and the
 * 95% confidence interval of the p99 across replications ({@code p99Ci95Lo}..{@code p99Ci95Hi};
 * both equal p99 when there is one replication or no spread).
 */
public record LatencySummary(long count, double mean, double p50, double p90, double p95, double p99,
                             double p999, double max, double p99Ci95Lo, double p99Ci95Hi) {
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Merges the recorders of all replications: count, mean, percentiles and max from the merged
     * histogram; the p99 interval is the Student t 95% interval of the replications' own p99s
     * (replications that recorded nothing have no p99 and are left out of it).
     */
    public static LatencySummary merge(List<LatencyRecorder> perReplication) {
        LatencyRecorder all = new LatencyRecorder();
        double[] p99s = perReplication.stream()
                .filter(r -> r.count() > 0)
                .mapToDouble(r -> r.percentileMs(99))
                .toArray();
        perReplication.forEach(all::add);
        if (all.count() == 0) {
            return EMPTY;
        }
        ConfidenceInterval p99Ci = ConfidenceInterval.ofMean95(p99s);
        return new LatencySummary(all.count(), all.meanMs(), all.percentileMs(50), all.percentileMs(90),
                all.percentileMs(95), all.percentileMs(99), all.percentileMs(99.9), all.maxMs(),
                Math.max(0, p99Ci.lo()), p99Ci.hi()); // a latency cannot be negative
    }
}
