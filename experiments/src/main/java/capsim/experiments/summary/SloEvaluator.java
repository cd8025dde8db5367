package capsim.experiments.summary;

import capsim.engine.stats.ConfidenceInterval;
import capsim.experiments.summary.SloVerdict.Verdict;
import capsim.models.load.ModelError;
import capsim.models.metric.Metric;
import capsim.models.metric.MetricCatalog;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.SloSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks targets against a summary: each SLO names a number of summary.json by its dotted
 * path and bounds it from above ({@code max}, op "<=") or below ({@code min}, op ">="). The
 * verdict weighs the value's 95% interval ({@link MetricCatalog} says where it comes from: the
 * summary's own, or the Student t interval of the replications' values): PASS or FAIL when the
 * interval lies on one side of the target, UNCERTAIN when it contains it. With one replication
 * there is no interval, and the verdict is the point's.
 */
public final class SloEvaluator {
    private SloEvaluator() {
    }

    /** One error ({@code slo[i].metric}) per SLO whose metric names no number in {@code summary}. */
    public static List<ModelError> check(ModelSpec spec, JsonNode summary) {
        List<ModelError> errors = new ArrayList<>();
        for (int i = 0; i < spec.slo().size(); i++) {
            String metric = spec.slo().get(i).metric();
            int index = i;
            MetricPath.problem(summary, metric).ifPresent(problem -> errors.add(new ModelError(spec.source(), 0, 0,
                    "slo[" + index + "].metric", "unknown summary metric '" + metric + "': " + problem)));
        }
        return List.copyOf(errors);
    }

    /**
     * The verdict of every SLO, in order, on {@code summary} (merged over {@code replications})
     * and {@code perReplication}, the summary of each replication on its own (empty for one).
     */
    public static List<SloVerdict> evaluate(MetricCatalog catalog, List<SloSpec> slos, JsonNode summary,
                                            List<? extends JsonNode> perReplication, int replications) {
        List<SloVerdict> verdicts = new ArrayList<>();
        for (SloSpec slo : slos) {
            double value = MetricPath.number(summary, slo.metric()).orElseThrow(
                    () -> new IllegalArgumentException("no number at " + slo.metric()));
            Optional<ConfidenceInterval> ci = replications < 2 ? Optional.empty()
                    : interval(catalog.find(slo.metric()), slo.metric(), summary, perReplication);
            double target = target(slo);
            Verdict verdict = ci.map(c -> verdict(slo, c)).orElse(holds(slo, value) ? Verdict.PASS : Verdict.FAIL);
            OptionalInt settle = verdict == Verdict.UNCERTAIN
                    ? ci.get().replicationsToExclude(replications, target) : OptionalInt.empty();
            verdicts.add(new SloVerdict(slo.metric(), target, op(slo), value, holds(slo, value), verdict, ci, settle));
        }
        return List.copyOf(verdicts);
    }

    /** The 95% interval of {@code path}, as every command takes it ({@link ReplicationSamples#interval}). */
    private static Optional<ConfidenceInterval> interval(Optional<Metric> metric, String path, JsonNode summary,
                                                         List<? extends JsonNode> perReplication) {
        double[] values = perReplication.stream().mapToDouble(s -> MetricPath.number(s, path).orElse(Double.NaN))
                .toArray();
        return ReplicationSamples.interval(metric, path, summary, values);
    }

    /** PASS or FAIL when {@code ci} lies wholly on one side of the target, UNCERTAIN when it contains it. */
    static Verdict verdict(SloSpec slo, ConfidenceInterval ci) {
        boolean loHolds = holds(slo, ci.lo());
        boolean hiHolds = holds(slo, ci.hi());
        if (loHolds && hiHolds) {
            return Verdict.PASS;
        }
        return !loHolds && !hiHolds ? Verdict.FAIL : Verdict.UNCERTAIN;
    }

    /** "<=" for a {@code max} target, ">=" for a {@code min} target. */
    public static String op(SloSpec slo) {
        return slo.max().isPresent() ? "<=" : ">=";
    }

    /** The bound: {@code max} or {@code min}. */
    public static double target(SloSpec slo) {
        return slo.max().isPresent() ? slo.max().getAsDouble() : slo.min().orElseThrow();
    }

    /** Whether {@code value} meets the target. */
    public static boolean holds(SloSpec slo, double value) {
        return slo.max().isPresent() ? value <= slo.max().getAsDouble() : value >= slo.min().orElseThrow();
    }
}
