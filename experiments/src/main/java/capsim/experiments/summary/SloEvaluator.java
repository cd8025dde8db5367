package capsim.experiments.summary;

import capsim.models.load.ModelError;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.SloSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks targets against a summary: each SLO names a number of summary.json by its dotted
 * path and bounds it from above ({@code max}, op "<=") or below ({@code min}, op ">=").
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

    /** The verdict of every SLO, in order; every metric must name a number (see {@link #check}). */
    public static List<SloVerdict> evaluate(List<SloSpec> slos, JsonNode summary) {
        List<SloVerdict> verdicts = new ArrayList<>();
        for (SloSpec slo : slos) {
            double value = MetricPath.number(summary, slo.metric()).orElseThrow(
                    () -> new IllegalArgumentException("no number at " + slo.metric()));
            verdicts.add(new SloVerdict(slo.metric(), target(slo), op(slo), value, holds(slo, value)));
        }
        return List.copyOf(verdicts);
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
