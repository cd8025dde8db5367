package capsim.experiments.summary;

import capsim.engine.stats.ConfidenceInterval;
import capsim.models.metric.Metric;
import capsim.models.metric.MetricCatalog;
import capsim.models.system.ReplicationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Any summary metric, replication by replication: the summary of each replication on its own,
 * so that the spread across replications (and, for two models run with common random numbers,
 * the paired differences) can be taken of every number a user can name. Uptime is the
 * exception: a failure mode strikes in only some replications, so a replication's own
 * {@code uptime.*} leaves out the modes that did not strike in it; use the merged summary's
 * {@code uptime.ci95} for it.
 */
public final class ReplicationSamples {
    private final List<ObjectNode> summaries;

    private ReplicationSamples(List<ObjectNode> summaries) {
        this.summaries = summaries;
    }

    /** The samples of {@code results} (in replication order), summarised by {@code builder}. */
    public static ReplicationSamples of(SummaryBuilder builder, List<ReplicationResult> results) {
        return new ReplicationSamples(results.stream().map(r -> builder.build(List.of(r), 0)).toList());
    }

    public int size() {
        return summaries.size();
    }

    /** The value of {@code metric} in each replication; NaN where a replication has none. */
    public double[] values(String metric) {
        return summaries.stream().mapToDouble(s -> {
            OptionalDouble v = MetricPath.number(s, metric);
            return v.isPresent() ? v.getAsDouble() : Double.NaN;
        }).toArray();
    }

    /**
     * The 95% interval of {@code metric} in {@code merged} (the summary of these replications), as
     * {@link #interval} takes it.
     */
    public Optional<ConfidenceInterval> ci95(JsonNode merged, String metric) {
        return interval(MetricCatalog.describe(metric), metric, merged, values(metric));
    }

    /**
     * The 95% interval of the metric at {@code path} ({@code metric} as the catalog declares it),
     * the one way every command takes it: the merged summary's own interval where the metric
     * catalog names one (a p99's {@code p99_ci95}: the Student t interval of the replications'
     * p99s; the uptime's {@code ci95}); for a {@code uptime.*} metric without one, none; else the
     * Student t interval of the mean of the replications' values {@code perReplication} (NaN where
     * a replication has none). None with fewer than two values: one replication has no interval.
     */
    public static Optional<ConfidenceInterval> interval(Optional<Metric> metric, String path, JsonNode merged,
                                                        double[] perReplication) {
        if (metric.flatMap(Metric::intervalPath).isPresent() || mergedOnly(path)) {
            return ownInterval(merged, metric);
        }
        double[] finite = Arrays.stream(perReplication).filter(Double::isFinite).toArray();
        return finite.length < 2 ? Optional.empty() : Optional.of(ConfidenceInterval.ofMean95(finite));
    }

    /**
     * The 95% interval {@code summary} holds for {@code metric} itself, at the path the metric
     * catalog names for it (a p99's {@code p99_ci95}, the uptime's {@code ci95}); none when the
     * catalog names none or the summary's is null.
     */
    public static Optional<ConfidenceInterval> ownInterval(JsonNode summary, Optional<Metric> metric) {
        return metric.flatMap(Metric::intervalPath).flatMap(own -> {
            OptionalDouble lo = MetricPath.number(summary, own + ".0");
            OptionalDouble hi = MetricPath.number(summary, own + ".1");
            return lo.isPresent() && hi.isPresent() && lo.getAsDouble() <= hi.getAsDouble()
                    ? Optional.of(new ConfidenceInterval(lo.getAsDouble(), hi.getAsDouble())) : Optional.empty();
        });
    }

    /** Whether {@code metric} is judged from the merged estimate only (see the class comment). */
    public static boolean mergedOnly(String metric) {
        return metric.startsWith("uptime.");
    }
}
