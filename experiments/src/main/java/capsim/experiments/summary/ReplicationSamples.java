package capsim.experiments.summary;

import capsim.engine.stats.ConfidenceInterval;
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
     * The 95% interval of {@code metric} in {@code merged} (the summary of these replications):
     * for {@code uptime.ratio} the merged estimate's own {@code uptime.ci95}, for other
     * {@code uptime.*} none, for everything else the Student t interval of the mean of the
     * replications' values.
     */
    public Optional<ConfidenceInterval> ci95(JsonNode merged, String metric) {
        if (mergedOnly(metric)) {
            JsonNode ci = merged.path("uptime").path("ci95");
            return metric.equals("uptime.ratio") && ci.size() == 2
                    ? Optional.of(new ConfidenceInterval(ci.get(0).asDouble(), ci.get(1).asDouble())) : Optional.empty();
        }
        double[] finite = Arrays.stream(values(metric)).filter(Double::isFinite).toArray();
        return finite.length == 0 ? Optional.empty() : Optional.of(ConfidenceInterval.ofMean95(finite));
    }

    /** Whether {@code metric} is judged from the merged estimate only (see the class comment). */
    public static boolean mergedOnly(String metric) {
        return metric.startsWith("uptime.");
    }
}
