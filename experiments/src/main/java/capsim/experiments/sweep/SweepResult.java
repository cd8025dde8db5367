package capsim.experiments.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a sweep found: each point's summary and SLO rows, and the best point that passes every
 * SLO (empty without {@code choose}, or when none passes). {@code parameters} and
 * {@code sloMetrics} name the columns of the table and the CSV.
 */
public record SweepResult(List<String> parameters, List<String> sloMetrics, List<Point> points,
                          Optional<String> chooseMetric, Optional<Best> best) {

    /** One point's summary, its SLO rows by metric (in {@code sloMetrics} order) and whether all passed. */
    public record Point(SweepPoint point, ObjectNode summary, Map<String, SloRow> slo, boolean allPass) {
        /** The summary's number at {@code metric}, if there is one. */
        public OptionalDouble value(String metric) {
            return capsim.experiments.summary.MetricPath.number(summary, metric);
        }
    }

    /** An SLO metric at one point: its value, 95% interval (empty when there is none) and verdict. */
    public record SloRow(double value, Optional<double[]> ci95, String verdict) {
    }

    /** The chosen point, the parameters it sets and its value of the choose metric. */
    public record Best(int point, Map<String, String> params, double value) {
    }
}
