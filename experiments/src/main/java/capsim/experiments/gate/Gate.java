package capsim.experiments.gate;

import capsim.experiments.summary.MetricPath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The CI gate: every SLO of the summary must pass, and with a baseline summary no SLO metric
 * may be worse than its baseline value by more than a tolerance, in the SLO's direction: for
 * "<=" a regression is now > baseline + tol x |baseline|, for ">=" now < baseline - tol x
 * |baseline| (so with a baseline of 0 any worsening counts). A metric the baseline lacks is
 * not compared.
 */
public final class Gate {
    private Gate() {
    }

    /** The gate rows of the {@code slo[]} entries of {@code summary}, compared with {@code baseline} when given. */
    public static List<GateRow> evaluate(JsonNode summary, Optional<JsonNode> baseline, double tolerancePct) {
        List<GateRow> rows = new ArrayList<>();
        for (JsonNode slo : summary.get("slo")) {
            String metric = slo.get("metric").asText();
            String op = slo.get("op").asText();
            double now = slo.get("value").asDouble();
            OptionalDouble before = baseline.map(b -> MetricPath.number(b, metric)).orElse(OptionalDouble.empty());
            boolean regressed = before.isPresent() && regressed(op, before.getAsDouble(), now, tolerancePct);
            rows.add(new GateRow(metric, op, slo.get("target").asDouble(), before, now, slo.get("pass").asBoolean(),
                    regressed));
        }
        return List.copyOf(rows);
    }

    /** Whether {@code now} is worse than {@code baseline} by more than {@code tolerancePct} percent, for {@code op}. */
    public static boolean regressed(String op, double baseline, double now, double tolerancePct) {
        double allowance = Math.abs(baseline) * tolerancePct / 100;
        return switch (op) {
            case "<=" -> now > baseline + allowance;
            case ">=" -> now < baseline - allowance;
            default -> throw new IllegalArgumentException("unknown op " + op);
        };
    }

    /** Reads a baseline summary.json; it must hold a JSON object. */
    public static JsonNode readBaseline(Path file) throws IOException {
        JsonNode tree = new ObjectMapper().readTree(file.toFile());
        if (tree == null || !tree.isObject()) {
            throw new IOException("not a summary.json object");
        }
        return tree;
    }
}
