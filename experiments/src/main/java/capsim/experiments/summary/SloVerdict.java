package capsim.experiments.summary;

import capsim.engine.stats.ConfidenceInterval;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of {@code slo[]}: the metric, its target, the operator ("<=" or ">="), the value, the
 * point verdict {@code pass} (the value meets the target), the 95% interval of the value (empty
 * with one replication), the verdict with its uncertainty and, for an uncertain one, how many
 * replications in all would likely settle it.
 */
public record SloVerdict(String metric, double target, String op, double value, boolean pass, Verdict verdict,
                         Optional<ConfidenceInterval> ci95, OptionalInt replicationsToSettle) {
    /** PASS or FAIL when the 95% interval lies on one side of the target; UNCERTAIN when it contains it. */
    public enum Verdict {
        PASS, FAIL, UNCERTAIN
    }

    /** As JSON: {metric, target, op, value, pass, verdict, ci95 ([lo, hi] or null), replications_to_settle}. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("metric", metric);
        node.put("target", target);
        node.put("op", op);
        node.put("value", value);
        node.put("pass", pass);
        node.put("verdict", verdict.name());
        if (ci95.isPresent()) {
            ArrayNode ci = node.putArray("ci95");
            ci.add(ci95.get().lo());
            ci.add(ci95.get().hi());
        } else {
            node.putNull("ci95");
        }
        replicationsToSettle.ifPresent(n -> node.put("replications_to_settle", n));
        return node;
    }
}
