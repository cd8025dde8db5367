package capsim.experiments.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The SLO targets of a summary ({@code slo[]}) whose metric starts with a prefix. */
final class Targets {
    private Targets() {
    }

    /** A target on {@code metric}: {@code stat} is the metric's last part (p99, mean ...). */
    record Target(String metric, String stat, String op, double value) {
        String label(String unit) {
            return stat + " target " + op + " " + Numbers.plain(value) + unit;
        }
    }

    /** The targets whose metric is {@code prefix} + one more part, in file order. */
    static List<Target> under(JsonNode summary, String prefix) {
        List<Target> targets = new ArrayList<>();
        for (JsonNode slo : summary.path("slo")) {
            String metric = slo.path("metric").asText();
            if (metric.startsWith(prefix) && !metric.substring(prefix.length()).contains(".")) {
                targets.add(new Target(metric, metric.substring(prefix.length()), slo.path("op").asText(),
                        slo.path("target").asDouble()));
            }
        }
        return targets;
    }
}
