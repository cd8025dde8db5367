package capsim.experiments.batch;

import capsim.engine.stats.ConfidenceInterval;
import capsim.experiments.summary.MetricPath;
import capsim.experiments.summary.SloEvaluator;
import capsim.experiments.summary.SummaryBuilder;
import capsim.models.metric.Metric;
import capsim.models.metric.MetricCatalog;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.SloSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the replications so far answer the model's SLOs clearly enough to stop
 * ({@code run.precision}): every SLO metric's 95% interval is within the relative half-width
 * asked of its value, or lies wholly on one side of its target (its verdict no longer uncertain).
 * The interval of {@code uptime.*} metrics is the uptime estimate's own ({@code uptime.ci95});
 * that of any other metric is the summary's value plus or minus the half-width of the Student t
 * interval of its {@code per_replication} values, each replication's own figure (sequential
 * stopping on a relative half-width: Law, "Simulation Modeling and Analysis", 5th ed., 9.4.1).
 * An uptime ratio is judged on what it misses, the downtime share {@code 1 - ratio}: a ratio near 1
 * is within 2% of its value with any interval narrower than 0.02, which says nothing about the
 * downtime (an interval of 99.6-100% is 200% of a 0.1% downtime).
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

    /** Every SLO's check on {@code summary}, the summary of {@code replications} replications. */
    public static List<Check> checks(ModelSpec spec, JsonNode summary, int replications) {
        double relative = spec.run().precisionRelative();
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < spec.slo().size(); i++) {
            SloSpec slo = spec.slo().get(i);
            double value = MetricPath.number(summary, slo.metric()).orElseThrow();
            ConfidenceInterval ci = interval(summary, summary.path("slo").path(i), value);
            boolean precise = replications >= 2 && ci.halfWidth() <= relative * Math.abs(scale(slo.metric(), value));
            double target = SloEvaluator.target(slo);
            boolean clear = replications >= 2 && (ci.lo() > target || ci.hi() < target);
            checks.add(new Check(slo.metric(), value, ci, precise, clear));
        }
        return checks;
    }

    /**
     * What a metric's relative precision is measured against: for an uptime ratio (a share of
     * the time, higher better: {@code uptime.ratio}, {@code uptime.availability}) the share it
     * misses, else the value itself.
     */
    static double scale(String metric, double value) {
        boolean uptimeShare = metric.startsWith(SummaryBuilder.UPTIME_PREFIX)
                && MetricCatalog.describe(metric).filter(m -> m.better() == Metric.Better.HIGHER).isPresent();
        return uptimeShare ? 1 - value : value;
    }

    /** True when every check is precise or clear. */
    public static boolean settled(List<Check> checks) {
        return checks.stream().allMatch(Check::settled);
    }

    /** The uptime estimate's own interval, or the value +- the t half-width of the SLO entry's per_replication values. */
    private static ConfidenceInterval interval(JsonNode summary, JsonNode entry, double value) {
        JsonNode each = entry.path("per_replication");
        if (!each.isArray()) {
            JsonNode ci = summary.path("uptime").path("ci95");
            return ci.isArray() && ci.size() == 2 ? new ConfidenceInterval(ci.get(0).asDouble(), ci.get(1).asDouble())
                    : new ConfidenceInterval(value, value);
        }
        double[] values = new double[each.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = each.get(i).asDouble();
        }
        double halfWidth = ConfidenceInterval.ofMean95(values).halfWidth();
        return new ConfidenceInterval(value - halfWidth, value + halfWidth);
    }
}
