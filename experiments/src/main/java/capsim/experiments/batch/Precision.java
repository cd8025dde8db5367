package capsim.experiments.batch;

import capsim.engine.stats.ConfidenceInterval;
import capsim.experiments.summary.MetricPath;
import capsim.experiments.summary.SloEvaluator;
import capsim.experiments.summary.SummaryBuilder;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.SloSpec;
import capsim.models.system.ReplicationResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the replications so far answer the model's SLOs clearly enough to stop
 * ({@code run.precision}): every SLO metric's 95% interval is within the relative half-width
 * asked of its value, or lies wholly on one side of its target (its verdict no longer uncertain).
 * The interval of {@code uptime.*} metrics is the uptime estimate's own ({@code uptime.ci95});
 * that of any other metric is the summary's value plus or minus the half-width of the Student t
 * interval of its value in each replication's own summary (sequential stopping on a relative half-width: Law, "Simulation Modeling and
 * Analysis", 5th ed., section 9.4.1).
 */
public final class Precision {
    private Precision() {
    }

    /** One SLO's interval and whether it is precise enough or its verdict clear. */
    public record Check(String metric, double value, ConfidenceInterval ci95, boolean precise, boolean clear) {
        boolean settled() {
            return precise || clear;
        }
    }

    /** Every SLO's check on {@code results}, whose summary is {@code summary}. */
    public static List<Check> checks(ModelSpec spec, SummaryBuilder builder, List<ReplicationResult> results,
                                     JsonNode summary) {
        double relative = spec.run().precisionRelative();
        List<JsonNode> each = new ArrayList<>();
        for (ReplicationResult r : results) {
            each.add(builder.build(List.of(r), 0));
        }
        List<Check> checks = new ArrayList<>();
        for (SloSpec slo : spec.slo()) {
            double value = MetricPath.number(summary, slo.metric()).orElseThrow();
            ConfidenceInterval ci = interval(slo.metric(), summary, each, value);
            boolean precise = results.size() >= 2 && ci.halfWidth() <= relative * Math.abs(value);
            double target = SloEvaluator.target(slo);
            boolean clear = results.size() >= 2 && (ci.lo() > target || ci.hi() < target);
            checks.add(new Check(slo.metric(), value, ci, precise, clear));
        }
        return checks;
    }

    /** True when every check is precise or clear. */
    public static boolean settled(List<Check> checks) {
        return checks.stream().allMatch(Check::settled);
    }

    private static ConfidenceInterval interval(String metric, JsonNode summary, List<JsonNode> each, double value) {
        JsonNode ci = summary.path("uptime").path("ci95");
        if (metric.startsWith("uptime.") && ci.isArray() && ci.size() == 2) {
            return new ConfidenceInterval(ci.get(0).asDouble(), ci.get(1).asDouble());
        }
        double[] values = new double[each.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = MetricPath.number(each.get(i), metric).orElse(value);
        }
        double halfWidth = ConfidenceInterval.ofMean95(values).halfWidth();
        return new ConfidenceInterval(value - halfWidth, value + halfWidth);
    }
}
