package capsim.experiments.result;

import capsim.experiments.summary.MetricPath;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a sweep leaves in its folder, in memory: {@code sweep.json} (the parameters, each point's
 * values, SLO rows, uptime and cost, the best point) and each point's {@code summary.json}, by
 * point number. The sweep's charts and report.html are drawn from it, whether the sweep has just
 * run or {@code capsim report DIR} reads it back.
 */
public record SweepData(JsonNode sweep, Map<Integer, JsonNode> summaries) {
    /** The cost metric plotted against latency. */
    public static final String COST = "cost.monthly_usd";

    public SweepData {
        summaries = Map.copyOf(summaries);
    }

    /** The swept parameters' paths, in column order. */
    public List<String> parameters() {
        List<String> names = new ArrayList<>();
        sweep.path("parameters").forEach(p -> names.add(p.asText()));
        return names;
    }

    /** The points' entries of sweep.json, in order. */
    public List<JsonNode> points() {
        List<JsonNode> points = new ArrayList<>();
        sweep.path("points").forEach(points::add);
        return points;
    }

    /** The best point's number; empty when none passes every SLO or no choose metric was given. */
    public Optional<Integer> best() {
        JsonNode best = sweep.path("best");
        return best.isObject() ? Optional.of(best.path("point").asInt()) : Optional.empty();
    }

    /** The summary of point {@code point}. */
    public JsonNode summary(int point) {
        return summaries.get(point);
    }

    /** Point {@code point}'s value of summary metric {@code metric}, if it has one. */
    public OptionalDouble value(int point, String metric) {
        JsonNode s = summaries.get(point);
        return s == null ? OptionalDouble.empty() : MetricPath.number(s, metric);
    }

    /**
     * The latency plotted against cost: the first SLO metric that is a p99, else the p99 of the
     * first class of the first point.
     */
    public String latencyMetric() {
        for (JsonNode p : points()) {
            for (JsonNode slo : p.path("slo")) {
                String m = slo.path("metric").asText();
                if (m.endsWith(".p99")) {
                    return m;
                }
            }
        }
        JsonNode first = points().isEmpty() ? null : summaries.get(points().get(0).path("point").asInt());
        String name = first == null || !first.path("classes").fieldNames().hasNext() ? "api"
                : first.path("classes").fieldNames().next();
        return "classes." + name + ".latency_ms.p99";
    }

    /** The target of {@code metric} in the first point's summary that sets one: {op, target}. */
    public Optional<JsonNode> target(String metric) {
        for (JsonNode p : points()) {
            for (JsonNode slo : summaries.getOrDefault(p.path("point").asInt(), p).path("slo")) {
                if (slo.path("metric").asText().equals(metric)) {
                    return Optional.of(slo);
                }
            }
        }
        return Optional.empty();
    }

    /** A point's parameter values as {@code path=value, ...} ({@code base} for a value left as the base's). */
    public static String params(JsonNode point) {
        List<String> parts = new ArrayList<>();
        point.path("params").fields().forEachRemaining(e -> parts.add(e.getKey() + "="
                + (e.getValue().isNull() ? "base" : e.getValue().asText())));
        return String.join(", ", parts);
    }
}
