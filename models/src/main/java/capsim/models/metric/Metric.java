package capsim.models.metric;

import java.util.Optional;

/**
 * One number of summary.json a user can name: its dotted {@code path}
 * ({@code classes.api.latency_ms.p99}), its {@code unit}, the direction in which it is
 * {@code better}, and {@code intervalPath}, the path of the 95% interval the summary holds for
 * it when it has its own (a p99's {@code p99_ci95}, the uptime's {@code ci95}); without one, its
 * interval is the Student t interval of the replications' own values.
 */
public record Metric(String path, String unit, Better better, Optional<String> intervalPath) {
    /** Which way the number is better. */
    public enum Better {
        /** Smaller is better (latencies, errors, cost). */
        LOWER,
        /** Larger is better (throughput, uptime). */
        HIGHER,
        /** Neither: a count of what was offered. */
        NEITHER
    }

    /** A metric whose interval comes from the replications' own values. */
    public Metric(String path, String unit, Better better) {
        this(path, unit, better, Optional.empty());
    }
}
